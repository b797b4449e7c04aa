package fr.passerelle.measures.api;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over real HTTP: personal tokens (creation, use, revocation), problem details in
 * the client's language, the same permissions, tenancy and audit trail as the pages.
 */
@PasserelleIntegrationTest
class RestApiTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*value=\"(psr_[A-Za-z0-9_-]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenCreatedOnTheAccountPageActsAsItsUserUntilRevoked() throws Exception {
        WebClient web = signedIn("intervenant");
        String page = web.get("/account/tokens").body();
        assertThat(page).contains("Jetons d’API");
        HttpResponse<String> created = web.submit(page, "/account/tokens", Map.of("name", "Logiciel de planning"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher m = NEW_TOKEN.matcher(created.body());
        assertThat(m.find()).as("the new token is shown once").isTrue();
        String token = m.group(1);
        assertThat(web.get("/account/tokens").body()).contains("Logiciel de planning").doesNotContain(token);

        JdbcClient owner = OwnerSql.of(server);
        var row = owner.sql("select id, token_hash, last_used_at from api_token where name = 'Logiciel de planning'")
                .query().singleRow();
        assertThat(row.get("token_hash")).as("only the hash is kept").isEqualTo(ApiTokens.hash(token));
        assertThat(row.get("last_used_at")).isNull();
        assertThat(auditActions("api_token", row.get("id").toString())).contains("api_token.created");

        HttpResponse<String> list = call("GET", "/api/v1/measures?view=MINE", token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(read(list).get("lines").isArray()).isTrue();
        assertThat(list.headers().allValues("Set-Cookie")).as("a token request opens no session").isEmpty();
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single())
                .as("tokens are tenant rows: none visible without an organisation").isZero();
        assertThat(owner.sql("select last_used_at from api_token where id = ?").param(row.get("id"))
                .query().singleValue()).as("last use recorded").isNotNull();

        HttpResponse<String> revoked = web.post("/account/tokens", "/account/tokens/" + row.get("id") + "/revoke", Map.of());
        assertThat(WebClient.location(revoked)).endsWith("/account/tokens");
        assertThat(auditActions("api_token", row.get("id").toString())).contains("api_token.revoked");
        HttpResponse<String> after = call("GET", "/api/v1/measures", token, null);
        assertThat(after.statusCode()).as("revocation is effective at once").isEqualTo(401);
        assertThat(read(after).get("code").asString()).isEqualTo("api.problem.tokenInvalid");
    }

    @Test
    void refusesAnonymousAndUnknownTokensWith401ProblemsNotRedirects() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/api/v1/persons", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(read(anonymous).get("detail").asString()).startsWith("Authentification requise");

        String token = token("intervenant");
        HttpResponse<String> unknown = call("GET", "/api/v1/nothing-here", token, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> wrongMethod = call("DELETE", "/api/v1/persons", token, null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(read(wrongMethod).get("code").asString()).isEqualTo("api.problem.methodNotAllowed");
        HttpResponse<String> formBody = http.send(request("POST", "/api/v1/persons", token, "lastName=X")
                .setHeader("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(formBody.statusCode()).isEqualTo(415);
        assertThat(read(formBody).get("code").asString()).isEqualTo("api.problem.unsupportedMediaType");
        HttpResponse<String> page = signedIn("intervenant").get("/nothing-here");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as("pages keep their error page")
                .startsWith("text/html");

        HttpResponse<String> forged = call("GET", "/api/v1/persons", "psr_" + "A".repeat(43), null);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(read(forged).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void runsAMeasureFromPersonToSentReport() throws Exception {
        String head = token("cheffe.service");
        String worker = token("intervenant");

        HttpResponse<String> person = call("POST", "/api/v1/persons", head, """
                {"lastName": "Apiculteur", "firstName": "Jérôme", "birthDate": "1979-03-14", "sex": "M",
                 "phone": "06 11 22 33 44", "duplicateConfirmed": true}""");
        assertThat(person.statusCode()).isEqualTo(201);
        String personId = read(person).get("id").asString();
        assertThat(person.headers().firstValue("Location").orElse("")).endsWith("/api/v1/persons/" + personId);
        assertThat(call("PUT", "/api/v1/persons/" + personId, head, """
                {"lastName": "Apiculteur", "firstName": "Jérôme", "birthDate": "1979-03-14", "housing": "Foyer"}""")
                .statusCode()).isEqualTo(204);
        assertThat(call("PUT", "/api/v1/persons/" + personId + "/health", head, """
                {"healthNotes": "Suivi CSAPA"}""").statusCode()).isEqualTo(204);
        JsonNode file = read(call("GET", "/api/v1/persons/" + personId, head, null));
        assertThat(file.get("housing").asString()).isEqualTo("Foyer");
        assertThat(file.get("health").get("healthNotes").asString()).isEqualTo("Suivi CSAPA");
        assertThat(read(call("GET", "/api/v1/persons?q=apiculteur", head, null)).get("items").toString())
                .contains(personId);

        UUID type = typeId("CJSE");
        HttpResponse<String> measure = call("POST", "/api/v1/measures", head, """
                {"personId": "%s", "measureTypeId": "%s", "courtCode": "TJ-LYON", "prescriberType": "PARQUET",
                 "receivedOn": "%s"}""".formatted(personId, type, LocalDate.now(TestDates.PARIS).minusDays(10)));
        assertThat(measure.statusCode()).isEqualTo(201);
        String measureId = read(measure).get("id").asString();
        String workerId = userId("intervenant").toString();
        JsonNode assigned = read(call("POST", "/api/v1/measures/" + measureId + "/actions", head,
                "{\"action\": \"ASSIGN\", \"assigneeId\": \"" + workerId + "\"}"));
        assertThat(assigned.get("measure").get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("timeline").size()).isEqualTo(2);
        assertThat(assigned.get("availableActions").toString()).contains("START");

        HttpResponse<String> appointment = call("POST", "/api/v1/measures/" + measureId + "/appointments", worker,
                "{\"at\": \"" + LocalDateTime.now(TestDates.PARIS).minusHours(2).withNano(0) + "\", \"kind\": \"OFFICE\"}");
        assertThat(appointment.statusCode()).isEqualTo(201);
        String appointmentId = read(appointment).get("id").asString();
        assertThat(read(call("GET", "/api/v1/measures/" + measureId + "/appointments", worker, null)).size())
                .isEqualTo(1);
        JsonNode attended = read(call("POST", "/api/v1/appointments/" + appointmentId + "/attendance", worker,
                "{\"attendance\": \"PRESENT\", \"notes\": \"Premier entretien\"}"));
        assertThat(attended.get("attendance").asString()).isEqualTo("PRESENT");
        assertThat(read(call("GET", "/api/v1/measures/" + measureId, worker, null)).get("measure").get("status")
                .asString()).as("the first interview started the measure").isEqualTo("IN_PROGRESS");
        assertThat(read(call("GET", "/api/v1/measures?view=MINE&status=IN_PROGRESS", worker, null)).get("lines")
                .toString()).contains(measureId);

        HttpResponse<String> report = call("POST", "/api/v1/measures/" + measureId + "/reports", worker,
                "{\"kind\": \"INITIAL\"}");
        assertThat(report.statusCode()).isEqualTo(201);
        String reportId = read(report).get("id").asString();
        JsonNode saved = read(call("PUT", "/api/v1/reports/" + reportId + "/text", worker,
                "{\"body\": \"Objet : rapport initial.\\n\\nM. Apiculteur est venu au premier entretien.\"}"));
        assertThat(saved.get("report").get("version").asInt()).isEqualTo(2);
        assertThat(read(call("POST", "/api/v1/reports/" + reportId + "/moves", worker, "{\"move\": \"SUBMIT\"}"))
                .get("report").get("status").asString()).isEqualTo("SUBMITTED");
        HttpResponse<String> notHers = call("POST", "/api/v1/reports/" + reportId + "/moves", worker,
                "{\"move\": \"VALIDATE\"}");
        assertThat(notHers.statusCode()).as("validating is the service head's").isEqualTo(403);
        assertThat(read(call("POST", "/api/v1/reports/" + reportId + "/moves", head, "{\"move\": \"VALIDATE\"}"))
                .get("moves").toString()).contains("SEND");
        JsonNode sent = read(call("POST", "/api/v1/reports/" + reportId + "/moves", worker,
                "{\"move\": \"SEND\", \"sentOn\": \"" + LocalDate.now(TestDates.PARIS) + "\"}"));
        assertThat(sent.get("report").get("status").asString()).isEqualTo("SENT");
        assertThat(read(call("GET", "/api/v1/measures/" + measureId + "/reports", worker, null)).get(0).get("status")
                .asString()).isEqualTo("SENT");
        HttpResponse<byte[]> pdf = http.send(request("GET", "/api/v1/reports/" + reportId + "/pdf", worker, null)
                .header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(auditActions("report", reportId)).contains("report.created", "report.saved", "report.submit",
                "report.validate", "report.send", "report.viewed");

        // The full timeline: every kind of event, filterable, report events only for the roles that read reports.
        JsonNode timeline = read(call("GET", "/api/v1/measures/" + measureId + "/timeline", worker, null));
        assertThat(types(timeline)).contains("ASSIGN", "APPOINTMENT_SCHEDULED", "ATTENDANCE_RECORDED",
                "REPORT_SUBMITTED", "REPORT_VALIDATED", "REPORT_SENT", "DOCUMENT_PRODUCED");
        assertThat(timeline.get("kinds").toString()).contains("REPORT", "DOCUMENT");
        JsonNode appointments = read(call("GET", "/api/v1/measures/" + measureId + "/timeline?kind=APPOINTMENT",
                worker, null));
        assertThat(types(appointments)).isNotEmpty().allMatch(t -> t.equals("APPOINTMENT_SCHEDULED")
                || t.equals("ATTENDANCE_RECORDED"));
        assertThat(call("GET", "/api/v1/measures/" + measureId + "/timeline?kind=GOSSIP", worker, null).statusCode())
                .isEqualTo(400);
        JsonNode directors = read(call("GET", "/api/v1/measures/" + measureId + "/timeline", token("directrice"), null));
        assertThat(types(directors)).contains("ASSIGN", "ATTENDANCE_RECORDED")
                .noneMatch(t -> t.startsWith("REPORT_") || t.equals("DOCUMENT_PRODUCED"));
        assertThat(directors.get("kinds").toString()).doesNotContain("REPORT", "DOCUMENT");
        assertThat(read(call("GET", "/api/v1/measures/" + measureId + "/timeline?kind=REPORT", token("directrice"),
                null)).get("events").size()).isZero();
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from audit_event
                where object_id = ? and action = 'measure.viewed' and details->>'format' = 'api-timeline'""")
                .param(measureId).query(Integer.class).single()).isEqualTo(4);
    }

    private static java.util.List<String> types(JsonNode page) {
        java.util.List<String> types = new java.util.ArrayList<>();
        page.get("events").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    @Test
    void theApiClosesAMeasureOnlyAfterItsFinalReportIsSentAndThenRefusesNewReports() throws Exception {
        String head = token("cheffe.service");
        UUID measure = measureOf("cheffe.service", "Garde");
        String actions = "/api/v1/measures/" + measure + "/actions";
        // Received today: its end and closure cannot be dated before.
        String today = LocalDate.now(TestDates.PARIS).toString();
        call("POST", actions, head, "{\"action\": \"ASSIGN\", \"assigneeId\": \"" + userId("intervenant") + "\"}");
        call("POST", actions, head, "{\"action\": \"START\", \"effectiveOn\": \"" + today + "\"}");
        call("POST", actions, head, "{\"action\": \"END\", \"effectiveOn\": \"" + today
                + "\", \"outcome\": \"COMPLETED\"}");

        HttpResponse<String> dateOnly = call("POST", actions, head,
                "{\"action\": \"CLOSE\", \"effectiveOn\": \"" + today + "\"}");
        assertThat(dateOnly.statusCode()).isEqualTo(409);
        assertThat(read(dateOnly).get("code").asString()).isEqualTo("measure.transition.finalReportNotSent");

        String report = read(call("POST", "/api/v1/measures/" + measure + "/reports", head, "{\"kind\": \"FINAL\"}"))
                .get("id").asString();
        for (String move : new String[] {"{\"move\": \"SUBMIT\"}", "{\"move\": \"VALIDATE\"}",
                "{\"move\": \"SEND\", \"sentOn\": \"" + today + "\"}"}) {
            assertThat(call("POST", "/api/v1/reports/" + report + "/moves", head, move).statusCode()).isEqualTo(200);
        }
        assertThat(call("POST", actions, head, "{\"action\": \"CLOSE\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> draft = call("POST", "/api/v1/measures/" + measure + "/reports", head,
                "{\"kind\": \"STAGE\"}");
        assertThat(draft.statusCode()).isEqualTo(409);
        assertThat(read(draft).get("code").asString()).isEqualTo("report.measureClosed");
        assertThat(read(call("GET", "/api/v1/measures/" + measure + "/reports", head, null))).hasSize(1);
    }

    @Test
    void answersAnIllegalTransitionWith409InTheClientsLanguage() throws Exception {
        String head = token("cheffe.service");
        UUID measure = measureOf("cheffe.service", "Transition");
        HttpResponse<String> french = call("POST", "/api/v1/measures/" + measure + "/actions", head,
                "{\"action\": \"CLOSE\"}");
        assertThat(french.statusCode()).isEqualTo(409);
        assertThat(french.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = read(french);
        assertThat(problem.get("detail").asString())
                .isEqualTo("Cette étape n’est pas possible dans l’état actuel de la mesure.");
        assertThat(problem.get("code").asString()).isEqualTo("measure.transition.illegal");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/measures/" + measure + "/actions");

        HttpResponse<String> english = http.send(request("POST", "/api/v1/measures/" + measure + "/actions", head,
                "{\"action\": \"CLOSE\"}").header("Accept-Language", "en-GB,en;q=0.9").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(read(english).get("detail").asString()).doesNotContain("étape").isNotBlank();
        assertThat(measures.timeline(measure)).isNotNull();
        assertThat(OwnerSql.of(server).sql("select status from measure where id = ?").param(measure)
                .query(String.class).single()).isEqualTo("RECEIVED");
    }

    @Test
    void refusesBadInputWithTheFieldsAtFaultAndWritesNothing() throws Exception {
        String head = token("cheffe.service");
        JdbcClient owner = OwnerSql.of(server);
        long before = owner.sql("select count(*) from person").query(Long.class).single();
        long auditBefore = owner.sql("select count(*) from audit_event").query(Long.class).single();

        HttpResponse<String> blank = call("POST", "/api/v1/persons", head, "{\"lastName\": \" \", \"firstName\": \"X\"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        JsonNode problem = read(blank);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("lastName");
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank().doesNotContain("person.");

        HttpResponse<String> badDate = call("POST", "/api/v1/persons", head,
                "{\"lastName\": \"Date\", \"firstName\": \"Mauvaise\", \"birthDate\": \"14/03/1979\"}");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(read(badDate).get("errors").get(0).get("field").asString()).isEqualTo("birthDate");

        HttpResponse<String> notJson = call("POST", "/api/v1/persons", head, "{lastName");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(read(notJson).get("detail").asString()).isNotBlank();

        HttpResponse<String> noAction = call("POST", "/api/v1/measures/" + measureOf("cheffe.service", "Entrée")
                + "/actions", head, "{}");
        assertThat(noAction.statusCode()).isEqualTo(400);
        assertThat(read(noAction).get("errors").get(0).get("field").asString()).isEqualTo("action");

        assertThat(owner.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(owner.sql("select count(*) from audit_event").query(Long.class).single())
                .as("only the fixture above was recorded").isEqualTo(auditBefore + 2);
    }

    @Test
    void anotherAssociationsMeasureIsNotFound() throws Exception {
        UUID foreign = measureOf("admin.marseille", "Marseille");
        String worker = token("intervenant");
        for (String path : new String[] {"/api/v1/measures/" + foreign, "/api/v1/measures/" + foreign + "/appointments"}) {
            HttpResponse<String> response = call("GET", path, worker, null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Marseille");
            assertThat(read(response).get("code").asString()).isEqualTo("error.notFound");
        }
        assertThat(call("POST", "/api/v1/measures/" + foreign + "/actions", worker, "{\"action\": \"SUSPEND\", "
                + "\"reason\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/measures/not-a-uuid", worker, null).statusCode()).isEqualTo(404);
    }

    @Test
    void healthDetailsAndReportsNeedTheirPermissions() throws Exception {
        UUID person = TenantContext.callAs(user("cheffe.service").organisationId(), () -> {
            signIn("cheffe.service");
            UUID id = persons.create(new Persons.PersonData("Santé", "Restreinte", LocalDate.of(1990, 5, 5), null, null,
                    null, null, null, null, null, null), true);
            persons.updateHealth(id, new Persons.Health("Traitement en cours", null));
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
            return id;
        });
        String director = token("directrice");
        JsonNode file = read(call("GET", "/api/v1/persons/" + person, director, null));
        assertThat(file.get("lastName").asString()).isEqualTo("Santé");
        assertThat(file.has("health")).as("no health key without person:health").isFalse();
        assertThat(file.toString()).doesNotContain("Traitement");
        assertThat(read(call("GET", "/api/v1/persons/" + person, token("cheffe.service"), null)).get("health")
                .get("healthNotes").asString()).isEqualTo("Traitement en cours");
        assertThat(auditActions("person", person.toString())).contains("person.viewed");
        assertThat(OwnerSql.of(server).sql("""
                select details->>'health' from audit_event where object_id = ? and action = 'person.viewed'
                order by seq""").param(person.toString()).query(String.class).list()).containsExactly("false", "true");

        UUID measure = measureOf("cheffe.service", "Rapports");
        HttpResponse<String> reports = call("GET", "/api/v1/measures/" + measure + "/reports", director, null);
        assertThat(reports.statusCode()).isEqualTo(403);
        assertThat(read(reports).get("code").asString()).isEqualTo("api.problem.forbidden");
        assertThat(call("PUT", "/api/v1/persons/" + person + "/health", director, "{\"healthNotes\": \"x\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void acceptsTheBrowserSessionButRequiresCsrfForItsChanges() throws Exception {
        WebClient web = signedIn("cheffe.service");
        HttpResponse<String> list = web.get("/api/v1/persons");
        assertThat(list.statusCode()).isEqualTo(200);
        HttpResponse<String> noCsrf = web.submit("", "/api/v1/persons", Map.of("lastName", "Sans"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void documentsTheApiForSignedInUsersAndShowsSwaggerUiToAssociationAdministrators() throws Exception {
        HttpResponse<String> doc = call("GET", "/v3/api-docs", token("intervenant"), null);
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode openApi = read(doc);
        assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/persons", "/api/v1/persons/{id}",
                "/api/v1/measures", "/api/v1/measures/{id}", "/api/v1/measures/{id}/actions",
                "/api/v1/measures/{id}/appointments", "/api/v1/appointments/{id}/attendance",
                "/api/v1/measures/{id}/reports", "/api/v1/reports/{id}", "/api/v1/reports/{id}/text",
                "/api/v1/reports/{id}/moves", "/api/v1/reports/{id}/pdf");
        assertThat(openApi.get("paths").propertyNames()).noneMatch(p -> !p.startsWith("/api/"));
        assertThat(openApi.get("components").get("securitySchemes").get("apiToken").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(openApi.get("paths").get("/api/v1/measures/{id}/actions").get("post").get("responses").get("409")
                .get("content").has("application/problem+json")).isTrue();
        assertThat(call("GET", "/v3/api-docs", null, null).statusCode()).as("not public").isIn(302, 401);

        WebClient admin = signedIn("admin.asso");
        HttpResponse<String> ui = admin.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self';");
        assertThat(signedIn("intervenant").get("/swagger-ui/index.html").statusCode()).isEqualTo(403);
        assertThat(signedIn("admin.federation").get("/swagger-ui/index.html").statusCode()).isEqualTo(403);
        assertThat(admin.get("/").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("style-src 'self';");
    }

    // --- helpers

    private String token(String username) throws Exception {
        WebClient web = signedIn(username);
        HttpResponse<String> created = web.post("/account/tokens", "/account/tokens", Map.of("name", "Test " + UUID.randomUUID()));
        Matcher m = NEW_TOKEN.matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient web = new WebClient(port);
        assertThat(WebClient.location(web.signIn(username, DemoAccounts.PASSWORD))).endsWith("/");
        return web;
    }

    private HttpRequest.Builder request(String method, String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return http.send(request(method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private PasserelleUser user(String username) {
        return (PasserelleUser) users.loadUserByUsername(username);
    }

    private UUID userId(String username) {
        return user(username).userId();
    }

    private void signIn(String username) {
        PasserelleUser u = user(username);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        u, null, u.getAuthorities()));
    }

    private UUID typeId(String code) {
        return TenantContext.callAs(user("cheffe.service").organisationId(), () -> catalogue.types().stream()
                .filter(t -> t.code().equals(code)).findFirst().orElseThrow().id());
    }

    /** A new received measure in the association of the given user (through the services, as its users would). */
    private UUID measureOf(String username, String lastName) {
        return TenantContext.callAs(user(username).organisationId(), () -> {
            UUID person = persons.create(new Persons.PersonData(lastName, "Fixture", LocalDate.of(1985, 1, 1), null,
                    null, null, null, null, null, null, null), true);
            return measures.create(person, new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON", "PARQUET",
                    null, null, null, LocalDate.now(TestDates.PARIS), null));
        });
    }

    private java.util.List<String> auditActions(String objectType, String objectId) {
        return OwnerSql.of(server).sql("select action from audit_event where object_type = ? and object_id = ? order by seq")
                .param(objectType).param(objectId).query(String.class).list();
    }
}
