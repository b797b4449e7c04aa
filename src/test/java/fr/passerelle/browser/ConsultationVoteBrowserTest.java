package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.consultation.ConsultationFixture;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.Proposals;
import fr.passerelle.consultation.Sequences;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The public journey without an account: landing page, a proposal (accepted by a moderator in the
 * setup), then another anonymous participant votes a full sequence of 12 with the keyboard only.
 * axe-core checks every public page.
 */
@PasserelleIntegrationTest
class ConsultationVoteBrowserTest extends BrowserSupport {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Sequences sequences;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    @Test
    void aParticipantProposesAndAnotherVotesAFullSequenceWithTheKeyboard() {
        ConsultationFixture.Made made = ConsultationFixture.published(users, consultations, participants, proposals, 11);
        page.navigate(url("/c/" + made.slug()));
        assertThat(page.locator("h1")).hasText("Comment mieux accompagner la réinsertion ?");
        assertThat(page.locator(".consultation-counters")).containsText("propositions");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Faire une proposition")).click();
        assertAccessible();
        page.getByLabel("Votre proposition").fill("Il faut un accompagnement vers le logement dès la sortie");
        page.getByLabel("Adresse électronique").fill("autrice@exemple.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma proposition")).click();
        assertThat(page.locator("#charterAccepted-error")).containsText("Acceptez la charte");
        assertAccessible();
        page.getByLabel("J’ai lu et j’accepte la charte de modération").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma proposition")).click();
        assertThat(page.locator("h1")).hasText("Merci pour votre proposition");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes propositions")).click();
        assertThat(page.locator("#my-proposals")).containsText("En attente de modération");
        assertAccessible();

        UUID proposed = OwnerSql.of(server).sql("select id from consultation_proposal where consultation_id = ? and status = 'PENDING'")
                .param(made.id()).query(UUID.class).single();
        SignedIn.as(users, "moderatrice");
        proposals.accept(proposed);
        SecurityContextHolder.clearContext();
        sequences.refresh(made.id());

        // Another anonymous participant.
        page.context().clearCookies();
        page.navigate(url("/c/" + made.slug() + "/vote"));
        // Votes go through htmx once it has set the page up (without it, a vote reloads the page,
        // which is the fallback without JavaScript, not what this journey checks).
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        Locator cards = page.locator("article.proposal-card");
        assertThat(cards).hasCount(12);
        assertAccessible();
        for (int i = 0; i < 12; i++) {
            Locator card = page.locator("#" + cards.nth(i).getAttribute("id"));
            String[] keys = {"D’accord", "Pas d’accord", "Neutre"};
            // Keyboard only: focus the button (as Tab would) and press Enter.
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(keys[i % 3]).setExact(true)).focus();
            page.keyboard().press("Enter");
            assertThat(card.getByRole(AriaRole.STATUS)).hasText("Vote enregistré.");
            assertThat(card.locator(".vote-key[aria-pressed=true]")).hasText(keys[i % 3]);
            if (i == 0) {
                // The focus has moved to the qualifications of that vote. htmx sets up the swapped-in
                // card (its qualification form) only when it settles, 20 ms after the swap: Enter
                // before that submits the form without htmx (a full page load to a new sequence), so
                // wait until the card has settled (htmx removes its htmx-added/htmx-settling classes).
                assertThat(card).not().hasClass(java.util.regex.Pattern.compile("htmx-(added|settling)"));
                assertThat(card.locator(".qualification").first()).isFocused();
                page.keyboard().press("Enter");
                assertThat(card.locator(".qualification[aria-pressed=true]")).hasText("Coup de cœur");
            }
        }
        assertAccessible();
        long sequenceVotes = OwnerSql.of(server).sql("""
                select coalesce(sum(k.agree + k.disagree + k.neutral), 0) from consultation_proposal_counter k
                join consultation_proposal p on p.id = k.proposal_id where p.consultation_id = ? and k.kind = 'SEQUENCE'""")
                .param(made.id()).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(sequenceVotes).isEqualTo(12);
        long likeIt = OwnerSql.of(server).sql("""
                select coalesce(sum(k.like_it), 0) from consultation_proposal_counter k
                join consultation_proposal p on p.id = k.proposal_id where p.consultation_id = ? and k.kind = 'SEQUENCE'""")
                .param(made.id()).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(likeIt).isEqualTo(1);
        // The browser proved itself (the proof of work of the page's script), once.
        assertThat(page.locator("#participant-proof")).hasAttribute("data-state", "proven");
        org.assertj.core.api.Assertions.assertThat(OwnerSql.of(server).sql(
                "select count(*) from consultation_participant where consultation_id = ? and proof = 'POW'")
                .param(made.id()).query(Long.class).single()).isEqualTo(1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Propositions suivantes")).click();
        assertThat(page.locator(".empty-state")).containsText("Vous avez voté sur toutes les propositions");
        page.navigate(url("/c/" + made.slug() + "/profile"));
        assertAccessible();
        page.getByLabel("Votre département").fill("69");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Vos réponses sont enregistrées. Merci !");
    }

    @Test
    void anOrganiserCreatesAndPublishesAConsultation() {
        signIn("organisateur");
        page.navigate(url("/consultations"));
        assertThat(page.locator("h1")).hasText("Consultations");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouvelle consultation")).click();
        assertAccessible();
        String slug = ConsultationFixture.uniqueSlug("navigateur");
        page.getByLabel("Question posée").fill("Comment associer les familles à la réinsertion ?");
        page.getByLabel("Adresse publique (/c/…)").fill("Pas Valide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#slug-error")).containsText("lettres minuscules");
        assertAccessible();
        page.getByLabel("Adresse publique (/c/…)").fill(slug);
        page.getByLabel("Thèmes").fill("Liens familiaux\nLogement");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Consultation enregistrée.");
        assertThat(page.locator("#lifecycle")).containsText("Brouillon");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier (ouvrir aux participant(e)s)")).click();
        assertThat(page.locator("#lifecycle")).containsText("Ouverte");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir la page publique")).click();
        assertThat(page.locator("h1")).hasText("Comment associer les familles à la réinsertion ?");
    }
}
