package fr.passerelle.shared;

import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Databases of their own on the tests' embedded server, for the tests of the migrations themselves. */
final class MigrationDatabases {

    static final String MIGRATIONS = "classpath:db/migration";

    private final EmbeddedPostgresServer server;

    MigrationDatabases(EmbeddedPostgresServer server) {
        this.server = server;
    }

    /** A new empty database owned by the migrations' role (dropped first if a previous run left it). */
    String fresh(String name) {
        JdbcClient superuser = JdbcClient.create(server.superuserDataSource("postgres"));
        superuser.sql("drop database if exists " + name).update();
        superuser.sql("create database " + name + " owner " + EmbeddedDatabaseProperties.OWNER_ROLE).update();
        return name;
    }

    SimpleDriverDataSource owner(String database) {
        String url = server.jdbcUrl().replace("/" + EmbeddedDatabaseProperties.DATABASE, "/" + database);
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, EmbeddedDatabaseProperties.OWNER_ROLE, "");
    }

    /** Flyway as the application configures it, on the migrations up to {@code target} (all when null). */
    Flyway flyway(String database, String target) {
        return configure(database, target, MIGRATIONS).load();
    }

    FluentConfiguration configure(String database, String target, String... locations) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(owner(database))
                .locations(locations)
                .placeholders(Map.of("app_role", EmbeddedDatabaseProperties.APP_ROLE,
                        "observatory_role", EmbeddedDatabaseProperties.OBSERVATORY_ROLE));
        if (target != null) {
            configuration.target(target);
        }
        return configuration;
    }
}
