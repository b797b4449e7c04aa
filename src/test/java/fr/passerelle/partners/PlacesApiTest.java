package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Places and bookings over the REST API (issue 16 item 9): a site's places, the search and the
 * calendar as the pages compute them, a booking played through its transitions, refusals as
 * problem details in the client's language, the last free place booked by two clients at once, and
 * every endpoint in the OpenAPI document.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PlacesApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnerPlaces places;

    @Autowired
    PlaceBookings bookings;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    GivenPlaces given;
    PasserelleUser worker;
    LocalDate today;
    UUID site;

    @BeforeEach
    void givenASiteOfTheCaseWorkersAssociation() {
        given = new GivenPlaces(server, places, persons, measures, catalogue);
        worker = SignedIn.as(users, "intervenant");
        today = LocalDate.now(TestDates.PARIS);
        site = given.site(worker.organisationId(), "CHRS Api " + UUID.randomUUID(), "CHRS", "69", 45.75, 4.84, 3);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSitesPlacesTheSearchAndTheCalendarAreServedAsJson() throws Exception {
        UUID booked = given.place(site, "Chambre API 1", "INDIVIDUAL");
        UUID free = given.place(site, "Chambre API 2", "INDIVIDUAL");
        UUID person = given.person("Calendrier");
        UUID booking = bookings.book(new PlaceBookings.Request(booked, person, null, today, today.plusDays(10)));

        String sitePlaces = body(call(get("/api/v1/places/sites/" + site), "intervenant"));
        assertThat(sitePlaces).contains(booked.toString(), free.toString(), "\"level\":3", "\"kind\":\"INDIVIDUAL\"");

        String found = body(call(get("/api/v1/places/search").param("kind", "INDIVIDUAL").param("from", today.toString())
                .param("until", today.plusDays(5).toString()).param("latitude", "45.75").param("longitude", "4.84")
                .param("withinKm", "1"), "intervenant"));
        assertThat(found).contains(free.toString()).doesNotContain(booked.toString());

        String calendar = body(call(get("/api/v1/places/sites/" + site + "/calendar").param("from", today.toString()),
                "intervenant"));
        assertThat(calendar).contains(booking.toString(), "\"status\":\"CONFIRMED\"", "\"mondays\"")
                .doesNotContain("Calendrier");

        MockHttpServletResponse bad = call(get("/api/v1/places/search").param("from", today.toString())
                .param("until", today.minusDays(1).toString()).header("Accept-Language", "en"), "intervenant");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).startsWith("application/problem+json");
        assertThat(body(bad)).contains("\"code\":\"booking.endsOn.beforeStart\"", "\"field\":\"endsOn\"");
        assertThat(call(get("/api/v1/places/sites/" + site), "admin.asso").getStatus()).isEqualTo(403);
        assertThat(call(get("/api/v1/places/sites/" + site), "admin.marseille").getStatus()).isIn(403, 404);
    }

    @Test
    void aBookingIsCreatedAndPlayedThroughItsTransitionsAndTheListFiltersIt() throws Exception {
        UUID place = given.place(site, "PE API", "PE_RESERVED");
        UUID person = given.person("Transitions");
        UUID other = given.person("Absent");
        UUID noShow = bookings.book(new PlaceBookings.Request(place, other, null, today.plusDays(40),
                today.plusDays(50)));
        MockHttpServletResponse created = call(json(post("/api/v1/bookings"), """
                {"placeId": "%s", "personId": "%s", "startsOn": "%s", "endsOn": "%s", "confirm": false}"""
                .formatted(place, person, today.minusDays(10), today.plusDays(20))), "intervenant");
        assertThat(created.getStatus()).isEqualTo(201);
        String id = body(created).replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(created.getHeader("Location")).endsWith("/api/v1/bookings/" + id);
        assertThat(body(created)).contains("\"status\":\"REQUESTED\"");

        assertThat(body(call(post("/api/v1/bookings/" + id + "/confirm"), "intervenant")))
                .contains("\"status\":\"CONFIRMED\"");
        MockHttpServletResponse early = call(json(post("/api/v1/bookings/" + id + "/arrival"),
                "{\"arrivedOn\": \"" + today.minusDays(11) + "\"}"), "intervenant");
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(body(early)).contains("booking.arrival.outsideBooking", "\"field\":\"effectiveOn\"");
        assertThat(body(call(json(post("/api/v1/bookings/" + id + "/arrival"),
                "{\"arrivedOn\": \"" + today.minusDays(10) + "\"}"), "intervenant")))
                .contains("\"status\":\"ARRIVED\"", "\"arrivedOn\":\"" + today.minusDays(10) + "\"");
        assertThat(body(call(json(post("/api/v1/bookings/" + id + "/extension"),
                "{\"endsOn\": \"" + today.plusDays(30) + "\", \"reason\": \"Sortie à préparer\"}"), "intervenant")))
                .contains("\"endsOn\":\"" + today.plusDays(30) + "\"", "\"kind\":\"EXTENDED\"");
        MockHttpServletResponse cancel = call(json(post("/api/v1/bookings/" + id + "/cancellation"),
                "{\"reason\": \"Trop tard\"}").header("Accept-Language", "en"), "intervenant");
        assertThat(cancel.getStatus()).isEqualTo(409);
        assertThat(body(cancel)).contains("\"code\":\"booking.transition.refused\"");
        assertThat(body(call(json(post("/api/v1/bookings/" + id + "/departure"),
                "{\"departedOn\": \"" + today + "\", \"reason\": \"Sortie vers un logement\"}"), "intervenant")))
                .contains("\"status\":\"DEPARTED\"", "\"departureReason\":\"Sortie vers un logement\"");

        MockHttpServletResponse tooEarly = call(json(post("/api/v1/bookings/" + noShow + "/no-show"),
                "{\"reason\": \"Pas venu\"}"), "intervenant");
        assertThat(tooEarly.getStatus()).isEqualTo(409);
        assertThat(body(tooEarly)).contains("booking.didNotArrive.beforeStart");
        assertThat(body(call(json(post("/api/v1/bookings/" + noShow + "/cancellation"),
                "{\"reason\": \"Autre solution\"}"), "intervenant"))).contains("\"status\":\"CANCELLED\"");

        String ofSite = body(call(get("/api/v1/bookings").param("site", site.toString()), "intervenant"));
        assertThat(ofSite).contains(id, noShow.toString()).contains("TRANSITIONS Test");
        String departed = body(call(get("/api/v1/bookings").param("site", site.toString()).param("status", "DEPARTED"),
                "intervenant"));
        assertThat(departed).contains(id).doesNotContain(noShow.toString());
        assertThat(body(call(get("/api/v1/bookings").param("person", other.toString()), "intervenant")))
                .contains(noShow.toString()).doesNotContain(id);
        assertThat(body(call(get("/api/v1/bookings").param("site", site.toString())
                .param("from", today.plusDays(35).toString()).param("until", today.plusDays(60).toString()),
                "intervenant"))).contains(noShow.toString()).doesNotContain(id);
        assertThat(given.owner().sql("select count(*) from audit_event where action = 'booking.viewed' and object_id = ?")
                .param(id).query(Long.class).single()).isPositive();
    }

    @Test
    void badInputIsAProblemInTheClientsLanguageAndBooksNothing() throws Exception {
        UUID place = given.place(site, "Chambre refus", "INDIVIDUAL");
        UUID person = given.person("Refus");
        String body = """
                {"placeId": "%s", "personId": "%s", "startsOn": "%s", "endsOn": "%s", "confirm": true}"""
                .formatted(place, person, today.plusDays(5), today);
        MockHttpServletResponse french = call(json(post("/api/v1/bookings"), body), "intervenant");
        MockHttpServletResponse english = call(json(post("/api/v1/bookings"), body).header("Accept-Language", "en"),
                "intervenant");

        assertThat(french.getStatus()).isEqualTo(400);
        assertThat(french.getContentType()).startsWith("application/problem+json");
        assertThat(body(french)).contains("\"code\":\"booking.endsOn.beforeStart\"");
        assertThat(detail(french)).isNotEqualTo(detail(english));
        assertThat(detail(english)).matches(".*[a-z].*").doesNotContain("booking.");
        MockHttpServletResponse unreadable = call(json(post("/api/v1/bookings"), "{\"startsOn\": \"demain\"}"),
                "intervenant");
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(body(unreadable)).contains("\"field\":\"startsOn\"");
        MockHttpServletResponse nobody = call(json(post("/api/v1/bookings"), "{\"placeId\": \"" + place + "\"}"),
                "intervenant");
        assertThat(nobody.getStatus()).isEqualTo(400);
        assertThat(body(nobody)).contains("\"code\":\"booking.person.required\"", "\"field\":\"personId\"");
        assertThat(call(json(post("/api/v1/bookings"), body), "admin.asso").getStatus()).isEqualTo(403);
        assertThat(given.owner().sql("select count(*) from place_booking where place_id = ?").param(place)
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoClientsBookingTheLastFreePlaceAtOnceOneGets201AndTheOtherAClear409() throws Exception {
        UUID last = given.place(site, "Dernière", "INDIVIDUAL");
        UUID one = given.person("Premier");
        UUID two = given.person("Second");
        String body = """
                {"placeId": "%s", "personId": "%s", "startsOn": "%s", "endsOn": "%s", "confirm": true}""";
        List<CompletableFuture<MockHttpServletResponse>> calls;
        // The place's row is held by another transaction until both requests wait for it: they then
        // run one after the other, each having checked nothing before the other.
        try (Connection holder = ownerConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from partner_place where id = ? for update")) {
                lock.setObject(1, last);
                lock.executeQuery();
            }
            calls = List.of(one, two).stream().map(person -> CompletableFuture.supplyAsync(() -> {
                try {
                    return call(json(post("/api/v1/bookings"), body.formatted(last, person, today, today.plusDays(90)))
                            .header("Accept-Language", "fr"), "intervenant");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toList();
            Awaitility.await().alias("both bookings wait for the place").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> given.owner().sql("select count(*) from pg_locks where not granted")
                            .query(Long.class).single() >= 2);
            holder.commit();
        }
        List<MockHttpServletResponse> answers = List.of(calls.get(0).get(30, TimeUnit.SECONDS),
                calls.get(1).get(30, TimeUnit.SECONDS));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(201, 409);
        MockHttpServletResponse refused = answers.stream().filter(r -> r.getStatus() == 409).findFirst().orElseThrow();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(body(refused)).containsPattern("\"code\":\"booking\\.place\\.taken(Now)?\"");
        assertThat(detail(refused)).contains("place");
        assertThat(given.owner().sql("select count(*) from place_booking where place_id = ? and status = 'CONFIRMED'")
                .param(last).query(Long.class).single()).isEqualTo(1);
        assertThat(given.owner().sql("select count(*) from place_booking where place_id = ?")
                .param(last).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyPlacesAndBookingsEndpointIsInTheOpenApiDocument() throws Exception {
        String docs = body(call(get("/v3/api-docs"), "intervenant"));
        assertThat(docs).contains("\"/api/v1/places/sites/{id}\"", "\"/api/v1/places/search\"",
                "\"/api/v1/places/sites/{id}/calendar\"", "\"/api/v1/bookings\"", "\"/api/v1/bookings/{id}\"",
                "\"/api/v1/bookings/{id}/confirm\"", "\"/api/v1/bookings/{id}/arrival\"",
                "\"/api/v1/bookings/{id}/no-show\"", "\"/api/v1/bookings/{id}/departure\"",
                "\"/api/v1/bookings/{id}/extension\"", "\"/api/v1/bookings/{id}/cancellation\"",
                "\"/api/v1/bookings/{id}/absences\"");
    }

    private Connection ownerConnection() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedDatabaseProperties.OWNER_ROLE);
        properties.setProperty("password", "");
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username) throws Exception {
        // A call in a session, as the pages' scripts make them: writes carry the CSRF token.
        return mvc.perform(request.with(as((PasserelleUser) users.loadUserByUsername(username))).with(csrf()))
                .andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String detail(MockHttpServletResponse response) throws Exception {
        return body(response).replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1");
    }

    private static RequestPostProcessor as(PasserelleUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
