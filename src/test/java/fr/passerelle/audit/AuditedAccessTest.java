package fr.passerelle.audit;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.audit.web.RefusedAccessThrottle;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.Reports;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * Reads that show a person's name (measure page, report page and PDF, API measure, API lists) and
 * refused attempts on another association's identifiers leave audit events; the audit page says
 * what each object is and filters by person, user and period.
 */
@PasserelleIntegrationTest
class AuditedAccessTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*value=\"(psr_[A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    Reports reports;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    AuditTrail trail;

    @Autowired
    RefusedAccessThrottle throttle;

    @Autowired
    fr.passerelle.identity.UserAccounts accounts;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A family name no other test uses. */
    private final String family = "Auditée" + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
            + ThreadLocalRandom.current().nextInt(1_000_000);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsOfAMeasurePageAReportPageAndItsPdfAreAudited() throws Exception {
        Case lyon = caseOf("cheffe.service", family);
        UUID report = reportOf("cheffe.service", lyon.measure());
        WebClient web = signedIn("intervenant");
        UUID worker = userId("intervenant");

        assertThat(web.get("/measures/" + lyon.measure()).statusCode()).isEqualTo(200);
        assertThat(web.get("/reports/" + report).statusCode()).isEqualTo(200);
        assertThat(web.get("/reports/" + report + "/pdf").statusCode()).isEqualTo(200);

        assertThat(events("measure.viewed", lyon.measure().toString(), worker)).containsExactly("page");
        assertThat(events("report.viewed", report.toString(), worker)).containsExactly("page", "pdf");
        assertPdfAuditedOnceWithItsVersion(report, worker);
    }

    @Test
    void theValidationQueueIsAuditedWithItsNumberOfLinesWhileTheLiveSearchAndCaseloadPagesAreNot() throws Exception {
        caseOf("cheffe.service", family);
        WebClient worker = signedIn("intervenant");
        WebClient head = signedIn("cheffe.service");
        UUID headId = userId("cheffe.service");
        long before = OwnerSql.of(server).sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        assertThat(worker.get("/persons?q=" + family).statusCode()).isEqualTo(200);
        assertThat(worker.get("/caseload?view=ALL").statusCode()).isEqualTo(200);
        assertThat(head.get("/reports/queue").statusCode()).isEqualTo(200);

        List<Map<String, Object>> listed = OwnerSql.of(server).sql("""
                select action, actor_id, coalesce(object_id, '') as object_id, details->>'format' as format,
                       details->>'lines' as lines, details::text as details
                from audit_event where seq > ? and action in ('persons.listed', 'caseload.listed', 'reports.listed')
                order by seq""").param(before).query().listOfRows();
        assertThat(listed).extracting(r -> r.get("action") + " " + r.get("object_id") + " " + r.get("format"))
                .containsExactly("reports.listed  page");
        assertThat(listed.get(0)).containsEntry("actor_id", headId);
        assertThat(listed).allSatisfy(r -> assertThat(r.get("details").toString()).doesNotContain(family));
    }

    @Test
    void apiReadsOfAMeasureAReportAndListsShowingNamesAreAudited() throws Exception {
        Case lyon = caseOf("cheffe.service", family);
        UUID report = reportOf("cheffe.service", lyon.measure());
        String token = token("intervenant");
        UUID worker = userId("intervenant");

        assertThat(call("/api/v1/measures/" + lyon.measure(), token).statusCode()).isEqualTo(200);
        assertThat(call("/api/v1/reports/" + report, token).statusCode()).isEqualTo(200);
        assertThat(call("/api/v1/reports/" + report + "/pdf", token, "application/pdf").statusCode()).isEqualTo(200);
        assertThat(call("/api/v1/measures?view=ALL", token).statusCode()).isEqualTo(200);
        assertThat(call("/api/v1/persons?q=" + family, token).statusCode()).isEqualTo(200);

        assertThat(events("measure.viewed", lyon.measure().toString(), worker)).containsExactly("api");
        assertThat(events("report.viewed", report.toString(), worker)).containsExactly("api", "pdf");
        assertPdfAuditedOnceWithItsVersion(report, worker);
        assertThat(events("caseload.listed", "ALL", worker)).isNotEmpty();
        assertThat(OwnerSql.of(server).sql("""
                select details->>'lines' from audit_event where action = 'persons.listed' and actor_id = ?
                order by seq desc limit 1""").param(worker).query(String.class).single()).isEqualTo("1");
    }

    @Test
    void refusedAttemptsOnAnotherAssociationAreRecordedWithTheUserAndPathOnly() throws Exception {
        Case marseille = caseOf("admin.marseille", family);
        PasserelleUser worker = user("intervenant");
        WebClient web = signedIn("intervenant");
        String token = token("intervenant");
        throttle.closeWindowsOverAt(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));

        assertThat(web.get("/measures/" + marseille.measure()).statusCode()).isEqualTo(404);
        assertThat(web.get("/persons/" + marseille.person()).statusCode()).isEqualTo(404);
        assertThat(call("/api/v1/measures/" + marseille.measure(), token).statusCode()).isEqualTo(404);
        assertThat(web.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(web.get("/css/no-such-file-" + family + ".css").statusCode()).isEqualTo(404);

        List<Map<String, Object>> refused = OwnerSql.of(server).sql("""
                select organisation_id, object_id, details::text as details from audit_event
                where action = 'access.refused' and actor_id = ? order by seq""")
                .param(worker.userId()).query().listOfRows();
        assertThat(refused).extracting(r -> r.get("object_id")).contains(
                "/measures/" + marseille.measure(), "/persons/" + marseille.person(),
                "/api/v1/measures/" + marseille.measure(), "/admin/audit");
        assertThat(refused).extracting(r -> r.get("object_id").toString())
                .as("one event per refusal, none for the static resource").noneMatch(p -> p.contains(family))
                .filteredOn(p -> p.equals("/measures/" + marseille.measure())).hasSize(1);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.get("organisation_id")).isEqualTo(worker.organisationId());
            assertThat(r.get("details").toString()).doesNotContain(family);
        });
        assertThat(refused).extracting(r -> r.get("details").toString())
                .anyMatch(d -> d.contains("\"status\": 403")).anyMatch(d -> d.contains("\"status\": 404"));
    }

    @Test
    void aBurstOfRefusalsRecordsTheFirstTwentyOfTheMinuteThenOneEventWithTheCountOfTheOthers() throws Exception {
        WebClient web = signedIn("intervenant");
        UUID worker = userId("intervenant");
        throttle.closeWindowsOverAt(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
        long before = OwnerSql.of(server).sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        for (int i = 0; i < 100; i++) {
            assertThat(web.get("/measures/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        }
        throttle.closeWindowsOverAt(java.time.Instant.now().plus(java.time.Duration.ofMinutes(1)));

        List<Map<String, Object>> written = OwnerSql.of(server).sql("""
                select action, details->>'count' as count from audit_event
                where actor_id = ? and seq > ? and action like 'access.refused%' order by seq""")
                .params(worker, before).query().listOfRows();
        assertThat(written).hasSize(21);
        assertThat(written).filteredOn(r -> r.get("action").equals("access.refused")).hasSize(20);
        assertThat(written.get(written.size() - 1)).containsEntry("action", "access.refused.unrecorded").containsEntry("count", "80");
    }

    @Test
    void theAuditPageSaysWhatEachObjectIsAndFiltersByPersonUserAndPeriod() throws Exception {
        Case mine = caseOf("cheffe.service", family);
        Case other = caseOf("cheffe.service", family + "x");
        WebClient worker = signedIn("intervenant");
        assertThat(worker.get("/measures/" + mine.measure()).statusCode()).isEqualTo(200);
        assertThat(worker.get("/measures/" + other.measure()).statusCode()).isEqualTo(200);
        WebClient admin = signedIn("admin.asso");
        String reference = personReference(mine.person());
        String measureReference = measureReference(mine.measure());

        String byPerson = admin.get("/admin/audit?person=" + reference.toLowerCase()).body();
        assertThat(byPerson).contains(reference, measureReference, "measure.viewed", "Camille Martin");
        assertThat(byPerson).doesNotContain(measureReference(other.measure()))
                .as("the association administrator may not read files: no name, no link to them")
                .doesNotContain(family).doesNotContain("href=\"/measures/" + mine.measure() + "\"");

        String byUser = admin.get("/admin/audit?user=" + userId("intervenant") + "&action=measure.viewed").body();
        assertThat(byUser).contains(measureReference, measureReference(other.measure()));
        String byOtherUser = admin.get("/admin/audit?user=" + userId("admin.asso") + "&action=measure.viewed").body();
        assertThat(byOtherUser).doesNotContain(measureReference);

        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1);
        String future = admin.get("/admin/audit?person=" + reference + "&from=" + tomorrow).body();
        assertThat(future).doesNotContain(measureReference).contains("0 événement");
        String today = admin.get("/admin/audit?person=" + reference + "&from=" + tomorrow.minusDays(1)
                + "&to=" + tomorrow.minusDays(1)).body();
        assertThat(today).contains(measureReference);

        String unknown = admin.get("/admin/audit?person=P-1999-999999").body();
        assertThat(unknown).contains("id=\"audit-person-unknown\"");
        String reversed = admin.get("/admin/audit?from=" + tomorrow + "&to=" + tomorrow.minusDays(2)).body();
        assertThat(reversed).contains("id=\"audit-period-invalid\"");
    }

    @Test
    void theUserFilterOffersTheAssociationsAccountsFromIdentityEvenThoseWithoutEventsAndNoOtherAssociations() {
        PasserelleUser admin = SignedIn.as(users, "admin.asso");
        try {
            List<AuditTrail.Actor> actors = TenantContext.callAs(admin.organisationId(), () -> {
                UUID silent = accounts.create(new fr.passerelle.identity.UserAccounts.NewUser(
                        "filtre." + UUID.randomUUID().toString().substring(0, 8), "Compte sans trace " + family,
                        "filtre@exemple.org", "Verger-Lumineux-2026", null,
                        List.of(fr.passerelle.identity.Roles.DIRECTOR), true, true));
                List<AuditTrail.Actor> offered = trail.actors();
                assertThat(offered).extracting(AuditTrail.Actor::id).as("an account that never acted").contains(silent);
                return offered;
            });
            assertThat(actors).extracting(AuditTrail.Actor::id).contains(admin.userId(), userId("intervenant"))
                    .doesNotContain(userId("admin.marseille"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aViewerWhoMayReadFilesSeesThePersonsNameAndLinksToThePages() {
        Case mine = caseOf("cheffe.service", family);
        PasserelleUser admin = user("admin.asso");
        java.util.List<org.springframework.security.core.GrantedAuthority> authorities =
                new java.util.ArrayList<>(admin.getAuthorities());
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("person:read"));
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("measure:read"));
        SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        admin, null, authorities));

        List<AuditTrail.AuditEvent> events = TenantContext.callAs(admin.organisationId(), () -> trail.search(
                new AuditTrail.Filter("", personReference(mine.person()), null, null, null), 0).events().items());

        assertThat(events).extracting(e -> e.subject().link()).contains("/persons/" + mine.person(),
                "/measures/" + mine.measure());
        assertThat(events).filteredOn(e -> "person".equals(e.objectType()))
                .extracting(e -> e.subject().name()).containsOnly(family + " Zoé");
    }

    // --- helpers

    private record Case(UUID person, UUID measure) {}

    /** A new received measure of a new person in the association of the given user. */
    private Case caseOf(String username, String lastName) {
        PasserelleUser u = SignedIn.as(users, username);
        try {
            return TenantContext.callAs(u.organisationId(), () -> {
                UUID person = persons.create(new Persons.PersonData(lastName, "Zoé", LocalDate.of(1985, 1, 1), null,
                        null, null, null, null, null, null, null), true);
                UUID measure = measures.create(person, new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON",
                        "PARQUET", null, null, null, LocalDate.now(TestDates.PARIS), null));
                return new Case(person, measure);
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UUID reportOf(String username, UUID measure) {
        PasserelleUser u = SignedIn.as(users, username);
        try {
            return TenantContext.callAs(u.organisationId(), () -> reports.create(measure, ReportKind.INITIAL));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The {@code format} detail (or "" when absent) of each event of an action on an object by a user, in order. */
    private List<String> events(String action, String objectId, UUID actor) {
        return OwnerSql.of(server).sql("""
                select coalesce(details->>'format', '') from audit_event
                where action = ? and object_id = ? and actor_id = ? order by seq""")
                .params(action, objectId, actor).query(String.class).list();
    }

    /** A PDF download leaves exactly one event, written where the PDF is rendered, with the version. */
    private void assertPdfAuditedOnceWithItsVersion(UUID report, UUID actor) {
        assertThat(OwnerSql.of(server).sql("""
                select action || ':' || coalesce(details->>'version', '') from audit_event
                where object_id = ? and actor_id = ? and (action = 'report.pdf' or details->>'format' = 'pdf')""")
                .params(report.toString(), actor).query(String.class).list()).containsExactly("report.viewed:1");
    }

    private String personReference(UUID person) {
        return OwnerSql.of(server).sql("select reference from person where id = ?").param(person)
                .query(String.class).single();
    }

    private String measureReference(UUID measure) {
        return OwnerSql.of(server).sql("select reference from measure where id = ?").param(measure)
                .query(String.class).single();
    }

    private PasserelleUser user(String username) {
        return (PasserelleUser) users.loadUserByUsername(username);
    }

    private UUID userId(String username) {
        return user(username).userId();
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.signIn(username, DemoAccounts.PASSWORD))).endsWith("/");
        return web;
    }

    private String token(String username) throws Exception {
        WebClient web = signedIn(username);
        HttpResponse<String> created = web.post("/account/tokens", "/account/tokens",
                Map.of("name", "Test " + UUID.randomUUID()));
        Matcher m = NEW_TOKEN.matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> call(String path, String token) throws Exception {
        return call(path, token, "application/json");
    }

    private HttpResponse<String> call(String path, String token, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
