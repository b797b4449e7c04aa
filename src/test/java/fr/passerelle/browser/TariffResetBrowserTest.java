package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/** The administrator puts a tariff back to "to be set": asked first, nothing changes when cancelled. */
@PasserelleIntegrationTest
class TariffResetBrowserTest extends BrowserSupport {

    private static final String TYPE = "Stage de lutte contre le sexisme";

    @Test
    void aTariffIsResetOnlyOnceConfirmed() {
        signIn("admin.asso");
        follow("management", "Catalogue des mesures");
        page.getByLabel("Rechercher un type (libellé ou code)").fill("sexisme");
        Locator row = page.locator("#catalogue tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("150,00");
        Locator reset = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Remettre à définir le tarif de " + TYPE));

        page.onceDialog(dialog -> dialog.dismiss());
        reset.click();
        assertThat(row).containsText("150,00");

        page.onceDialog(dialog -> dialog.accept());
        reset.click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Le tarif est remis à définir");
        Locator after = page.locator("#catalogue tbody tr", new Page.LocatorOptions().setHasText(TYPE));
        assertThat(after).containsText("Tarif à renseigner");
        assertThat(after.locator(".tariff-reset")).hasCount(0);
        assertAccessible();

        // The tariff set again, from the type's page.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TYPE)).click();
        page.getByLabel("Tarif (€)", new Page.GetByLabelOptions().setExact(true)).fill("150");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        assertThat(page.locator("#catalogue")).containsText("150,00");
    }
}
