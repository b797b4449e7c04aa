package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service head imports a partner list (upload, mapping, dry run, import), finds the partners in
 * the directory, then edits the imported site and deletes the imported contact.
 */
@PasserelleIntegrationTest
class PartnerImportBrowserTest extends BrowserSupport {

    @TempDir
    Path dir;

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aListIsCheckedImportedThenItsSiteEditedAndItsContactDeleted() {
        signIn("cheffe.service");
        page.navigate(url("/partners"));
        click(AriaRole.LINK, "Importer une liste");
        assertAccessible();

        page.getByLabel("Fichier", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(Path.of("src/test/resources/partners/partenaires-import.csv"));
        click(AriaRole.BUTTON, "Déposer");
        assertThat(page.getByLabel("Information de la colonne Structure")).hasValue("NAME");
        assertThat(page.getByLabel("Information de la colonne Courriel")).hasValue("CONTACT_EMAIL");
        assertThat(page.locator("#mapping-form")).containsText("Résidence Les Tilleuls (import)");
        assertAccessible();

        click(AriaRole.BUTTON, "Vérifier le fichier");
        assertThat(page.locator("#outcome .alert-success")).isVisible();
        assertThat(page.locator("#count-partners")).hasText("2");
        assertThat(page.locator("#count-contacts")).hasText("1");
        assertAccessible();
        click(AriaRole.BUTTON, "Importer 2 partenaire(s)");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("La liste est importée");
        assertThat(page.locator("#partners")).containsText("Résidence Les Tilleuls (import)");
        assertThat(page.locator("#partners")).containsText("Point Écoute Jeunes (import)");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Résidence Les Tilleuls (import)")).click();
        page.locator("#site-list .site-edit summary").click();
        page.locator("#site-list .site-edit input[name=postcode]").fill("6900");
        page.locator("#site-list .site-edit button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Le code postal doit comporter 5 chiffres.");
        page.locator("#site-list .site-edit summary").click();
        page.locator("#site-list .site-edit input[name=postcode]").fill("69009");
        page.locator("#site-list .site-edit button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le site est enregistré.");
        assertThat(page.locator("#site-list")).containsText("69009 Lyon");
        assertAccessible();

        page.onceDialog(dialog -> dialog.accept());
        click(AriaRole.BUTTON, "Supprimer le contact Claire Morel");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le contact est supprimé.");
        assertThat(page.locator("#contact-list")).hasCount(0);
    }

    @Test
    void aListAboveTheUploadLimitIsSentBackToThePartnerImportPageWithTheReason() throws IOException {
        Path big = dir.resolve("partenaires.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("Nom;Type\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            file.setLength(60L * 1024 * 1024);
        }
        // Without scripts the file is sent, and the server answers with the partner import page and the reason.
        try (BrowserContext noScript = page.context().browser().newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setJavaScriptEnabled(false))) {
            Page plain = noScript.newPage();
            plain.navigate(url("/login"));
            plain.getByLabel("Identifiant").fill("cheffe.service");
            plain.getByLabel("Mot de passe").fill(fr.passerelle.demo.DemoAccounts.PASSWORD);
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            plain.navigate(url("/partners/import"));
            plain.getByLabel("Fichier", new Page.GetByLabelOptions().setExact(true)).setInputFiles(big);
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déposer").setExact(true)).click();
            plain.waitForURL("**/partners/import?refused=tooLarge", new Page.WaitForURLOptions().setTimeout(90_000));
            assertThat(plain.locator("#import-error")).hasText("Fichier trop volumineux (50 Mo au plus).");
        }
    }
}
