package fr.passerelle.surveys.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The surveys over HTTP: the builder keeps a refused item's input, an answer refused keeps what was typed. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class SurveysWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService logins;

    @Test
    void aSurveyIsBuiltOpenedAnsweredAndItsResultsExported() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String closes = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20).toString();
        // A refused survey: the list comes back with what was typed and the reason, nothing is created.
        MvcResult noTarget = mvc.perform(post("/surveys").with(csrf()).with(as("equipe.federale")).locale(Locale.FRENCH)
                .param("title", "Bilan " + tag).param("targetKind", "REGION").param("closesOn", closes)).andReturn();
        assertThat(noTarget.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(noTarget)).contains("value=\"Bilan " + tag + "\"", "Choisissez la région visée.",
                "value=\"" + closes + "\"");
        assertThat(OwnerSql.of(server).sql("select count(*) from survey where title = ?").param("Bilan " + tag)
                .query(Long.class).single()).isZero();
        MvcResult created = mvc.perform(post("/surveys").with(csrf()).with(as("equipe.federale"))
                .param("title", "Bilan " + tag).param("targetKind", "ALL").param("closesOn", closes)).andReturn();
        String page = created.getResponse().getRedirectedUrl();
        assertThat(page).startsWith("/surveys/");
        UUID id = UUID.fromString(page.substring("/surveys/".length()));
        assertThat(html(mvc.perform(get(page).locale(Locale.FRENCH).with(as("equipe.federale"))).andReturn()))
                .contains("Bilan " + tag, "Aucune question pour l’instant", "Ajouter une question");

        // A refused item: the page comes back with what was typed and the reason.
        MvcResult refused = mvc.perform(post(page + "/questions").with(csrf()).with(as("equipe.federale"))
                .locale(Locale.FRENCH).param("kind", "SINGLE").param("label", "Votre statut " + tag)
                .param("options", "Association loi 1901")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("Votre statut " + tag, "Association loi 1901",
                "Proposez entre 2 et 30 choix, un par ligne.");
        assertThat(OwnerSql.of(server).sql("select count(*) from survey_question where survey_id = ?").param(id)
                .query(Long.class).single()).isZero();

        mvc.perform(post(page + "/questions").with(csrf()).with(as("equipe.federale")).param("kind", "SCALE")
                .param("label", "Satisfaction " + tag).param("required", "true").param("scaleMin", "1")
                .param("scaleMax", "5"));
        UUID question = OwnerSql.of(server).sql("select id from survey_question where survey_id = ?").param(id)
                .query(UUID.class).single();
        assertThat(html(mvc.perform(get(page + "/questions/" + question).locale(Locale.FRENCH).with(as("equipe.federale")))
                .andReturn())).contains("Modifier la question 1", "Satisfaction " + tag);
        int version = OwnerSql.of(server).sql("select row_version from survey where id = ?").param(id)
                .query(Integer.class).single();
        MvcResult opened = mvc.perform(post(page + "/open").with(csrf()).with(as("equipe.federale"))
                .param("rowVersion", String.valueOf(version))).andReturn();
        assertThat(String.valueOf(opened.getFlashMap().get("flashSuccess"))).isEqualTo("survey.opened");
        assertThat(html(mvc.perform(get(page).locale(Locale.FRENCH).with(as("equipe.federale"))).andReturn()))
                .contains("0 sur ", ", 0 %", "Relancer les");

        // The association: a value outside the scale is refused, what was typed is kept, nothing is saved.
        String answer = page + "/answer";
        assertThat(html(mvc.perform(get(answer).locale(Locale.FRENCH).with(as("directrice"))).andReturn()))
                .contains("Satisfaction " + tag, "Enregistrer et envoyer");
        assertThat(html(mvc.perform(get(answer).locale(Locale.FRENCH).with(as("cheffe.service"))).andReturn()))
                .contains("Enregistrer le brouillon").doesNotContain("Enregistrer et envoyer");
        MvcResult outside = mvc.perform(post(answer).with(csrf()).with(as("directrice")).locale(Locale.FRENCH)
                .param("rowVersion", "-1").param("action", "submit").param("q-" + question, "7")).andReturn();
        assertThat(outside.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(outside)).contains("Choisissez une valeur de 1 à 5.", "Rien n’est enregistré");
        assertThat(OwnerSql.of(server).sql("select count(*) from survey_response where survey_id = ?").param(id)
                .query(Long.class).single()).isZero();
        MvcResult sent = mvc.perform(post(answer).with(csrf()).with(as("directrice")).param("rowVersion", "-1")
                .param("action", "submit").param("q-" + question, "4")).andReturn();
        assertThat(String.valueOf(sent.getFlashMap().get("flashSuccess"))).isEqualTo("survey.answer.submittedOk");

        assertThat(html(mvc.perform(get(page + "/results").locale(Locale.FRENCH).with(as("equipe.federale"))).andReturn()))
                .contains("Satisfaction " + tag, "(1 réponse)", "Moyenne : 4");
        MvcResult csv = mvc.perform(get(page + "/export").param("format", "CSV").locale(Locale.FRENCH)
                .with(as("equipe.federale"))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(html(csv)).contains("Association;Région;Envoyée le;Envoyée par;Satisfaction " + tag);
        // Another association's people cannot read the federation's pages.
        assertThat(mvc.perform(get(page + "/results").with(as("directrice"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(html(mvc.perform(get("/surveys/running").locale(Locale.FRENCH).with(as("equipe.federale")))
                .andReturn())).contains("Bilan " + tag);
    }

    private RequestPostProcessor as(String login) {
        PasserelleUser user = (PasserelleUser) logins.loadUserByUsername(login);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
