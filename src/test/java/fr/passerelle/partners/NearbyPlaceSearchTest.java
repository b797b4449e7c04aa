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
import fr.passerelle.shared.FieldRefusal;
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

/**
 * The free-place search near a typed postcode or town (issue 16 item 4): the commune's centre from
 * the communes resource, else the association's own sites with that postcode, else its département
 * alone; the département filter on top; unknown postcodes and towns refused with the field.
 */
@PasserelleIntegrationTest
class NearbyPlaceSearchTest {

    @Autowired
    NearbyPlaceSearch nearby;

    @Autowired
    Communes communes;

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
    String kind;
    UUID villeurbanne;
    UUID vaulxEnVelin;
    UUID marseille;

    @BeforeEach
    void givenPlacesInVilleurbanneVaulxEnVelinAndMarseille() {
        given = new GivenPlaces(server, places, persons, measures, catalogue);
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        today = LocalDate.now(TestDates.PARIS);
        // A kind of place of this test only, so that other tests' places do not compete.
        kind = "SHARED";
        String tag = UUID.randomUUID().toString().substring(0, 8);
        villeurbanne = given.place(given.site(worker.organisationId(), "CHU Villeurbanne " + tag, "CHU", "69", 45.7667,
                4.8803, 2), "Près " + tag, kind);
        vaulxEnVelin = given.place(given.site(worker.organisationId(), "CHU Vaulx " + tag, "CHU", "69", 45.7786, 4.9225,
                3), "Moyen " + tag, kind);
        marseille = given.place(given.site(worker.organisationId(), "CHU Marseille " + tag, "CHU", "13", 43.2965, 5.3698,
                4), "Loin " + tag, kind);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPostcodeOrATownRanksThePlacesByDistanceFromTheCentreOfTheCommune() {
        NearbyPlaceSearch.Results byPostcode = nearby.search(criteria(null, null), "69100");
        NearbyPlaceSearch.Results byTown = nearby.search(criteria(null, null), "  villeurbanne ");

        assertThat(byPostcode.near().source()).isEqualTo(NearbyPlaceSearch.Source.COMMUNE);
        assertThat(byPostcode.near().label()).isEqualTo("69100 Villeurbanne (69)");
        assertThat(byTown.near().label()).isEqualTo("Villeurbanne (69)");
        for (NearbyPlaceSearch.Results results : List.of(byPostcode, byTown)) {
            List<UUID> ours = ours(results);
            // Marseille, 280 km away, may be past the first 50 places of the whole test database.
            assertThat(ours).startsWith(villeurbanne, vaulxEnVelin);
            assertThat(results.places().stream().filter(p -> p.placeId().equals(villeurbanne)).findFirst().orElseThrow()
                    .distanceKm()).isLessThan(1.0);
        }
        assertThat(ours(nearby.search(criteria(null, 5), "69100"))).containsExactly(villeurbanne, vaulxEnVelin);
        assertThat(ours(nearby.search(criteria(null, 2), "Villeurbanne"))).containsExactly(villeurbanne);
        assertThat(ours(nearby.search(criteria("13", null), "69100"))).containsExactly(marseille);
    }

    @Test
    void aCommuneWithoutKnownCentreUsesTheAssociationsSitesWithItsPostcodeElseItsDepartementAlone() {
        assertThat(communes.named("Ambérieux", null)).singleElement().satisfies(c -> {
            assertThat(c.located()).isFalse();
            assertThat(c.postcodes()).containsExactly("69480");
        });

        NearbyPlaceSearch.Results alone = nearby.search(criteria(null, 10), "Ambérieux");
        assertThat(alone.near().source()).isEqualTo(NearbyPlaceSearch.Source.DEPARTEMENT);
        assertThat(alone.near().departementCode()).isEqualTo("69");
        assertThat(ours(alone)).containsExactlyInAnyOrder(villeurbanne, vaulxEnVelin);
        assertThat(alone.places()).allSatisfy(p -> assertThat(p.distanceKm()).isNull());

        given.owner().sql("update partner_site set postcode = '69480' where id = (select site_id from partner_place where id = ?)")
                .param(vaulxEnVelin).update();
        NearbyPlaceSearch.Results fromOurSite = nearby.search(criteria(null, 3), "Ambérieux");
        assertThat(fromOurSite.near().source()).isEqualTo(NearbyPlaceSearch.Source.OWN_SITES);
        assertThat(ours(fromOurSite)).containsExactly(vaulxEnVelin);
        given.owner().sql("update partner_site set postcode = null where id = (select site_id from partner_place where id = ?)")
                .param(vaulxEnVelin).update();
    }

    @Test
    void anUnknownPostcodeOrTownIsRefusedOnItsField() {
        assertThatThrownBy(() -> nearby.search(criteria(null, null), "99999"))
                .isInstanceOfSatisfying(FieldRefusal.class, e -> {
                    assertThat(e.field()).isEqualTo("near");
                    assertThat(e.messageKey()).isEqualTo("place.search.near.unknownPostcode");
                });
        assertThatThrownBy(() -> nearby.search(criteria(null, null), "Nulle-Part-sur-Rien"))
                .hasFieldOrPropertyWithValue("messageKey", "place.search.near.unknownTown");
        assertThatThrownBy(() -> nearby.search(criteria(null, null), " "))
                .hasFieldOrPropertyWithValue("messageKey", "place.search.near.required");
    }

    private PlaceSearch.Criteria criteria(String departement, Integer withinKm) {
        return new PlaceSearch.Criteria(kind, today, today.plusDays(30), departement, null, null, null, withinKm);
    }

    /** The places of this test among the results, in their order. */
    private List<UUID> ours(NearbyPlaceSearch.Results results) {
        return results.places().stream().map(PlaceSearch.FreePlace::placeId)
                .filter(List.of(villeurbanne, vaulxEnVelin, marseille)::contains).toList();
    }
}
