package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/** A case worker creates and revokes an API token; an association administrator explores the API in Swagger UI. */
@PasserelleIntegrationTest
class ApiTokensBrowserTest extends BrowserSupport {

    @Test
    void aCaseWorkerCreatesThenRevokesAToken() {
        signIn("intervenant");
        follow("account", "Jetons d’API");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Jetons d’API"))).isVisible();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un jeton")).click();
        assertThat(page.locator("#token-name-error")).hasText("Donnez un nom au jeton (100 caractères au plus).");
        assertAccessible();

        page.getByLabel("Nom du jeton (usage, logiciel)").fill("Tableur du service");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un jeton")).click();
        assertThat(page.getByLabel("Nouveau jeton « Tableur du service »")).hasValue(java.util.regex.Pattern.compile("^psr_.{43}$"));
        assertThat(page.locator("table")).containsText("Tableur du service");
        assertAccessible();

        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le jeton « Tableur du service »"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le jeton est révoqué.");
        assertThat(page.locator("main")).not().containsText("Tableur du service");
    }

    @Test
    void anAssociationAdministratorExploresTheApiWithoutBreakingTheContentSecurityPolicy() {
        signIn("admin.asso");
        page.navigate(url("/account/tokens"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Explorer l’API (Swagger UI)")).click();
        assertThat(page.locator(".swagger-ui .info .title")).containsText("Passerelle API",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("[data-path='/api/v1/measures/{id}/actions']").first()).isVisible();
    }
}
