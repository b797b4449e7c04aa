package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The referrals' pages and API: the form from a person's file, refusals shown next to their field
 * with nothing sent, the referral's page and its steps, the list with its filters, empty state and
 * figures, the PDF kept from roles that may not read health, and the REST API with problem details.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class ReferralPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Referrals referrals;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    GivenReferrals given;
    PasserelleUser worker;
    LocalDate today;
    UUID csapa;
    UUID person;

    @BeforeEach
    void givenACsapaAndAPerson() {
        given = new GivenReferrals(server, persons, measures, catalogue, followUp);
        worker = SignedIn.as(users, "intervenant");
        today = LocalDate.now(TestDates.PARIS);
        csapa = given.partner(worker.organisationId(), "CSAPA Pages " + UUID.randomUUID(), "CSAPA");
        person = given.person("Pages" + UUID.randomUUID().toString().substring(0, 6));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCaseWorkerRefersAPersonFromTheFormThenRecordsTheAcceptance() throws Exception {
        String form = page("/referrals/new?personId=" + person + "&partnerId=" + csapa, worker);
        assertThat(form).contains("id=\"referral-form\"", "value=\"HEALTH\"", "Dr Marc Perrin",
                "Adresse du partenaire (accueil@partenaire.example.org)");

        MockHttpServletResponse refused = mvc.perform(post("/referrals").with(as(worker)).with(csrf()).locale(Locale.FRENCH)
                .param("personId", person.toString()).param("partnerId", csapa.toString()).param("purpose", "Soins")
                .param("consentGivenOn", today.toString())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Cochez au moins une information à partager.",
                "id=\"shared-error\"");
        SignedIn.as(users, "intervenant");
        assertThat(referrals.ofPerson(person)).isEmpty();

        MockHttpServletResponse sent = mvc.perform(post("/referrals").with(as(worker)).with(csrf())
                .param("personId", person.toString()).param("partnerId", csapa.toString()).param("purpose", "Soins")
                .param("shared", "IDENTITY").param("shared", "HEALTH").param("consentGivenOn", today.toString())
                .param("consentCoversHealth", "true")).andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(302);
        String show = sent.getRedirectedUrl();
        String referral = page(show, worker);
        assertThat(referral).contains("id=\"referral-status\">Envoyée<", "Santé et addictions",
                "informations de santé comprises", "id=\"referral-document\"", "id=\"action-accept\"");

        mvc.perform(post(show + "/transitions").with(as(worker)).with(csrf()).param("action", "ACCEPT")
                .param("effectiveOn", today.toString()));
        assertThat(page(show, worker)).contains("id=\"referral-status\">Acceptée<", "id=\"action-enter\"",
                "Acceptée le " + today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

        assertThat(page("/referrals/of-person/" + person, worker)).contains(show, "Acceptée", partnerName());
        String list = page("/referrals?partner=" + csapa, worker);
        assertThat(list).contains(show, "id=\"referral-figures\"", "data-type=\"CSAPA\"");
        PasserelleUser director = SignedIn.as(users, "directrice");
        assertThat(page(show, director)).doesNotContain("id=\"referral-document\"", "id=\"referral-actions\"");
        assertThat(mvc.perform(get(show + "/document").with(as(director))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get(show + "/document").with(as(worker))).andReturn().getResponse().getContentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void theListShowsAnEmptyStateAndAPersonsFileLinksToReferring() throws Exception {
        assertThat(page("/referrals?person=" + person, worker)).contains("id=\"referrals-empty\"",
                "Aucune orientation ne correspond à ces critères.", "/referrals/new?personId=" + person);
        assertThat(page("/persons/" + person, worker)).contains("id=\"refer-person\"", "/referrals?person=" + person,
                "hx-get=\"/referrals/of-person/" + person + "\"");
        assertThat(page("/referrals/of-person/" + person, worker)).contains("Aucune orientation pour cette personne.");
        PasserelleUser other = SignedIn.as(users, "admin.marseille");
        assertThat(mvc.perform(get("/referrals/of-person/" + person).with(as(other))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void theApiSendsListsAndMovesAReferralAndAnswersProblemDetails() throws Exception {
        String body = """
                {"partnerId":"%s","personId":"%s","purpose":"Soins","shared":["IDENTITY"],"consentGivenOn":"%s"}"""
                .formatted(csapa, person, today);
        MockHttpServletResponse created = mvc.perform(post("/api/v1/referrals").with(as(worker)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String id = created.getContentAsString().replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(created.getHeader("Location")).endsWith("/api/v1/referrals/" + id);

        MockHttpServletResponse moved = mvc.perform(post("/api/v1/referrals/" + id + "/transitions").with(as(worker))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"REFUSE\",\"effectiveOn\":\""
                        + today + "\"}")).andReturn().getResponse();
        assertThat(moved.getStatus()).isEqualTo(400);
        assertThat(moved.getContentType()).startsWith("application/problem+json");
        assertThat(moved.getContentAsString()).contains("Indiquez le motif du refus.");
        String refused = mvc.perform(post("/api/v1/referrals/" + id + "/transitions").with(as(worker)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"REFUSE\",\"effectiveOn\":\"" + today
                        + "\",\"reason\":\"Complet\"}")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("\"status\":\"REFUSED\"", "\"refusalReason\":\"Complet\"", "\"actions\":[]");

        assertThat(mvc.perform(get("/api/v1/referrals").param("person", person.toString()).with(as(worker)))
                .andReturn().getResponse().getContentAsString()).contains(id, "\"total\":1");
        MockHttpServletResponse invalid = mvc.perform(post("/api/v1/referrals").with(as(worker)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("[\"IDENTITY\"]", "[]")))
                .andReturn().getResponse();
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getContentAsString()).contains("Cochez au moins une information à partager.");
        MockHttpServletResponse unknown = mvc.perform(get("/api/v1/referrals/" + UUID.randomUUID()).with(as(worker)))
                .andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        assertThat(mvc.perform(get("/api/v1/referrals/figures").param("from", today.minusDays(1).toString())
                .param("until", today.toString()).with(as(worker))).andReturn().getResponse().getContentAsString())
                .contains("\"partnerType\":\"CSAPA\"");
        assertThat(mvc.perform(get("/v3/api-docs").with(as(worker))).andReturn().getResponse().getContentAsString())
                .contains("\"/api/v1/referrals\"", "\"/api/v1/referrals/{id}\"", "\"/api/v1/referrals/{id}/transitions\"",
                        "\"/api/v1/referrals/figures\"");
        SignedIn.as(users, "intervenant");
        assertThat(referrals.ofPerson(person)).hasSize(1);
    }

    private String partnerName() {
        return given.owner().sql("select name from partner where id = ?").param(csapa).query(String.class).single();
    }

    private String page(String path, PasserelleUser user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(user)).locale(Locale.FRENCH)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static RequestPostProcessor as(PasserelleUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
