package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The forum: a member starts a thread, another quotes it in a reply mentioning her, she chooses a
 * daily digest and reports a post, the federation's staff hide it and lock the thread, and the
 * member sees the reason and no reply form.
 */
@PasserelleIntegrationTest
class ForumBrowserTest extends BrowserSupport {

    @org.springframework.beans.factory.annotation.Autowired
    fr.passerelle.shared.db.EmbeddedPostgresServer server;

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aThreadIsStartedQuotedReportedModeratedAndLocked() {
        String title = "Accueil des stagiaires " + UUID.randomUUID().toString().substring(0, 6);
        signIn("directrice");
        page.navigate(url("/network/forum"));
        assertAccessible();
        click(AriaRole.LINK, "Pratiques professionnelles");
        page.getByLabel("Titre du sujet").fill(title);
        page.getByLabel("Message").fill("Comment accueillez-vous **les stagiaires** ?");
        assertAccessible();
        click(AriaRole.BUTTON, "Ouvrir le sujet");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sujet ouvert.");
        assertThat(page.locator("#post-1 strong").last()).hasText("les stagiaires");
        String thread = page.url();

        page.context().clearCookies();
        signIn("admin.marseille");
        page.navigate(thread);
        click(AriaRole.LINK, "Citer");
        assertThat(page.getByLabel("Message")).hasValue(java.util.regex.Pattern.compile("^> \\*\\*Hélène Rousseau\\*\\*"));
        page.getByLabel("Message").press("End");
        page.getByLabel("Message").pressSequentially("Avec un livret d’accueil, @directrice.");
        click(AriaRole.BUTTON, "Publier la réponse");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Réponse publiée.");
        assertThat(page.locator("#post-2")).containsText("En réponse au message n° 1");
        assertThat(page.locator("#post-2 blockquote")).containsText("Comment accueillez-vous");
        assertThat(page.locator("#post-2 .mention")).hasText("@directrice");
        assertAccessible();

        page.context().clearCookies();
        signIn("directrice");
        chooseMails("Un résumé quotidien des nouveaux messages des sujets que je suis");
        page.navigate(thread);
        page.locator("#post-2 summary").click();
        page.locator("#post-2").getByPlaceholder("Motif du signalement").fill("Doublon.");
        click(AriaRole.BUTTON, "Signaler à la modération");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Signalement envoyé à la modération.");

        page.context().clearCookies();
        signIn("equipe.federale");
        // The federation's home counts the reports waiting for a moderator.
        long open = fr.passerelle.OwnerSql.of(server).sql("select count(*) from forum_report where resolved_at is null")
                .query(Long.class).single();
        assertThat(page.locator("#summary-reported-posts")).hasText(
                open == 1 ? "1 message signalé au forum" : open + " messages signalés au forum");
        page.navigate(url("/network/forum/reports"));
        assertThat(page.locator("#forum-reports")).containsText(title);
        assertAccessible();
        page.locator("#forum-reports li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Masquer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Message masqué.");
        page.navigate(thread);
        page.getByLabel("Motif du verrouillage").fill("Question traitée.");
        click(AriaRole.BUTTON, "Verrouiller le sujet");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sujet verrouillé.");

        page.context().clearCookies();
        signIn("directrice");
        page.navigate(thread);
        assertThat(page.locator("#post-2")).containsText("Message masqué par la modération : Doublon.");
        assertThat(page.locator("#post-2")).not().containsText("livret d’accueil");
        assertThat(page.locator("#forum-locked")).containsText("Question traitée.");
        assertThat(page.locator("#reply")).hasCount(0);
        assertAccessible();
        chooseMails("Un courriel à chaque réponse dans les sujets que je suis");
    }

    /** Chooses the forum mails on the forum's home page, and sees the choice kept. */
    private void chooseMails(String choice) {
        page.navigate(url("/network/forum"));
        page.getByLabel(choice).check();
        click(AriaRole.BUTTON, "Enregistrer mon choix");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Votre choix de courriels du forum est enregistré.");
        assertThat(page.getByLabel(choice)).isChecked();
    }
}
