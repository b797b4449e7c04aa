package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.map.OfferMap;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * (the national observatory's published counts): a zone blanche with activity is marked apart, and
 * no count from 1 to 4 ever reaches the map.
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
    void aZoneBlancheWithMeasuresReceivedIsMarkedApartAndSmallCountsNeverShow() throws Exception {
        // Two zones blanches of the type, far from the other tests' courts: one with nine measures received
        // this month (published), one with two (under the threshold: never on the map).
        List<String> zones = offerMap.offer().withoutProvider(TYPE).stream().map(c -> c.court().code())
                .filter(code -> code.startsWith("TJ-") && !code.equals("TJ-LYON")).sorted().toList();
        assertThat(zones).hasSizeGreaterThanOrEqualTo(2);
        String busy = zones.get(0);
        String quiet = zones.get(1);
        SignedIn.as(users, "intervenant");
        try {
            UUID person = persons.create(new Persons.PersonData("Carte", "Activité", LocalDate.of(1988, 5, 5), null,
                    null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals(TYPE)).findFirst().orElseThrow().id();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
            for (int i = 0; i < 9; i++) {
                measures.create(person, new Measures.Mandate(type, busy, "JUGE_DES_ENFANTS", null, null, null, today, null));
            }
            for (int i = 0; i < 2; i++) {
                measures.create(person, new Measures.Mandate(type, quiet, "JUGE_DES_ENFANTS", null, null, null, today, null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        feed.refresh();

        WebClient web = new WebClient(port);
        HttpResponse<String> data = web.get("/reseau/carte/donnees?type=" + TYPE);
        JsonNode json = JsonMapper.builder().build().readTree(data.body());
        assertThat(json.get("receivedType").asString()).isEqualTo(TYPE);
        Map<String, Long> received = new java.util.HashMap<>();
        json.get("received").properties().forEach(e -> received.put(e.getKey(), e.getValue().asLong()));
        assertThat(received).containsKey(busy).doesNotContainKey(quiet);
        assertThat(received.get(busy)).isBetween(7L, 11L);
        assertThat(received.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5L));
        // Without a type, no activity layer.
        assertThat(JsonMapper.builder().build().readTree(web.get("/reseau/carte/donnees").body()).get("received"))
                .isEmpty();

        String page = web.get("/reseau/carte?type=" + TYPE).body();
        String active = page.substring(page.indexOf("class=\"type-zones-active\""), page.indexOf("</ul>",
                page.indexOf("class=\"type-zones-active\"")));
        assertThat(active).contains("data-court=\"" + busy + "\"").doesNotContain("data-court=\"" + quiet + "\"")
                .containsPattern("≈ " + received.get(busy) + " mesure");
        String others = page.substring(page.indexOf("class=\"type-zones\""));
        assertThat(others.substring(0, others.indexOf("</ul>"))).contains("data-court=\"" + quiet + "\"");
        assertThat(page).contains("Zone blanche où des mesures ont été reçues", "les effectifs de moins de 5 ne sont pas");
        assertThat(StreamSupport.stream(json.get("received").spliterator(), false).mapToLong(JsonNode::asLong))
                .noneMatch(n -> n >= 1 && n <= 4);
    }
}
