package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The map of the offer, without an account and without a tile server (the tiles are refused, as
 * offline): the markers and lists still show; a court chosen on the map with the keyboard shows its
 * offer and its zones blanches; a measure type highlights and lists its zones blanches; an overseas
 * court is reached from the list. axe-core checks every state.
 */
@PasserelleIntegrationTest
class OfferMapBrowserTest extends BrowserSupport {

    static final String COURT = "TJ-BOURGOIN-JALLIEU";

    @Autowired EmbeddedPostgresServer server;

    JdbcClient owner;
    UUID association;

    @BeforeEach
    void publishAProfile() {
        owner = OwnerSql.of(server);
        association = UUID.randomUUID();
        owner.sql("insert into organisation (id, kind, name, city, active) values (?, 'ASSOCIATION', 'Association Carte Navigateur', 'Bourgoin-Jallieu', true)")
                .param(association).update();
        owner.sql("""
                insert into association_profile (organisation_id, city, latitude, longitude, main_field)
                values (?, 'Bourgoin-Jallieu', 45.586, 5.274, 'MINORS')""").param(association).update();
        owner.sql("insert into association_profile_court (organisation_id, court_code) values (?, ?)")
                .params(association, COURT).update();
        owner.sql("insert into association_profile_activity (organisation_id, measure_type_code) values (?, 'MJIE')")
                .param(association).update();
    }

    @AfterEach
    void removeIt() {
        owner.sql("delete from association_profile where organisation_id = ?").param(association).update();
        owner.sql("delete from organisation where id = ?").param(association).update();
    }

    /** The measure type labels nobody offers in a court, and the courts where nobody offers a type. */
    List<String> zonesOfCourt(String court) {
        return owner.sql("""
                select d.label from default_measure_type d where not exists (select 1 from association_profile_court c
                  join association_profile_activity a on a.organisation_id = c.organisation_id
                  join organisation o on o.id = c.organisation_id and o.active and o.kind = 'ASSOCIATION'
                  where c.court_code = ? and a.measure_type_code = d.code) order by d.position""")
                .param(court).query(String.class).list();
    }

    List<String> courtsWithout(String type) {
        return owner.sql("""
                select j.name from judicial_court j where not exists (select 1 from association_profile_court c
                  join association_profile_activity a on a.organisation_id = c.organisation_id
                  join organisation o on o.id = c.organisation_id and o.active and o.kind = 'ASSOCIATION'
                  where c.court_code = j.code and a.measure_type_code = ?) order by j.seat_city""")
                .param(type).query(String.class).list();
    }

    @Test
    void aVisitorSelectsACourtThenAMeasureTypeAndSeesTheZonesBlanches() {
        // No tile server reachable: every tile is refused.
        page.route(Pattern.compile("https://tile\\.openstreetmap\\.org/.*"), route -> route.fulfill(
                new Route.FulfillOptions().setStatus(404).setBody("")));
        page.navigate(url("/reseau/carte"));
        assertThat(page.locator("h1")).hasText("Carte de l’offre du réseau");
        long courts = owner.sql("select count(*) from judicial_court").query(Long.class).single();
        assertThat(page.locator(".offer-map-court")).hasCount((int) courts);
        assertThat(page.locator(".offer-map-member").first()).isAttached();
        assertThat(page.locator("#map-background-notice")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoomer").setExact(true))).isVisible();
        assertThat(page.locator("#map-background-notice")).hasText(
                "Le fond de carte n’est pas disponible : les associations, les tribunaux et les listes restent affichés.");
        assertAccessible();

        // A court chosen on the map with the keyboard.
        Locator marker = page.locator(".offer-map-court[data-court='" + COURT + "']");
        marker.focus();
        page.keyboard().press("Enter");
        Locator panel = page.locator("#court-panel");
        assertThat(panel.locator("h2")).hasText("Tribunal judiciaire de Bourgoin-Jallieu");
        assertThat(panel.locator("h2")).isFocused();
        assertThat(panel).containsText("Cour d'appel de Grenoble");
        assertThat(panel.locator(".court-offer")).containsText("MJIE");
        assertThat(panel.locator(".court-offer")).containsText("Association Carte Navigateur");
        assertThat(panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Association Carte Navigateur")))
                .hasAttribute("href", "/reseau/associations/" + association);
        List<String> zones = zonesOfCourt(COURT);
        assertThat(panel.locator(".court-zones li")).hasText(zones.toArray(String[]::new));
        assertThat(marker).hasClass(Pattern.compile("\\bselected\\b"));
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("court=" + COURT);
        assertAccessible();

        // A measure type: its zones blanches are listed and highlighted on the map.
        page.locator("#map-type").selectOption("JUSTICE_RESTAURATIVE");
        Locator typePanel = page.locator("#type-panel");
        assertThat(typePanel.locator("h2")).containsText("Zones blanches : Justice restaurative");
        List<String> without = courtsWithout("JUSTICE_RESTAURATIVE");
        assertThat(typePanel.locator("li a")).hasText(without.toArray(String[]::new));
        assertThat(page.locator(".offer-map-court.zone-blanche")).hasCount(without.size());
        assertThat(panel.locator("h2")).hasText("Tribunal judiciaire de Bourgoin-Jallieu");
        assertAccessible();

        // An overseas court, out of the metropolitan view, from the list.
        page.locator(".court-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Tribunal de première instance de Papeete")).click();
        assertThat(panel.locator("h2")).hasText("Tribunal de première instance de Papeete");
        assertThat(panel.locator("h2")).isFocused();
        assertThat(panel).containsText("Cour d'appel de Papeete");
        assertThat(page.locator(".offer-map-court[data-court='TJ-PAPEETE']")).hasClass(Pattern.compile("\\bselected\\b"));

        // The search, accents ignored, filters the lists.
        page.locator("#map-q").fill("bourgoin jallieu");
        assertThat(page.locator(".court-list tbody tr")).hasCount(1);
        assertThat(page.locator(".member-list")).containsText("Association Carte Navigateur");
        assertAccessible();
    }

    @Test
    void aCourtNameWithMarkupIsShownAsTextInItsTooltip() {
        String name = owner.sql("select name from judicial_court where code = ?").param(COURT).query(String.class)
                .single();
        String markup = "<b class=\"injected\">Tribunal</b><img class=\"injected\" src=\"x\">";
        owner.sql("update judicial_court set name = ? where code = ?").params(markup, COURT).update();
        try {
            page.route(Pattern.compile("https://tile\\.openstreetmap\\.org/.*"), route -> route.fulfill(
                    new Route.FulfillOptions().setStatus(404).setBody("")));
            page.navigate(url("/reseau/carte"));
            page.locator(".offer-map-court[data-court='" + COURT + "']").hover();
            Locator tooltip = page.locator(".leaflet-tooltip");
            assertThat(tooltip).containsText(markup);
            assertThat(page.locator(".leaflet-tooltip .injected")).hasCount(0);
        } finally {
            owner.sql("update judicial_court set name = ? where code = ?").params(name, COURT).update();
        }
    }
}
