package fr.passerelle.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL server (real binaries) with its two roles: an owner that runs the
 * migrations, and an application role that owns nothing and is subject to row-level security.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean ephemeral;
    private final String appRole;
    private final String observatoryRole;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean ephemeral, String appRole,
            String observatoryRole) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
        this.appRole = appRole;
        this.observatoryRole = observatoryRole;
    }

    /**
     * Starts the server; {@code appRole} is the role the application connects as,
     * {@code observatoryRole} the one national observatory queries run under (ADR 0007).
     */
    public static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties, String appRole,
            String observatoryRole) {
        for (String role : new String[] {appRole, observatoryRole}) {
            if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("Invalid role name: " + role);
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException(
                    "PostgreSQL refuses to run as root: start Passerelle with ./mvnw (which uses an"
                            + " unprivileged user namespace), as another user, or set"
                            + " SPRING_DATASOURCE_URL to an external PostgreSQL.");
        }
        try {
            Path dataDir = properties.ephemeral()
                    ? Files.createTempDirectory("passerelle-pg-")
                    : properties.dataDir().toAbsolutePath();
            Files.createDirectories(dataDir);
            long started = System.nanoTime();
            int port = properties.port();
            if (!properties.ephemeral()) {
                OptionalInt stalePort = staleServerPort(dataDir);
                if (stalePort.isPresent()) {
                    port = stalePort.getAsInt();
                }
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(properties.ephemeral())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", properties.ephemeral() ? "off" : "on")
                    // The embedded binaries default to synchronous_commit=off, which acknowledges a
                    // commit before its WAL is flushed: a crash would lose acknowledged writes.
                    .setServerConfig("synchronous_commit", properties.ephemeral() ? "off" : "on")
                    .start();
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(postgres, dataDir, properties.ephemeral(), appRole, observatoryRole);
            server.ensureRolesAndDatabase();
            log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)",
                    postgres.getPort(), dataDir, (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * The port of a server of an earlier run still running on this data directory: the previous
     * application process ended without stopping it (a crash, a kill -9), so its PostgreSQL lives
     * on. It is then reused as it is (with the settings it was started with), which is said at
     * WARN; empty when no such server runs (a {@code postmaster.pid} left by a dead server is
     * PostgreSQL's own business: it removes it at start).
     */
    static OptionalInt staleServerPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalInt.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return OptionalInt.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().command())
                    .filter(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                    .isPresent();
            if (!running) {
                return OptionalInt.empty();
            }
            log.warn("The embedded PostgreSQL of an earlier run (pid {}, port {}) is still running on {}: the application"
                    + " did not stop cleanly (crash or kill). It is reused as it is, with the settings it was started with;"
                    + " stop it (pg_ctl stop -D {}) for a fresh start.", pid, port, dataDir, dataDir);
            return OptionalInt.of(port);
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Creates the owner, application and observatory roles and the database, once. */
    private void ensureRolesAndDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + EmbeddedDatabaseProperties.OWNER_ROLE + "'")) {
                s.execute("create role " + EmbeddedDatabaseProperties.OWNER_ROLE
                        + " login nosuperuser nocreaterole nocreatedb noreplication nobypassrls");
            }
            if (!exists(s, "select 1 from pg_roles where rolname = '" + appRole + "'")) {
                s.execute("create role " + appRole
                        + " login nosuperuser nocreaterole nocreatedb noreplication nobypassrls");
            }
            if (!exists(s, "select 1 from pg_roles where rolname = '" + observatoryRole + "'")) {
                s.execute("create role " + observatoryRole
                        + " nologin nosuperuser nocreaterole nocreatedb noreplication nobypassrls");
                s.execute("grant " + observatoryRole + " to " + appRole);
            }
            if (!exists(s, "select 1 from pg_database where datname = '" + EmbeddedDatabaseProperties.DATABASE + "'")) {
                s.execute("create database " + EmbeddedDatabaseProperties.DATABASE + " owner "
                        + EmbeddedDatabaseProperties.OWNER_ROLE + " encoding 'UTF8'");
                s.execute("revoke all on database " + EmbeddedDatabaseProperties.DATABASE + " from public");
                s.execute("grant connect, temporary on database " + EmbeddedDatabaseProperties.DATABASE
                        + " to " + appRole);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL roles", e);
        }
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + EmbeddedDatabaseProperties.DATABASE;
    }

    /** A connection source as the superuser, for tests and tooling only. */
    public javax.sql.DataSource superuserDataSource(String database) {
        return postgres.getDatabase("postgres", database);
    }

    public String appRole() {
        return appRole;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (ephemeral) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
