package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.partners.GivenPartners;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The director sees the partners section of the dashboard (a CAARUD site booked ten days of March
 * 2026 out of two places: its occupancy charted and tabled), then the association's partner sites on
 * the map of the network, filtered by type, with a marker's popup. axe-core checks each page.
 */
@PasserelleIntegrationTest
class PartnersFiguresAndMapBrowserTest extends BrowserSupport {

    @Autowired EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    JdbcClient owner;
    UUID caarud;
    UUID csapa;
    UUID site;
    String name;

    @BeforeEach
    void givenTwoPartnersOfTheDirectorsAssociation() {
        owner = OwnerSql.of(server);
        UUID association = ((PasserelleUser) users.loadUserByUsername("directrice")).organisationId();
        GivenPartners given = GivenPartners.owner(owner, association);
        name = "CAARUD Navigateur " + UUID.randomUUID().toString().substring(0, 8);
        caarud = given.partner(name, "CAARUD");
        given.level(caarud, 2, "2026-01-05");
        site = given.site(caarud, "Accueil de jour", "3 rue Navigateur", 45.80, 4.95);
        UUID first = given.place(site, "1", false);
        given.place(site, "2", false);
        given.booking(first, "CONFIRMED", "2026-03-01", "2026-03-11", null, null);
        csapa = given.partner("CSAPA Navigateur " + UUID.randomUUID().toString().substring(0, 8), "CSAPA");
        given.site(csapa, "Consultations", "4 rue Navigateur", 45.81, 4.96);
    }

    @AfterEach
    void removeThem() {
        owner.sql("delete from partner where id in (?, ?)").params(caarud, csapa).update();
    }

    @Test
    void theDirectorSeesThePartnersFiguresThenTheirSitesOnTheMapFilteredByType() {
        signIn("directrice");
        page.navigate(url("/indicators?from=2026-03-01&to=2026-04-30"));
        Locator section = page.locator("#partners-figures");
        assertThat(section.locator("h2")).hasText("Partenariats");
        assertThat(page.locator("#partners-occupancy-chart")).hasAttribute("data-chart-drawn", "true");
        Locator row = page.locator("#partners-occupancy-table tr", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(name + " – Accueil de jour"));
        assertThat(row.locator("td")).hasText(new String[] {"CAARUD", "16,1 %", "0 %", "8,2 %"});
        assertThat(page.locator("#partners-levels-table")).containsText("CAARUD");
        assertAccessible();

        page.route(Pattern.compile("https://tile\\.openstreetmap\\.org/.*"), route -> route.fulfill(
                new Route.FulfillOptions().setStatus(404).setBody("")));
        page.navigate(url("/reseau/carte"));
        Locator marker = page.locator(".offer-map-partner[data-partner-site='" + site + "']");
        assertThat(marker).isAttached();
        assertThat(page.locator(".offer-map-partner[data-partner-type='CSAPA']").first()).isAttached();

        page.locator("#map-partner-type").selectOption("CAARUD");
        assertThat(page.locator(".offer-map-partner[data-partner-type='CSAPA']")).hasCount(0);
        assertThat(marker).isAttached();
        assertThat(page.locator("#map-partners-status")).containsText("site(s) partenaire(s) sur la carte");
        marker.dispatchEvent("click");
        Locator popup = page.locator(".leaflet-popup-content");
        assertThat(popup).containsText(name);
        assertThat(popup).containsText("CAARUD · 2 – Communication formelle");
        assertThat(popup).containsText("3 rue Navigateur 69001 Lyon");
        assertThat(popup.locator("a")).hasAttribute("href", "/partners/" + caarud);
        assertAccessible();

        page.locator("#map-partner-type").selectOption("-");
        assertThat(page.locator(".offer-map-partner")).hasCount(0);
    }
}
