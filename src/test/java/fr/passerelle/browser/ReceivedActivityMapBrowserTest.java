package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Route;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.map.OfferMap;
import fr.passerelle.observatory.ObservatoryFeed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A federation user chooses a measure type: a zone blanche where such measures were received (closed
 * months) is marked apart, as the legend says; an anonymous visitor sees the offer without that layer.
 */
@PasserelleIntegrationTest
class ReceivedActivityMapBrowserTest extends BrowserSupport {

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
    void aZoneBlancheWithActivityIsMarkedApart() {
        List<String> zones = offerMap.offer().withoutProvider("MJIE").stream().map(c -> c.court().code()).sorted().toList();
        String court = zones.get(zones.size() - 1);
        SignedIn.as(users, "intervenant");
        try {
            UUID person = persons.create(new Persons.PersonData("Carte", "Navigateur", LocalDate.of(1987, 7, 7), null,
                    null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("MJIE")).findFirst().orElseThrow().id();
            for (int i = 0; i < 9; i++) {
                measures.create(person, new Measures.Mandate(type, court, "JUGE_DES_ENFANTS", null, null, null,
                        LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).minusMonths(1), null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        feed.refresh();

        page.route(Pattern.compile("https://tile\\.openstreetmap\\.org/.*"), route -> route.fulfill(
                new Route.FulfillOptions().setStatus(404).setBody("")));
        page.navigate(url("/reseau/carte?type=MJIE"));
        assertThat(page.locator(".offer-map-court.zone-blanche[data-court='" + court + "']")).hasCount(1);
        assertThat(page.locator(".offer-map-legend")).not().containsText("Zone blanche où des mesures ont été reçues");

        signIn("equipe.federale");
        page.navigate(url("/reseau/carte?type=MJIE"));
        assertThat(page.locator(".offer-map-legend")).containsText("Zone blanche où des mesures ont été reçues");
        assertThat(page.locator(".offer-map-court.zone-blanche-active[data-court='" + court + "']")).hasCount(1);
        assertThat(page.locator(".offer-map-court.zone-blanche[data-court='" + court + "']")).hasCount(0);
        assertThat(page.locator("#type-panel .type-zones-active li[data-court='" + court + "']"))
                .containsText("mesure(s) reçue(s)");
        assertAccessible();
    }
}
