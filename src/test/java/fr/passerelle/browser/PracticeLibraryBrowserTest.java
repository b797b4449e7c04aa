package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The good-practice library as a case worker uses it (search "chantier" and "violences
 * conjugales", a facet, a sheet read and printed, two sheets compared) and as the federation keeps
 * it (a new sheet published, then edited into a second version kept in its history). axe-core checks
 * each page.
 */
@PasserelleIntegrationTest
class PracticeLibraryBrowserTest extends BrowserSupport {

    @Test
    void aCaseWorkerSearchesReadsPrintsAndComparesSheets() throws Exception {
        signIn("intervenant");
        follow("network", "Bonnes pratiques");
        assertThat(page.locator("h1")).hasText("Bibliothèque des bonnes pratiques");
        assertAccessible();
        String count = page.locator("#results > p").first().textContent();
        page.locator("#facet-axis").getByText("Tranquillité publique").click();
        assertThat(page.locator("#practice-results > li").first()).containsText("Tranquillité publique");
        assertThat(page.locator("#results > p").first()).not().hasText(count);
        page.locator("#facet-axis").getByText("Tranquillité publique").click();
        assertThat(page.locator("#results > p").first()).hasText(count);

        page.locator("#q").fill("chantier");
        Locator first = page.locator("#practice-results > li").first();
        assertThat(first.locator("h2")).hasText("Chantier passerelle");
        assertThat(first.locator("mark").first()).isVisible();

        page.locator("#q").fill("violences conjugales");
        assertThat(page.locator("#practice-results > li").first()).containsText("Violences faites aux femmes");
        assertAccessible();

        page.locator("#practice-results > li h2 a").first().click();
        assertThat(page.locator("#section-objectives")).isVisible();
        String title = page.locator("h1").textContent();
        assertAccessible();
        Download download = page.waitForDownload(() -> page.locator("#practice-pdf").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains(title.replaceAll("\\s+", " ").trim(), "Objectifs précis de l’action");
        }

        page.locator("#compare-b").selectOption(new SelectOption().setValue("chantier-passerelle"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comparer").setExact(true)).click();
        Locator table = page.locator("#practice-comparison");
        assertThat(table.locator("thead th").nth(2)).hasText("Chantier passerelle");
        assertThat(table.locator("tbody th", new Locator.LocatorOptions().setHasText("Objectifs précis de l’action")))
                .isVisible();
        assertAccessible();
    }

    @Test
    void theFederationPublishesASheetThenEditsItIntoASecondVersion() {
        String title = "Maraude éducative " + UUID.randomUUID().toString().substring(0, 8);
        signIn("equipe.federale");
        page.navigate(url("/practices"));
        page.locator("#new-practice").click();
        assertAccessible();
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        // Refused: no programme, no public, no objectives; nothing published.
        assertThat(page.locator("#axis-error")).hasText("Choisissez le programme de la fiche.");
        page.locator("#axis").selectOption("YOUTH");
        page.getByLabel("Jeunes exposés à la délinquance").check();
        page.locator("#section-objectives").fill("Aller vers les jeunes du quartier le soir.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La fiche est publiée.");
        assertThat(page.locator("h1")).hasText(title);

        page.locator("#edit-practice").click();
        assertThat(page.locator("#section-objectives")).hasValue("Aller vers les jeunes du quartier le soir.");
        page.locator("#section-objectives").fill("Aller vers les jeunes du quartier, deux soirs par semaine.");
        page.locator("#changeNote").fill("Rythme précisé");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La nouvelle version de la fiche est enregistrée.");
        assertThat(page.locator("#practice-sheet")).containsText("deux soirs par semaine");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Versions")).click();
        Locator rows = page.locator("#practice-versions tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.first()).containsText("Rythme précisé");
        assertAccessible();
        rows.nth(1).locator("a").click();
        assertThat(page.locator("#old-version")).containsText("version 1");
        assertThat(page.locator("#practice-sheet")).containsText("Aller vers les jeunes du quartier le soir.");
        assertThat(page).hasURL(Pattern.compile(".*/versions/1$"));
    }

    @Test
    void aDirectorProposesASheetThatTheFederationAcceptsIntoTheLibrary() {
        String title = "Atelier vélo " + UUID.randomUUID().toString().substring(0, 8);
        signIn("directrice");
        page.navigate(url("/practices"));
        page.locator("#practice-proposals-link").click();
        page.locator("#new-proposal").click();
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.locator("#axis").selectOption("YOUTH");
        page.getByLabel("Jeunes exposés à la délinquance").check();
        page.locator("#section-objectives").fill("Remobiliser des jeunes par la réparation de vélos.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#actionName-error")).hasText("Indiquez le nom de l’action dont la fiche est tirée.");
        assertAccessible();
        page.locator("#actionName").fill("Vélos solidaires");
        page.locator("#actionPlace").fill("Lyon 8e");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Votre proposition est envoyée à la fédération.");
        assertThat(page.locator("#proposal-status")).hasText("En attente");
        String proposal = page.url();

        page.context().clearCookies();
        signIn("equipe.federale");
        page.navigate(url("/practices"));
        assertThat(page.locator("#practice-proposals-link .badge")).containsText("en attente");
        page.locator("#practice-proposals-link").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter et publier")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La proposition est acceptée : la fiche est publiée.");
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#practice-sheet")).containsText("Vélos solidaires");

        page.context().clearCookies();
        signIn("directrice");
        page.navigate(proposal);
        assertThat(page.locator("#proposal-status")).hasText("Acceptée");
        assertThat(page.locator("#proposal-decision")).containsText("Claire Dubois");
    }
}
