package fr.passerelle.shared.db;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The tenant-aware transaction manager, for the embedded and the external database alike. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }

    /**
     * HTTP sessions are loaded while the security context itself is being resolved, so they use a
     * plain transaction manager (the session tables hold no tenant data and have no policies).
     */
    @Bean
    @SpringSessionTransactionManager
    PlatformTransactionManager sessionTransactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /**
     * Before Flyway validates and migrates, a schema history that an earlier {@code main} left and that
     * the current migrations no longer match is repaired when it is a known one ({@link LandedHistoryRepair}).
     */
    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy() {
        return flyway -> {
            LandedHistoryRepair.repair(flyway);
            flyway.migrate();
        };
    }

    /**
     * Session attributes are written with PostgreSQL's {@code insert ... on conflict do update}:
     * two requests of one session that add the same attribute at the same time (a CSRF token, a
     * saved request, flash messages) would otherwise both insert it, and the second would fail on
     * the primary key with a 500.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * A session's row is written at the end of a request only when something other than its last
     * access changed, or when its last access moved by at least {@value #LAST_ACCESS_WRITE_MS} ms.
     * Spring Session marks every session it loads as changed (its last access is now) and would
     * otherwise write the row, with a commit that waits for the disk, at every page of every user.
     * The condition is in the statement, so it holds on every node. The price: a session idle until
     * it expires can expire up to a minute before the 30 minutes counted from its very last request.
     * The parameters are Spring Session's, in its order: session id, last access, maximum
     * inactivity, expiry, principal name, primary id.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionLastAccessThrottle() {
        return repository -> repository.setUpdateSessionQuery("""
                update %TABLE_NAME% as s
                set session_id = n.session_id, last_access_time = n.last_access_time,
                    max_inactive_interval = n.max_inactive_interval, expiry_time = n.expiry_time,
                    principal_name = n.principal_name
                from (select ?::char(36) as session_id, ?::bigint as last_access_time, ?::int as max_inactive_interval,
                             ?::bigint as expiry_time, ?::varchar(100) as principal_name, ?::char(36) as primary_id) as n
                where s.primary_id = n.primary_id
                  and (s.session_id <> n.session_id
                       or s.max_inactive_interval <> n.max_inactive_interval
                       or s.principal_name is distinct from n.principal_name
                       or n.last_access_time - s.last_access_time >= """ + LAST_ACCESS_WRITE_MS + """
                       )
                """);
    }

    /** How far a session's last access moves before its row is written again. */
    static final long LAST_ACCESS_WRITE_MS = 60_000;
}
