package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.Caseloads;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A real caseload moves in: statuses, case workers named as spreadsheets name them, ended measures
 * with their outcome and dates, file numbers and notes; unknown values mapped once and remembered;
 * errors grouped and handed back as a workbook; the imported measures found as "this import".
 */
@PasserelleIntegrationTest
class CaseloadImportTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** Notes longer than a step's reason (500 characters). */
    static final String LONG_NOTES = ("Incarcération. " + "Détenu à la maison d’arrêt, parloir demandé. ".repeat(15)).strip();

    static final String HEADER = "Nom;Prénom;Né(e) le;Type de mesure;Juridiction;Prescripteur;Date de réception;"
            + "Intervenant;Statut;Date de début;Date de fin;Issue;N° dossier;Observations";

    @Autowired
    ImportJobs jobs;

    @Autowired
    Caseloads caseloads;

    @Autowired
    fr.passerelle.measures.MeasureCatalogue catalogue;

    @Autowired
    fr.passerelle.measures.Measures measuresApi;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    /** A name no other test uses. */
    final String family = "Reprise" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
            + (char) ('a' + ThreadLocalRandom.current().nextInt(26)) + ThreadLocalRandom.current().nextInt(100_000);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEndedMeasureComesInEndedWithItsOutcomeDatesWorkerFileNumberNotesAndAnImportedHistory() throws Exception {
        SignedIn.as(users, "admin.asso");
        UUID id = upload(HEADER,
                family + ";Zoé;14/03/1985;TIG;TJ-LYON;Parquet;03/01/2025;Camille Martin;Terminée;10/01/2025;30/06/2025;"
                        + "Mainlevée;DOS-001;Suivi sans incident",
                family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;04/01/2025;S. Laurent;En cours;15/01/2025;;;DOS-002;",
                family + ";Léon;01/01/1970;CJSE;TJ-LYON;Parquet;05/01/2025;;Clôturée;;01/02/2025;Annulée;DOS-003;",
                family + ";Anaïs;02/02/1992;CJSE;TJ-LYON;Parquet;06/01/2025;intervenant.mfa;Suspendue;20/01/2025;;;;"
                        + LONG_NOTES,
                family + ";Inès;03/03/1993;CJSE;TJ-LYON;Parquet;07/01/2025;martin camille;;;;;DOS-005;");
        ImportJobs.Job job = run(id, true);

        assertThat(job.errors()).isEmpty();
        assertThat(job.status()).isEqualTo("IMPORTED");
        JdbcClient owner = OwnerSql.of(server);
        List<Map<String, Object>> measures = owner.sql("""
                select p.first_name, m.status, m.outcome, m.started_on, m.ended_on, u.username, m.file_number, m.notes,
                       m.import_job_id
                from measure m join person p on p.id = m.person_id left join app_user u on u.id = m.assigned_user_id
                where p.last_name = ? order by m.received_on""").param(family).query().listOfRows();
        assertThat(measures).extracting(m -> m.get("first_name"), m -> m.get("status"), m -> m.get("outcome"),
                m -> m.get("username"), m -> m.get("file_number")).containsExactly(
                        tuple("Zoé", "ENDED", "LIFTED_BY_MAGISTRATE", "intervenant", "DOS-001"),
                        tuple("Émile", "IN_PROGRESS", null, "intervenant.mfa", "DOS-002"),
                        tuple("Léon", "ENDED", "CANCELLED_BY_MAGISTRATE", null, "DOS-003"),
                        tuple("Anaïs", "SUSPENDED", null, "intervenant.mfa", null),
                        tuple("Inès", "ASSIGNED", null, "intervenant", "DOS-005"));
        assertThat(measures.get(0).get("started_on").toString()).isEqualTo("2025-01-10");
        assertThat(measures.get(0).get("ended_on").toString()).isEqualTo("2025-06-30");
        assertThat(measures.get(0).get("notes")).isEqualTo("Suivi sans incident");
        assertThat(measures.get(2).get("ended_on").toString()).isEqualTo("2025-02-01");
        // Notes longer than a step's reason stay whole in the notes; the suspension's reason is their start.
        assertThat(measures.get(3).get("notes")).isEqualTo(LONG_NOTES);
        String suspension = owner.sql("""
                select t.reason from measure_transition t join measure m on m.id = t.measure_id
                join person p on p.id = m.person_id
                where p.last_name = ? and p.first_name = 'Anaïs' and t.action = 'SUSPEND'""").param(family)
                .query(String.class).single();
        assertThat(suspension).hasSize(fr.passerelle.measures.Measures.REASON_MAX).startsWith("Incarcération").endsWith("…");
        assertThat(measures).allSatisfy(m -> assertThat(m.get("import_job_id")).isEqualTo(id));
        // Every step of the history says it was imported, by the importer, at the import.
        assertThat(owner.sql("""
                select t.action, t.to_status, t.effective_on, t.imported, t.actor_name from measure_transition t
                join measure m on m.id = t.measure_id join person p on p.id = m.person_id
                where p.last_name = ? and p.first_name = 'Zoé' order by t.occurred_at""").param(family)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), String.valueOf(rs.getObject(3)),
                        rs.getBoolean(4), rs.getString(5))).list())
                .containsExactly(tuple(null, "RECEIVED", "2025-01-03", true, "Julien Moreau"),
                        tuple("ASSIGN", "ASSIGNED", "null", true, "Julien Moreau"),
                        tuple("START", "IN_PROGRESS", "2025-01-10", true, "Julien Moreau"),
                        tuple("END", "ENDED", "2025-06-30", true, "Julien Moreau"));
        // The measure page shows them (to a service head: the administrator who imported reads no measure):
        // its file number, notes, and a timeline marked imported.
        SignedIn.as(users, "cheffe.service");
        UUID zoe = owner.sql("""
                select m.id from measure m join person p on p.id = m.person_id
                where p.last_name = ? and p.first_name = 'Zoé'""").param(family).query(UUID.class).single();
        fr.passerelle.measures.Measures.Measure measure = measuresApi.get(zoe);
        assertThat(List.of(measure.fileNumber(), measure.notes())).containsExactly("DOS-001", "Suivi sans incident");
        assertThat(measuresApi.timeline(zoe)).hasSize(4).allMatch(fr.passerelle.measures.Measures.Step::imported);
    }

    @Test
    void anEndedMeasureWithoutOutcomeEndDateOrWorkerAndAHistoryOutOfOrderAreErrors() throws Exception {
        SignedIn.as(users, "admin.asso");
        ImportJobs.Job job = run(upload(HEADER,
                family + ";Zoé;14/03/1985;TIG;TJ-LYON;Parquet;03/01/2025;Camille Martin;Terminée;;30/06/2025;;;",
                family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;04/01/2025;;En cours;;;;;",
                family + ";Léon;01/01/1970;CJSE;TJ-LYON;Parquet;05/01/2025;Camille Martin;;;;Décès;;",
                family + ";Anaïs;02/02/1992;CJSE;TJ-LYON;Parquet;06/01/2025;Camille Martin;Terminée;20/03/2025;"
                        + "01/02/2025;Terme;;"), false);

        assertThat(job.errors()).extracting(ImportJobs.RowError::row, ImportJobs.RowError::column,
                        ImportJobs.RowError::key)
                .containsExactly(tuple(2, "Statut", "import.error.outcomeRequired"),
                        tuple(2, "Date de début", "import.error.startedOnRequired"),
                        tuple(3, "Statut", "import.error.assigneeRequired"),
                        tuple(3, "Date de début", "import.error.startedOnRequired"),
                        tuple(4, "Issue", "import.error.endedOnRequired"),
                        tuple(4, "Date de début", "import.error.startedOnRequired"),
                        tuple(5, "Date de début", "import.error.startAfterEnd"));
        assertThat(personsNamed(family)).isZero();
    }

    @Test
    void aStartedMeasureNeedsItsFirstInterviewDateAndOnlyACancelledOneComesInWithoutStarting() throws Exception {
        SignedIn.as(users, "admin.asso");
        ImportJobs.Job refused = run(upload(HEADER,
                family + ";Zoé;14/03/1985;TIG;TJ-LYON;Parquet;03/01/2025;Camille Martin;En cours;;;;;",
                family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;04/01/2025;Camille Martin;Suspendue;;;;;Hôpital",
                family + ";Léon;01/01/1970;CJSE;TJ-LYON;Parquet;05/01/2025;Camille Martin;Terminée;;01/02/2025;"
                        + "Terme;;"), false);
        assertThat(refused.errors()).extracting(ImportJobs.RowError::row, ImportJobs.RowError::column,
                        ImportJobs.RowError::key)
                .containsExactly(tuple(2, "Date de début", "import.error.startedOnRequired"),
                        tuple(3, "Date de début", "import.error.startedOnRequired"),
                        tuple(4, "Date de début", "import.error.startedOnRequired"));

        ImportJobs.Job cancelled = run(upload(HEADER,
                family + ";Anaïs;02/02/1992;CJSE;TJ-LYON;Parquet;06/01/2025;;Terminée;;01/02/2025;Annulée;;"), true);
        assertThat(cancelled.status()).isEqualTo("IMPORTED");
        Map<String, Object> measure = OwnerSql.of(server).sql("""
                select m.status, m.started_on, m.ended_on from measure m join person p on p.id = m.person_id
                where p.last_name = ?""").param(family).query().singleRow();
        assertThat(measure.get("status")).isEqualTo("ENDED");
        assertThat(measure.get("started_on")).isNull();
        assertThat(measure.get("ended_on").toString()).isEqualTo("2025-02-01");
    }

    @Test
    void anOpenStatusBesideAnOutcomeOrAnEndDateIsAnErrorNotRewritten() throws Exception {
        SignedIn.as(users, "admin.asso");
        ImportJobs.Job job = run(upload(HEADER,
                family + ";Zoé;14/03/1985;TIG;TJ-LYON;Parquet;03/01/2025;Camille Martin;En cours;10/01/2025;;Terme;;",
                family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;04/01/2025;Camille Martin;Attribuée;;01/02/2025;;;",
                family + ";Léon;01/01/1970;CJSE;TJ-LYON;Parquet;05/01/2025;;Reçue;;;Annulée;;",
                family + ";Anaïs;02/02/1992;CJSE;TJ-LYON;Parquet;06/01/2025;Camille Martin;En cours;10/01/2025;;;;"),
                false);
        assertThat(job.errors()).extracting(ImportJobs.RowError::row, ImportJobs.RowError::column,
                        ImportJobs.RowError::key)
                .containsExactly(tuple(2, "Statut", "import.error.statusContradicts"),
                        tuple(3, "Statut", "import.error.statusContradicts"),
                        tuple(4, "Statut", "import.error.statusContradicts"));
    }

    @Test
    void everyKindOfErrorKeepsItsFirstRowsEvenAfterAThousandErrorsOfAnother() throws Exception {
        SignedIn.as(users, "admin.asso");
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            rows.add(family + ";Zoé" + i + ";31/02/1985;TIG;TJ-LYON;Parquet;03/01/2025;;;;;;;");
        }
        rows.add(family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;04/01/2025;;Peut-être;;;;;");
        ImportJobs.Job job = run(upload(HEADER, rows.toArray(String[]::new)), false);

        assertThat(job.errorCount()).isEqualTo(1006);
        assertThat(job.errorGroups()).extracting(ImportJobs.ErrorGroup::key, ImportJobs.ErrorGroup::count,
                        g -> g.errors().size())
                .containsExactly(tuple("import.error.date", 1005, ImportJobs.MAX_KEPT_PER_KIND),
                        tuple("import.error.status", 1, 1));
        assertThat(job.errorGroups().get(1).errors().get(0).row()).isEqualTo(1007);
    }

    @Test
    void aDeactivatedMeasureTypeIsNotOfferedForAnUnknownValue() {
        SignedIn.as(users, "admin.asso");
        fr.passerelle.measures.MeasureCatalogue.MeasureType stage = catalogue.types().stream()
                .filter(t -> "STAGE_SEXISME".equals(t.code())).findFirst().orElseThrow();
        assertThat(jobs.knownValues().of(ImportField.MEASURE_TYPE)).extracting(KnownValues.Option::value)
                .contains(stage.id().toString());
        try {
            catalogue.setActive(stage.id(), false);
            assertThat(jobs.knownValues().of(ImportField.MEASURE_TYPE)).extracting(KnownValues.Option::value)
                    .isNotEmpty().doesNotContain(stage.id().toString());
        } finally {
            catalogue.setActive(stage.id(), true);
        }
    }

    @Test
    void unknownValuesAreListedOnceWithTheirRowsAndTheChoicesAreRememberedForTheNextFile() throws Exception {
        SignedIn.as(users, "admin.asso");
        String[] rows = {
            family + ";Zoé;14/03/1985;TIG - accueil;TJ-LYON;Parquet;03/01/2025;;;;;;;",
            family + ";Émile;01/02/1990;tig - ACCUEIL;TJ-LYON;Parquet;04/01/2025;;;;;;;",
            family + ";Léon;01/01/1970;CJSE;TJ-LYON;Parquet;05/01/2025;M. Personne;En cours;06/01/2025;;;;",
            family + ";Anaïs;02/02/1992;CJSE;TJ-LYON;Parquet;06/01/2025;;Archivée en cave;;;;;"};
        UUID first = upload(HEADER, rows);
        ImportJobs.Job checked = run(first, false);

        assertThat(checked.unknownValues()).extracting(ImportJobs.UnknownValue::field, ImportJobs.UnknownValue::value,
                        ImportJobs.UnknownValue::rows)
                .containsExactly(tuple(ImportField.MEASURE_TYPE, "TIG - accueil", 2),
                        tuple(ImportField.ASSIGNEE, "M. Personne", 1),
                        tuple(ImportField.STATUS, "Archivée en cave", 1));
        String tig = jobs.knownValues().of(ImportField.MEASURE_TYPE).stream()
                .filter(o -> o.label().contains("(TIG)")).findFirst().orElseThrow().value();
        jobs.chooseValues(first, List.of(
                new ImportJobs.ValueChoice(ImportField.MEASURE_TYPE, "TIG - accueil", tig),
                new ImportJobs.ValueChoice(ImportField.ASSIGNEE, "M. Personne", ImportJobs.SKIP),
                new ImportJobs.ValueChoice(ImportField.STATUS, "Archivée en cave", "")));
        ImportJobs.Job rechecked = waitForEnd(first);
        assertThat(rechecked.unknownValues()).extracting(ImportJobs.UnknownValue::value)
                .containsExactly("Archivée en cave");
        assertThat(rechecked.rowsSkipped()).isEqualTo(1);
        assertThat(rechecked.errors()).extracting(ImportJobs.RowError::row).containsExactly(5);

        // The next file of the association: the choices apply at once, only the new value is asked.
        ImportJobs.Job next = run(upload(HEADER, rows[0], rows[1], rows[2]), true);
        assertThat(next.status()).isEqualTo("IMPORTED");
        assertThat(next.unknownValues()).isEmpty();
        assertThat(next.rowsSkipped()).isEqualTo(1);
        assertThat(next.measuresCreated()).isEqualTo(2);
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from measure m join person p on p.id = m.person_id
                where p.last_name = ? and m.measure_type_id = cast(? as uuid)""").param(family).param(tig)
                .query(Long.class).single()).isEqualTo(2);

        // Listed on the imports page; a choice forgotten is asked again.
        assertThat(jobs.rememberedChoices()).extracting(ImportJobs.RememberedChoice::field,
                        ImportJobs.RememberedChoice::value, ImportJobs.RememberedChoice::choice)
                .contains(tuple(ImportField.MEASURE_TYPE, "TIG - accueil", tig),
                        tuple(ImportField.ASSIGNEE, "M. Personne", ImportJobs.SKIP));
        jobs.forgetChoice(ImportField.ASSIGNEE, "m. PERSONNE");
        assertThat(jobs.rememberedChoices()).extracting(ImportJobs.RememberedChoice::value)
                .doesNotContain("M. Personne");
        assertThat(run(upload(HEADER, rows[2]), false).unknownValues()).extracting(ImportJobs.UnknownValue::value)
                .containsExactly("M. Personne");

        // The choices are the association's own: another association's files are asked again.
        PasserelleUser marseille = SignedIn.as(users, "admin.marseille");
        assertThat(OwnerSql.of(server).sql("select count(*) from import_value_choice where value_key = 'tig accueil'"
                + " and organisation_id = ?").param(marseille.organisationId()).query(Long.class).single()).isZero();
    }

    @Test
    void errorsAreGroupedByKindAndHandedBackBesideTheirRowsWithFormulasWarnedAndSamplesShown() throws Exception {
        SignedIn.as(users, "admin.asso");
        UUID id = upload(HEADER,
                family + ";Zoé;14/03/1985;TIG;TJ-LYON;Parquet;31/02/2025;;;;;;;=HYPERLINK(\"http://x\")",
                family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;32/01/2025;;;;;;;",
                family + ";Léon;01/01/1970;CJSE;Gotham;Parquet;05/01/2025;;;;;;;+33 6 12 34 56 78",
                family + ";Anaïs;02/02/1992;CJSE;TJ-LYON;Parquet;06/01/2025;;;;;;;");
        assertThat(jobs.get(id).samplesOf(0)).containsExactly(family, family, family);
        assertThat(jobs.get(id).samplesOf(3)).containsExactly("TIG", "CJSE", "CJSE");
        ImportJobs.Job job = run(id, false);

        assertThat(job.errorGroups()).extracting(ImportJobs.ErrorGroup::key, ImportJobs.ErrorGroup::count)
                .containsExactly(tuple("import.error.date", 2), tuple("import.error.court", 1));
        assertThat(job.errorGroups().get(0).errors()).extracting(ImportJobs.RowError::row).containsExactly(2, 3);
        assertThat(job.warningCount()).isEqualTo(1);
        assertThat(job.warnings()).extracting(ImportJobs.RowError::row, ImportJobs.RowError::key)
                .containsExactly(tuple(2, "import.warning.formula"));
        // The page shows each group's rows and the warnings in the same kind of table.
        fr.passerelle.web.WebClient web = new fr.passerelle.web.WebClient(port);
        web.signIn("admin.asso", fr.passerelle.demo.DemoAccounts.PASSWORD);
        String page = web.get("/imports/" + id).body();
        String warnings = page.substring(page.indexOf("id=\"warnings\""));
        assertThat(warnings).contains("<td>2</td>", "=HYPERLINK(&quot;http://x&quot;)",
                "Cette cellule ressemble à une formule de tableur");
        String errors = page.substring(page.indexOf("id=\"errors\""), page.indexOf("id=\"warnings\""));
        assertThat(errors).contains("<td>31/02/2025</td>", "<td>Gotham</td>", "Juridiction inconnue");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jobs.writeErrors(id, e -> e.key(), "Lignes", "Erreurs", out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(sheet).hasSize(5);
            assertThat(sheet.get(0).getCellText(14)).isEqualTo("Erreurs");
            assertThat(sheet.get(1).getCellText(6)).isEqualTo("31/02/2025");
            assertThat(sheet.get(1).getCellText(13)).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sheet.get(1).getCell(13).getFormula()).isNull();
            assertThat(sheet.get(1).getCellText(14)).isEqualTo("Date de réception : import.error.date");
            assertThat(sheet.get(3).getCellText(14)).isEqualTo("Juridiction : import.error.court");
            assertThat(sheet.get(4).getCellCount() <= 14 || sheet.get(4).getCellText(14).isEmpty()).isTrue();
        }

        // A download broken midway is audited all the same: the audit is committed before the first byte.
        long audited = errorsDownloads(id);
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("the browser went away");
            }
        };
        assertThatThrownBy(() -> jobs.writeErrors(id, e -> e.key(), "Lignes", "Erreurs", broken)).isNotNull();
        assertThat(errorsDownloads(id)).isEqualTo(audited + 1);
    }

    private long errorsDownloads(UUID id) {
        return OwnerSql.of(server).sql("select count(*) from audit_event where action = 'import.errorsDownloaded'"
                + " and object_id = ?").param(id.toString()).query(Long.class).single();
    }

    @Test
    void theImportedMeasuresAreTheCaseloadOfThisImportForAServiceHeadWhoImports() throws Exception {
        SignedIn.as(users, "cheffe.service");
        UUID id = upload(HEADER,
                family + ";Zoé;14/03/1985;TIG;TJ-LYON;Parquet;03/01/2025;;;;;;;",
                family + ";Émile;01/02/1990;CJSE;TJ-LYON;Parquet;04/01/2025;Camille Martin;Terminée;05/01/2025;"
                        + "06/01/2025;Terme;;");
        run(id, true);

        Caseloads.Page page = caseloads.page(Caseloads.View.ALL,
                new Caseloads.Filters(null, null, null, null, null, null, null, id), Caseloads.Sort.RECEIVED, null);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.lines()).extracting(Caseloads.Line::personName)
                .containsExactly(family + " Émile", family + " Zoé");

        // The administrator sees the import but reads no measure (the caseload pages require measure:read).
        PasserelleUser admin = SignedIn.as(users, "admin.asso");
        assertThat(jobs.get(id).imported()).isTrue();
        assertThat(admin.hasPermission(ImportJobs.PERMISSION)).isTrue();
        assertThat(admin.hasPermission("measure:read")).isFalse();
        assertThat(admin.hasPermission("person:read")).isFalse();
    }

    private UUID upload(String header, String... rows) {
        byte[] content = (header + "\r\n" + String.join("\r\n", rows)).getBytes(StandardCharsets.UTF_8);
        return jobs.upload("reprise.csv", content.length, new ByteArrayInputStream(content));
    }

    private ImportJobs.Job run(UUID id, boolean commit) {
        jobs.map(id, jobs.get(id).mapping(), commit);
        return waitForEnd(id);
    }

    private ImportJobs.Job waitForEnd(UUID id) {
        return Awaitility.await().pollInSameThread().alias("the import ends").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> jobs.get(id), job -> !job.running());
    }

    private long personsNamed(String lastName) {
        return OwnerSql.of(server).sql("select count(*) from person where last_name = ?").param(lastName)
                .query(Long.class).single();
    }
}
