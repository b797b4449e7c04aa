package fr.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in over real HTTP: passwords, throttling, the second factor, session fixation and the audit trail. */
@PasserelleIntegrationTest
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void signsInWithTheRightPasswordAndRecordsIt() throws Exception {
        WebClient web = new WebClient(port);
        web.get("/login");
        HttpResponse<String> response = web.signIn("directrice", DemoAccounts.PASSWORD);
        assertThat(WebClient.location(response)).endsWith("/");
        assertThat(web.get("/").body()).contains("Hélène Rousseau");
        assertThat(lastActions("Hélène Rousseau")).contains("login.success");
        var success = OwnerSql.of(server).sql("""
                select organisation_id, actor_id, request_id, occurred_at from audit_event
                where actor_name = 'Hélène Rousseau' and action = 'login.success' order by seq desc limit 1""")
                .query().singleRow();
        assertThat(success.get("organisation_id")).isNotNull();
        assertThat(success.get("actor_id")).isNotNull();
        assertThat(success.get("request_id")).isNotNull();
        assertThat(success.get("occurred_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'directrice'")
                .query(Long.class).single()).as("sessions are stored in PostgreSQL").isPositive();
    }

    @Test
    void changesTheSessionIdentifierAtSignIn() throws Exception {
        WebClient web = new WebClient(port);
        String before = web.get("/login").headers().allValues("Set-Cookie").toString();
        HttpResponse<String> response = web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String after = response.headers().allValues("Set-Cookie").toString();
        assertThat(after).contains("PASSERELLE_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(after).isNotEqualTo(before);
    }

    /**
     * A session's row is not written again while its last access moved by less than a minute and
     * nothing else changed; it is once it moved by more.
     */
    @Test
    void writesASessionsLastAccessOnlyWhenItMovedByAMinute() throws Exception {
        WebClient web = new WebClient(port);
        web.get("/login");
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String id = new String(java.util.Base64.getDecoder().decode(web.cookie("PASSERELLE_SESSION").orElseThrow()),
                java.nio.charset.StandardCharsets.US_ASCII);
        long signedIn = lastAccess(id);
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).as("a page a moment later writes nothing").isEqualTo(signedIn);

        OwnerSql.of(server).sql("update spring_session set last_access_time = last_access_time - 61000,"
                + " expiry_time = expiry_time - 61000 where session_id = ?").param(id).update();
        assertThat(web.get("/").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).as("a page more than a minute later writes the last access")
                .isGreaterThanOrEqualTo(signedIn);
        assertThat(OwnerSql.of(server).sql("select expiry_time - last_access_time from spring_session where session_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(30 * 60 * 1000L);
    }

    private long lastAccess(String sessionId) {
        return OwnerSql.of(server).sql("select last_access_time from spring_session where session_id = ?")
                .param(sessionId).query(Long.class).single();
    }

    @Test
    void answersUnknownAndKnownLoginNamesTheSameWay() throws Exception {
        HttpResponse<String> unknown = new WebClient(port).signIn("nobody-at-all", "Wrong-password-1");
        HttpResponse<String> known = new WebClient(port).signIn("analyste", "Wrong-password-1");
        assertThat(WebClient.location(unknown)).endsWith("/login?error");
        assertThat(WebClient.location(known)).endsWith("/login?error");
        assertThat(lastActions("nobody-at-all")).contains("login.failure");
    }

    @Test
    void makesTheLoginNameWaitAfterRepeatedFailures() throws Exception {
        WebClient web = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(WebClient.location(web.signIn("moderatrice", "Wrong-password-" + i))).endsWith("/login?error");
        }
        // Even the right password is not examined while the delay runs.
        HttpResponse<String> refused = web.signIn("moderatrice", DemoAccounts.PASSWORD);
        assertThat(WebClient.location(refused)).contains("/login?throttled=");
        assertThat(web.get("/login?throttled=5").body()).contains("Trop de tentatives. Réessayez dans 5 secondes.");
        jdbc.sql("delete from login_attempt where login_key = 'moderatrice'").update();
    }

    @Test
    void enrolsAndThenAsksForTheSecondFactor() throws Exception {
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.signIn("intervenant.mfa", DemoAccounts.PASSWORD))).endsWith("/mfa/enrol");
        assertThat(web.get("/").statusCode()).as("home before the second factor").isEqualTo(302);

        String enrolPage = web.get("/mfa/enrol").body();
        Matcher secret = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7]+)<").matcher(enrolPage);
        assertThat(secret.find()).isTrue();
        assertThat(enrolPage).contains("data:image/png;base64,");

        HttpResponse<String> wrong = web.submit(enrolPage, "/mfa/enrol", Map.of("code", "000000"));
        assertThat(wrong.body()).contains("Code incorrect").contains(secret.group(1));
        HttpResponse<String> enrolled = web.submit(wrong.body(), "/mfa/enrol", Map.of("code", code(secret.group(1))));
        assertThat(WebClient.location(enrolled)).endsWith("/mfa/recovery-codes");
        String codesPage = web.get("/mfa/recovery-codes").body();
        Matcher recovery = Pattern.compile("<li>([a-z0-9-]{10,})</li>").matcher(codesPage);
        assertThat(recovery.find()).isTrue();
        String recoveryCode = recovery.group(1);
        assertThat(WebClient.location(web.post("/mfa/recovery-codes", "/mfa/recovery-codes", Map.of()))).endsWith("/");
        assertThat(web.get("/").statusCode()).isEqualTo(200);

        WebClient again = new WebClient(port);
        assertThat(WebClient.location(again.signIn("intervenant.mfa", DemoAccounts.PASSWORD))).endsWith("/mfa/verify");
        assertThat(again.post("/mfa/verify", "/mfa/verify", Map.of("code", "123456")).body()).contains("Code incorrect");
        assertThat(WebClient.location(again.post("/mfa/verify", "/mfa/verify", Map.of("code", recoveryCode)))).endsWith("/");

        WebClient third = new WebClient(port);
        third.signIn("intervenant.mfa", DemoAccounts.PASSWORD);
        assertThat(third.post("/mfa/verify", "/mfa/verify", Map.of("code", recoveryCode)).body())
                .as("a recovery code works once").contains("Code incorrect");
        assertThat(lastActions("Sofia Laurent")).contains("mfa.enrolled", "mfa.recovery_code_used");
        jdbc.sql("delete from login_attempt where login_key = 'intervenant.mfa'").update();
    }

    @Test
    void signsOutAndRecordsIt() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("equipe.federale", DemoAccounts.PASSWORD);
        assertThat(WebClient.location(web.post("/", "/logout", Map.of()))).endsWith("/login?logout");
        assertThat(web.get("/").statusCode()).isEqualTo(302);
        assertThat(lastActions("Claire Dubois")).contains("logout");
    }

    private static String code(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, new SystemTimeProvider().getTime() / 30);
    }

    /** Audit actions recorded for an actor, read as the database owner would (all organisations). */
    private List<String> lastActions(String actorName) {
        return OwnerSql.of(server).sql("select action from audit_event where actor_name = ? order by seq").param(actorName)
                .query(String.class).list();
    }
}
