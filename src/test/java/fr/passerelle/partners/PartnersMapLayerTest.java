package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The private layer of the association's partner sites on the network's map: its own located sites
 * for a reader of partners, never another association's, nothing for an anonymous visitor or a user
 * without {@code partner:read}, and the public map unchanged for anonymous visitors.
 */
@PasserelleIntegrationTest
class PartnersMapLayerTest {

    private static final String LAYER = "/partners/map-layer.json";

    @LocalServerPort int port;
    @Autowired EmbeddedPostgresServer server;
    @Autowired JsonMapper json;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    String own;
    String foreign;
    UUID ownPartner;

    @BeforeEach
    void givenASiteInEachOfTheTwoDemoAssociations() {
        UUID lyon = ((PasserelleUser) users.loadUserByUsername("intervenant")).organisationId();
        UUID marseille = ((PasserelleUser) users.loadUserByUsername("admin.marseille")).organisationId();
        GivenPartners here = GivenPartners.owner(OwnerSql.of(server), lyon);
        own = "CSAPA Carte " + UUID.randomUUID();
        ownPartner = here.partner(own, "CSAPA");
        here.site(ownPartner, "Accueil", "5 place Bellecour", 45.7578, 4.832);
        here.level(ownPartner, 3, "2026-01-15");
        here.site(here.partner("CHU Sans coordonnées " + UUID.randomUUID(), "CHU"), "Sans point", null, null, null);
        GivenPartners there = GivenPartners.owner(OwnerSql.of(server), marseille);
        foreign = "CHRS Marseille Carte " + UUID.randomUUID();
        there.site(there.partner(foreign, "CHRS"), "Vieux-Port", "1 quai du Port", 43.2951, 5.3744);
    }

    @Test
    void aReaderOfPartnersGetsTheLocatedSitesOfItsOwnAssociationOnlyWithWhatThePopupShows() throws Exception {
        HttpResponse<String> response = signedIn("intervenant").send(LAYER, r -> r.header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode layer = json.readTree(response.body());
        assertThat(layer.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode site = null;
        for (JsonNode f : layer.get("features")) {
            assertThat(f.get("properties").get("partner").asString()).doesNotStartWith("CHRS Marseille Carte")
                    .doesNotStartWith("CHU Sans coordonnées");
            if (f.get("properties").get("partner").asString().equals(own)) {
                site = f;
            }
        }
        assertThat(site).as("the association's own site").isNotNull();
        assertThat(site.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(4.832);
        assertThat(site.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(45.7578);
        JsonNode p = site.get("properties");
        assertThat(p.get("type").asString()).isEqualTo("CSAPA");
        assertThat(p.get("typeLabel").asString()).isEqualTo("CSAPA");
        assertThat(p.get("level").asInt()).isEqualTo(3);
        assertThat(p.get("levelLabel").asString()).isEqualTo("3 – Partage minimal");
        assertThat(p.get("address").asString()).isEqualTo("5 place Bellecour 69001 Lyon");
        assertThat(p.get("url").asString()).isEqualTo("/partners/" + ownPartner);
        assertThat(response.body()).doesNotContain(foreign);
    }

    @Test
    void anAnonymousVisitorGetsNoLayerAndAPublicMapWithoutIt() throws Exception {
        WebClient anonymous = new WebClient(port);
        HttpResponse<String> layer = anonymous.send(LAYER, r -> r.header("Accept", "application/json"));
        assertThat(layer.statusCode()).isIn(401, 302);
        assertThat(layer.body()).doesNotContain(own);

        String map = anonymous.get("/reseau/carte").body();
        assertThat(map).contains("id=\"offer-map\"").doesNotContain("data-partners-url", "map-partners", own);
    }

    @Test
    void aUserWithoutPartnerReadGetsNoLayerAndTheReaderSeesTheLayerOnTheMap() throws Exception {
        WebClient admin = signedIn("admin.asso");
        assertThat(admin.send(LAYER, r -> r.header("Accept", "application/json")).statusCode()).isEqualTo(403);
        assertThat(admin.get("/reseau/carte").body()).doesNotContain("data-partners-url");

        String map = signedIn("intervenant").get("/reseau/carte").body();
        assertThat(map).contains("data-partners-url=\"/partners/map-layer.json\"", "id=\"map-partner-type\"");
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient web = new WebClient(port);
        web.signIn(username, DemoAccounts.PASSWORD);
        return web;
    }
}
