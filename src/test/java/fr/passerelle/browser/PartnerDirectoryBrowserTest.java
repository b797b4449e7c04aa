package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The partner directory journey: the service head searches the directory with and without accents,
 * adds a CHRS with a site and a contact and records its partnership level; a case worker logs an
 * exchange with it, which the service head then reviews.
 */
@PasserelleIntegrationTest
class PartnerDirectoryBrowserTest extends BrowserSupport {

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void theServiceHeadAddsACHRSAndReviewsTheExchangeACaseWorkerLogged() {
        String name = "CHRS Les Écluses " + Long.toString(System.nanoTime(), 36);
        signIn("cheffe.service");
        follow("followUp", "Partenaires");
        field("Rechercher par nom (accents ignorés)").fill("etape villeurbanne");
        assertThat(page.locator("#partners tbody tr")).hasCount(1);
        assertThat(page.locator("#partners")).containsText("CHRS L’Étape – Villeurbanne");
        field("Rechercher par nom (accents ignorés)").fill("ÉTAPE");
        assertThat(page.locator("#partners")).containsText("CHRS L’Étape – Villeurbanne");
        field("Rechercher par nom (accents ignorés)").fill("aucun partenaire de ce nom");
        assertThat(page.locator(".empty-state")).isVisible();
        assertAccessible();

        click(AriaRole.LINK, "Nouveau partenaire");
        field("Nom").fill(name);
        field("Type de structure").selectOption("CHRS");
        field("Site web").fill("www.sans-protocole.fr");
        click(AriaRole.BUTTON, "Enregistrer");
        assertThat(page.locator("#website-error")).hasText("L’adresse du site web doit commencer par http:// ou https://.");
        assertAccessible();
        field("Site web").fill("");
        click(AriaRole.BUTTON, "Enregistrer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le partenaire est ajouté à l’annuaire.");
        assertThat(page.locator("h1")).containsText(name);

        page.locator("#add-site summary").click();
        field("Nom du site").fill("Foyer de Vaise");
        field("Adresse").fill("12 rue de Bourgogne");
        field("Code postal").fill("69009");
        field("Commune").fill("Lyon");
        field("Latitude").fill("45,7745");
        field("Longitude").fill("4,8049");
        page.locator("#add-site button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le site est ajouté.");
        assertThat(page.locator("#site-list")).containsText("Département 69");

        page.locator("#add-contact summary").click();
        field("Nom et prénom").fill("Odile Marchetti");
        field("Fonction").fill("Cheffe de service");
        field("Site").selectOption("Foyer de Vaise");
        page.locator("#add-contact button[type=submit]").click();
        assertThat(page.locator("#contact-list")).containsText("Odile Marchetti");

        field("Niveau de partenariat").selectOption("4");
        field("Commentaire").fill("Travail conjoint sur les sorties");
        click(AriaRole.BUTTON, "Enregistrer");
        assertThat(page.locator("#current-level")).containsText("4 – Travail conjoint");
        assertThat(page.locator("#level-history")).containsText("Nadia Benali");
        assertAccessible();
        String partnerPage = page.url().replaceAll("#.*$", "");

        page.context().clearCookies();
        signIn("intervenant");
        page.navigate(partnerPage);
        assertThat(page.locator("#level-form")).hasCount(0);
        field("Type d’échange").selectOption("MEETING");
        field("Résumé").fill("Visite du foyer avec la personne accompagnée");
        click(AriaRole.BUTTON, "Enregistrer l’échange");
        assertThat(page.locator("#exchange-list")).containsText("À relire");

        page.context().clearCookies();
        signIn("cheffe.service");
        page.navigate(url("/partners/exchanges/review"));
        assertAccessible();
        click(AriaRole.BUTTON, "Marquer comme relu l’échange avec " + name);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’échange est marqué comme relu.");
        page.navigate(partnerPage);
        assertThat(page.locator("#exchange-list")).containsText("Relu par Nadia Benali");
    }
}
