package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.time.SystemTimeProvider;
import fr.passerelle.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;

/** Enrolling a phone for two-factor authentication, then signing in with a one-time code. */
@PasserelleIntegrationTest
class MfaBrowserTest extends BrowserSupport {

    @Test
    void enrolsWithTheQrCodeThenSignsInWithAOneTimeCode() throws CodeGenerationException {
        signIn("intervenant.mfa");
        assertThat(page).hasURL(url("/mfa/enrol"));
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName("QR code à scanner avec votre application d’authentification"))).isVisible();
        assertAccessible();
        String secret = page.locator("#mfa-secret").textContent().trim();

        page.getByLabel("Code à 6 chiffres").fill("000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer")).click();
        assertThat(page.locator("#mfa-error")).isVisible();

        page.getByLabel("Code à 6 chiffres").fill(code(secret, 0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer")).click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J’ai noté mes codes, continuer")).click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bonjour Sofia Laurent")))
                .isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        signIn("intervenant.mfa");
        assertThat(page).hasURL(url("/mfa/verify"));
        // The code of the enrolment's time step was spent there: the app's next code (one step ahead is accepted).
        page.getByLabel("Code de vérification").fill(code(secret, 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier")).click();
        assertThat(page).hasURL(url("/"));
    }

    private static String code(String secret, int stepsAhead) throws CodeGenerationException {
        return new DefaultCodeGenerator().generate(secret, new SystemTimeProvider().getTime() / 30 + stepsAhead);
    }
}
