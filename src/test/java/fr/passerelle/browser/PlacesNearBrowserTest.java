package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.GivenPlaces;
import fr.passerelle.partners.PartnerPlaces;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A case worker types a town in the free-place search: the places are ranked from its centre, which the page says. */
@PasserelleIntegrationTest
class PlacesNearBrowserTest extends BrowserSupport {

    @Autowired
    PartnerPlaces places;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void aPlaceNearATownTypedByTheCaseWorker() {
        String partner = "CHU Gratte-Ciel " + UUID.randomUUID().toString().substring(0, 6);
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        try {
            GivenPlaces given = new GivenPlaces(server, places, persons, measures, catalogue);
            given.place(given.site(head.organisationId(), partner, "CHU", "69", 45.7667, 4.8803, 2), "Chambre 1",
                    "INDIVIDUAL");
        } finally {
            SecurityContextHolder.clearContext();
        }

        signIn("intervenant");
        page.navigate(url("/places"));
        page.getByLabel("Type de place").selectOption("INDIVIDUAL");
        page.getByLabel("Près d’un code postal ou d’une commune").fill("villeurbanne");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

        assertThat(page.locator("#near-understood")).containsText("Autour de Villeurbanne (69)");
        Locator row = page.locator("#place-results tr", new Page.LocatorOptions().setHasText(partner));
        assertThat(row).containsText("0,");
        assertAccessible();

        page.getByLabel("Près d’un code postal ou d’une commune").fill("Nulle-Part-sur-Rien");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Aucune commune ne s’appelle « Nulle-Part-sur-Rien »");
    }
}
