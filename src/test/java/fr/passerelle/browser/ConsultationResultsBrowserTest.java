package fr.passerelle.browser;

import fr.passerelle.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A moderator refuses a proposal with a reason (the author's mail lands in the outbox), the
 * organiser sees participation over time, runs the analysis from the results dashboard, sees the
 * opinion groups and splits the votes by département, plans, changes and cancels a workshop
 * session, then the public results page once published. axe-core checks each page.
 */
@PasserelleIntegrationTest
class ConsultationResultsBrowserTest extends BrowserSupport {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Votes votes;
    @Autowired ProposalKeys keys;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    @Test
    void aModeratorRefusesTheOrganiserAnalysesAndThePublicSeesTheGroups() {
        ConsultationFixture.Made made = ConsultationFixture.published(users, consultations, participants, proposals, 12);
        // 12 voters from the Rhône, 12 from the Bouches-du-Rhône, 3 from Paris (too few to be shown), 3 silent.
        ResultsFixture.twoCamps(made, 30, p -> p < 12 ? "69" : p < 24 ? "13" : p < 27 ? "75" : null, consultations,
                participants, votes, keys);
        UUID refused = ResultsFixture.pending(made, "Il faut acheter mes chaussures en promotion", "vendeur@exemple.org",
                consultations, participants, proposals);

        signIn("moderatrice");
        page.navigate(url("/moderation/" + made.id()));
        assertThat(page.locator("#queue")).containsText("Il faut acheter mes chaussures");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre la suivante")).click();
        assertThat(page.locator("#proposal-text")).hasText("Il faut acheter mes chaussures en promotion");
        assertThat(page.locator("#lock-status")).containsText("vous est réservée");
        assertAccessible();
        page.getByLabel("Motif de refus").selectOption("ADVERTISING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refuser")).click();
        assertThat(page.locator(".alert-success")).containsText("Proposition refusée");
        Map<String, Object> mail = OwnerSql.of(server)
                .sql("select recipient, body from mail_outbox where dedup_key = ?").param("refusal:" + refused)
                .query().singleRow();
        org.assertj.core.api.Assertions.assertThat(mail.get("recipient")).isEqualTo("vendeur@exemple.org");
        org.assertj.core.api.Assertions.assertThat((String) mail.get("body")).contains("Publicitaire");

        page.context().clearCookies();
        signIn("organisateur");
        page.navigate(url("/consultations/" + made.id() + "/results"));
        assertThat(page.locator("#analysis")).containsText("Aucune analyse");
        // Participation over time: the chart (ECharts draws a canvas) and the same figures in a table.
        assertThat(page.locator("#participation-chart canvas")).isVisible();
        assertThat(page.locator("#participation-chart")).hasAttribute("aria-label",
                java.util.regex.Pattern.compile("\\d+ participant\\(e\\)s, 13 propositions et 360 votes au total"));
        assertThat(page.locator("#per-day")).not().isVisible();
        page.locator("#per-day-details summary").click();
        assertThat(page.locator("#per-day")).isVisible();
        assertThat(page.locator("#per-day tbody tr").last()).containsText("360");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lancer l’analyse")).click();
        assertThat(page.locator("#analysis-done")).containsText("2 groupe(s)",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#groups tbody tr")).hasCount(2);
        assertThat(page.locator("#opinion-map circle")).hasCount(30);
        assertThat(page.locator("#splits")).containsText("Professionnel(le)s");
        assertAccessible();
        // Split by département instead: the section is swapped in place; Paris has too few voters to be shown.
        page.getByLabel("Répartir les votes selon la question").selectOption("DEPARTEMENT");
        assertThat(page.locator("#splits thead")).containsText("Département 69");
        assertThat(page.locator("#splits thead")).containsText("Département 13");
        assertThat(page.locator("#splits thead")).not().containsText("Département 75");
        assertThat(page.locator("#splits thead")).not().containsText("Professionnel(le)s");
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("split=DEPARTEMENT");
        assertThat(page.locator("#opinion-map")).isVisible();
        assertAccessible();

        // Workshops: an idea from the results, a solution sheet.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ateliers")).click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retenir")).click();
        assertThat(page.locator("#ideas li")).hasCount(1);
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill("Un référent logement par sortant");
        page.getByLabel("Problème").fill("Les sortants de détention n’ont pas de logement.");
        page.getByLabel("Solution proposée").fill("Un référent logement dans chaque SPIP.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la fiche")).click();
        assertThat(page.locator("#sheets")).containsText("Un référent logement par sortant");
        assertAccessible();

        // A session planned, moved to another place, then cancelled after a confirmation.
        page.getByLabel("Intitulé").fill("Atelier logement");
        page.getByLabel("Date et heure").fill(java.time.LocalDate.now(TestDates.PARIS).plusDays(20) + "T14:00");
        page.getByLabel("Lieu").fill("Lyon");
        page.getByLabel("Places").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Planifier")).click();
        assertThat(page.locator("#sessions")).containsText("Atelier logement");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier la session « Atelier logement »")).click();
        assertThat(page.getByLabel("Lieu")).hasValue("Lyon");
        page.getByLabel("Lieu").fill("Villeurbanne");
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la session")).click();
        assertThat(page.locator(".alert-success")).containsText("Session modifiée");
        assertThat(page.locator("#sessions")).containsText("Villeurbanne");
        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler la session « Atelier logement »")).click();
        assertThat(page.locator(".alert-success")).containsText("Session annulée");
        assertThat(page.locator("#sessions")).containsText("annulée le");
        assertAccessible();

        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        consultations.publishResults(made.id());
        SecurityContextHolder.clearContext();
        page.context().clearCookies();
        page.navigate(url("/c/" + made.slug() + "/results"));
        assertThat(page.locator("h1")).hasText("Résultats de la consultation");
        assertThat(page.locator("#groups tbody tr")).hasCount(2);
        // Two camps agreeing on nothing: no consensus, every voted proposal divides; the page is the
        // moment of publication.
        assertThat(page.locator("#top-consensus-none")).hasText("Aucune proposition ne fait consensus pour l’instant.");
        assertThat(page.locator("#top-controversies")).containsText("Il faut une idée numéro");
        assertThat(page.locator("#snapshot")).containsText("Résultats arrêtés le");
        assertAccessible();
    }
}
