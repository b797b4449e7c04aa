package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The association admin imports a caseload exported from Excel: a messy Windows-1252 file is
 * checked and nothing is imported, then the corrected file imports everything.
 */
@PasserelleIntegrationTest
class ImportBrowserTest extends BrowserSupport {

    @Autowired
    EmbeddedPostgresServer server;

    private void click(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    private void upload(String fixture) {
        page.getByLabel("Fichier", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(Path.of("src/test/resources/imports", fixture));
        click("Déposer");
    }

    @Test
    void aMessyExcelExportIsCheckedThenTheCorrectedFileImportsEverything() {
        signIn("admin.asso");
        follow("management", "Imports");
        assertAccessible();

        upload("suivis-excel-1252.csv");
        assertThat(page.locator("#file-layout")).hasText("Fichier CSV, encodage windows-1252, séparateur point-virgule, 11 colonnes.");
        assertThat(page.getByLabel("Né(e) le")).hasValue("BIRTH_DATE");
        assertThat(page.getByLabel("N° parquet")).hasValue("PARQUET_NUMBER");
        assertThat(page.getByLabel("Juridiction")).hasValue("COURT");
        assertAccessible();
        // A refused mapping (a field chosen twice) keeps the choices just made.
        page.getByLabel("N° parquet").selectOption("COURT");
        click("Vérifier (essai à blanc)");
        assertThat(page.locator("#import-error")).isVisible();
        assertThat(page.getByLabel("N° parquet")).hasValue("COURT");
        page.getByLabel("N° parquet").selectOption("PARQUET_NUMBER");
        click("Vérifier (essai à blanc)");

        assertThat(page.locator("#outcome .alert-danger")).containsText("Essai à blanc : 3 erreur(s)");
        // One group per kind of error, each with its count, the rows inside.
        assertThat(page.locator("#errors .error-group summary")).hasCount(3);
        assertThat(page.locator("#errors .error-group summary").nth(0)).containsText("Date invalide");
        assertThat(page.locator("#errors .error-group summary").nth(2))
                .containsText("Même mesure plusieurs fois dans le fichier");
        assertThat(page.locator("#errors-download")).isVisible();
        assertThat(page.locator("#errors tbody tr")).hasCount(3);
        assertThat(page.locator("#errors tbody tr").nth(0)).containsText("31/02/1990");
        assertThat(page.locator("#errors tbody tr").nth(0)).containsText("Date invalide");
        assertThat(page.locator("#errors tbody tr").nth(1)).containsText("Tribunal de Gotham");
        assertThat(page.locator("#errors tbody tr").nth(1)).containsText("Juridiction inconnue.");
        assertThat(page.locator("#errors tbody tr").nth(2)).containsText("Même mesure que la ligne 2");
        assertThat(page.locator("#commit")).hasCount(0);
        assertAccessible();
        org.assertj.core.api.Assertions.assertThat(OwnerSql.of(server)
                .sql("select count(*) from person where last_name in ('Quérillac', 'Ferrandière', 'Bénédicte-Oçalan')")
                .query(Long.class).single()).isZero();

        page.navigate(url("/imports"));
        upload("suivis-excel-1252-corrige.csv");
        click("Vérifier (essai à blanc)");
        assertThat(page.locator("#outcome .alert-success")).containsText("Essai à blanc réussi");
        assertThat(page.locator("#count-persons-created")).hasText("3");
        assertThat(page.locator("#count-measures-created")).hasText("4");
        click("Importer les 4 mesures");

        assertThat(page.locator("#outcome .alert-success")).hasText("Import terminé : tout le fichier a été importé.");
        assertThat(page.locator("#count-persons-created")).hasText("3");
        assertThat(page.locator("#count-persons-matched")).hasText("0");
        assertThat(page.locator("#count-measures-created")).hasText("4");
        // The administrator imports but reads no measure: told who opens them, and that ended ones are billed.
        assertThat(page.locator("#imported-measures")).hasCount(0);
        assertThat(page.locator("#imported-measures-elsewhere")).containsText("chef de service");
        assertThat(page.locator("#imported-ended-billed")).containsText("déjà facturées");
        assertThat(page.locator("#full-export")).hasCount(0);
        assertAccessible();

        // A service head finds the imported persons, whatever the accents typed.
        page.context().clearCookies();
        signIn("cheffe.service");
        page.navigate(url("/persons?q=querillac"));
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results")).containsText("Quérillac Anaïs");
        page.navigate(url("/persons?q=ferrandiere zoe"));
        assertThat(page.locator("#results")).containsText("Ferrandière Zoé");
    }

    @Test
    void aServiceHeadImportsAFormerCaseloadMatchesItsUnknownValuesThenFindsItsMeasuresAsThisImport() {
        signIn("cheffe.service");
        page.navigate(url("/imports"));
        upload("reprise-portefeuille.csv");
        // Sample values under each column, and the new columns recognised.
        assertThat(page.locator("#mapping tbody tr").nth(3).locator(".sample")).containsText("TIG antenne Est");
        assertThat(page.getByLabel("Statut", new Page.GetByLabelOptions().setExact(true))).hasValue("STATUS");
        assertThat(page.getByLabel("Issue", new Page.GetByLabelOptions().setExact(true))).hasValue("OUTCOME");
        click("Vérifier (essai à blanc)");

        // The unknown measure type is listed once, with its row count; the user says what it is.
        assertThat(page.locator("#values tbody tr")).hasCount(1);
        assertThat(page.locator("#values tbody tr")).containsText("TIG antenne Est");
        assertAccessible();
        com.microsoft.playwright.Locator choice = page.getByLabel("Correspondance pour « TIG antenne Est »");
        choice.selectOption(choice.locator("option", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("(TIG)")).first().getAttribute("value"));
        click("Enregistrer les choix et vérifier à nouveau");
        assertThat(page.locator("#outcome .alert-success")).containsText("Essai à blanc réussi");
        click("Importer les 2 mesures");
        assertThat(page.locator("#outcome .alert-success")).hasText("Import terminé : tout le fichier a été importé.");

        // The person who imported opens the measures of this import, ended one included.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir les mesures de cet import")).click();
        assertThat(page.locator("#import-filter")).isVisible();
        assertThat(page.locator("#results tbody tr")).hasCount(2);
        assertThat(page.locator("#results tbody")).containsText("Vasquelin Odile");
        assertThat(page.locator("#results tbody")).containsText("Terminée");
        assertAccessible();
    }
}
