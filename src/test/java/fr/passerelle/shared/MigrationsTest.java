package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Every migration applies on an empty database, and the latest applies on the previous schema with data in it. */
@PasserelleIntegrationTest
class MigrationsTest {

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void applyOnAnEmptyDatabase() {
        Flyway flyway = flywayFor(freshDatabase("migrations_empty"), null);
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(result.migrationsExecuted).isEqualTo(flyway.info().all().length);
    }

    @Test
    void applyTheLatestMigrationOnThePreviousSchemaWithData() {
        String database = freshDatabase("migrations_previous");
        MigrationInfo[] all = flywayFor(database, null).info().all();
        assertThat(all.length).isGreaterThan(1);
        String previous = all[all.length - 2].getVersion().getVersion();

        assertThat(flywayFor(database, previous).migrate().success).isTrue();
        JdbcClient owner = JdbcClient.create(ownerDataSource(database));
        // Data as the previous schema knew it must survive the next migration.
        owner.sql("insert into organisation (id, kind, name) values (?, 'ASSOCIATION', 'Avant migration')")
                .param(Ids.newId()).update();

        MigrateResult result = flywayFor(database, null).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(owner.sql("select count(*) from organisation where name = 'Avant migration'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void auditLinksWrittenBeforeTheCanonicalTextChangedStillVerify() {
        String database = freshDatabase("migrations_audit");
        assertThat(flywayFor(database, "202611231600").migrate().success).isTrue();
        JdbcClient owner = JdbcClient.create(ownerDataSource(database));
        String append = "select audit_append(null, null, 'test', ?, null, null, '{}'::jsonb, null, null)";
        owner.sql(append).param("before.change").query(Long.class).single();

        assertThat(flywayFor(database, null).migrate().success).isTrue();
        owner.sql(append).param("after.change").query(Long.class).single();

        assertThat(owner.sql("select hash_version from audit_event order by seq").query(Integer.class).list())
                .containsExactly(1, 2);
        var verification = owner.sql("select checked, first_broken_seq from audit_verify_chain()").query().singleRow();
        assertThat(verification.get("checked")).isEqualTo(2L);
        assertThat(verification.get("first_broken_seq")).isNull();
    }

    private String freshDatabase(String name) {
        return databases().fresh(name);
    }

    private SimpleDriverDataSource ownerDataSource(String database) {
        return databases().owner(database);
    }

    private Flyway flywayFor(String database, String target) {
        return databases().flyway(database, target);
    }

    private MigrationDatabases databases() {
        return new MigrationDatabases(server);
    }

    @Test
    void migrationFileNamesFollowTheConvention() {
        MigrationInfo[] all = flywayFor(freshDatabase("migrations_names"), null).info().all();
        assertThat(Arrays.stream(all).map(MigrationInfo::getScript))
                .allMatch(script -> script.matches("V\\d{12}__[a-z]+_[a-z_]+\\.sql"));
    }
}
