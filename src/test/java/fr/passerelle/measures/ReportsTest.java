package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.documents.PdfA;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Reports: written, returned, corrected, validated, sent, every version kept, rendered to PDF. */
@PasserelleIntegrationTest
class ReportsTest {

    @Autowired
    Reports reports;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void goesFromDraftToSentThroughTheServiceHeadsReviewKeepingEveryVersion() throws Exception {
        as("cheffe.service");
        UUID person = persons.create(new Persons.PersonData("Rapport", "Élodie", LocalDate.of(1987, 4, 4), null, null,
                null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JUGE_INSTRUCTION", null, null,
                "JI-2026/77", LocalDate.now(clock).minusDays(60), null));

        as("intervenant");
        UUID report = reports.create(measure, ReportKind.STAGE);
        assertThat(reports.get(report).body()).startsWith("Objet : rapport d’étape.");
        reports.save(report, "Objet : rapport d’étape.\n\nMme Rapport se présente à tous les entretiens.");
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        assertThatThrownBy(() -> reports.save(report, "changement après soumission"))
                .hasFieldOrPropertyWithValue("messageKey", "report.notEditable");
        assertThatThrownBy(() -> reports.move(report, ReportStatus.Move.VALIDATE, null, null))
                .isInstanceOf(AccessDeniedException.class);

        as("cheffe.service");
        assertThatThrownBy(() -> reports.move(report, ReportStatus.Move.RETURN, " ", null))
                .hasFieldOrPropertyWithValue("messageKey", "report.returnComment.required");
        reports.move(report, ReportStatus.Move.RETURN, "Préciser l’obligation de soins.", null);

        as("intervenant");
        assertThat(reports.get(report).status()).isEqualTo(ReportStatus.RETURNED);
        reports.save(report, "Objet : rapport d’étape.\n\nMme Rapport se présente à tous les entretiens.\n\n"
                + "L’obligation de soins est respectée (attestation du CSAPA du 3 novembre).");
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);

        as("cheffe.service");
        reports.move(report, ReportStatus.Move.VALIDATE, null, null);
        assertThatThrownBy(() -> reports.move(report, ReportStatus.Move.SEND, null, LocalDate.now(clock).plusDays(1)))
                .hasFieldOrPropertyWithValue("messageKey", "report.sentOn.invalid");
        reports.move(report, ReportStatus.Move.SEND, null, LocalDate.now(clock));

        Reports.Report sent = reports.get(report);
        assertThat(sent.status()).isEqualTo(ReportStatus.SENT);
        assertThat(sent.sentOn()).isEqualTo(LocalDate.now(clock));
        assertThat(sent.versions()).hasSize(3);
        assertThat(reports.ofMeasure(measure)).extracting(Reports.Summary::status).containsExactly(ReportStatus.SENT);

        byte[] pdf = reports.pdf(report);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Rapport d’étape", "Rapport Élodie", "JI-2026/77", "attestation du CSAPA",
                    "Tribunal judiciaire de Lyon", "version 3");
        }
    }

    @Test
    void thePdfNamesThePersonsBirthDateTheMagistrateTheAuthorAndTheValidatorAndIsAnArchivablePdfA() throws Exception {
        as("cheffe.service");
        UUID measure = measureOf("Signataire", LocalDate.of(1979, 11, 23), "JAP", "Mme Lambert");
        as("intervenant");
        UUID report = reports.create(measure, ReportKind.STAGE);
        reports.submit(report, "Objet : rapport d’étape.\n\nM. Signataire respecte ses obligations.");
        as("cheffe.service");
        reports.move(report, ReportStatus.Move.VALIDATE, null, null);

        byte[] pdf = reports.pdf(report);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Date de naissance", "23/11/1979",
                    "Magistrat mandant", "Juge de l’application des peines — Mme Lambert",
                    "Rédigé par", "Camille Martin",
                    "Validé par", "Nadia Benali, le " + LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    "L’intervenant(e)", "Le chef de service", "Signature :", "M. Signataire respecte ses obligations.");
        }
        assertThat(PdfA.violationsOf2b(pdf)).isEmpty();
    }

    @Test
    void theIncidentReportIsPrefilledFromTheRecordedIncidentAndLinkedBothWays() {
        as("cheffe.service");
        UUID measure = measureOf("Incident", LocalDate.of(1990, 2, 1), "JAP", null);
        as("intervenant");
        LocalDate occurred = LocalDate.now(clock).minusDays(2);
        UUID incident = followUp.recordIncident(measure, occurred, IncidentKind.ABSENCE,
                "Absent au rendez-vous du mardi, sans justificatif.");

        UUID report = reports.createForIncident(incident);

        Reports.Report written = reports.get(report);
        assertThat(written.kind()).isEqualTo(ReportKind.INCIDENT);
        assertThat(written.body()).startsWith("Objet : rapport d’incident.")
                .contains("Faits constatés le " + occurred.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " : Absence.",
                        "Absent au rendez-vous du mardi, sans justificatif.", "Mesures prises par le service.");
        assertThat(written.incident()).isEqualTo(new Reports.LinkedIncident(incident, occurred, IncidentKind.ABSENCE,
                "Absent au rendez-vous du mardi, sans justificatif."));
        assertThat(reports.reportsOfIncidents(measure)).containsExactly(Map.entry(incident, report));
        assertThat(reports.createForIncident(incident)).as("writing it again opens the same report").isEqualTo(report);
        assertThat(reports.ofMeasure(measure)).hasSize(1);
        assertThatThrownBy(() -> reports.createForIncident(UUID.randomUUID()))
                .hasFieldOrPropertyWithValue("status", 404);
    }

    @Test
    void twoSimultaneousClicksOnWriteTheIncidentReportOpenTheSameReport() throws Exception {
        as("cheffe.service");
        UUID measure = measureOf("Doubleclic", LocalDate.of(1991, 3, 3), "JAP", null);
        as("intervenant");
        UUID incident = followUp.recordIncident(measure, LocalDate.now(clock).minusDays(1), IncidentKind.ABSENCE,
                "Absent sans justificatif.");
        ExecutorService second = Executors.newSingleThreadExecutor();
        AtomicReference<Future<UUID>> secondClick = new AtomicReference<>();
        try {
            // The first click's transaction has written the report but not committed yet when the
            // second click runs: the second finds no report and inserts, so it waits on the unique index.
            UUID first = tx.execute(status -> {
                UUID written = reports.createForIncident(incident);
                Future<UUID> other = second.submit(() -> {
                    as("intervenant");
                    try {
                        return reports.createForIncident(incident);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
                // The second insert waits for this transaction to end (a lock on its transaction id).
                await().atMost(Duration.ofSeconds(30)).until(() -> OwnerSql.of(server).sql("""
                        select count(*) from pg_locks where locktype = 'transactionid' and not granted""")
                        .query(Integer.class).single() > 0);
                secondClick.set(other);
                return written;
            });

            assertThat(secondClick.get().get(30, TimeUnit.SECONDS)).isEqualTo(first);
            assertThat(reports.ofMeasure(measure)).hasSize(1);
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    void submittingWithAChangedTextSavesThatTextFirst() {
        as("cheffe.service");
        UUID measure = measureOf("Soumission", LocalDate.of(1985, 6, 15), "JAP", null);
        as("intervenant");
        UUID report = reports.create(measure, ReportKind.INITIAL);

        reports.submit(report, "Objet : rapport initial.\n\nTexte tapé juste avant de soumettre.");

        Reports.Report submitted = reports.get(report);
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.version()).isEqualTo(2);
        assertThat(submitted.body()).contains("Texte tapé juste avant de soumettre.");
        assertThat(submitted.authorName()).isEqualTo("Camille Martin");
    }

    private UUID measureOf(String lastName, LocalDate birthDate, String prescriberType, String prescriberName) {
        UUID person = persons.create(new Persons.PersonData(lastName, "Test", birthDate, null, null,
                null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
        return measures.create(person, new Measures.Mandate(type, "TJ-LYON", prescriberType, prescriberName, null,
                null, LocalDate.now(clock).minusDays(30), null));
    }

    @Test
    void isInvisibleToRolesWithoutTheReportPermission() {
        as("directrice");
        assertThatThrownBy(() -> reports.get(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
        assertThat(reports.ofMeasure(UUID.randomUUID())).isEmpty();
    }

    private PasserelleUser as(String username) {
        return fr.passerelle.SignedIn.as(users, username);
    }
}
