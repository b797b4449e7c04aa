package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

/** The pages of the partner list import, in French and English, and the entry point on the directory. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PartnerImportPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    final String marker = "zw" + Long.toString(System.nanoTime(), 36);

    @Test
    void theDirectoryOffersTheImportOnlyToThoseWhoManageIt() throws Exception {
        assertThat(page(mvc.perform(get("/partners").with(as("cheffe.service"))).andReturn()))
                .contains("href=\"/partners/import\"", "Importer une liste");
        assertThat(page(mvc.perform(get("/partners").with(as("intervenant"))).andReturn()))
                .doesNotContain("href=\"/partners/import\"");
        assertThat(mvc.perform(get("/partners/import").with(as("intervenant"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void anUnknownTypeIsShownByKindWithItsRowInTheUsersLanguageAndAValidListImports() throws Exception {
        String csv = "Nom;Type;Code postal\nAccueil " + marker + ";Garage;69001\nRefuge " + marker + ";CHU;69002\n";
        MvcResult uploaded = mvc.perform(multipart("/partners/import").file(new MockMultipartFile("file", "liste.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(as("cheffe.service")).with(csrf())).andReturn();
        String location = uploaded.getResponse().getRedirectedUrl();
        assertThat(location).matches("/partners/import/[0-9a-f-]{36}");
        String mapping = page(mvc.perform(get(location).with(as("cheffe.service"))).andReturn());
        assertThat(mapping).contains("Accueil " + marker, "<option value=\"TYPE\" selected=\"selected\"");

        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            String checked = page(mvc.perform(post(location + "/check").param("column0", "NAME").param("column1", "TYPE")
                    .param("column2", "POSTCODE").locale(locale).with(as("cheffe.service")).with(csrf())).andReturn());
            assertThat(checked).contains(locale == Locale.FRENCH ? "Types de structure inconnus"
                    : "Unknown types of structure", "Garage", "<td>2</td>").doesNotContain("id=\"run-import\"");
        }
        String missing = page(mvc.perform(post(location + "/check").param("column0", "NAME").with(as("cheffe.service"))
                .with(csrf())).andReturn());
        assertThat(missing).contains("Choisissez la colonne « Type de structure ».");

        String valid = "Nom;Type;Code postal\nRefuge " + marker + ";CHU;69002\n";
        String validLocation = mvc.perform(multipart("/partners/import").file(new MockMultipartFile("file", "ok.csv",
                "text/csv", valid.getBytes(StandardCharsets.UTF_8))).with(as("cheffe.service")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        MvcResult run = mvc.perform(post(validLocation + "/run").param("column0", "NAME").param("column1", "TYPE")
                .param("column2", "POSTCODE").with(as("cheffe.service")).with(csrf())).andReturn();
        assertThat(run.getResponse().getRedirectedUrl()).isEqualTo("/partners?sort=UPDATED");
        assertThat(page(mvc.perform(get("/partners?q=" + marker).with(as("cheffe.service"))).andReturn()))
                .contains("Refuge " + marker).doesNotContain("Accueil " + marker);
    }

    @Test
    void aFileThatIsNotAListIsRefusedWithItsReason() throws Exception {
        MvcResult refused = mvc.perform(multipart("/partners/import").file(new MockMultipartFile("file", "photo.png",
                "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3})).with(as("cheffe.service")).with(csrf()))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/partners/import");
        assertThat(String.valueOf(refused.getFlashMap().get("importError"))).isNotBlank();
    }

    private RequestPostProcessor as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static String page(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
