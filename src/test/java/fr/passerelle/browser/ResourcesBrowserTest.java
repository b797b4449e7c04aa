package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.network.TestDocuments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The resource library: federation staff publish a document (a wrong file first, refused with its
 * reason), a member finds it by a word of its text and downloads it; without an account, the public
 * page lists the public documents.
 */
@PasserelleIntegrationTest
class ResourcesBrowserTest extends BrowserSupport {

    @Test
    void aDocumentIsPublishedFoundByItsTextAndDownloaded() {
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        byte[] pdf = TestDocuments.pdf("Protocole de suivi " + word);
        signIn("equipe.federale");
        page.navigate(url("/network/resources"));
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publier un document").setExact(true)).click();
        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill("Protocole " + word);
        page.getByLabel("Étiquettes").fill("protocole, suivi");
        page.getByLabel("Fichier").setInputFiles(new FilePayload("protocole.docx", "application/octet-stream", pdf));
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("n’est pas ce que son extension annonce");
        assertThat(page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true))).hasValue("Protocole " + word);
        page.getByLabel("Fichier").setInputFiles(new FilePayload("protocole.pdf", "application/pdf", pdf));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le document est publié.");
        assertThat(page.locator("#resource-details")).containsText("Membres du réseau");
        assertAccessible();

        page.context().clearCookies();
        signIn("directrice");
        page.navigate(url("/network/resources"));
        page.getByLabel("Rechercher dans les documents").fill(word);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher").setExact(true)).click();
        assertThat(page.locator("#resource-results")).containsText("Protocole " + word);
        assertThat(page.locator("#resource-results mark")).hasText(word);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Protocole " + word)).click();
        Download download = page.waitForDownload(() -> page.locator("#resource-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("protocole.pdf");
        page.reload();
        assertThat(page.locator("#resource-downloads")).hasText("1");

        page.context().clearCookies();
        page.navigate(url("/reseau/ressources"));
        assertThat(page.locator("#resource-results")).containsText("Guide du contrôle judiciaire socio-éducatif");
        assertThat(page.locator("#resource-results")).not().containsText("Protocole " + word);
        assertAccessible();
    }
}
