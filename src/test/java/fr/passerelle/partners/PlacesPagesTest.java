package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The places pages: editing a site's places (partner:manage), refusals shown in French, the occupancy calendar. */
@PasserelleIntegrationTest
class PlacesPagesTest {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;

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
    LocalDate today;
    UUID site;

    @BeforeEach
    void givenASite() {
        given = new GivenPlaces(server, places, persons, measures, catalogue);
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        today = LocalDate.now(TestDates.PARIS);
        site = given.site(head.organisationId(), "CHRS Pages " + UUID.randomUUID(), "CHRS", "69", 45.75, 4.84, 2);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aServiceHeadAddsPlacesAndIsToldWhyABadOneIsRefused() throws Exception {
        WebClient web = signedIn("cheffe.service");
        String page = "/places/sites/" + site;
        web.post(page, page + "/places", Map.of("label", " ", "kind", "INDIVIDUAL"));
        assertThat(web.get(page).body()).contains("Donnez un nom à la place").contains("id=\"add-place\"");
        web.post(page, page + "/places", Map.of("label", "PE 1", "kind", "PE_RESERVED"));
        web.post(page, page + "/places", Map.of("label", "pe 1", "kind", "SHARED"));
        String after = web.get(page).body();
        assertThat(after).contains("Réservée PE (convention)").contains("Une place « pe 1 » existe déjà sur ce site.");
        assertThat(places.places(site)).extracting(PartnerPlaces.Place::label).containsExactly("PE 1");

        assertThat(signedIn("intervenant").get(page).body()).contains("PE 1").doesNotContain("id=\"add-place\"");
    }

    @Test
    void theSearchPageStartsWithTheSitesAndTheirCalendarsAndASearchOffersTheLocatedSitesAsItsPoint() throws Exception {
        given.place(site, "Chambre Départ", "INDIVIDUAL");
        WebClient web = signedIn("intervenant");

        String start = web.get("/places").body();
        assertThat(start).contains("id=\"place-sites\"").contains("href=\"/places/sites/" + site + "/calendar\"")
                .contains("<option value=\"" + site + "\"");

        String results = web.get("/places?kind=INDIVIDUAL&from=" + today + "&until=" + today.plusDays(30)
                + "&nearSite=" + site + "&withinKm=5").body();
        assertThat(results).doesNotContain("id=\"place-sites\"").contains("Chambre Départ")
                .containsPattern("<option value=\"" + site + "\"\\s+selected=\"selected\"");
    }

    @Test
    void aPeriodOutOfServiceOverABookingIsRefusedAndTheCalendarShowsBoth() throws Exception {
        UUID place = given.place(site, "Chambre 1", "INDIVIDUAL");
        UUID booking = bookings.book(new PlaceBookings.Request(place, given.person("Calendrier"), null, today,
                today.plusDays(10)));
        places.addOutOfService(place, today.plusDays(12), today.plusDays(15), "Fuite d’eau");
        WebClient web = signedIn("cheffe.service");
        String page = "/places/sites/" + site;
        web.post(page, "/places/" + place + "/out-of-service", Map.of("startsOn", today.plusDays(5).toString(),
                "endsOn", today.plusDays(6).toString(), "reason", "Peinture"));
        assertThat(web.get(page).body()).contains("Une réservation occupe la place du " + today.format(FRENCH) + " au "
                + today.plusDays(10).format(FRENCH));
        assertThat(places.outOfService(site, today)).hasSize(1);

        String calendar = web.get(page + "/calendar").body();
        assertThat(calendar).contains("<caption>Occupation des places par semaine")
                .contains("scope=\"row\"").contains("scope=\"col\"")
                .contains("href=\"/bookings/" + booking + "\"").contains("Confirmée du ")
                .contains("Hors service du ").contains("Fuite d’eau")
                .contains("id=\"calendar-next\"");
        String later = web.get(page + "/calendar?from=" + today.plusWeeks(12)).body();
        assertThat(later).doesNotContain("href=\"/bookings/" + booking + "\"").contains("Libre");
    }

    @Test
    void bookingAPlaceAlreadyTakenShowsTheTakenDatesOnTheForm() throws Exception {
        UUID place = given.place(site, "Chambre 2", "INDIVIDUAL");
        UUID person = given.person("Formulaire");
        bookings.book(new PlaceBookings.Request(place, given.person("Premier"), null, today, today.plusDays(30)));
        WebClient web = signedIn("intervenant");
        String form = "/places/" + place + "/book?personId=" + person;
        assertThat(web.get(form).body()).contains("FORMULAIRE Test");
        var refused = web.post(form, "/places/" + place + "/book", Map.of("personId", person.toString(),
                "startsOn", today.plusDays(20).toString(), "endsOn", today.plusDays(40).toString(), "confirm", "true"));
        java.net.URI back = java.net.URI.create(WebClient.location(refused));
        assertThat(back.getPath()).isEqualTo("/places/" + place + "/book");
        assertThat(web.get(back.getRawPath() + "?" + back.getRawQuery()).body()).contains("La place est déjà réservée du " + today.format(FRENCH) + " au "
                + today.plusDays(30).format(FRENCH));
        assertThat(bookings.ofPerson(person)).isEmpty();
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient web = new WebClient(port);
        web.signIn(username, DemoAccounts.PASSWORD);
        return web;
    }
}
