package fr.passerelle.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * After a crash the embedded PostgreSQL outlives the application; the next start reuses it and
 * says so at WARN.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresStaleServerTest {

    @Test
    void reusesTheServerLeftRunningByACrashedRunAndSaysSoAtWarn(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        Path dataDir = dir.resolve("postgres");
        EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dataDir, 0, false);
        Path pgCtl;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(properties, "passerelle_app",
                "passerelle_observatory")) {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            pgCtl = Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow()).resolveSibling("pg_ctl");
        }
        assertThat(EmbeddedPostgresServer.staleServerPort(dataDir)).as("after a clean stop").isEmpty();

        // The application dies without stopping its server: a server runs on the data directory, started
        // by nobody alive.
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process started = new ProcessBuilder(pgCtl.toString(), "-D", dataDir.toString(), "-o", "-p " + port, "-w",
                "-l", dir.resolve("postgres.log").toString(), "start").redirectErrorStream(true).start();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).isZero();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(properties, "passerelle_app",
                "passerelle_observatory")) {
            assertThat(second.port()).as("the stale server").isEqualTo(port);
            try (Connection c = second.superuserDataSource("passerelle").getConnection();
                    ResultSet rs = c.createStatement().executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
        assertThat(output).containsPattern("WARN .*The embedded PostgreSQL of an earlier run \\(pid \\d+, port "
                + port + "\\) is still running");
    }
}
