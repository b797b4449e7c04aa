package fr.passerelle.network.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public map page and its data, without JavaScript: a selected court and measure type from
 * the GET parameters, bad parameters ignored with a notice, the tile server in the security policy.
 */
@PasserelleIntegrationTest
class MapPageTest {

    @LocalServerPort int port;
    @Autowired EmbeddedPostgresServer server;

    JdbcClient owner;
    UUID association;

    @BeforeEach
    void publishAProfile() {
        owner = OwnerSql.of(server);
        association = OfferMapIntegrationTest.profile(owner, "Association Carte Éprouvette", true, "MINORS",
                List.of("TJ-PAPEETE"), List.of("MJIE"));
    }

    @AfterEach
    void removeIt() {
        owner.sql("delete from association_profile where organisation_id = ?").param(association).update();
        owner.sql("delete from organisation where id = ?").param(association).update();
    }

    @Test
    void anyoneSeesTheCourtListWithTheSelectedCourtsOfferAndZonesBlanches() throws Exception {
        HttpResponse<String> page = new WebClient(port).get("/reseau/carte?court=TJ-PAPEETE");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Carte de l’offre du réseau", "id=\"court-panel\"",
                "Tribunal de première instance de Papeete", "Cour d&#39;appel de Papeete")
                .contains("href=\"/reseau/associations/" + association + "\"")
                .contains("Association Carte Éprouvette");
        // Measures offered: MJIE by the association; zones blanches: every type nobody offers there.
        String offered = html.substring(html.indexOf("class=\"court-offer\""), html.indexOf("class=\"court-zones\""));
        assertThat(offered).contains("MJIE").contains("Association Carte Éprouvette");
        List<String> missing = owner.sql("""
                select d.label from default_measure_type d where not exists (
                  select 1 from association_profile_court c
                  join association_profile_activity a on a.organisation_id = c.organisation_id
                  join organisation o on o.id = c.organisation_id and o.active
                  where c.court_code = 'TJ-PAPEETE' and a.measure_type_code = d.code)""").query(String.class).list();
        String zones = html.substring(html.indexOf("class=\"court-zones\""), html.indexOf("id=\"zones-by-type\""));
        assertThat(missing).isNotEmpty().allSatisfy(label -> assertThat(zones).contains(escape(label)));
        assertThat(zones).doesNotContain("MJIE");
        // No script in the page itself, the map is drawn by a static file.
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" style=\"")
                .contains("/js/offer-map.js");
    }

    @Test
    void aSelectedTypeListsItsZonesBlanchesAndTheSearchIgnoresAccents() throws Exception {
        WebClient web = new WebClient(port);
        String html = web.get("/reseau/carte?type=MJIE&q=" + URLEncoder.encode("papeete", StandardCharsets.UTF_8)).body();
        String typePanel = html.substring(html.indexOf("id=\"type-panel\""), html.indexOf("class=\"table table-sm align-middle court-list\""));
        assertThat(typePanel).contains("Zones blanches : MJIE").doesNotContain("data-court=\"TJ-PAPEETE\"");
        long withoutMjie = owner.sql("""
                select count(*) from judicial_court j where not exists (
                  select 1 from association_profile_court c
                  join association_profile_activity a on a.organisation_id = c.organisation_id
                  join organisation o on o.id = c.organisation_id and o.active
                  where c.court_code = j.code and a.measure_type_code = 'MJIE')""").query(Long.class).single();
        assertThat(typePanel.split("<li ", -1)).hasSize((int) withoutMjie + 1);
        // The same count in the table of zones blanches by measure type.
        assertThat(html).containsPattern("MJIE — mesure judiciaire d&#39;investigation éducative</a></td>\\s*"
                + "<td class=\"text-end\">" + withoutMjie + "</td>");
        // The search "papeete" keeps only that court in the list.
        String list = html.substring(html.indexOf("class=\"table table-sm align-middle court-list\""));
        assertThat(list).contains("data-court=\"TJ-PAPEETE\"").doesNotContain("data-court=\"TJ-LYON\"");

        String accents = web.get("/reseau/carte?q=" + URLEncoder.encode("SAINT ETIENNE", StandardCharsets.UTF_8)).body();
        assertThat(accents).contains("data-court=\"TJ-SAINT-ETIENNE\"").doesNotContain("data-court=\"TJ-LYON\"");
        String none = web.get("/reseau/carte?q=zzzz-aucune").body();
        assertThat(none).contains("Aucun tribunal ne correspond à cette recherche.");
    }

    @Test
    void unknownCourtsAndTypesAreIgnoredWithATranslatedNotice() throws Exception {
        WebClient web = new WebClient(port);
        HttpResponse<String> page = web.get("/reseau/carte?court=TJ-ATLANTIDE&type=%3Cscript%3E&q="
                + "x".repeat(500));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ce tribunal est inconnu : la sélection a été ignorée.",
                "Ce type de mesure est inconnu : la sélection a été ignorée.").doesNotContain("id=\"court-panel\"",
                "id=\"type-panel\"", "<script>");
        HttpResponse<String> english = web.get("/reseau/carte?court=TJ-ATLANTIDE&lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("This court is unknown: the selection was ignored.");
    }

    @Test
    void theDataOfTheMapAndTheTileServerInTheSecurityPolicy() throws Exception {
        WebClient web = new WebClient(port);
        HttpResponse<String> page = web.get("/reseau/carte");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("img-src 'self' data: https://tile.openstreetmap.org;");
        assertThat(page.body()).contains("data-tile-url=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"")
                .containsPattern("id=\"map-background-notice\"[^>]*\\shidden=\"hidden\"");
        HttpResponse<String> data = web.get("/reseau/carte/donnees");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(data.body());
        long courts = owner.sql("select count(*) from judicial_court").query(Long.class).single();
        assertThat(json.get("courts")).hasSize((int) courts);
        var mine = java.util.stream.StreamSupport.stream(json.get("members").spliterator(), false)
                .filter(m -> m.get("id").asString().equals(association.toString())).findFirst().orElseThrow();
        assertThat(mine.get("field").asString()).isEqualTo("MINORS");
        assertThat(mine.get("fieldLabel").asString()).isEqualTo("Justice des enfants");
        assertThat(mine.get("url").asString()).isEqualTo("/reseau/associations/" + association);
        var papeeteZones = java.util.stream.StreamSupport.stream(json.get("zonesBlanches").get("MJIE").spliterator(), false)
                .map(tools.jackson.databind.JsonNode::asString).toList();
        assertThat(papeeteZones).doesNotContain("TJ-PAPEETE").contains("TJ-NOUMEA");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
