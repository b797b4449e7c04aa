package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public pages and the JSON vote path over HTTP: cookie identity, signed keys, refusals, rate limits. */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PublicConsultationWebTest {

    @Autowired MockMvc mvc;
    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Moderation moderation;
    @Autowired EmbeddedPostgresServer server;
    @Autowired JsonMapper json;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;

    @BeforeEach
    void givenAPublishedConsultation() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 14);
    }

    @Test
    void theLandingPageShowsTheQuestionAndLiveCountersWithoutAnAccount() throws Exception {
        String page = mvc.perform(get("/c/" + made.slug())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Comment mieux accompagner la réinsertion ?", "propositions");
        assertThat(mvc.perform(get("/c/pas-une-consultation")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aBadProposalIsRefusedWithItsMessageAndAGoodOneWaitsForModeration() throws Exception {
        MvcResult refused = mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("text", "Ouvrir des maisons de sortie").param("email", "a@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("doit commencer par « Il faut »");
        MvcResult done = mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("text", "Il faut ouvrir des maisons de sortie").param("email", "a@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).endsWith("/c/" + made.slug() + "/propose/done");
        Cookie participant = done.getResponse().getCookie("PASSERELLE_PARTICIPANT");
        assertThat(participant).isNotNull();
        assertThat(participant.isHttpOnly()).isTrue();
        String mine = mvc.perform(get("/c/" + made.slug() + "/mine").cookie(participant)).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("Il faut ouvrir des maisons de sortie", "En attente de modération");
        assertThat(OwnerSql.of(server).sql("select count(*) from consultation_proposal where consultation_id = ? and status = 'PENDING'")
                .param(made.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theRefusalMailsLinkOpensTheRefusedTextOnAnyDeviceAndABadLinkChangesNothing() throws Exception {
        Refused refusal = proposeAndRefuse();
        Cookie author = refusal.author();
        UUID refused = refusal.proposal();
        Matcher link = refusal.link();

        // The mail's link on another device (no cookie): the form starts from the refused text; nothing is created.
        MvcResult opened = mvc.perform(get(link.group())).andReturn();
        assertThat(opened.getResponse().getStatus()).isEqualTo(200);
        assertThat(opened.getResponse().getContentAsString()).contains("Reformuler ma proposition",
                "Il faut voter pour mon parti au prochain scrutin", "motif : Partisane", "autrice@exemple.org");
        assertThat(opened.getResponse().getCookie("PASSERELLE_PARTICIPANT")).isNull();
        // A forged token: a message, not the text.
        MvcResult forged = mvc.perform(get("/c/" + made.slug() + "/propose").param("rephrase", refused.toString())
                .param("token", "forged")).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        assertThat(forged.getResponse().getContentAsString()).contains("Ce lien de reformulation n’est pas valide")
                .doesNotContain("Il faut voter pour mon parti", "autrice@exemple.org");
        // The author's device: "my proposals" links to the form, which needs no token there.
        String mine = mvc.perform(get("/c/" + made.slug() + "/mine").cookie(author)).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains("Motif : Partisane", "/c/" + made.slug() + "/propose?rephrase=" + refused, ">Reformuler<");
        assertThat(mvc.perform(get("/c/" + made.slug() + "/propose").param("rephrase", refused.toString()).cookie(author))
                .andReturn().getResponse().getContentAsString()).contains("Il faut voter pour mon parti au prochain scrutin");

        // Sending with a forged token saves nothing and keeps what was typed.
        long before = OwnerSql.of(server).sql("select count(*) from consultation_proposal where consultation_id = ?")
                .param(made.id()).query(Long.class).single();
        MvcResult refusedSend = mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("rephrase", refused.toString()).param("token", "forged")
                .param("text", "Il faut associer les maires au suivi des sortants").param("email", "autrice@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(refusedSend.getResponse().getStatus()).isEqualTo(400);
        assertThat(refusedSend.getResponse().getContentAsString()).contains("Ce lien de reformulation n’est pas valide",
                "Il faut associer les maires au suivi des sortants");
        assertThat(OwnerSql.of(server).sql("select count(*) from consultation_proposal where consultation_id = ?")
                .param(made.id()).query(Long.class).single()).isEqualTo(before);

        // With the mail's token: a new pending proposal of the author, pointing to the refused one.
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(link.group()).build().getQueryParams();
        MvcResult sent = mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("rephrase", query.getFirst("rephrase")).param("token", query.getFirst("token"))
                .param("text", "Il faut associer les maires au suivi des sortants").param("email", "autrice@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).endsWith("/c/" + made.slug() + "/propose/done");
        assertThat(OwnerSql.of(server).sql("select status from consultation_proposal where rephrases = ?").param(refused)
                .query(String.class).single()).isEqualTo("PENDING");
        mine = mvc.perform(get("/c/" + made.slug() + "/mine").cookie(author)).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("Il faut associer les maires au suivi des sortants", "Vous l’avez reformulée",
                "Reformulation d’une proposition refusée").doesNotContain("?rephrase=");
        // Twice: refused with its message.
        MvcResult again = mvc.perform(get(link.group())).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("a déjà été reformulée");
    }

    @Test
    void anExpiredOrClosedRephraseLinkShowsWhyInTheReadersLanguageAndSavesNothing() throws Exception {
        Refused refusal = proposeAndRefuse();
        UUID refused = refusal.proposal();
        Matcher link = refusal.link();
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(link.group()).build().getQueryParams();
        OwnerSql.of(server).sql("update consultation_proposal set moderated_at = now() - interval '31 days' where id = ?")
                .param(refused).update();
        long before = OwnerSql.of(server).sql("select count(*) from consultation_proposal where consultation_id = ?")
                .param(made.id()).query(Long.class).single();

        MvcResult expired = mvc.perform(get(link.group())).andReturn();
        assertThat(expired.getResponse().getStatus()).isEqualTo(410);
        assertThat(expired.getResponse().getContentAsString()).contains("Ce lien de reformulation a expiré")
                .doesNotContain("Il faut voter pour mon parti", "autrice@exemple.org");
        MvcResult english = mvc.perform(get(link.group() + "&lang=en")).andReturn();
        assertThat(english.getResponse().getStatus()).isEqualTo(410);
        assertThat(english.getResponse().getContentAsString()).contains("This rephrase link has expired");
        MvcResult sent = mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("rephrase", query.getFirst("rephrase")).param("token", query.getFirst("token"))
                .param("text", "Il faut associer les maires au suivi des sortants").param("email", "autrice@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(410);
        assertThat(sent.getResponse().getContentAsString()).contains("Ce lien de reformulation a expiré",
                "Il faut associer les maires au suivi des sortants");
        assertThat(OwnerSql.of(server).sql("select count(*) from consultation_proposal where consultation_id = ?")
                .param(made.id()).query(Long.class).single()).isEqualTo(before);

        // Back within its validity, but the consultation is closed: its own message, no form.
        OwnerSql.of(server).sql("update consultation_proposal set moderated_at = now() where id = ?").param(refused).update();
        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        SecurityContextHolder.clearContext();
        MvcResult closed = mvc.perform(get(link.group())).andReturn();
        assertThat(closed.getResponse().getStatus()).isEqualTo(409);
        assertThat(closed.getResponse().getContentAsString()).contains("Cette consultation est close : ce lien de reformulation")
                .doesNotContain("Il faut voter pour mon parti", "<textarea");
        assertThat(mvc.perform(get(link.group() + "&lang=en")).andReturn().getResponse().getContentAsString())
                .contains("This consultation is closed: this rephrase link no longer works");
    }

    @Test
    void theLanguageOfThePageIsRecordedWithTheAddressAParticipantGives() throws Exception {
        MvcResult english = mvc.perform(post("/c/" + made.slug() + "/propose").param("lang", "en").with(csrf())
                .param("text", "Il faut more housing officers").param("email", "author@example.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(english.getResponse().getRedirectedUrl()).endsWith("/propose/done");
        mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("text", "Il faut plus de référents logement").param("email", "autrice@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        assertThat(OwnerSql.of(server).sql("select author_email, author_language from consultation_proposal where consultation_id = ?"
                        + " and status = 'PENDING' order by author_email").param(made.id())
                .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
                .containsExactly("author@example.org=en", "autrice@exemple.org=fr");

        Cookie participant = english.getResponse().getCookie("PASSERELLE_PARTICIPANT");
        MvcResult profile = mvc.perform(post("/c/" + made.slug() + "/profile").param("lang", "en").cookie(participant)
                .with(csrf()).param("recontact", "true").param("email", "author@example.org")).andReturn();
        assertThat(profile.getResponse().getRedirectedUrl()).endsWith("/c/" + made.slug());
        assertThat(OwnerSql.of(server).sql("select recontact_language from consultation_participant where recontact_email = ?")
                .param("author@example.org").query(String.class).single()).isEqualTo("en");
    }

    @Test
    void theJsonSequenceSignsKeysThatMakeVotesTrusted() throws Exception {
        MvcResult sequence = mvc.perform(get("/c/" + made.slug() + "/sequence.json")).andReturn();
        Cookie participant = sequence.getResponse().getCookie("PASSERELLE_PARTICIPANT");
        JsonNode shown = json.readTree(sequence.getResponse().getContentAsString()).get("proposals");
        assertThat(shown.size()).isEqualTo(12);
        JsonNode first = shown.get(0);
        // A browser proves itself once (the vote page's script does it), then its keyed votes are trusted.
        JsonNode proof = json.readTree(sequence.getResponse().getContentAsString()).get("proof");
        assertThat(mvc.perform(post("/c/" + made.slug() + "/proof").cookie(participant)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("payload",
                        ProofSolver.solve(proof.get("algorithm").asString(), proof.get("challenge").asString(),
                                proof.get("maxnumber").asLong(), proof.get("salt").asString(),
                                proof.get("signature").asString())))))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        MvcResult vote = vote(participant, first.get("id").asString(), "AGREE", first.get("key").asString(),
                List.of("LIKE_IT"));
        assertThat(vote.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(vote.getResponse().getContentAsString()).get("trusted").asBoolean()).isTrue();
        MvcResult forged = vote(participant, shown.get(1).get("id").asString(), "AGREE", "forged", null);
        assertThat(json.readTree(forged.getResponse().getContentAsString()).get("trusted").asBoolean()).isFalse();
        MvcResult wrong = vote(participant, shown.get(2).get("id").asString(), "DISAGREE",
                shown.get(2).get("key").asString(), List.of("LIKE_IT"));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(wrong.getResponse().getContentAsString()).contains("consultation.vote.qualification.wrongKey");
        MvcResult anonymous = vote(null, shown.get(3).get("id").asString(), "AGREE", "x", null);
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(400);
        // Unreadable JSON: a problem, nothing stored; a form post (what a cross-site page could
        // send) is not the JSON vote and needs a CSRF token.
        MvcResult unreadable = mvc.perform(post("/c/" + made.slug() + "/votes").cookie(participant)
                .contentType(MediaType.APPLICATION_JSON).content("{\"proposalId\": ")).andReturn();
        assertThat(unreadable.getResponse().getStatus()).isEqualTo(400);
        assertThat(unreadable.getResponse().getContentAsString()).contains("api.problem.unreadable");
        assertThat(unreadable.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        MvcResult form = mvc.perform(post("/c/" + made.slug() + "/votes").cookie(participant)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("proposalId", shown.get(3).get("id").asString())
                .param("key", "AGREE")).andReturn();
        assertThat(form.getResponse().getStatus()).isEqualTo(403);
        // The next sequence leaves out what was voted.
        JsonNode next = json.readTree(mvc.perform(get("/c/" + made.slug() + "/sequence.json").cookie(participant))
                .andReturn().getResponse().getContentAsString()).get("proposals");
        List<String> ids = new ArrayList<>();
        next.forEach(p -> ids.add(p.get("id").asString()));
        assertThat(ids).doesNotContain(first.get("id").asString(), shown.get(1).get("id").asString());
    }

    @Test
    void aParticipantVotingTooFastGets429WithAMessageInTheirLanguage() throws Exception {
        MvcResult sequence = mvc.perform(get("/c/" + made.slug() + "/sequence.json")).andReturn();
        Cookie participant = sequence.getResponse().getCookie("PASSERELLE_PARTICIPANT");
        JsonNode shown = json.readTree(sequence.getResponse().getContentAsString()).get("proposals");
        int limited = 0;
        String message = null;
        for (int i = 0; i < 60; i++) {
            JsonNode p = shown.get(i % shown.size());
            MvcResult r = mvc.perform(post("/c/" + made.slug() + "/votes").cookie(participant)
                    .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("proposalId", p.get("id").asString(),
                            "key", i % 2 == 0 ? "AGREE" : "NEUTRAL", "location", "SEQUENCE",
                            "signature", p.get("key").asString())))).andReturn();
            if (r.getResponse().getStatus() == 429) {
                limited++;
                message = r.getResponse().getContentAsString();
            }
        }
        assertThat(limited).isGreaterThan(20);
        assertThat(message).contains("Too many votes");
    }

    private MvcResult vote(Cookie participant, String proposal, String key, String signature, List<String> qualifications)
            throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("proposalId", proposal);
        body.put("key", key);
        body.put("location", "SEQUENCE");
        body.put("signature", signature);
        if (qualifications != null) {
            body.put("qualifications", qualifications);
        }
        var request = post("/c/" + made.slug() + "/votes").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        if (participant != null) {
            request.cookie(participant);
        }
        return mvc.perform(request).andReturn();
    }

    /** A proposal refused by the moderator: its author's cookie, its id and the rephrase link of the mail (found). */
    private record Refused(Cookie author, UUID proposal, Matcher link) {}

    private Refused proposeAndRefuse() throws Exception {
        MvcResult proposed = mvc.perform(post("/c/" + made.slug() + "/propose").with(csrf())
                .param("text", "Il faut voter pour mon parti au prochain scrutin").param("email", "autrice@exemple.org")
                .param("charterAccepted", "true")).andReturn();
        UUID refused = OwnerSql.of(server).sql("select id from consultation_proposal where consultation_id = ? and status = 'PENDING'")
                .param(made.id()).query(UUID.class).single();
        SignedIn.as(users, "moderatrice");
        moderation.refuse(refused, RefusalReason.PARTISAN);
        SecurityContextHolder.clearContext();
        String body = OwnerSql.of(server).sql("select body from mail_outbox where dedup_key = ?").param("refusal:" + refused)
                .query(String.class).single();
        Matcher link = Pattern.compile("/c/\\S+").matcher(body);
        assertThat(link.find()).isTrue();
        return new Refused(proposed.getResponse().getCookie("PASSERELLE_PARTICIPANT"), refused, link);
    }
}
