package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The network directory journey: the director of an association proposes a change to its public
 * profile, federation staff approve it, and the public page (no account) shows it.
 */
@PasserelleIntegrationTest
class NetworkDirectoryBrowserTest extends BrowserSupport {

    private static final String ASSOCIATION = "Association socio-judiciaire du Rhône (démo)";

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aDirectorProposesAChangeTheFederationApprovesItAndThePublicPageShowsIt() {
        signIn("directrice");
        page.navigate(url("/network/profile"));
        assertThat(page.locator("#published-profile")).containsText("04 78 60 12 34");
        assertAccessible();
        click(AriaRole.LINK, "Proposer une modification");
        assertAccessible();

        field("Téléphone").fill("04 78 60 99 00");
        field("Code postal").fill("690");
        field("Filtrer les tribunaux (nom, ville, département)").fill("bourg en bresse");
        assertThat(page.locator(".court-option:not([hidden])")).hasCount(1);
        field("Tribunal judiciaire de Bourg-en-Bresse (01 Ain)").check();
        click(AriaRole.BUTTON, "Envoyer à la fédération");
        assertThat(page.locator("#postcode-error")).hasText("Le code postal doit comporter 5 chiffres.");
        assertThat(field("Tribunal judiciaire de Bourg-en-Bresse (01 Ain)")).isChecked();
        assertAccessible();

        field("Code postal").fill("69003");
        click(AriaRole.BUTTON, "Envoyer à la fédération");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Votre modification a été envoyée à la fédération.");
        assertThat(page.locator("#pending-change")).containsText("04 78 60 99 00");
        assertThat(page.locator("#published-profile")).containsText("04 78 60 12 34");

        page.context().clearCookies();
        signIn("equipe.federale");
        page.navigate(url("/network/changes"));
        assertAccessible();
        click(AriaRole.LINK, "Examiner la modification de " + ASSOCIATION);
        assertThat(page.locator("#comparison tr[data-field=phone]")).containsText("Modifié");
        assertThat(page.locator("#comparison tr[data-field=phone] strong")).hasText("Ajouté : 04 78 60 99 00");
        assertThat(page.locator("#comparison tr[data-field=courts] strong"))
                .hasText("Ajouté : Tribunal judiciaire de Bourg-en-Bresse");
        assertThat(page.locator("#comparison tr[data-field=address]")).not().containsText("Modifié");
        assertAccessible();
        click(AriaRole.BUTTON, "Approuver et publier");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La modification est publiée.");

        page.context().clearCookies();
        page.navigate(url("/reseau/annuaire"));
        field("Rechercher (nom ou ville)").fill("rhone");
        click(AriaRole.LINK, ASSOCIATION);
        assertThat(page.locator("h1")).hasText(ASSOCIATION);
        assertThat(page.locator("#profile-contacts")).containsText("04 78 60 99 00");
        assertThat(page.locator("#profile-courts")).containsText("Tribunal judiciaire de Bourg-en-Bresse");
        assertThat(page.locator("#profile-activities")).containsText("Médiation pénale");
        assertAccessible();
    }
}
