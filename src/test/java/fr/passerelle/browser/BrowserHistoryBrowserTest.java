package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Person searches leave no personal data in the browser's storage (htmx keeps no page snapshots
 * in sessionStorage), and going back to an earlier search shows the whole page again, with its
 * navigation, as the server sends it.
 */
@PasserelleIntegrationTest
class BrowserHistoryBrowserTest extends BrowserSupport {

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void createPerson(String lastName, String firstName, String birthDate) {
        page.navigate(url("/persons/new"));
        field("Nom").fill(lastName);
        field("Prénom").fill(firstName);
        field("Date de naissance").fill(birthDate);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La personne a été créée.");
    }

    private void search(String text, String expectedRow) {
        page.getByLabel("Rechercher par nom").fill(text);
        assertThat(page).hasURL(Pattern.compile(".*q=" + text.replace(" ", "%20") + ".*"));
        assertThat(page.locator("#results")).containsText(expectedRow);
    }

    @Test
    void personSearchesLeaveNoPersonalDataInSessionStorageAndBackShowsTheWholePage() {
        signIn("intervenant");
        createPerson("Aubertin", "Maëlys", "1984-03-12");
        createPerson("Aubertin", "Corentin", "1979-11-02");

        page.navigate(url("/persons"));
        search("aubertin", "Aubertin Maëlys");
        search("aubertin m", "12/03/1984");
        search("aubertin c", "02/11/1979");
        search("aubertin co", "Aubertin Corentin");

        Object stored = page.evaluate("() => JSON.stringify(Object.entries(sessionStorage))");
        Assertions.assertThat((String) stored).as("sessionStorage")
                .doesNotContain("htmx-history-cache").doesNotContain("Aubertin").doesNotContain("1984")
                .doesNotContain("1979");

        page.goBack();
        assertThat(page).hasURL(Pattern.compile(".*q=aubertin%20c(&.*)?$"));
        assertThat(page.locator("#main-nav")).isVisible();
        assertThat(menu("followUp").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Portefeuilles").setExact(true))).isVisible();
        assertThat(page.locator("#results")).containsText("Aubertin Corentin");
        assertThat(page.locator("#results")).not().containsText("Aubertin Maëlys");
        assertThat(page.locator("header")).hasCount(1);
        assertAccessible();

        Object afterBack = page.evaluate("() => JSON.stringify(Object.entries(sessionStorage))");
        Assertions.assertThat((String) afterBack).doesNotContain("Aubertin");
    }
}
