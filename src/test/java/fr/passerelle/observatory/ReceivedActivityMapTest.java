package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.map.OfferMap;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map of the offer shows, beside the declared offer, where measures of a type were received
 * (the national observatory's published counts over the twelve closed months), to readers of the
 * national observatory only: a zone blanche with activity is marked apart, no count from 1 to 4
 * ever reaches the map, and anonymous visitors and association users see the offer without the layer.
 */
@PasserelleIntegrationTest
class ReceivedActivityMapTest {

    private static final String TYPE = "MJIE";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    OfferMap offerMap;

    @Autowired
    ObservatoryFeed feed;

    @Autowired
    Clock clock;

    @Test
    void aReaderOfTheNationalObservatorySeesZonesBlanchesWithClosedMonthsActivityAndNoSmallCount() throws Exception {
        // Three zones blanches of the type, far from the other tests' courts: nine measures received last
        // month in one (published), two in another (under the threshold: never on the map), and nine this
        // month only in the third (the month is not closed: not counted).
        List<String> zones = zonesBlanches();
        String busy = zones.get(0);
        String quiet = zones.get(1);
        String fresh = zones.get(2);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        receive(busy, today.minusMonths(1), 9);
        receive(quiet, today.minusMonths(1), 2);
        receive(fresh, today, 9);
        feed.refresh();

        WebClient web = federation();
        Map<String, Long> received = received(web);
        assertThat(received).containsKey(busy).doesNotContainKeys(quiet, fresh);
        assertThat(received.get(busy)).isBetween(7L, 11L);
        assertThat(received.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5L));
        // Without a type, no activity layer.
        assertThat(JSON.readTree(web.get("/reseau/carte/donnees").body()).get("received")).isEmpty();

        String page = web.get("/reseau/carte?type=" + TYPE).body();
        String active = page.substring(page.indexOf("class=\"type-zones-active\""), page.indexOf("</ul>",
                page.indexOf("class=\"type-zones-active\"")));
        assertThat(active).contains("data-court=\"" + busy + "\"").doesNotContain("data-court=\"" + quiet + "\"")
                .doesNotContain("data-court=\"" + fresh + "\"").containsPattern("≈ " + received.get(busy) + " mesure");
        String others = page.substring(page.indexOf("class=\"type-zones\""));
        assertThat(others.substring(0, others.indexOf("</ul>"))).contains("data-court=\"" + quiet + "\"",
                "data-court=\"" + fresh + "\"");
        assertThat(page).contains("Zone blanche où des mesures ont été reçues", "les effectifs de moins de 5 ne sont pas",
                "légèrement perturbés", "data-received=\"true\"").doesNotContain("arrondis");
    }

    @Test
    void measuresReceivedThisMonthDoNotMoveThePublishedFigure() throws Exception {
        String court = zonesBlanches().get(3);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        receive(court, today.minusMonths(2), 9);
        feed.refresh();
        WebClient web = federation();
        Long before = received(web).get(court);
        assertThat(before).isBetween(7L, 11L);

        // Nine more this month: counted, the figure would be 16 to 20.
        receive(court, today, 9);
        feed.refresh();
        assertThat(received(web).get(court)).isEqualTo(before);
    }

    @Test
    void anonymousVisitorsAndAssociationUsersGetNoReceivedCounts() throws Exception {
        String court = zonesBlanches().get(4);
        receive(court, LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).minusMonths(1), 9);
        feed.refresh();
        assertThat(received(federation())).containsKey(court);

        WebClient association = new WebClient(port);
        association.signIn("directrice", DemoAccounts.PASSWORD);
        for (WebClient web : List.of(new WebClient(port), association)) {
            JsonNode json = JSON.readTree(web.get("/reseau/carte/donnees?type=" + TYPE).body());
            assertThat(json.get("received")).isEmpty();
            assertThat(json.path("receivedType").isNull() || json.path("receivedType").isMissingNode()).isTrue();
            // The offer is still there: the zones blanches of the type.
            assertThat(json.get("zonesBlanches").get(TYPE).toString()).contains(court);
            HttpResponse<String> page = web.get("/reseau/carte?type=" + TYPE);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("type-zones-active", "Zone blanche où des mesures ont été reçues",
                    "Mesures reçues (observatoire)", "mesure(s) reçue(s)", "data-received=\"true\"")
                    .contains("data-court=\"" + court + "\"");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Zones blanches of the type away from the other tests' courts, in a fixed order. */
    private List<String> zonesBlanches() {
        List<String> zones = offerMap.offer().withoutProvider(TYPE).stream().map(c -> c.court().code())
                .filter(code -> code.startsWith("TJ-") && !code.equals("TJ-LYON")).sorted().toList();
        assertThat(zones).hasSizeGreaterThanOrEqualTo(5);
        return zones;
    }

    private void receive(String court, LocalDate receivedOn, int count) {
        SignedIn.as(users, "intervenant");
        try {
            UUID person = persons.create(new Persons.PersonData("Carte", "Activité", LocalDate.of(1988, 5, 5), null,
                    null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals(TYPE)).findFirst().orElseThrow().id();
            for (int i = 0; i < count; i++) {
                measures.create(person,
                        new Measures.Mandate(type, court, "JUGE_DES_ENFANTS", null, null, null, receivedOn, null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private WebClient federation() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("equipe.federale", DemoAccounts.PASSWORD);
        return web;
    }

    /** The received counts of the type by court, as the map data gives them to this client. */
    private Map<String, Long> received(WebClient web) throws Exception {
        JsonNode json = JSON.readTree(web.get("/reseau/carte/donnees?type=" + TYPE).body());
        assertThat(json.get("receivedType").asString()).isEqualTo(TYPE);
        Map<String, Long> received = new HashMap<>();
        json.get("received").properties().forEach(e -> received.put(e.getKey(), e.getValue().asLong()));
        assertThat(received.values()).noneMatch(n -> n >= 1 && n <= 4);
        return received;
    }
}
