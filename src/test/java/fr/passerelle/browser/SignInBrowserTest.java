package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/** Signing in and out in a real browser, in French and in English. */
@PasserelleIntegrationTest
class SignInBrowserTest extends BrowserSupport {

    @Test
    void showsTheFrenchLoginPageToAnAnonymousVisitor() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion"))).isVisible();
        assertAccessible();
    }

    @Test
    void refusesAWrongPasswordWithAMessageInFrench() {
        signIn("directrice", "Mauvais-mot-de-passe");
        assertThat(page.locator("#login-error")).hasText("Identifiant ou mot de passe incorrect.");
    }

    @Test
    void makesTheLoginNameWaitAfterThreeFailures() {
        for (int i = 0; i < 3; i++) {
            signIn("utilisateur.inconnu", "Mauvais-mot-de-passe-" + i);
            assertThat(page.locator("#login-error")).isVisible();
        }
        signIn("utilisateur.inconnu", "Mauvais-mot-de-passe-4");
        assertThat(page.locator("#login-throttled")).containsText("Trop de tentatives");
    }

    @Test
    void signsInToTheHomePageAndSignsOut() {
        signIn("admin.asso");
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bonjour Julien Moreau")))
                .isVisible();
        assertThat(menu("administration").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Utilisateurs").setExact(true))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        assertThat(page.locator("#login-logged-out")).hasText("Vous êtes déconnecté(e).");
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void switchesToEnglishAndBack() {
        page.navigate(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        // The choice is remembered on the next page.
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion"))).isVisible();
    }
}
