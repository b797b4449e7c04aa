package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A partner's page: its sites and contacts edited, and a site with places kept with a clear message. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PartnerSitePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PartnerDirectory directory;

    @Autowired
    PartnerPlaces places;

    @Autowired
    MessageSource messages;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theEditFormsAreOfferedAndASiteWithPlacesIsKeptWithTheReason() throws Exception {
        SignedIn.as(users, "cheffe.service");
        UUID partner = directory.create(new PartnerDirectory.PartnerInput("Foyer " + UUID.randomUUID(), "CHRS", null,
                null, null, null, null, null));
        UUID site = directory.addSite(partner, new PartnerDirectory.SiteInput("Foyer de Vaise", null, "69009", "Lyon",
                null, null, null));
        places.addPlace(site, new PartnerPlaces.PlaceInput("Chambre 1", "INDIVIDUAL", null));
        UUID contact = directory.addContact(partner, new PartnerDirectory.ContactInput("Odile Marchetti", null, null,
                null, site));
        SecurityContextHolder.clearContext();

        String page = page(mvc.perform(get("/partners/" + partner).with(as("cheffe.service"))).andReturn());
        assertThat(page).contains("action=\"/partners/sites/" + site + "\"", "action=\"/partners/contacts/" + contact + "\"",
                "Modifier le site Foyer de Vaise", "Modifier le contact Odile Marchetti");
        assertThat(page(mvc.perform(get("/partners/" + partner).with(as("intervenant"))).andReturn()))
                .doesNotContain("action=\"/partners/sites/" + site + "\"");

        MvcResult refused = mvc.perform(post("/partners/sites/" + site + "/delete").param("partnerId", partner.toString())
                .with(as("cheffe.service")).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/partners/" + partner + "#sites");
        assertThat(refused.getFlashMap().get("flashError")).isEqualTo("partners.site.hasPlaces");
        assertThat(messages.getMessage("partners.site.hasPlaces",
                (Object[]) refused.getFlashMap().get("flashErrorArguments"), Locale.FRENCH))
                .startsWith("Le site « Foyer de Vaise » a des places");

        MvcResult badEdit = mvc.perform(post("/partners/contacts/" + contact).param("partnerId", partner.toString())
                .param("fullName", "Odile Marchetti").param("email", "odile@").with(as("cheffe.service")).with(csrf()))
                .andReturn();
        assertThat(badEdit.getFlashMap().get("flashError")).isEqualTo("partners.emailInvalid");
        mvc.perform(post("/partners/contacts/" + contact).param("partnerId", partner.toString())
                .param("fullName", "Odile Marchetti-Roux").param("siteId", site.toString())
                .with(as("cheffe.service")).with(csrf())).andReturn();
        SignedIn.as(users, "cheffe.service");
        assertThat(directory.details(partner).contacts()).extracting(PartnerDirectory.Contact::fullName)
                .containsExactly("Odile Marchetti-Roux");
        assertThat(directory.details(partner).sites()).hasSize(1);
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
