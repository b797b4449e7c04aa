package fr.passerelle.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.TestRegions;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.Dimension;
import fr.passerelle.observatory.KeyFiguresReport;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownRow;
import fr.passerelle.observatory.NationalKeyFigures;
import fr.passerelle.observatory.NationalObservatory;
import fr.passerelle.observatory.ObservatoryFeed;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The federation's key figures PDF, on a sharing association of a region of its own whose measures
 * are the only ones of 2007 (the other tests and the demo data use other years):
 *
 * <pre>
 * received in 2007 at TJ-ANGERS: 12 EP (Jan 1..12), 7 CJSE, 3 TIG (post-sentenciel)
 * the EP of Jan 1..7: first interview 10 days later, ended COMPLETED on 2007-07-01 (181..175 days)
 * </pre>
 * Seven ended, not fewer: perturbed by at most 2, the ended count is never below the threshold of 5,
 * whatever the record keys (drawn from the measures' time-based ids), and never reaches the 10 a
 * median needs.
 * Every count is published perturbed (ADR 0009): within 2 of the count, never from 1 to 4, the same
 * measures as the same value in every table of the report; the 3 TIG are never printed as 3.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalKeyFiguresTest {

    private static final int YEAR = 2007;

    @Autowired
    MockMvc mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    ObservatoryFeed feed;

    @Autowired
    NationalObservatory observatory;

    @Autowired
    NationalKeyFigures keyFigures;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService logins;

    private String region;

    @BeforeAll
    void givenASharingAssociationWithMeasuresIn2007() {
        region = TestRegions.create(server);
        UUID org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association chiffres nationaux " + region, "Angers", "49", region, true, true), null);
        TenantContext.runAs(org, () -> {
            UUID worker = users.create(new UserAccounts.NewUser("cles." + region, "Intervenant", "c@example.org",
                    "Un-mot-de-passe-solide", null, List.of(Roles.CASE_WORKER), false, false));
            UUID person = persons.create(new Persons.PersonData("Chiffres", "Nationaux", LocalDate.of(1985, 5, 5),
                    "M", null, null, null, null, null, null, null), true);
            for (int day = 1; day <= 12; day++) {
                LocalDate received = LocalDate.of(YEAR, 1, day);
                UUID m = measure("EP", person, received);
                if (day <= 7) {
                    measures.perform(m, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
                    measures.perform(m, MeasureAction.START,
                            new Measures.ActionInput(null, received.plusDays(10), null, null));
                    measures.perform(m, MeasureAction.END, new Measures.ActionInput(null, LocalDate.of(YEAR, 7, 1),
                            MeasureOutcome.COMPLETED, null));
                }
            }
            for (int day = 1; day <= 7; day++) {
                measure("CJSE", person, LocalDate.of(YEAR, 2, day));
            }
            for (int day = 1; day <= 3; day++) {
                measure("TIG", person, LocalDate.of(YEAR, 3, day));
            }
        });
        feed.refresh();
    }

    /** The region and its association leave the shared database as they came (other tests count regions). */
    @AfterAll
    void removeTheRegion() {
        TestRegions.remove(server, region);
    }

    @Test
    void theReportHoldsTheFiguresTheObservatoryPublishes() {
        KeyFiguresReport report = keyFigures.report(YEAR, Locale.FRENCH);
        NationalObservatory.Result byType = observatory.compute(YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 12),
                NationalObservatory.Filters.none(), Dimension.MEASURE_TYPE);

        // The report's totals are the observatory's, published once for the same measures.
        assertThat(report.figure("measuresReceived").value()).isEqualByComparingTo(
                String.valueOf(byType.received().total()));
        assertThat(byType.received().total()).isBetween(20L, 24L);
        assertThat(byType.received().counts().total()).isEqualTo(22);
        assertThat(report.figure("measuresActive").value()).isEqualByComparingTo(String.valueOf(byType.active().total()));
        assertThat(byType.active().counts().total()).isEqualTo(15);
        assertThat(byType.ended().counts().grandTotal()).isEqualTo(7);
        assertThat(report.figure("measuresEnded").valueText()).isEqualTo(
                byType.ended().grandTotal() == null ? "s" : String.valueOf(byType.ended().grandTotal()));
        // Seven durations and seven delays: an exact population of 7 would pass the small-cell
        // suppression, but a median is given only on a perturbed population of at least 10 (at most 9 here).
        assertThat(byType.medianDurationTotal()).isNull();
        assertThat(report.figure("medianDuration").valueText()).isEqualTo("s");
        assertThat(report.figure("firstInterviewMedianDelay").valueText()).isEqualTo("s");
        // A year with no measure at all is "s" like every zero, not 0.
        assertThat(report.figure("measuresReceived").previousText()).isEqualTo("s");

        // Each type's line is the observatory's published cell; a type not listed has nothing shown.
        List<BreakdownRow> types = report.breakdown("byType").rows();
        for (int i = 0; i < byType.lines().size(); i++) {
            String label = byType.lines().get(i).label();
            BreakdownRow row = types.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
            Long published = byType.received().cell(i);
            assertThat(row.texts().get(0)).isEqualTo(published == null ? "s" : String.valueOf(published));
        }
        // The 3 TIG (alone post-sentenciel) are never printed as 3: not listed (nothing shown), or 5.
        assertThat(firstTexts(report, "byType", "(TIG)")).isSubsetOf("5");
        assertThat(firstTexts(report, "byField", "Post-sentenciel")).isSubsetOf("5");
        assertThat(Long.parseLong(row(report, "byType", "(EP)").texts().get(0))).isBetween(10L, 14L);
        assertThat(Long.parseLong(row(report, "byType", "(CJSE)").texts().get(0))).isBetween(5L, 9L);
        assertThat(row(report, "byRegion", region).texts()).containsExactly(
                String.valueOf(byType.received().total()), "s");
        // An outcome shown in neither year is not listed: here, every outcome but "completed" (7 of them, 5 to 9 shown).
        assertThat(report.breakdown("byOutcome").rows()).isNotEmpty();
        assertThat(report.breakdown("byOutcome").rows()).allMatch(r -> r.label().equals("Terminée à son terme"));
        assertThat(report.notes()).anyMatch(n -> n.contains("partagent leurs chiffres"))
                .anyMatch(n -> n.contains("secret statistique")).anyMatch(n -> n.contains("légèrement modifié"));
    }

    @Test
    void thePdfPrintsTheNetworkFiguresWithoutAHiddenCountAndIsAudited() throws Exception {
        MvcResult result = mvc.perform(asFederation("/observatory/national/key-figures.pdf?year=" + YEAR)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("chiffres-cles-reseau-2007.pdf");
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains("Chiffres clés nationaux 2007", "Réseau : associations qui partagent leurs chiffres",
                    "Année 2007, comparée à 2006", "membres partagent leurs chiffres", "« s » : secret statistique",
                    "Mesures reçues", "Nombre de mesures dont la saisine a été reçue pendant la période",
                    "Mesures reçues par région du réseau", "Région " + region, "Mesures reçues par champ",
                    "Mesures reçues par type de mesure", "Mesures terminées par issue", "Terminée à son terme",
                    "légèrement modifié");
            // The 3 TIG (alone post-sentenciel) are printed nowhere as 3.
            assertThat(text).doesNotContain("accueil et suivi 3", "Post-sentenciel 3");
        }
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event"
                + " where action = 'observatory.national.keyFigures.exported'").query(Long.class).single()).isPositive();
    }

    @Test
    void aBadYearGetsATranslatedMessage() throws Exception {
        for (String year : List.of("3000", "1800", "deux-mille")) {
            MvcResult refused = mvc.perform(asFederation("/observatory/national/key-figures.pdf?year=" + year)).andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(400);
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("Choisissez une année proposée dans la liste");
        }
        MvcResult page = mvc.perform(asFederation("/observatory/national")).andReturn();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"national-key-figures\"",
                "Chiffres clés nationaux de l’année (PDF)", "Télécharger les chiffres clés");
    }

    /** The year's text of the rows of a breakdown whose label holds the given text (none when not listed). */
    private static List<String> firstTexts(KeyFiguresReport report, String breakdown, String label) {
        return report.breakdown(breakdown).rows().stream().filter(r -> r.label().contains(label))
                .map(r -> r.texts().get(0)).toList();
    }

    private static BreakdownRow row(KeyFiguresReport report, String table, String label) {
        return report.breakdown(table).rows().stream().filter(r -> r.label().contains(label)).findFirst().orElseThrow();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder asFederation(String path) {
        PasserelleUser staff = (PasserelleUser) logins.loadUserByUsername("equipe.federale");
        return get(path).locale(Locale.FRENCH).with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities())));
    }

    private UUID measure(String type, UUID person, LocalDate received) {
        UUID typeId = catalogue.types().stream().filter(t -> t.code().equals(type)).findFirst().orElseThrow().id();
        return measures.create(person, new Measures.Mandate(typeId, "TJ-ANGERS", "PARQUET", null, null, null, received,
                null));
    }
}
