package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.consultation.ConsultationFixture;
import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.ProposalKeys;
import fr.passerelle.consultation.Proposals;
import fr.passerelle.consultation.ResultsFixture;
import fr.passerelle.consultation.Votes;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The consultation's whole journey (issue 4), in the browser: a participant proposes, a moderator
 * refuses it with a reason, the author rephrases it from the link of the refusal mail, the
 * moderator accepts the new version (its author is mailed), another participant votes a full
 * sequence with the keyboard, the organiser runs the analysis and sees the opinion groups, then the
 * public results. axe-core checks each page.
 */
@PasserelleIntegrationTest
class ConsultationJourneyBrowserTest extends BrowserSupport {

    private static final String REFUSED = "Il faut voter pour mon parti aux prochaines élections";
    private static final String REPHRASED = "Il faut associer les élus locaux au suivi des sortants";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/c/\\S+)");

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Votes votes;
    @Autowired ProposalKeys keys;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    @Test
    void proposeRefuseRephraseAcceptVoteAnalyseAndPublish() {
        ConsultationFixture.Made made = ConsultationFixture.published(users, consultations, participants, proposals, 11);

        // A participant proposes.
        page.navigate(url("/c/" + made.slug()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Faire une proposition")).click();
        page.getByLabel("Votre proposition").fill(REFUSED);
        page.getByLabel("Adresse électronique").fill("autrice@exemple.org");
        page.getByLabel("J’ai lu et j’accepte la charte de modération").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma proposition")).click();
        assertThat(page.locator("h1")).hasText("Merci pour votre proposition");
        UUID refused = db().sql("select id from consultation_proposal where consultation_id = ? and status = 'PENDING'")
                .param(made.id()).query(UUID.class).single();
        // The author's identity on this browser (the signed participant cookie), kept for later.
        List<Cookie> author = page.context().cookies();

        // A moderator takes it from the queue and refuses it with a reason of the charter.
        page.context().clearCookies();
        signIn("moderatrice");
        page.navigate(url("/moderation/" + made.id()));
        assertThat(page.locator("#queue")).containsText(REFUSED);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre la suivante")).click();
        assertThat(page.locator("#proposal-text")).hasText(REFUSED);
        page.getByLabel("Motif de refus").selectOption("PARTISAN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refuser")).click();
        assertThat(page.locator(".alert-success")).containsText("Proposition refusée");
        Map<String, Object> refusal = db().sql("select recipient, body from mail_outbox where dedup_key = ?")
                .param("refusal:" + refused).query().singleRow();
        org.assertj.core.api.Assertions.assertThat(refusal.get("recipient")).isEqualTo("autrice@exemple.org");
        org.assertj.core.api.Assertions.assertThat((String) refusal.get("body")).contains(REFUSED, "Motif : Partisane");
        Matcher link = LINK.matcher((String) refusal.get("body"));
        org.assertj.core.api.Assertions.assertThat(link.find()).as("rephrase link in the mail").isTrue();

        // Back on the author's browser: "my proposals" says why, and the mail's link opens the refused text.
        page.context().clearCookies();
        page.context().addCookies(author);
        page.navigate(url("/c/" + made.slug() + "/mine"));
        assertThat(page.locator("#my-proposals")).containsText("Refusée");
        assertThat(page.locator("#my-proposals")).containsText("Motif : Partisane");
        assertThat(page.locator("#my-proposals").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Reformuler"))).isVisible();
        assertAccessible();
        page.navigate(url(link.group(1)));
        assertThat(page.locator("h1")).hasText("Reformuler ma proposition");
        assertThat(page.locator("#rephrasing")).containsText("motif : Partisane");
        assertThat(page.getByLabel("Votre proposition")).hasValue(REFUSED);
        assertAccessible();
        page.getByLabel("Votre proposition").fill(REPHRASED);
        page.getByLabel("J’ai lu et j’accepte la charte de modération").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma proposition")).click();
        assertThat(page.locator("h1")).hasText("Merci pour votre proposition");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes propositions")).click();
        assertThat(page.locator("#my-proposals")).containsText(REPHRASED);
        assertThat(page.locator("#my-proposals")).containsText("Vous l’avez reformulée");
        assertThat(page.locator("#my-proposals").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Reformuler"))).hasCount(0);
        assertAccessible();
        UUID rephrased = db().sql("select id from consultation_proposal where rephrases = ? and status = 'PENDING'")
                .param(refused).query(UUID.class).single();

        // The moderator sees it is a rephrasing, and accepts it.
        page.context().clearCookies();
        signIn("moderatrice");
        page.navigate(url("/moderation/" + made.id()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre la suivante")).click();
        assertThat(page.locator("#proposal-text")).hasText(REPHRASED);
        assertThat(page.locator("#rephrased-from")).containsText("Partisane");
        assertThat(page.locator("#rephrased-from")).containsText(REFUSED);
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter")).click();
        assertThat(page.locator(".alert-success")).containsText("Proposition acceptée");
        Map<String, Object> acceptance = db().sql("select recipient, body from mail_outbox where dedup_key = ?")
                .param("acceptance:" + rephrased).query().singleRow();
        org.assertj.core.api.Assertions.assertThat(acceptance.get("recipient")).isEqualTo("autrice@exemple.org");
        org.assertj.core.api.Assertions.assertThat((String) acceptance.get("body")).contains(REPHRASED, "publiée",
                "/c/" + made.slug());

        // Another participant votes a full sequence, keyboard only.
        page.context().clearCookies();
        page.navigate(url("/c/" + made.slug() + "/vote"));
        // Votes go through htmx once it has set the page up (before that, a vote reloads the page:
        // the path without JavaScript, not what this journey checks).
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        Locator cards = page.locator("article.proposal-card");
        assertThat(cards).hasCount(12);
        assertThat(page.locator(".proposal-cards")).containsText(REPHRASED);
        String[] choices = {"D’accord", "Pas d’accord", "Neutre"};
        for (int i = 0; i < 12; i++) {
            Locator card = page.locator("#" + cards.nth(i).getAttribute("id"));
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(choices[i % 3]).setExact(true)).focus();
            page.keyboard().press("Enter");
            assertThat(card.locator(".vote-key[aria-pressed=true]")).hasText(choices[i % 3]);
            assertThat(card.getByRole(AriaRole.STATUS)).hasText("Vote enregistré.");
        }
        assertAccessible();
        long sequenceVotes = db().sql("""
                select coalesce(sum(k.agree + k.disagree + k.neutral), 0) from consultation_proposal_counter k
                join consultation_proposal p on p.id = k.proposal_id where p.consultation_id = ? and k.kind = 'SEQUENCE'""")
                .param(made.id()).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(sequenceVotes).isEqualTo(12);

        // Enough voters for opinion groups (two camps, through the real vote path), then the organiser's analysis.
        ResultsFixture.twoCamps(made, 30, consultations, participants, votes, keys);
        page.context().clearCookies();
        signIn("organisateur");
        page.navigate(url("/consultations/" + made.id() + "/results"));
        assertThat(page.locator("#analysis")).containsText("Aucune analyse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer l’analyse")).click();
        assertThat(page.locator("#analysis-done")).containsText("2 groupe(s)",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#groups tbody tr")).hasCount(2);
        assertThat(page.locator("#opinion-map circle")).hasCount(31);
        assertAccessible();

        // Closed and results published (through the services), the public results page.
        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        consultations.publishResults(made.id());
        SecurityContextHolder.clearContext();
        page.context().clearCookies();
        page.navigate(url("/c/" + made.slug() + "/results"));
        assertThat(page.locator("h1")).hasText("Résultats de la consultation");
        assertThat(page.locator("#groups tbody tr")).hasCount(2);
        assertAccessible();
    }

    private JdbcClient db() {
        return OwnerSql.of(server);
    }
}
