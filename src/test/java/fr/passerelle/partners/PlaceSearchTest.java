package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The free-place search: what is free, where, and in which order. */
@PasserelleIntegrationTest
class PlaceSearchTest {

    @Autowired
    PlaceSearch search;

    @Autowired
    PlaceBookings bookings;

    @Autowired
    PartnerPlaces places;

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

    @BeforeEach
    void signIn() {
        given = new GivenPlaces(server, places, persons, measures, catalogue);
        SignedIn.as(users, "intervenant");
        today = LocalDate.now(TestDates.PARIS);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void findsTheFreePlacesOfAKindNearestFirstThenByPartnershipLevel() {
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // The point is Lyon Part-Dieu: two sites 2 km away (levels 1 and 4), one 5 km north (level 2), Grenoble 95 km.
        UUID near1 = given.site(worker.organisationId(), "Near low " + tag, "CHRS", "69", 45.745, 4.842, 1);
        UUID near4 = given.site(worker.organisationId(), "Near high " + tag, "CHRS", "69", 45.745, 4.842, 4);
        UUID villeurbanne = given.site(worker.organisationId(), "North " + tag, "CHU", "69", 45.800, 4.830, 2);
        UUID grenoble = given.site(worker.organisationId(), "Grenoble " + tag, "CHRS", "38", 45.188, 5.724, 4);
        UUID a = given.place(near1, "PE 1", "PE_RESERVED");
        UUID b = given.place(near4, "PE 1", "PE_RESERVED");
        UUID booked = given.place(near4, "PE 2", "PE_RESERVED");
        UUID repaired = given.place(near4, "PE 3", "PE_RESERVED");
        given.place(near4, "Chambre 1", "INDIVIDUAL");
        UUID c = given.place(villeurbanne, "PE 1", "PE_RESERVED");
        UUID d = given.place(grenoble, "PE 1", "PE_RESERVED");
        LocalDate from = today.plusDays(10);
        LocalDate until = from.plusDays(90);
        bookings.book(new PlaceBookings.Request(booked, given.person("Occupe"), null, until.minusDays(1),
                until.plusDays(10)));
        places.addOutOfService(repaired, from.minusDays(5), from.plusDays(1), "Travaux");
        bookings.request(new PlaceBookings.Request(a, given.person("Demande"), null, from, until));

        List<UUID> found = ids(search.search(new PlaceSearch.Criteria("PE_RESERVED", from, until, null, null, 45.760,
                4.859, 200)), tag);

        assertThat(found).containsExactly(b, a, c, d);
        assertThat(ids(search.search(new PlaceSearch.Criteria("PE_RESERVED", from, until, null, null, 45.760, 4.859, 3)),
                tag)).containsExactly(b, a);
        assertThat(ids(search.search(new PlaceSearch.Criteria("PE_RESERVED", from, until, "38", null, null, null, null)),
                tag)).containsExactly(d);
        assertThat(ids(search.search(new PlaceSearch.Criteria("PE_RESERVED", from, until, "69", grenoble, null, null,
                null)), tag)).containsExactly(b, a, c);
        List<PlaceSearch.FreePlace> withLevel = search.search(new PlaceSearch.Criteria("PE_RESERVED", from, until, "38",
                null, null, null, null));
        assertThat(withLevel).filteredOn(p -> p.placeId().equals(d)).singleElement()
                .satisfies(p -> assertThat(p.level()).isEqualTo(4));
        assertThat(ids(search.search(new PlaceSearch.Criteria("PE_RESERVED", until, until.plusDays(3), null, null, null,
                null, null)), tag)).contains(a, b, c, d, repaired).doesNotContain(booked);
    }

    @Test
    void aSiteWithMorePlacesThanOnePageGivesTheFirstFreeOnesInRankOrder() {
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Far from every other test's site (Mayotte): 80 places ranked by label; the first 20 booked and the
        // next 5 out of service, so that the page of 50 is P26..P75, read past the 25 unavailable ones.
        UUID site = given.site(worker.organisationId(), "Mamoudzou " + tag, "CHRS", "976", -12.78, 45.23, 3);
        List<UUID> ranked = new java.util.ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            ranked.add(given.place(site, "P%02d".formatted(i), "INDIVIDUAL"));
        }
        LocalDate from = today.plusDays(3);
        LocalDate until = from.plusDays(30);
        for (int i = 0; i < 20; i++) {
            bookings.book(new PlaceBookings.Request(ranked.get(i), given.person("Occupe" + i), null, from.plusDays(i),
                    from.plusDays(i + 1)));
        }
        for (int i = 20; i < 25; i++) {
            places.addOutOfService(ranked.get(i), until.minusDays(1), until.plusDays(5), "Travaux");
        }

        List<PlaceSearch.FreePlace> found = search.search(new PlaceSearch.Criteria("INDIVIDUAL", from, until, null, null,
                -12.78, 45.23, 5));

        assertThat(found).hasSize(PlaceSearch.LIMIT);
        assertThat(found).extracting(PlaceSearch.FreePlace::placeId).containsExactlyElementsOf(ranked.subList(25, 75));
        // After the booked period, the first ones are free again and lead the page.
        assertThat(search.search(new PlaceSearch.Criteria("INDIVIDUAL", until.plusDays(10), until.plusDays(20), "976", null,
                null, null, null))).extracting(PlaceSearch.FreePlace::placeId).startsWith(ranked.get(0), ranked.get(1));
    }

    @Test
    void refusesBadCriteriaClearly() {
        assertRefused(new PlaceSearch.Criteria("PE_RESERVED", today.plusDays(5), today, null, null, null, null, null),
                "booking.endsOn.beforeStart");
        assertRefused(new PlaceSearch.Criteria("SUITE", today, today.plusDays(5), null, null, null, null, null),
                "place.kind.invalid");
        assertRefused(new PlaceSearch.Criteria(null, today, today.plusDays(5), null, null, null, null, 20),
                "place.search.km.needsPoint");
        assertRefused(new PlaceSearch.Criteria(null, today, today.plusDays(5), "Rhône", null, null, null, null),
                "place.search.departement.invalid");
        assertRefused(new PlaceSearch.Criteria(null, today, today.plusDays(5), null, null, 45.0, null, null),
                "place.search.point.incomplete");
    }

    private void assertRefused(PlaceSearch.Criteria criteria, String key) {
        assertThatThrownBy(() -> search.search(criteria)).hasFieldOrPropertyWithValue("messageKey", key);
    }

    private static List<UUID> ids(List<PlaceSearch.FreePlace> found, String tag) {
        return found.stream().filter(p -> p.partnerName().endsWith(tag)).map(PlaceSearch.FreePlace::placeId).toList();
    }
}
