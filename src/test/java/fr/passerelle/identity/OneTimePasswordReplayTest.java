package fr.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.internal.MfaService;
import fr.passerelle.web.WebClient;
import java.time.Clock;
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

    @Test
    void oneCodeSignsInOnceAndACodeOfAnEarlierTimeStepIsRefused() throws Exception {
        String username = givenAnAccountThatNeedsASecondFactor();
        WebClient enrolling = new WebClient(port);
        assertThat(WebClient.location(enrolling.signIn(username, PASSWORD))).endsWith("/mfa/enrol");
        String enrolPage = enrolling.get("/mfa/enrol").body();
        Matcher secret = Pattern.compile("id=\"mfa-secret\"[^>]*>([A-Z2-7]+)<").matcher(enrolPage);
        assertThat(secret.find()).isTrue();
        long step = clock.instant().getEpochSecond() / 30;
        assertThat(WebClient.location(enrolling.submit(enrolPage, "/mfa/enrol", Map.of("code", code(secret.group(1), step)))))
                .endsWith("/mfa/recovery-codes");
        enrolling.post("/mfa/recovery-codes", "/mfa/recovery-codes", Map.of());

        WebClient first = new WebClient(port);
        first.signIn(username, PASSWORD);
        assertThat(first.post("/mfa/verify", "/mfa/verify", Map.of("code", code(secret.group(1), step))).body())
                .as("the code that confirmed the enrolment").contains("Code incorrect");
        String next = code(secret.group(1), step + 1);
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
        assertThat(mfa.confirmEnrolment(user, again, code(again, step))).as("same time step, new secret").isEmpty();
        assertThat(mfa.confirmEnrolment(user, again, code(again, step - 1))).as("an earlier time step").isEmpty();
        assertThat(mfa.confirmEnrolment(user, again, code(again, step + 1))).as("a later time step").isNotEmpty();
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
