package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database of the previous release, restored from its dump (src/test/resources/db/previous-release),
 * goes through the application's migration step to the current migrations with its data intact.
 */
@PasserelleIntegrationTest
class PreviousReleaseUpgradeTest {

    static final String DUMP = "db/previous-release/passerelle-59065db.sql";

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    FlywayMigrationStrategy migrationStep;

    @Test
    void aDatabaseOfThePreviousReleaseMigratesToTheCurrentSchemaWithItsData() throws Exception {
        MigrationDatabases databases = new MigrationDatabases(server);
        String database = databases.fresh("previous_release");
        restore(databases, database);
        JdbcClient owner = JdbcClient.create(databases.owner(database));
        assertThat(owner.sql("select max(version) from flyway_schema_history").query(String.class).single())
                .isEqualTo("202612031510");

        Flyway flyway = databases.flyway(database, null);
        migrationStep.migrate(flyway);

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(owner.sql("""
                select o.name || ' / ' || u.username || ' / ' || p.last_name || ' ' || p.first_name
                       || ' / ' || m.reference || ' ' || m.status
                  from organisation o
                  join app_user u on u.organisation_id = o.id
                  join person p on p.organisation_id = o.id
                  join measure m on m.person_id = p.id
                 where o.id = '0a7e1ea5-0000-4000-8000-000000000001'""").query(String.class).list())
                .containsExactly("Association avant mise à jour / intervenante.avant / Durand Élise / M-2026-00001 RECEIVED");
        assertThat(owner.sql("select role_code from user_role where user_id = '0a7e1ea5-0000-4000-8000-000000000003'")
                .query(String.class).list()).containsExactly("CASE_WORKER");
        var chain = owner.sql("select checked, first_broken_seq from audit_verify_chain()").query().singleRow();
        assertThat(chain.get("checked")).isEqualTo(1L);
        assertThat(chain.get("first_broken_seq")).isNull();
        assertThat(owner.sql("select object_id from audit_event where action = 'measure.created'")
                .query(String.class).list()).containsExactly("0a7e1ea5-0000-4000-8000-000000000006");
    }

    /** What psql would do with the plain dump, through JDBC: the test needs no PostgreSQL client. */
    private static void restore(MigrationDatabases databases, String database) throws IOException, SQLException {
        String script = new ClassPathResource(DUMP).getContentAsString(StandardCharsets.UTF_8);
        try (Connection connection = databases.owner(database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }
}
