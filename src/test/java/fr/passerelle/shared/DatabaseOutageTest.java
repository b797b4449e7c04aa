package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.web.WebClient;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When the database cannot be reached, pages and readiness answer within two seconds (the product's
 * "service unavailable" page, readiness DOWN) instead of waiting 30 s for a connection, and
 * everything works again by itself once the database is back. The application of this test has
 * its own embedded PostgreSQL, reached through a relay the test cuts, so no other test shares it.
 */
@PasserelleIntegrationTest
@DirtiesContext
class DatabaseOutageTest {

    private static final int DATABASE_PORT = TcpProxy.freePort();
    private static final TcpProxy RELAY = TcpProxy.to(DATABASE_PORT);
    private static final Duration PROMPT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void databaseThroughTheRelay(DynamicPropertyRegistry registry) {
        registry.add("passerelle.embedded-db.port", () -> DATABASE_PORT);
        registry.add("spring.datasource.hikari.jdbc-url",
                () -> "jdbc:postgresql://localhost:" + RELAY.port() + "/passerelle");
    }

    @AfterAll
    static void closeRelay() {
        RELAY.close();
    }

    @Test
    void whileTheDatabaseIsUnreachablePagesTheApiAndReadinessAnswerPromptlyAndRecoverWhenItIsBack() throws Exception {
        WebClient signedIn = new WebClient(port);
        assertThat(signedIn.signIn("intervenant", DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(signedIn.get("/persons").statusCode()).isEqualTo(200);
        assertThat(readiness().statusCode()).isEqualTo(200);

        RELAY.cut();
        try {
            HttpResponse<String> page = timed(() -> signedIn.get("/persons"));
            assertUnavailablePage(page);
            assertUnavailablePage(timed(() -> new WebClient(port).get("/reseau/annuaire")));
            HttpResponse<String> api = timed(() -> signedIn.send("/api/v1/persons",
                    request -> request.setHeader("Accept", "application/json").GET()));
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(api.body()).contains("base de données injoignable");
            HttpResponse<String> ready = timed(this::readiness);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DOWN\"");
        } finally {
            RELAY.restore();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(readiness().statusCode()).isEqualTo(200);
            assertThat(signedIn.get("/persons").statusCode()).isEqualTo(200);
        });
    }

    @Test
    void aConnectionGivesUpOnADatabaseThatStaysSilent() {
        assertThat(((HikariDataSource) dataSource).getDataSourceProperties()).containsEntry("socketTimeout", "300");
    }

    private HttpResponse<String> readiness() throws Exception {
        return new WebClient(port).get("/actuator/health/readiness");
    }

    private static void assertUnavailablePage(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(503);
        String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(page.body()).contains("Service momentanément indisponible")
                .contains("Référence de l’incident : " + requestId)
                .doesNotContain("Tomcat");
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> timed(Request request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = request.send();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within %s", PROMPT).isLessThan(PROMPT);
        return response;
    }
}
