package fr.passerelle.network.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.network.Meetings;
import fr.passerelle.network.Resources;
import fr.passerelle.network.TestDocuments;
import fr.passerelle.network.TestLibrary;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The library over HTTP: an upload refused with its reason, a document published, the public page and its files. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ResourcesWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService logins;

    @Autowired
    Meetings meetings;

    @Test
    void aRefusedFileSaysWhyAPublishedOneIsShownAndThePublicPageHasPublicDocumentsOnly() throws Exception {
        String tag = "zq" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        byte[] pdf = TestDocuments.pdf("Guide de la mesure " + tag);
        long before = count();
        MvcResult refused = mvc.perform(upload("guide.docx", pdf, "Guide " + tag, "PUBLIC").with(as("equipe.federale")))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/network/resources/new");
        assertThat(String.valueOf(refused.getFlashMap().get("flashError"))).isEqualTo("resource.file.extensionMismatch");
        assertThat(count()).isEqualTo(before);

        MvcResult published = mvc.perform(upload("guide.pdf", pdf, "Guide " + tag, "PUBLIC").with(as("equipe.federale")))
                .andReturn();
        String page = published.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/network/resources/");
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        mvc.perform(upload("membres.pdf", pdf, "Réservé " + tag, "MEMBERS").with(as("equipe.federale")));
        UUID members = OwnerSql.of(server).sql("select id from network_resource where title = ?").param("Réservé " + tag)
                .query(UUID.class).single();
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'resource.published'"
                + " and object_id = ?").param(id.toString()).query(Long.class).single()).isEqualTo(1);

        String shown = html(mvc.perform(get(page).locale(Locale.FRENCH).with(as("directrice"))).andReturn());
        assertThat(shown).contains("Guide " + tag, "guide.pdf", "Public", "Versions");
        assertThat(shown).doesNotContain("resource-withdraw-form");

        // Without an account: the public document is listed and downloaded, the members' one is not.
        String open = html(mvc.perform(get("/reseau/ressources").param("q", tag).locale(Locale.FRENCH)).andReturn());
        assertThat(open).contains("Guide " + tag).doesNotContain("Réservé " + tag);
        MvcResult file = mvc.perform(get("/reseau/ressources/" + id + "/fichier")).andReturn();
        assertThat(file.getResponse().getStatus()).isEqualTo(200);
        assertThat(file.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(file.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.perform(get("/reseau/ressources/" + members + "/fichier")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        // A member signed in gets the members' document, but not through the public address.
        assertThat(mvc.perform(get("/network/resources/" + members + "/file").with(as("directrice"))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/reseau/ressources/" + members + "/fichier").with(as("directrice"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(OwnerSql.of(server).sql("select download_count from network_resource where id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSearchFindingMoreThanTheCapSaysSoWithoutCountsAndPagesOn() throws Exception {
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        UUID body;
        try {
            body = TestLibrary.bodyWith(meetings, logins, "directrice", "Groupe " + word);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        TestLibrary.insert(server, body, Resources.COUNT_CAP + 1, word, 0, word, 25, word + "deux", 0, "t" + word);

        String many = html(mvc.perform(get("/network/resources").param("q", word).locale(Locale.FRENCH)
                .with(as("directrice"))).andReturn());
        assertThat(many).contains("Plus de 1", "000 documents", "id=\"resource-capped\"", "Page 1<", "page=1");
        assertThat(many).doesNotContain("sur 51", "1 001", "1\u202f001");
        String second = html(mvc.perform(get("/network/resources").param("q", word).param("page", "1")
                .locale(Locale.ENGLISH).with(as("directrice"))).andReturn());
        assertThat(second).contains("More than 1,000 documents", "Page 2<");

        String few = html(mvc.perform(get("/network/resources").param("q", word + "deux").locale(Locale.FRENCH)
                .with(as("directrice"))).andReturn());
        assertThat(few).contains("25 documents", "Page 1 sur 2 (25 résultats)").doesNotContain("resource-capped");
        // Others do not see the body's documents.
        String other = html(mvc.perform(get("/network/resources").param("q", word).locale(Locale.FRENCH)
                .with(as("admin.marseille"))).andReturn());
        assertThat(other).contains("Aucun document").doesNotContain("resource-capped");
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String filename, byte[] content, String title, String access) {
        return multipart("/network/resources").file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .param("title", title).param("access", access).param("tags", "guide").with(csrf()).locale(Locale.FRENCH);
    }

    private RequestPostProcessor as(String login) {
        PasserelleUser user = (PasserelleUser) logins.loadUserByUsername(login);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private long count() {
        return OwnerSql.of(server).sql("select count(*) from network_resource").query(Long.class).single();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
