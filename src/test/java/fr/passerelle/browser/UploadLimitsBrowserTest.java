package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the import cannot take are told so in French: too large, or not a spreadsheet at all. */
@PasserelleIntegrationTest
class UploadLimitsBrowserTest extends BrowserSupport {

    @TempDir
    Path dir;

    private void upload(Page on, Path file) {
        on.getByLabel("Fichier", new Page.GetByLabelOptions().setExact(true)).setInputFiles(file);
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déposer").setExact(true)).click();
    }

    private Path sized(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile big = new RandomAccessFile(file.toFile(), "rw")) {
            big.write("Nom;Prénom\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            big.setLength(bytes);
        }
        return file;
    }

    @Test
    void aFileAboveTheLimitIsRefusedWhenChosenAndWithoutScriptsByTheServersImportPage() throws IOException {
        Path big = sized("portefeuille.csv", 60L * 1024 * 1024);
        signIn("admin.asso");
        page.navigate(url("/imports"));
        upload(page, big);
        assertThat(page.locator("#file-size-error")).hasText("Fichier trop volumineux (50 Mo au plus).");
        assertThat(page).hasURL(url("/imports"));
        assertAccessible();

        // Without scripts the file is sent, and the server answers with the same page and reason.
        try (BrowserContext noScript = page.context().browser().newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR").setJavaScriptEnabled(false))) {
            Page plain = noScript.newPage();
            plain.navigate(url("/login"));
            plain.getByLabel("Identifiant").fill("admin.asso");
            plain.getByLabel("Mot de passe").fill(fr.passerelle.demo.DemoAccounts.PASSWORD);
            plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            plain.navigate(url("/imports"));
            upload(plain, big);
            // The whole file is sent first: on a loaded machine that takes longer than an assertion waits.
            plain.waitForURL("**/imports?refused=tooLarge", new Page.WaitForURLOptions().setTimeout(90_000));
            assertThat(plain.locator("#import-error")).hasText("Fichier trop volumineux (50 Mo au plus).");
            assertThat(plain.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Import de personnes et de mesures");
        }
    }

    @Test
    void aPdfSavedUnderACsvNameIsToldItIsAPdf() throws IOException {
        Path pdf = Files.write(dir.resolve("releve.csv"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        signIn("admin.asso");
        page.navigate(url("/imports"));
        upload(page, pdf);
        assertThat(page.locator("#import-error")).hasText("Ce fichier est un PDF, pas un tableau : déposez le fichier"
                + " CSV ou Excel XLSX enregistré depuis votre tableur.");
        assertAccessible();
    }
}
