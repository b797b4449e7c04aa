package fr.passerelle.shared.db;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
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
}
