package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Imports as the association admin runs them: dry run, all-or-nothing import, tenancy, permission. */
@PasserelleIntegrationTest
class ImportJobsTest {

    static final String HEADER = "Nom;Prénom;Né(e) le;Sexe;Type de mesure;Juridiction;Prescripteur;N° parquet;"
            + "Date de réception;Échéance";

    @Autowired
    ImportJobs jobs;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    /** A name no other test uses, with accents. */
    final String family = "Éçhantillon" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
            + (char) ('a' + ThreadLocalRandom.current().nextInt(26)) + ThreadLocalRandom.current().nextInt(100_000);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDryRunReportsEachErrorWithRowColumnAndValueAndWritesNothing() throws Exception {
        PasserelleUser admin = as("admin.asso");
        long counter = referenceCounter(admin);
        UUID id = upload("cases.csv", windows1252(HEADER,
                family + ";Zoé;14/03/1985;F;CJSE;TJ-LYON;Juge d'instruction;24/001;03/11/2025;",
                family + ";Émile;31/02/1990;M;TIG;Tribunal judiciaire de Lyon;Parquet;;04/11/2025;",
                family + ";Léon;01/01/1970;H;Stage de citoyenneté;Tribunal de Gotham;Parquet;;05/11/2025;",
                family + ";Anaïs;02/02/1992;F;Gardiennage;Lyon;JAP;;06/11/2025;",
                family.toUpperCase() + ";zoe;14/03/1985;F;cjse;Lyon;Parquet;;03/11/2025;",
                family + ";Zoé;14/03/1985;F;TIG;TJ-LYON;Procureur;;01/12/2025;01/11/2025"));
        ImportJobs.Job job = run(id, false);

        assertThat(job.status()).isEqualTo("CHECKED");
        assertThat(job.rowsTotal()).isEqualTo(6);
        assertThat(job.errors()).extracting(ImportJobs.RowError::row, ImportJobs.RowError::column,
                        ImportJobs.RowError::value, ImportJobs.RowError::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "Né(e) le", "31/02/1990", "import.error.date"),
                        org.assertj.core.groups.Tuple.tuple(4, "Juridiction", "Tribunal de Gotham", "import.error.court"),
                        org.assertj.core.groups.Tuple.tuple(5, "Type de mesure", "Gardiennage", "import.error.measureType"),
                        org.assertj.core.groups.Tuple.tuple(6, "", "", "import.error.duplicateRow"),
                        org.assertj.core.groups.Tuple.tuple(7, "Échéance", "01/11/2025", "measure.dueOn.beforeReceived"));
        assertThat(job.errors().get(3).args()).containsExactly(2);
        assertThat(job.errorCount()).isEqualTo(5);
        assertThat(job.personsCreated()).isEqualTo(1);
        assertThat(job.measuresCreated()).isEqualTo(1);
        assertThat(personsNamed(family)).isZero();
        assertThat(referenceCounter(admin)).isEqualTo(counter);
    }

    @Test
    void theImportCreatesExactlyTheRowsInTheImportersAssociationAndRecognisesKnownPersons() throws Exception {
        PasserelleUser admin = as("admin.asso");
        byte[] utf8WithBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, String.join("\r\n",
                "Nom,Prénom,Date de naissance,Type de mesure,Juridiction,Prescripteur,Date de réception,Intervenant",
                family + ",Zoé,1985-03-14,CJSE,TJ-LYON,JLD,03/11/2025,",
                family + ",Zoé,14/03/1985,TIG,TJ-LYON,JAP,04/11/2025,Intervenant",
                family + ",Jérôme,02/05/1979,Médiation pénale,Villefranche-sur-Saône,Parquet,05/11/2025,")
                .getBytes(StandardCharsets.UTF_8));
        ImportJobs.Job job = run(upload("utf8.csv", utf8WithBom), true);

        assertThat(job.status()).isEqualTo("IMPORTED");
        assertThat(job.errorCount()).isZero();
        assertThat(List.of(job.personsCreated(), job.personsMatched(), job.measuresCreated())).containsExactly(2, 0, 3);
        JdbcClient owner = OwnerSql.of(server);
        assertThat(owner.sql("select count(*) from person where last_name = ? and organisation_id = ?")
                .param(family).param(admin.organisationId()).query(Long.class).single()).isEqualTo(2);
        assertThat(personsNamed(family)).isEqualTo(2);
        assertThat(owner.sql("""
                select count(*) from measure m join person p on p.id = m.person_id
                where p.last_name = ? and m.organisation_id = ? and m.status = 'RECEIVED' and m.reference like 'M-%'""")
                .param(family).param(admin.organisationId()).query(Long.class).single()).isEqualTo(2);
        assertThat(owner.sql("""
                select u.username from measure m join person p on p.id = m.person_id join app_user u on u.id = m.assigned_user_id
                where p.last_name = ? and m.status = 'ASSIGNED'""").param(family).query(String.class).list())
                .containsExactly("intervenant");
        assertThat(owner.sql("""
                select count(*) from measure_transition t join measure m on m.id = t.measure_id
                join person p on p.id = m.person_id
                where p.last_name = ? and t.action = 'ASSIGN' and t.to_status = 'ASSIGNED'""")
                .param(family).query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("""
                select count(*) from measure_transition t join measure m on m.id = t.measure_id
                join person p on p.id = m.person_id
                where p.last_name = ? and t.to_status = 'RECEIVED' and t.from_status is null and t.effective_on = m.received_on
                  and t.organisation_id = ?""")
                .param(family).param(admin.organisationId()).query(Long.class).single()).isEqualTo(3);
        assertThat(owner.sql("select count(*) from audit_event where action = 'import.committed' and object_id = ?")
                .param(job.id().toString()).query(Long.class).single()).isEqualTo(1);

        // The same persons again: recognised, one new measure; a measure already recorded is an error.
        ImportJobs.Job again = run(upload("again.csv", windows1252(
                "Nom;Prénom;Date de naissance;Type de mesure;Juridiction;Prescripteur;Date de réception",
                family.toUpperCase() + ";ZOE;14/03/1985;Stage de citoyenneté;TJ-LYON;Parquet;10/11/2025")), true);
        assertThat(again.status()).isEqualTo("IMPORTED");
        assertThat(List.of(again.personsCreated(), again.personsMatched(), again.measuresCreated()))
                .containsExactly(0, 1, 1);
        ImportJobs.Job twice = run(upload("twice.csv", windows1252(
                "Nom;Prénom;Date de naissance;Type de mesure;Juridiction;Prescripteur;Date de réception",
                family + ";Zoé;14/03/1985;CJSE;TJ-LYON;Parquet;03/11/2025")), false);
        assertThat(twice.errors()).extracting(ImportJobs.RowError::key).containsExactly("import.error.measureExists");
        assertThat(personsNamed(family)).isEqualTo(2);

        as("admin.marseille");
        assertThatThrownBy(() -> jobs.get(job.id())).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void oneFailingRowMakesTheImportWriteNothingAtAll() throws Exception {
        PasserelleUser admin = as("admin.asso");
        long counter = referenceCounter(admin);
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 2500; i++) {
            file.append("\r\n").append(family).append(";Personne").append(i).append(";01/01/1980;F;CJSE;TJ-LYON;Parquet;;")
                    .append(i == 2400 ? "32/13/2025" : "03/11/2025").append(';');
        }
        ImportJobs.Job job = run(upload("big.csv", file.toString().getBytes(Charset.forName("windows-1252"))), true);

        assertThat(job.status()).isEqualTo("REJECTED");
        assertThat(job.errors()).extracting(ImportJobs.RowError::row).containsExactly(2402);
        assertThat(personsNamed(family)).isZero();
        assertThat(referenceCounter(admin)).isEqualTo(counter);
    }

    @Test
    void refusesFilesThatAreNotTablesAndAMappingWithoutTheRequiredFields() throws Exception {
        as("admin.asso");
        assertThatThrownBy(() -> upload("photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}))
                .isInstanceOfSatisfying(ImportJobs.FileRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.notTabular.image"));
        assertThatThrownBy(() -> upload("cases.pdf", windows1252(HEADER)))
                .isInstanceOfSatisfying(ImportJobs.FileRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.notTabular.pdf"));
        assertThatThrownBy(() -> upload("cases.ods", windows1252(HEADER)))
                .isInstanceOfSatisfying(ImportJobs.FileRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.notTabular.openDocument"));
        UUID id = upload("cases.csv", windows1252(HEADER, family + ";Zoé;;;CJSE;TJ-LYON;Parquet;;03/11/2025;"));
        assertThatThrownBy(() -> jobs.map(id, Map.of(0, ImportField.LAST_NAME), false))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.mapping.missing"));
        assertThat(jobs.get(id).status()).isEqualTo("UPLOADED");
    }

    @Test
    void checksAnXlsxWorkbookWithRealDatesAndCaseWorkerLogins() throws Exception {
        as("admin.asso");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(bytes, "Excel", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Suivis");
        Object[][] rows = {
            {"Nom", "Prénom", "Date de naissance", "Mesure", "Tribunal", "Mandant", "Date de saisine", "Référent"},
            {family, "Inès", java.time.LocalDate.of(1990, 6, 15), "Enquête sociale rapide", "TJ-LYON", "Parquet",
                java.time.LocalDate.of(2025, 10, 1), "INTERVENANT"},
            {family, "Loïc", java.time.LocalDate.of(1991, 7, 16), "ESR", "Lyon", "Parquet",
                java.time.LocalDate.of(2025, 10, 2), "personne.inconnue"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof java.time.LocalDate date) {
                    sheet.value(r, c, date);
                    sheet.style(r, c).format("dd/mm/yyyy").set();
                } else {
                    sheet.value(r, c, (String) rows[r][c]);
                }
            }
        }
        workbook.finish();
        ImportJobs.Job job = run(upload("suivis.xlsx", bytes.toByteArray()), false);

        assertThat(job.format()).isEqualTo("XLSX");
        assertThat(job.mapping()).containsValues(ImportField.RECEIVED_ON, ImportField.ASSIGNEE, ImportField.COURT,
                ImportField.PRESCRIBER_TYPE, ImportField.MEASURE_TYPE);
        assertThat(job.errors()).extracting(ImportJobs.RowError::row, ImportJobs.RowError::column,
                        ImportJobs.RowError::value, ImportJobs.RowError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "Référent", "personne.inconnue",
                        "import.error.caseWorker"));
        assertThat(job.measuresCreated()).isEqualTo(1);
    }

    @Test
    void aJobInterruptedByARestartIsShownFailedAndMayBeRunAgain() throws Exception {
        as("admin.asso");
        UUID id = upload("cases.csv", windows1252(HEADER, family + ";Zoé;;;CJSE;TJ-LYON;Parquet;;03/11/2025;"));
        OwnerSql.of(server).sql("update import_job set status = 'IMPORTING', updated_at = now() - interval '11 minutes' where id = ?")
                .param(id).update();
        ImportJobs.Job job = jobs.get(id);
        assertThat(job.status()).isEqualTo("FAILED");
        assertThat(job.errors()).extracting(ImportJobs.RowError::key).containsExactly("import.interrupted");
        assertThat(run(id, false).status()).isEqualTo("CHECKED");
    }

    @Test
    void aCaseWorkerMayNotImport() {
        as("intervenant");
        assertThatThrownBy(() -> upload("cases.csv", windows1252(HEADER))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jobs.recent()).isInstanceOf(AccessDeniedException.class);
    }

    private UUID upload(String name, byte[] content) {
        return jobs.upload(name, content.length, new ByteArrayInputStream(content));
    }

    /** Runs the dry run or the import with the proposed mapping, and waits for its end. */
    private ImportJobs.Job run(UUID id, boolean commit) throws InterruptedException {
        jobs.map(id, jobs.get(id).mapping(), commit);
        return org.awaitility.Awaitility.await().pollInSameThread()
                .alias("the import ends").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> jobs.get(id), job -> !job.running());
    }

    private long personsNamed(String lastName) {
        return OwnerSql.of(server).sql("select count(*) from person where immutable_unaccent(lower(last_name)) = immutable_unaccent(lower(?))")
                .param(lastName).query(Long.class).single();
    }

    private long referenceCounter(PasserelleUser user) {
        return OwnerSql.of(server).sql("select coalesce(sum(last_value), 0) from reference_counter where organisation_id = ?")
                .param(user.organisationId()).query(Long.class).single();
    }

    private static byte[] windows1252(String... lines) {
        return String.join("\r\n", lines).getBytes(Charset.forName("windows-1252"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private PasserelleUser as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }
}
