package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.partners.PartnerFixtures;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** A service head records a convention of 6 PE places with a CHRS, attaches the signed PDF and sees it about to end. */
@PasserelleIntegrationTest
class ConventionsBrowserTest extends BrowserSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void aConventionOfSixPlacesWithItsSignedPdfShowsAmongThoseAboutToEnd() {
        String name = "CHRS Navigateur " + UUID.randomUUID().toString().substring(0, 8);
        String reference = "PE-" + UUID.randomUUID().toString().substring(0, 6);
        givenAPartner(name);
        LocalDate today = LocalDate.now(TestDates.PARIS);

        signIn("cheffe.service");
        page.navigate(url("/partners/conventions/new"));
        page.getByLabel("Partenaire").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(name));
        page.getByLabel("Objet").selectOption("PLACEMENT_EXTERIEUR");
        page.getByLabel("Référence").fill(reference);
        page.getByLabel("Intitulé").fill("Places de placement à l’extérieur");
        page.getByLabel("Date de début").fill(today.minusYears(1).toString());
        page.getByLabel("Date de fin").fill(today.plusDays(20).toString());
        page.getByLabel("Places réservées").fill("6");
        assertAccessible();
        page.locator("#convention-form").getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Convention enregistrée.");
        assertThat(page.locator("#convention-places")).hasText("6");

        page.getByLabel("Joindre le document signé").setInputFiles(new FilePayload("convention-signee.pdf", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        page.locator("#convention-upload button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Document signé joint.");
        assertThat(page.locator("#convention-documents")).containsText("convention-signee.pdf");
        assertAccessible();

        page.navigate(url("/partners/conventions?within=30"));
        assertThat(page.locator("#conventions")).containsText(reference);
        assertThat(page.locator("#conventions")).containsText("se termine dans 20 jour(s)");
        assertAccessible();

        page.navigate(url("/caseload/deadlines"));
        assertThat(page.locator("#expiring-conventions")).containsText(reference);
        assertThat(page.locator("#expiring-conventions")).containsText("20");
        assertAccessible();

        // The partner's page lists its conventions.
        page.navigate(url("/partners?q=" + name.replace(' ', '+')));
        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.locator("#partner-conventions")).containsText(reference);
        assertThat(page.locator("#partner-conventions")).containsText("6 place");
    }

    private void givenAPartner(String name) {
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        PartnerFixtures.givenAPartner(jdbc, tx, head.organisationId(), name, "CHRS");
    }
}
