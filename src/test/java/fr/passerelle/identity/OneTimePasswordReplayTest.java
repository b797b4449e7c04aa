package fr.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.internal.MfaService;
import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A one-time password opens one session only (RFC 6238, section 5.2), at sign-in as at enrolment. */
@PasserelleIntegrationTest
class OneTimePasswordReplayTest {

    private static final String PASSWORD = "Colline-Argentee-2026";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MfaService mfa;

    @Autowired
    Clock clock;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void oneCodeSignsInOnceAndACodeOfAnEarlierTimeStepIsRefused() throws Exception {
        String username = givenAnAccountThatNeedsASecondFactor();
        WebClient enrolling = new WebClient(port);
        Enrolment enrolment = enrolmentOpened(enrolling, username);
        long step = clock.instant().getEpochSecond() / 30;
        assertThat(WebClient.location(enrolling.submit(enrolment.page(), "/mfa/enrol",
                Map.of("code", code(enrolment.secret(), step))))).endsWith("/mfa/recovery-codes");
        enrolling.post("/mfa/recovery-codes", "/mfa/recovery-codes", Map.of());

        WebClient first = new WebClient(port);
        first.signIn(username, PASSWORD);
        assertThat(first.post("/mfa/verify", "/mfa/verify", Map.of("code", code(enrolment.secret(), step))).body())
                .as("the code that confirmed the enrolment").contains("Code incorrect");
        String next = code(enrolment.secret(), step + 1);
        assertThat(WebClient.location(first.post("/mfa/verify", "/mfa/verify", Map.of("code", next)))).endsWith("/");

        WebClient second = new WebClient(port);
        second.signIn(username, PASSWORD);
        assertThat(second.post("/mfa/verify", "/mfa/verify", Map.of("code", next)).body())
                .as("the same code for a second session").contains("Code incorrect");
        assertThat(WebClient.location(second.get("/"))).as("still waiting for a second factor").endsWith("/mfa/verify");
    }

    @Test
    void anEnrolmentIsNotConfirmedWithACodeOfAnAlreadyUsedTimeStep() {
        String username = givenAnAccountThatNeedsASecondFactor();
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        long step = clock.instant().getEpochSecond() / 30;
        String secret = new DefaultSecretGenerator(32).generate();
        assertThat(mfa.confirmEnrolment(user, secret, code(secret, step))).isNotEmpty();

        String again = new DefaultSecretGenerator(32).generate();
        assertThat(mfa.confirmEnrolment(user, again, code(again, step + 1)))
                .as("a session that loaded the account before its enrolment cannot replace the second factor").isEmpty();
        assertThat(storedSecretOf(username)).isEqualTo(secret);

        asAdministrator(() -> accounts.resetMfa(accountId(username)));
        assertThat(mfa.confirmEnrolment(user, again, code(again, step))).as("same time step, new secret").isEmpty();
        assertThat(mfa.confirmEnrolment(user, again, code(again, step - 1))).as("an earlier time step").isEmpty();
        assertThat(mfa.confirmEnrolment(user, again, code(again, step + 1))).as("a later time step").isNotEmpty();
    }

    @Test
    void anEnrolmentEndsTheOtherSessionsWaitingToEnrol() throws Exception {
        String username = givenAnAccountThatNeedsASecondFactor();
        WebClient stale = new WebClient(port);
        Enrolment staleEnrolment = enrolmentOpened(stale, username);

        WebClient enrolling = new WebClient(port);
        Enrolment enrolment = enrolmentOpened(enrolling, username);
        long step = clock.instant().getEpochSecond() / 30;
        assertThat(WebClient.location(enrolling.submit(enrolment.page(), "/mfa/enrol",
                Map.of("code", code(enrolment.secret(), step))))).endsWith("/mfa/recovery-codes");
        assertThat(WebClient.location(enrolling.post("/mfa/recovery-codes", "/mfa/recovery-codes", Map.of())))
                .as("the enrolling session goes on").endsWith("/");

        HttpResponse<String> replaced = stale.submit(staleEnrolment.page(), "/mfa/enrol",
                Map.of("code", code(staleEnrolment.secret(), step + 1)));
        assertThat(WebClient.location(replaced)).as("the stale session has ended").endsWith("/login");
        assertThat(storedSecretOf(username)).isEqualTo(enrolment.secret());
    }

    @Test
    void aRecoveryCodeIsSpentOnceEvenByTwoSignInsAtTheSameTime() throws Exception {
        String username = givenAnAccountThatNeedsASecondFactor();
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        String secret = new DefaultSecretGenerator(32).generate();
        String recovery = mfa.confirmEnrolment(user, secret, code(secret, clock.instant().getEpochSecond() / 30)).get(0);
        PasserelleUser enrolled = (PasserelleUser) users.loadUserByUsername(username);

        // A first sign-in spends the code and has not committed yet when the second one tries it.
        try (Connection first = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabaseProperties.OWNER_ROLE, "")) {
            first.setAutoCommit(false);
            try (PreparedStatement spend = first.prepareStatement(
                    "update mfa_recovery_code set used_at = now() where user_id = ? and code_hash = ? and used_at is null")) {
                spend.setObject(1, enrolled.userId());
                spend.setString(2, ApiTokens.hash(recovery));
                assertThat(spend.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> mfa.verify(enrolled, recovery));
            // The second one waits for the first one's row lock (the text of its query is not visible here).
            await().atMost(Duration.ofSeconds(20)).until(() -> OwnerSql.of(server)
                    .sql("select count(*) from pg_locks where not granted").query(Long.class).single() > 0);
            first.commit();
            assertThat(second.get(20, TimeUnit.SECONDS)).as("the second use of the code").isFalse();
        }
        assertThat(mfa.verify(enrolled, recovery)).isFalse();
    }

    @Test
    void theFailuresOfALoginNameAreForgottenOnlyWhenTheSecondFactorIsGiven() throws Exception {
        String username = givenAnAccountThatNeedsASecondFactor();
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        String secret = new DefaultSecretGenerator(32).generate();
        assertThat(mfa.confirmEnrolment(user, secret, code(secret, clock.instant().getEpochSecond() / 30))).isNotEmpty();

        WebClient web = new WebClient(port);
        web.signIn(username, "Mauvais-Essai-1-xyz");
        web.signIn(username, "Mauvais-Essai-2-xyz");
        assertThat(WebClient.location(web.signIn(username, PASSWORD))).endsWith("/mfa/verify");
        String wrong = code(secret, clock.instant().getEpochSecond() / 30 + 5);
        assertThat(web.post("/mfa/verify", "/mfa/verify", Map.of("code", wrong)).body()).contains("Code incorrect");

        assertThat(WebClient.location(new WebClient(port).signIn(username, PASSWORD)))
                .as("two wrong passwords and a wrong second factor: the third failure").contains("/login?throttled=");
        OwnerSql.of(server).sql("delete from login_attempt where login_key = ?").param(username).update();
    }

    /** The enrolment page a browser gets after the right password, and the secret it shows. */
    private record Enrolment(String page, String secret) {}

    private Enrolment enrolmentOpened(WebClient web, String username) throws Exception {
        assertThat(WebClient.location(web.signIn(username, PASSWORD))).endsWith("/mfa/enrol");
        String page = web.get("/mfa/enrol").body();
        Matcher secret = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        return new Enrolment(page, secret.group(1));
    }

    private String storedSecretOf(String username) {
        return OwnerSql.of(server).sql("select mfa_secret from app_user where username = ?").param(username)
                .query(String.class).single();
    }

    private UUID accountId(String username) {
        return OwnerSql.of(server).sql("select id from app_user where username = ?").param(username)
                .query(UUID.class).single();
    }

    private void asAdministrator(Runnable work) {
        SignedIn.as(users, "admin.asso");
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String givenAnAccountThatNeedsASecondFactor() {
        String username = "totp." + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as(users, "admin.asso");
        try {
            accounts.create(new UserAccounts.NewUser(username, "Compte TOTP", "totp@exemple.org", PASSWORD, null,
                    List.of(Roles.CASE_WORKER), false, false));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return username;
    }

    private static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
