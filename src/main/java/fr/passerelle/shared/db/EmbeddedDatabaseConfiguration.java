package fr.passerelle.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is set: the application
 * connects as the unprivileged role, Flyway as the owner.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("The production profile needs an external PostgreSQL:"
                    + " set SPRING_DATASOURCE_URL (see docs/deploy.md).");
        }
        String appRole = environment.getProperty("spring.flyway.placeholders.app_role", EmbeddedDatabaseProperties.APP_ROLE);
        String observatoryRole = environment.getProperty("spring.flyway.placeholders.observatory_role",
                EmbeddedDatabaseProperties.OBSERVATORY_ROLE);
        return EmbeddedPostgresServer.start(properties, appRole, observatoryRole);
    }

    /** The application's pool; {@code spring.datasource.hikari.*} settings apply to it. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.appRole());
        dataSource.setPoolName("passerelle");
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgresServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(),
                EmbeddedDatabaseProperties.OWNER_ROLE, "");
    }
}
