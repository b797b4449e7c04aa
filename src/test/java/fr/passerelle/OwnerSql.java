package fr.passerelle;

import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** SQL as the database owner (not subject to row-level security), for test assertions across organisations. */
public final class OwnerSql {

    private OwnerSql() {}

    public static JdbcClient of(EmbeddedPostgresServer server) {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(),
                EmbeddedDatabaseProperties.OWNER_ROLE, ""));
    }
}
