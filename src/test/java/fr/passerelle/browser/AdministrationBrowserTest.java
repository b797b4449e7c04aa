package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/** The administrators' journeys: services and users of an association; organisations, courts and audit for the federation. */
@PasserelleIntegrationTest
class AdministrationBrowserTest extends BrowserSupport {

    private com.microsoft.playwright.Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void anAssociationAdministratorCreatesAServiceAndAUser() {
        signIn("admin.asso");
        page.navigate(url("/admin/services"));
        assertAccessible();
        field("Nouveau service").fill("Service de test navigateur");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le service a été créé.");

        page.navigate(url("/admin/users/new"));
        assertAccessible();
        field("Identifiant").fill("nouvel.intervenant");
        field("Nom affiché").fill("Nora Petit");
        field("Courriel").fill("nora.petit@example.org");
        field("Service").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Service de test navigateur"));
        field("Mot de passe").fill("court");
        field("Intervenant(e) socio-judiciaire").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#password-error")).hasText("Le mot de passe doit contenir au moins 12 caractères.");

        field("Mot de passe").fill("Un-mot-de-passe-solide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’utilisateur a été créé.");

        page.navigate(url("/admin/users"));
        field("Rechercher (nom, identifiant, courriel)").fill("Nora");
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results")).containsText("Service de test navigateur");
        assertAccessible();
    }

    @Test
    void theFederationAdministratorManagesOrganisationsCourtsAndVerifiesTheAuditTrail() {
        signIn("admin.federation");
        assertThat(page.locator("#regions-chart canvas")).isVisible();
        assertThat(page.locator("table[aria-labelledby=network-title] tbody tr")).hasCount(9);
        assertAccessible();

        page.navigate(url("/admin/organisations/new"));
        field("Nom").fill("Association de test navigateur");
        field("Ville").fill("Dijon");
        field("Département").fill("21");
        field("Identifiant").fill("admin.test.navigateur");
        field("Nom affiché").fill("Agnès Roy");
        field("Courriel").fill("agnes.roy@example.org");
        field("Mot de passe").fill("Un-mot-de-passe-solide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’organisation a été créée avec son administrateur.");
        assertAccessible();

        page.navigate(url("/reference/courts?q=Dijon"));
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier Tribunal judiciaire de Dijon")).click();
        field("Latitude").fill("abc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#latitude-error")).isVisible();
        field("Latitude").fill("47.3220");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La juridiction a été modifiée.");

        page.navigate(url("/reference/courts-of-appeal"));
        assertThat(page.locator("tbody tr")).hasCount(36);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier Cour d'appel de Dijon")).click();
        field("Ville siège").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#seatCity-error")).hasText("Indiquez la ville siège.");
        field("Ville siège").fill("Dijon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La juridiction a été modifiée.");

        page.navigate(url("/admin/audit"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier l’intégrité de la chaîne")).click();
        assertThat(page.locator("#audit-verification")).containsText("Chaîne intègre");
        assertThat(page.locator("table")).containsText("court.corrected");
        assertAccessible();
    }
}
