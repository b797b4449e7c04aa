package fr.passerelle.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The production profile's account checks, run on the test database (which holds the demo
 * accounts) with the {@code prod} profile's settings, without a production start-up.
 */
@PasserelleIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProductionSafetyTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessionRepository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditLog audit;

    @Autowired
    SecurityContextRepository contextRepository;

    @Test
    void underProdADemoAccountIsDisabledAndNeverSkipsTheSecondFactorEvenWithTheExemptionOn() {
        LoginLookup production = new LoginLookup(jdbc, true, true);
        PasserelleUser demo = production.find("directrice").orElseThrow();
        assertThat(demo.isEnabled()).isFalse();
        assertThat(demo.mfaRequired()).isTrue();

        PasserelleUser outsideProduction = new LoginLookup(jdbc, true, false).find("directrice").orElseThrow();
        assertThat(outsideProduction.isEnabled()).isTrue();
        assertThat(outsideProduction.mfaRequired()).as("the demo exemption outside prod").isFalse();
    }

    @Test
    void underProdASessionOfADemoAccountOpenedBeforeTheSwitchEndsAtItsNextRequest() {
        PasserelleUser demo = new LoginLookup(jdbc, true, false).find("directrice").orElseThrow();
        assertThat(sessionsUnder(false).stillCurrent(demo)).as("outside prod").isTrue();
        assertThat(sessionsUnder(true).stillCurrent(demo)).as("under prod").isFalse();

        PasserelleUser real = new LoginLookup(jdbc, true, false).find(givenARealAccount()).orElseThrow();
        assertThat(sessionsUnder(true).stillCurrent(real)).as("a real account under prod").isTrue();
    }

    private UserSessions sessionsUnder(boolean production) {
        return new UserSessions(sessionRepository, jdbc, tx, audit, new LoginLookup(jdbc, true, production),
                contextRepository);
    }

    @Test
    void underProdARealAccountStaysEnabled() {
        PasserelleUser real = new LoginLookup(jdbc, true, true).find(givenARealAccount()).orElseThrow();
        assertThat(real.isEnabled()).isTrue();
        assertThat(real.mfaRequired()).isTrue();
    }

    @Test
    void theStartUpCheckSaysAtWarnThatDemoAccountsAreDisabledUnderProdOnly(CapturedOutput output) {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThat(new ProductionSafety(jdbc, prod).demoAccountsDisabled()).isGreaterThanOrEqualTo(12);
        assertThat(output).containsPattern("WARN .*demo account\\(s\\).*disabled");

        assertThat(new ProductionSafety(jdbc, new MockEnvironment()).demoAccountsDisabled()).isZero();
    }

    private String givenARealAccount() {
        String username = "reel." + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as(users, "admin.asso");
        try {
            accounts.create(new UserAccounts.NewUser(username, "Compte réel", "reel@exemple.org", "Foret-Profonde-2026",
                    null, List.of(Roles.DIRECTOR), false, false));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return username;
    }
}
