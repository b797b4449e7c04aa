package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The programme pages as the demo coordinator sees them (every page of a demo programme renders),
 * and bad input on the web forms: a clear message flashed, nothing changed.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ProgrammesWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    Programmes programmes;

    @Autowired
    ProgrammeBeneficiaries beneficiaries;

    Authentication as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    UUID demoProgramme() {
        SecurityContextHolder.getContext().setAuthentication(as("coordinatrice"));
        try {
            return programmes.list().stream().filter(p -> p.title().startsWith("Chantier passerelle du Mas"))
                    .findFirst().orElseThrow().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    MvcResult page(String path) throws Exception {
        return mvc.perform(get(path).with(authentication(as("coordinatrice")))).andReturn();
    }

    @Test
    void everyPageOfADemoProgrammeRenders() throws Exception {
        UUID id = demoProgramme();
        for (String tab : List.of("", "/group", "/beneficiaries", "/sessions", "/money", "/indicators")) {
            MvcResult result = page("/programmes/" + id + tab);
            assertThat(result.getResponse().getStatus()).as(tab).isEqualTo(200);
        }
        SecurityContextHolder.getContext().setAuthentication(as("coordinatrice"));
        UUID session = beneficiaries.sessions(id).get(0).id();
        UUID beneficiary = beneficiaries.list(id).get(0).id();
        SecurityContextHolder.clearContext();
        MvcResult attendance = page("/programmes/" + id + "/sessions/" + session);
        assertThat(attendance.getResponse().getStatus()).isEqualTo(200);
        assertThat(attendance.getResponse().getContentAsString()).contains("id=\"attendance\"");
        assertThat(page("/programmes/" + id + "/beneficiaries/" + beneficiary).getResponse().getStatus()).isEqualTo(200);
        MvcResult csv = page("/programmes/" + id + "/indicators/export?format=CSV");
        assertThat(csv.getResponse().getContentAsString()).contains("Taux d’assiduité");
        MvcResult xlsx = page("/programmes/" + id + "/indicators/export?format=XLSX");
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
        MvcResult pdf = page("/programmes/" + id + "/report.pdf");
        assertThat(pdf.getResponse().getContentAsByteArray()).startsWith((byte) '%', (byte) 'P', (byte) 'D', (byte) 'F');
    }

    @Test
    void aBadDateOrAmountIsRefusedWithAMessageAndChangesNothing() throws Exception {
        UUID id = demoProgramme();
        MvcResult result = mvc.perform(post("/programmes/" + id + "/fundings").with(csrf())
                .with(authentication(as("coordinatrice")))
                .param("funder", "CAF").param("requested", "douze").param("granted", "1").param("received", "0"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/programmes/" + id + "/money");
        assertThat(result.getFlashMap().get("flashError")).isEqualTo("programme.amount.invalid");
        result = mvc.perform(post("/programmes/" + id + "/meetings").with(csrf())
                .with(authentication(as("coordinatrice"))).param("heldOn", "31/02/2026").param("subject", "Réunion"))
                .andReturn();
        assertThat(result.getFlashMap().get("flashError")).isEqualTo("programme.date.invalid");
        SecurityContextHolder.getContext().setAuthentication(as("coordinatrice"));
        assertThat(programmes.meetings(id)).noneMatch(m -> m.subject().equals("Réunion"));
        SecurityContextHolder.clearContext();
        // A refused liaison form comes back as typed.
        result = mvc.perform(post("/programmes/" + id + "/beneficiaries").with(csrf())
                .with(authentication(as("coordinatrice"))).param("firstName", "Lina").param("birthDate", "2011-04-02")
                .param("sex", "F").param("liaisonFrom", "Collège").param("liaisonReason", "Absences répétées."))
                .andReturn();
        assertThat(result.getFlashMap().get("flashError")).isEqualTo("programme.beneficiary.lastName.required");
        assertThat(result.getFlashMap().get("liaison")).isEqualTo(new fr.passerelle.programmes.web.LiaisonDraft("Lina", null, "2011-04-02", "F", null, "Collège", null, "Absences répétées."));
    }
}
