package fr.passerelle.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Revoking access ends sessions at once, over real HTTP: after an account is disabled, loses a
 * role, gets a new password or has its second factor reset, the session it had open can no longer
 * read a person's file, export the caseload or write health notes. Also the list of one's sessions,
 * signing one out, and signing out everywhere.
 */
@PasserelleIntegrationTest
class AccessRevocationTest {

    private static final String PASSWORD = "Verger-Lumineux-2026";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Persons persons;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDisabledAccountLosesItsOpenSessionAtOnce() throws Exception {
        assertTheOpenSessionEndsAfter(user -> accounts.update(user.id(), new UserAccounts.UserChanges(user.displayName(),
                user.email(), user.serviceId(), user.roles(), false)));
    }

    @Test
    void aPasswordSetByAnAdministratorEndsTheOpenSessions() throws Exception {
        assertTheOpenSessionEndsAfter(user -> accounts.setPassword(user.id(), "Nouveau-Verger-Lumineux-2027"));
    }

    @Test
    void aSecondFactorResetEndsTheOpenSessions() throws Exception {
        assertTheOpenSessionEndsAfter(user -> accounts.resetMfa(user.id()));
    }

    @Test
    void aChangedServiceEndsTheOpenSessions() throws Exception {
        UUID service = OwnerSql.of(server).sql("""
                select s.id from service s join app_user u on u.organisation_id = s.organisation_id
                where u.username = 'admin.asso' order by s.id limit 1""").query(UUID.class).single();
        assertTheOpenSessionEndsAfter(user -> accounts.update(user.id(), new UserAccounts.UserChanges(user.displayName(),
                user.email(), service, user.roles(), true)));
    }

    @Test
    void disablingTheOrganisationEndsTheOpenSessionsOfItsUsers() throws Exception {
        String username = "fermeture." + UUID.randomUUID().toString().substring(0, 8);
        Organisations.OrganisationData open = new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association fermée " + UUID.randomUUID(), "Angers", "49", null, false, true);
        UUID organisation = as("admin.federation", () -> organisations.create(open, new UserAccounts.NewUser(username,
                "Administratrice fermée", "fermeture@exemple.org", PASSWORD, null, List.of(), true, true)));
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.signIn(username, PASSWORD))).endsWith("/");
        assertThat(web.get("/account/sessions").statusCode()).isEqualTo(200);

        as("admin.federation", () -> {
            organisations.update(organisation, new Organisations.OrganisationData(open.kind(), open.name(), open.city(),
                    open.departementCode(), open.regionCode(), open.sharesStatistics(), false));
            return null;
        });
        assertThat(WebClient.location(web.get("/account/sessions"))).endsWith("/login");
    }

    @Test
    void aLoweredRoleCanNoLongerWriteHealthNotesFromItsOpenSession() throws Exception {
        UUID person = givenAPerson();
        UserAccounts.UserDetail user = givenAnAccount(Roles.SERVICE_HEAD);
        WebClient web = signedIn(user);
        String page = web.get("/persons/" + person).body();
        assertThat(page).as("a service head sees the health section").contains("healthNotes");

        asAdministrator(() -> accounts.update(user.id(), new UserAccounts.UserChanges(user.displayName(), user.email(),
                user.serviceId(), List.of(Roles.DIRECTOR), true)));

        HttpResponse<String> write = web.submit(page, "/persons/" + person + "/health",
                Map.of("healthNotes", "Écrit après la perte du droit", "addictionNotes", ""));
        assertThat(WebClient.location(write)).endsWith("/login");
        assertThat(healthNotesOf(person)).isNull();
        assertThat(WebClient.location(web.get("/persons/" + person))).endsWith("/login");
        assertThat(WebClient.location(web.get("/caseload/export"))).endsWith("/login");
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        UserAccounts.UserDetail user = givenAnAccount(Roles.DIRECTOR);
        WebClient here = signedIn(user);
        WebClient elsewhere = signedIn(user);

        HttpResponse<String> changed = here.post("/account/password", "/account/password", Map.of(
                "currentPassword", PASSWORD, "newPassword", "Autre-Verger-Lumineux-2027",
                "confirmation", "Autre-Verger-Lumineux-2027"));
        assertThat(WebClient.location(changed)).endsWith("/");

        assertThat(here.get("/caseload/export").statusCode()).isEqualTo(200);
        assertThat(WebClient.location(elsewhere.get("/caseload/export"))).endsWith("/login");
    }

    @Test
    void listsOnesSessionsAndSignsOneOutThenEverywhere() throws Exception {
        UserAccounts.UserDetail user = givenAnAccount(Roles.DIRECTOR);
        WebClient here = signedIn(user);
        WebClient elsewhere = signedIn(user);

        String page = here.get("/account/sessions").body();
        assertThat(Pattern.compile("<tr[ >]").matcher(page).results().count()).as("header and two sessions").isEqualTo(3);
        assertThat(page).contains("Cette session").contains("Java-http-client").contains("127.0.0.1");
        List<String> ids = sessionIdsOf(user.username());
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(page).as("the page never shows a session id, which the cookie carries")
                    .doesNotContain(id)
                    .doesNotContain(java.util.Base64.getEncoder().withoutPadding().encodeToString(id.getBytes()));
        }
        Matcher other = Pattern.compile("/account/sessions/([0-9a-f]{64})/sign-out").matcher(page);
        assertThat(other.find()).isTrue();
        assertThat(other.find()).as("only the other session has a sign-out button").isFalse();

        other.reset().find();
        assertThat(WebClient.location(here.submit(page, "/account/sessions/" + other.group(1) + "/sign-out", Map.of())))
                .endsWith("/account/sessions");
        assertThat(WebClient.location(elsewhere.get("/"))).endsWith("/login");
        assertThat(here.get("/").statusCode()).isEqualTo(200);

        WebClient third = signedIn(user);
        HttpResponse<String> everywhere = here.post("/account/sessions", "/account/sessions/sign-out-everywhere", Map.of());
        assertThat(everywhere.body()).contains("Toutes vos sessions ont été fermées.");
        assertThat(WebClient.location(here.get("/"))).endsWith("/login");
        assertThat(WebClient.location(third.get("/"))).endsWith("/login");
    }

    @Test
    void anotherUsersSessionCannotBeSignedOut() throws Exception {
        UserAccounts.UserDetail victim = givenAnAccount(Roles.DIRECTOR);
        WebClient victimWeb = signedIn(victim);
        String sessionId = sessionIdsOf(victim.username()).get(0);
        UserAccounts.UserDetail other = givenAnAccount(Roles.DIRECTOR);
        WebClient otherWeb = signedIn(other);
        for (String name : List.of(sessionId, handle(sessionId))) {
            otherWeb.post("/account/sessions", "/account/sessions/" + name + "/sign-out", Map.of());
            assertThat(sessionIdsOf(victim.username())).as("the victim's session is still stored").containsExactly(sessionId);
        }
        assertThat(victimWeb.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereAlsoEndsASessionMissingFromTheIndexOfLoginNames() throws Exception {
        UserAccounts.UserDetail user = givenAnAccount(Roles.DIRECTOR);
        WebClient here = signedIn(user);
        WebClient unindexed = signedIn(user);
        String hereId = currentSessionId(here, user);
        String unindexedId = sessionIdsOf(user.username()).stream()
                .filter(id -> !id.equals(hereId)).findFirst().orElseThrow();
        OwnerSql.of(server).sql("update spring_session set principal_name = null where session_id = ?").param(unindexedId)
                .update();

        here.post("/account/sessions", "/account/sessions/sign-out-everywhere", Map.of());
        assertThat(WebClient.location(unindexed.get("/"))).endsWith("/login");
    }

    private String currentSessionId(WebClient web, UserAccounts.UserDetail user) throws Exception {
        String page = web.get("/account/sessions").body();
        return sessionIdsOf(user.username()).stream()
                .filter(id -> !page.contains(handle(id))).findFirst().orElseThrow();
    }

    /** The handle the page of sessions names a session by: the SHA-256 of its id. */
    private static String handle(String sessionId) {
        return ApiTokens.hash(sessionId);
    }

    private List<String> sessionIdsOf(String username) {
        return OwnerSql.of(server).sql("select session_id from spring_session where principal_name = ?")
                .param(username).query(String.class).list().stream().map(String::trim).toList();
    }

    @Test
    void anApiTokenFollowsItsAccountAtEveryRequest() throws Exception {
        UUID person = givenAPerson();
        UserAccounts.UserDetail user = givenAnAccount(Roles.SERVICE_HEAD);
        SignedIn.as(users, user.username());
        String token;
        try {
            token = tokens.create("révocation").secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
        String health = "{\"healthNotes\":\"Suivi\",\"addictionNotes\":\"\"}";
        assertThat(api("PUT", "/api/v1/persons/" + person + "/health", token, health).statusCode()).isLessThan(300);

        asAdministrator(() -> accounts.update(user.id(), new UserAccounts.UserChanges(user.displayName(), user.email(),
                user.serviceId(), List.of(Roles.DIRECTOR), true)));
        assertThat(api("PUT", "/api/v1/persons/" + person + "/health", token, health).statusCode()).isEqualTo(403);
        assertThat(api("GET", "/api/v1/persons/" + person, token, null).statusCode()).isEqualTo(200);

        asAdministrator(() -> accounts.update(user.id(), new UserAccounts.UserChanges(user.displayName(), user.email(),
                user.serviceId(), List.of(Roles.DIRECTOR), false)));
        assertThat(api("GET", "/api/v1/persons/" + person, token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordSetByAnAdministratorOrASecondFactorResetRevokesTheApiTokens() throws Exception {
        UserAccounts.UserDetail user = givenAnAccount(Roles.DIRECTOR);
        String token = tokenOf(user);
        assertThat(api("GET", "/api/v1/persons", token, null).statusCode()).isEqualTo(200);
        asAdministrator(() -> accounts.setPassword(user.id(), "Nouveau-Verger-Lumineux-2027"));
        assertThat(api("GET", "/api/v1/persons", token, null).statusCode()).as("after a new password").isEqualTo(401);

        String another = tokenOf(user);
        assertThat(api("GET", "/api/v1/persons", another, null).statusCode()).isEqualTo(200);
        asAdministrator(() -> accounts.resetMfa(user.id()));
        assertThat(api("GET", "/api/v1/persons", another, null).statusCode()).as("after a reset").isEqualTo(401);
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from audit_event where action = 'api_token.revoked_all' and object_id = ?""")
                .param(user.id().toString()).query(Long.class).single()).isEqualTo(2);
    }

    private String tokenOf(UserAccounts.UserDetail user) {
        SignedIn.as(users, user.username());
        try {
            return tokens.create("jeton-" + UUID.randomUUID().toString().substring(0, 6)).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertTheOpenSessionEndsAfter(Consumer<UserAccounts.UserDetail> change) throws Exception {
        UUID person = givenAPerson();
        UserAccounts.UserDetail user = givenAnAccount(Roles.DIRECTOR);
        WebClient web = signedIn(user);
        assertThat(web.get("/persons/" + person).statusCode()).isEqualTo(200);
        assertThat(web.get("/caseload/export").statusCode()).isEqualTo(200);

        asAdministrator(() -> change.accept(user));

        assertThat(WebClient.location(web.get("/persons/" + person))).endsWith("/login");
        assertThat(WebClient.location(web.get("/caseload/export"))).endsWith("/login");
    }

    private UserAccounts.UserDetail givenAnAccount(String role) {
        return asAdministrator(() -> accounts.get(accounts.create(new UserAccounts.NewUser(
                "revocation." + UUID.randomUUID().toString().substring(0, 8), "Compte de révocation",
                "revocation@exemple.org", PASSWORD, null, List.of(role), true, true))));
    }

    private UUID givenAPerson() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        try {
            return TenantContext.callAs(head.organisationId(), () -> persons.create(new Persons.PersonData("Révocation",
                    "Test", LocalDate.of(1985, 3, 4), "F", null, null, null, null, null, null, null), true));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private <T> T asAdministrator(java.util.concurrent.Callable<T> work) {
        return as("admin.asso", work);
    }

    private <T> T as(String username, java.util.concurrent.Callable<T> work) {
        SignedIn.as(users, username);
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void asAdministrator(Runnable work) {
        asAdministrator(() -> {
            work.run();
            return null;
        });
    }

    private WebClient signedIn(UserAccounts.UserDetail user) throws Exception {
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.signIn(user.username(), PASSWORD))).endsWith("/");
        return web;
    }

    private String healthNotesOf(UUID person) {
        return OwnerSql.of(server).sql("select health_notes from person_health where person_id = ?").param(person)
                .query(String.class).optional().orElse(null);
    }
}
