package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database created by the main of 3 December 14:02 (2884ebc) ran three migration files that the
 * next main replaced by the ones that had first landed: the application's migration step repairs its
 * history and migrates it to exactly the schema a new database gets. The three old files are kept as
 * they were in src/test/resources/db/landed/2884ebc.
 *
 * <p>Four files that the main of 6 December (2f4460c) landed were edited by the next landed main
 * (07ec5e2); the files are back as they landed and the edits are new migrations. A database of
 * either main migrates to the schema of a new database, with its data: the edited files are kept
 * in src/test/resources/db/landed/07ec5e2.
 */
@PasserelleIntegrationTest
class LandedHistoryRepairTest {

    @Autowired
    EmbeddedPostgresServer server;

    /** The application's own migration step (repair of known histories, then migrate). */
    @Autowired
    FlywayMigrationStrategy migrationStep;

    @Test
    void aDatabaseCreatedBy2884ebcIsRepairedAndMigratedToTheSchemaOfANewDatabase() {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = givenADatabaseCreatedBy2884ebc(databases, "landed_2884ebc");
        assertThat(databases.flyway(database, null).validateWithResult().validationSuccessful)
                .as("Flyway alone refuses this history").isFalse();

        Flyway flyway = databases.flyway(database, null);
        migrationStep.migrate(flyway);

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        assertThat(owner.sql("""
                select version || ' ' || script from flyway_schema_history
                 where version between '202612030590' and '202612030699' order by version""")
                .query(String.class).list()).containsExactly(
                        "202612030590 V202612030590__observatory_measure_dates.sql",
                        "202612030600 V202612030600__observatory_aggregates.sql");
        assertThat(owner.sql("select name from organisation where name = 'Créée le 3 décembre'")
                .query(String.class).list()).hasSize(1);

        String fresh = databases.fresh("landed_fresh");
        databases.flyway(fresh, null).migrate();
        assertThat(schema(databases, database)).containsExactlyElementsOf(schema(databases, fresh));
    }

    @Test
    void aDatabaseCreatedBy2884ebcWhoseObservatoryWasChangedSinceIsLeftAsItIsWithAClearMessage() {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = givenADatabaseCreatedBy2884ebc(databases, "landed_2884ebc_changed");
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        owner.sql("alter table obs_month add column added_by_hand int").update();
        List<String> historyBefore = history(owner);

        assertThatThrownBy(() -> migrationStep.migrate(databases.flyway(database, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2884ebc")
                .hasMessageContaining("README");
        assertThat(history(owner)).isEqualTo(historyBefore);
    }

    @Test
    void aDatabaseOfAnotherMainIsMigratedAsItIs() {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = databases.fresh("landed_stop10");
        databases.flyway(database, "202612030600").migrate();
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        List<String> historyBefore = history(owner);

        Flyway flyway = databases.flyway(database, null);
        migrationStep.migrate(flyway);

        assertThat(history(owner)).startsWith(historyBefore.toArray(String[]::new));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void aDatabaseMigratedBy07ec5e2GetsTheLandedChecksumsAndKeepsItsData() {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = givenADatabaseMigratedBy07ec5e2(databases, "landed_07ec5e2");
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        countMeasures(owner);
        owner.sql("insert into login_attempt_address (address_key, failures, first_failure_at, last_failure_at)"
                + " values ('a', 2, '2026-12-06 10:00+01', '2026-12-06 10:05+01')").update();
        List<String> aggregatesBefore = aggregates(owner);
        assertThat(aggregatesBefore).anyMatch(row -> row.contains("\"duration_key\": ") && !row.contains("\"duration_key\": 0"));
        assertThat(databases.flyway(database, null).validateWithResult().validationSuccessful)
                .as("Flyway alone refuses this history").isFalse();

        Flyway flyway = databases.flyway(database, null);
        migrationStep.migrate(flyway);

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(history(owner)).contains(
                "202612061000 V202612061000__observatory_cell_keys.sql 96386561",
                "202612061100 V202612061100__identity_access_revocation.sql 1451782091",
                "202612061310 V202612061310__measures_quantity_days.sql -1885968324",
                "202612061500 V202612061500__imports_upload_in_database.sql -1112035635");
        assertThat(aggregates(owner)).isEqualTo(aggregatesBefore);
        assertThat(owner.sql("select first_failure_at = '2026-12-06 10:00+01' from login_attempt_address")
                .query(Boolean.class).single()).isTrue();

        String fresh = databases.fresh("landed_07ec5e2_fresh");
        databases.flyway(fresh, null).migrate();
        assertThat(schema(databases, database)).containsExactlyElementsOf(schema(databases, fresh));
    }

    /**
     * A database as 7fab91c (and 80fea0e, up to its last version) migrated it: V202612100200 with f109044's
     * edit, V202612110300 without c316944's change, and no V202612100300 (it did not exist), then the
     * versions up to V202612110400. Repaired, it gets the current checksums, V202612100300 recorded as
     * applied, the later migrations, and the schema of a new database.
     */
    @Test
    void aDatabaseMigratedBy7fab91cGetsTheCurrentChecksumsTheSignatureGateRecordedAndTheSchemaOfANewDatabase()
            throws java.io.IOException {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = databases.fresh("landed_7fab91c");
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("landed-7fab91c");
        try {
            try (var current = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
                for (java.nio.file.Path file : current.toList()) {
                    String name = file.getFileName().toString();
                    String version = name.substring(1, name.indexOf("__"));
                    if (version.compareTo("202612110400") <= 0 && !version.equals("202612100300")) {
                        java.nio.file.Files.copy(file, files.resolve(name));
                    }
                }
            }
            for (String name : java.util.List.of("V202612100200__programmes_local_programmes.sql",
                    "V202612110300__network_membership.sql")) {
                try (var landed = getClass().getResourceAsStream("/db/landed/7fab91c/" + name)) {
                    java.nio.file.Files.copy(landed, files.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            databases.configure(database, null, "filesystem:" + files).load().migrate();
        } finally {
            try (var left = java.nio.file.Files.list(files)) {
                for (java.nio.file.Path file : left.toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
            java.nio.file.Files.delete(files);
        }
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        assertThat(history(owner)).contains("202612100200 V202612100200__programmes_local_programmes.sql 170096570",
                "202612110300 V202612110300__network_membership.sql -1329154372");
        assertThat(history(owner)).noneMatch(line -> line.startsWith("202612100300 "));
        assertThat(databases.flyway(database, null).validateWithResult().validationSuccessful)
                .as("Flyway alone refuses this history").isFalse();

        Flyway flyway = databases.flyway(database, null);
        migrationStep.migrate(flyway);

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(history(owner)).contains("202612100200 V202612100200__programmes_local_programmes.sql 445287592",
                "202612100300 V202612100300__programmes_signature_gate.sql 240529585",
                "202612110300 V202612110300__network_membership.sql -176711715");
        String fresh = databases.fresh("landed_7fab91c_fresh");
        databases.flyway(fresh, null).migrate();
        assertThat(schema(databases, database)).containsExactlyElementsOf(schema(databases, fresh));
    }

    @Test
    void aDatabaseMigratedBy2f4460cGetsTheKeySumsOfTheMediansOfTheMeasuresCountedAlready() {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = databases.fresh("landed_2f4460c");
        databases.flyway(database, BEFORE_THE_MEND).migrate();
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        assertThat(owner.sql("select count(*) from information_schema.columns where table_name = 'obs_month'"
                + " and column_name = 'duration_key'").query(Long.class).single()).isZero();
        countMeasures(owner);
        owner.sql("insert into login_attempt_address (address_key, failures, last_failure_at)"
                + " values ('a', 2, '2026-12-06 10:05+01')").update();

        Flyway flyway = databases.flyway(database, null);
        migrationStep.migrate(flyway);

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        String fresh = databases.fresh("landed_2f4460c_fresh");
        databases.flyway(fresh, null).migrate();
        JdbcClient freshOwner = JdbcClient.create(databases.owner(fresh));
        countMeasures(freshOwner);
        List<String> expected = aggregates(freshOwner);
        assertThat(expected).anyMatch(row -> row.startsWith("year") && !row.contains("\"first_delay_key\": 0"));
        assertThat(aggregates(owner)).containsExactlyElementsOf(expected);
        assertThat(owner.sql("select first_failure_at = last_failure_at from login_attempt_address")
                .query(Boolean.class).single()).isTrue();
        assertThat(owner.sql("select import_upload_expire(interval '1 day')").query(Integer.class).single()).isZero();
        assertThat(schema(databases, database)).containsExactlyElementsOf(schema(databases, fresh));
    }

    /** The last migration before the four edited files' changes came back as new migrations. */
    private static final String BEFORE_THE_MEND = "202612071130";

    /**
     * Migrations as 07ec5e2 (and the mains after it) applied them: today's, with its four edited files
     * in place of the landed ones, up to the last migration before the mend.
     */
    private String givenADatabaseMigratedBy07ec5e2(MigrationDatabases databases, String name) {
        String database = databases.fresh(name);
        // Each edited version, after the version the migrations have just before it.
        Map<String, String> editedAfter = new LinkedHashMap<>();
        editedAfter.put("202612061000", "202612031510");
        editedAfter.put("202612061100", "202612061000");
        editedAfter.put("202612061310", "202612061300");
        editedAfter.put("202612061500", "202612061310");
        for (var step : editedAfter.entrySet()) {
            String edited = step.getKey();
            String before = step.getValue();
            databases.configure(database, before, MigrationDatabases.MIGRATIONS).validateOnMigrate(false).load()
                    .migrate();
            databases.configure(database, edited, "classpath:db/landed/07ec5e2").validateOnMigrate(false).load()
                    .migrate();
        }
        databases.configure(database, BEFORE_THE_MEND, MigrationDatabases.MIGRATIONS).validateOnMigrate(false).load()
                .migrate();
        assertThat(history(JdbcClient.create(databases.owner(database)))).contains(
                "202612061000 V202612061000__observatory_cell_keys.sql -1642810374",
                "202612061100 V202612061100__identity_access_revocation.sql 722681725",
                "202612061310 V202612061310__measures_quantity_days.sql -1471566594",
                "202612061500 V202612061500__imports_upload_in_database.sql -1398024487");
        assertThat(JdbcClient.create(databases.owner(database)).sql("select max(version) from flyway_schema_history")
                .query(String.class).single()).isEqualTo(BEFORE_THE_MEND);
        return database;
    }

    /**
     * Twenty measures counted by the observatory (their facts written as the refresh writes them, with
     * a cell-key secret set), received, started and ended over two calendar years.
     */
    private static void countMeasures(JdbcClient owner) {
        owner.sql("select observatory_use_cell_key_secret(convert_to('a secret of the tests, long enough', 'UTF8'))")
                .query(Boolean.class).single();
        owner.sql("""
                insert into obs_measure_fact (measure_id, organisation_id, court_code, type_code, field, received_month,
                                              ended_month, outcome, duration_days, started_month, first_delay_days,
                                              active_until)
                select cast('0a7e1ea5-0000-4000-8000-0000000001' || lpad(cast(i as text), 2, '0') as uuid),
                       '0a7e1ea5-0000-4000-8000-000000000001', 'TJ-LYON', 'CJ', 'PRE_SENTENCING',
                       cast(date '2025-11-01' + make_interval(months => i % 3) as date),
                       case when i % 2 = 0 then cast(date '2026-01-01' + make_interval(months => i % 4) as date) end,
                       case when i % 2 = 0 then 'COMPLETED' end,
                       case when i % 2 = 0 then 40 + i end,
                       cast(date '2025-11-01' + make_interval(months => i % 3) as date), i % 9,
                       case when i % 2 = 0 then cast(date '2026-01-01' + make_interval(months => i % 4 - 1) as date)
                            else date '2026-12-01' end
                from generate_series(1, 20) i""").update();
    }

    /** Every monthly and yearly aggregate row, all columns by name. */
    private static List<String> aggregates(JdbcClient owner) {
        return owner.sql("""
                select 'month ' || cast(to_jsonb(m) as text) from obs_month m
                union all
                select 'year ' || cast(to_jsonb(y) as text) from obs_year y
                order by 1""").query(String.class).list();
    }

    /** Migrations as 2884ebc applied them: today's up to 0500, its three files, then today's up to 0810. */
    private String givenADatabaseCreatedBy2884ebc(MigrationDatabases databases, String name) {
        String database = databases.fresh(name);
        databases.flyway(database, "202612030500").migrate();
        JdbcClient.create(databases.owner(database))
                .sql("insert into organisation (id, kind, name) values (?, 'ASSOCIATION', 'Créée le 3 décembre')")
                .param(Ids.newId()).update();
        databases.configure(database, null, "classpath:db/landed/2884ebc").validateOnMigrate(false).load().migrate();
        databases.configure(database, "202612030810", MigrationDatabases.MIGRATIONS).validateOnMigrate(false).load()
                .migrate();
        assertThat(history(JdbcClient.create(databases.owner(database)))).contains(
                "202612030600 V202612030600__observatory_aggregates.sql -632986054",
                "202612030601 V202612030601__observatory_measure_dates.sql -640304379",
                "202612030602 V202612030602__observatory_monthly_rows.sql 1529532922",
                "202612030810 V202612030810__observatory_aggregates_version.sql 1379699359");
        return database;
    }

    private static List<String> history(JdbcClient owner) {
        return owner.sql("select version || ' ' || script || ' ' || checksum from flyway_schema_history"
                + " where version is not null order by installed_rank").query(String.class).list();
    }

    /** Every object of the schema as PostgreSQL describes it, one line each, sorted. */
    static List<String> schema(MigrationDatabases databases, String database) {
        return JdbcClient.create(databases.owner(database)).sql("""
                with here as (select oid from pg_namespace where nspname = 'public'),
                     mine as (select c.oid, c.relname from pg_class c where c.relnamespace = (select oid from here)
                              and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e'))
                select 'column ' || m.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || case when a.attnotnull then ' not null' else '' end
                       || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
                  from mine m join pg_attribute a on a.attrelid = m.oid
                  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
                 where a.attnum > 0 and not a.attisdropped
                union all
                select 'relation ' || c.relname || ' ' || c.relkind::text || ' rls ' || c.relrowsecurity
                       || ' acl ' || coalesce(c.relacl::text, '')
                  from pg_class c join mine m on m.oid = c.oid
                union all
                select 'constraint ' || m.relname || '.' || co.conname || ' ' || pg_get_constraintdef(co.oid)
                  from pg_constraint co join mine m on m.oid = co.conrelid
                union all
                select 'index ' || pg_get_indexdef(i.indexrelid) from pg_index i join mine m on m.oid = i.indrelid
                union all
                select 'trigger ' || pg_get_triggerdef(t.oid) from pg_trigger t join mine m on m.oid = t.tgrelid
                 where not t.tgisinternal
                union all
                select 'policy ' || tablename || '.' || policyname || ' ' || cmd || ' ' || roles::text
                       || coalesce(' using ' || qual, '') || coalesce(' check ' || with_check, '')
                  from pg_policies where schemaname = 'public'
                union all
                select 'view ' || m.relname || ' ' || pg_get_viewdef(m.oid) from mine m join pg_class c on c.oid = m.oid
                 where c.relkind in ('v', 'm')
                union all
                select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
                       || md5(p.prosrc) || ' ' || p.provolatile::text || ' ' || p.prosecdef || ' '
                       || coalesce(p.proconfig::text, '') || ' acl ' || coalesce(p.proacl::text, '')
                  from pg_proc p where p.pronamespace = (select oid from here)
                   and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                order by 1""").query(String.class).list();
    }
}
