package fr.passerelle.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sign-in abuse: spraying one password over many login names from one address is held back per
 * address; a login name kept locked by someone else's failures gets in again through a one-time,
 * expiring mail link that works in the browser that opened it only.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class SignInAbuseTest {

    private static final String PASSWORD = "Riviere-Tranquille-2026";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    LoginUnlocks unlocks;

    @Autowired
    LoginThrottle throttle;

    @Value("${passerelle.security.address-throttle.free-failures}")
    int freeFailuresPerAddress;

    @Test
    void sprayingOnePasswordOverManyLoginNamesFromOneAddressIsHeldBack() throws Exception {
        String spray = "Printemps-Lyonnais-2026";
        for (int i = 0; i < freeFailuresPerAddress; i++) {
            assertThat(signIn("198.51.100.23", "spray-" + i + "-" + UUID.randomUUID(), spray)).endsWith("/login?error");
        }
        assertThat(signIn("198.51.100.23", "spray-next-" + UUID.randomUUID(), spray))
                .as("a login name never tried before, from the same address").contains("/login?throttled=");
        assertThat(signIn("198.51.100.24", "spray-next-" + UUID.randomUUID(), spray))
                .as("another address").endsWith("/login?error");
    }

    @Test
    void aLockedOutUserGetsInThroughTheMailLinkWhileTheNameStaysLockedForOthers() throws Exception {
        String username = givenAnAccount();
        WebClient attacker = new WebClient(port);
        lockOut(attacker, username);

        WebClient owner = new WebClient(port);
        assertThat(WebClient.location(owner.signIn(username, PASSWORD))).as("locked out").contains("/login?throttled=");
        assertThat(owner.post("/login/unlock", "/login/unlock", Map.of("username", username)).body())
                .contains("un lien de déblocage vient d’être envoyé");
        String secret = unlockSecretMailedTo(username);
        assertThat(OwnerSql.of(server).sql("select count(*) from login_unlock_token where token_hash = ?")
                .param(ApiTokens.hash(secret)).query(Long.class).single()).as("kept as its hash only").isEqualTo(1);

        assertThat(WebClient.location(owner.post("/login/unlock/" + secret, "/login/unlock/" + secret, Map.of())))
                .endsWith("/login");
        assertThat(owner.get("/login").body()).as("told once, in this browser").contains("débloqué dans ce navigateur");
        assertThat(new WebClient(port).get("/login?unlocked").body()).as("anyone else")
                .doesNotContain("débloqué dans ce navigateur");
        lockOut(attacker, username);

        assertThat(WebClient.location(attacker.signIn(username, PASSWORD))).as("any other browser")
                .contains("/login?throttled=");
        assertThat(WebClient.location(owner.signIn(username, PASSWORD))).as("the browser that opened the link").endsWith("/");
        assertThat(new WebClient(port).post("/login/unlock/" + secret, "/login/unlock/" + secret, Map.of()).body())
                .as("a link works once").contains("Ce lien n’est pas valable");
        OwnerSql.of(server).sql("delete from login_attempt where login_key = ?").param(username).update();
    }

    @Test
    void aThrottledNameStaysThrottledWhateverTheShapeOfTheSignInUrl() throws Exception {
        String username = givenAnAccount();
        lockOut(new WebClient(port), username);
        for (String action : List.of("/login", "/log%69n", "/login;x=y", "//login", "/./login")) {
            WebClient web = new WebClient(port);
            HttpResponse<String> attempt = web.post("/login", action, Map.of("username", username, "password", PASSWORD));
            assertThat(attempt.statusCode() == 400 || WebClient.location(attempt).contains("/login?throttled="))
                    .as(action + " answered " + attempt.statusCode() + " " + WebClient.location(attempt)).isTrue();
            assertThat(WebClient.location(web.get("/account/sessions"))).as(action + " signed nobody in")
                    .endsWith("/login");
        }
        OwnerSql.of(server).sql("delete from login_attempt where login_key = ?").param(username).update();
    }

    @Test
    void anExpiredLinkUnlocksNothingAndAnUnknownNameGetsTheSameAnswerWithoutMail() throws Exception {
        String username = givenAnAccount();
        WebClient owner = new WebClient(port);
        owner.post("/login/unlock", "/login/unlock", Map.of("username", username));
        String secret = unlockSecretMailedTo(username);
        OwnerSql.of(server).sql("update login_unlock_token set expires_at = now() - interval '1 minute' where token_hash = ?")
                .param(ApiTokens.hash(secret)).update();
        assertThat(owner.post("/login/unlock/" + secret, "/login/unlock/" + secret, Map.of()).body())
                .contains("Ce lien n’est pas valable");

        owner.post("/login/unlock", "/login/unlock", Map.of("username", username));
        await().atMost(Duration.ofSeconds(20)).until(() -> !unlocks.busy());
        assertThat(mailsTo(username)).as("at most one link per account within the interval").isEqualTo(1);

        String unknown = "personne-" + UUID.randomUUID();
        assertThat(owner.post("/login/unlock", "/login/unlock", Map.of("username", unknown)).body())
                .contains("un lien de déblocage vient d’être envoyé");
    }

    @Test
    void anAddressMayAskForAFewUnlockLinksOnly() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(askForUnlock("198.51.100.77", "quelqu-un-" + i)).contains("un lien de déblocage vient d’être envoyé");
        }
        assertThat(askForUnlock("198.51.100.77", "quelqu-un-encore")).contains("Trop de demandes de déblocage")
                .doesNotContain("un lien de déblocage vient d’être envoyé");
        assertThat(askForUnlock("198.51.100.78", "quelqu-un")).as("another address")
                .contains("un lien de déblocage vient d’être envoyé");
    }

    @Test
    void theFailuresOfAnAddressAreCountedWithinAWindowAndStartAgainAfterIt() throws Exception {
        String address = "198.51.100.91";
        OwnerSql.of(server).sql("""
                insert into login_attempt_address (address_key, failures, first_failure_at, last_failure_at)
                values (?, 500, now() - interval '2 hours', now() - interval '16 minutes')""").param(address + "/32").update();
        assertThat(signIn(address, "fenetre-" + UUID.randomUUID(), "Printemps-Lyonnais-2026")).endsWith("/login?error");
        assertThat(signIn(address, "fenetre-" + UUID.randomUUID(), "Printemps-Lyonnais-2026"))
                .as("the count started again: the address is not held back for 15 minutes").endsWith("/login?error");
        assertThat(OwnerSql.of(server).sql("select failures from login_attempt_address where address_key = ?")
                .param(address + "/32").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void usedAndExpiredUnlockLinksArePurgedAndLiveOnesKept() {
        String username = givenAnAccount();
        var owner = OwnerSql.of(server);
        for (String state : List.of("used", "expired", "live")) {
            owner.sql("""
                    insert into login_unlock_token (token_hash, user_id, organisation_id, created_at, expires_at, used_at)
                    select :hash, id, organisation_id, now(),
                           now() + case when :state = 'expired' then interval '-1 minute' else interval '30 minutes' end,
                           case when :state = 'used' then now() end
                    from app_user where username = :username""")
                    .param("hash", ApiTokens.hash(username + state)).param("state", state).param("username", username)
                    .update();
        }
        throttle.forgetOldFailures();
        assertThat(owner.sql("""
                select t.token_hash from login_unlock_token t join app_user u on u.id = t.user_id where u.username = ?""")
                .param(username).query(String.class).list()).containsExactly(ApiTokens.hash(username + "live"));
    }

    /** The unlock requests other tests made from this machine's address do not count here. */
    @BeforeEach
    void forgetTheUnlockRequests() {
        OwnerSql.of(server).sql("delete from login_attempt_address where address_key like 'unlock %'").update();
    }

    private String askForUnlock(String address, String username) throws Exception {
        return mvc.perform(post("/login/unlock").param("username", username).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse().getContentAsString();
    }

    private String signIn(String address, String username, String password) throws Exception {
        return String.valueOf(mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn().getResponse().getRedirectedUrl());
    }

    private void lockOut(WebClient attacker, String username) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 3; i++) {
            last = attacker.signIn(username, "Mauvais-Essai-" + i + "-xyz");
        }
        assertThat(WebClient.location(last)).endsWith("/login?error");
    }

    private String givenAnAccount() {
        String username = "verrou." + UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as(users, "admin.asso");
        try {
            accounts.create(new UserAccounts.NewUser(username, "Compte verrouillé", username + "@exemple.org", PASSWORD,
                    null, List.of(Roles.DIRECTOR), true, true));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return username;
    }

    private String unlockSecretMailedTo(String username) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(username) > 0);
        String body = OwnerSql.of(server).sql("""
                select body from mail_outbox where recipient = ? and kind = 'LOGIN_UNLOCK' order by created_at desc limit 1""")
                .param(username + "@exemple.org").query(String.class).single();
        Matcher link = Pattern.compile("/login/unlock/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private long mailsTo(String username) {
        return OwnerSql.of(server).sql("select count(*) from mail_outbox where recipient = ? and kind = 'LOGIN_UNLOCK'")
                .param(username + "@exemple.org").query(Long.class).single();
    }
}
