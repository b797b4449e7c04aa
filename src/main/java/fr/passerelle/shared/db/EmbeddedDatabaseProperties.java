package fr.passerelle.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL started when no datasource URL is configured.
 *
 * @param dataDir where the cluster keeps its files between runs
 * @param port TCP port on localhost; 0 picks a free one
 * @param ephemeral start from an empty temporary cluster and delete it on shutdown (tests)
 */
@ConfigurationProperties("passerelle.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean ephemeral) {

    public static final String OWNER_ROLE = "passerelle_owner";
    public static final String APP_ROLE = "passerelle_app";
    /** The role national observatory queries run under: aggregate tables only (ADR 0007). */
    public static final String OBSERVATORY_ROLE = "passerelle_observatory";
    public static final String DATABASE = "passerelle";

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }
}
