package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.GivenPlaces;
import fr.passerelle.partners.PartnerPlaces;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A case worker finds a free PE place for 90 days from a placement's page, books and confirms it,
 * records the arrival, an unauthorised absence (the urgent incident appears on the measure) and
 * the departure: the days of placement are counted on the measure.
 */
@PasserelleIntegrationTest
class PlacesBookingBrowserTest extends BrowserSupport {

    @Autowired
    PartnerPlaces places;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void aPlacementFromTheSearchToTheDaysCountedOnTheMeasure() {
        LocalDate today = LocalDate.now(clock);
        String partner = "CHRS Parcours " + UUID.randomUUID().toString().substring(0, 6);
        UUID measure;
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        try {
            GivenPlaces given = new GivenPlaces(server, places, persons, measures, catalogue);
            UUID site = given.site(head.organisationId(), partner, "CHRS", "69", 45.75, 4.84, 3);
            given.place(site, "PE 1", "PE_RESERVED");
            measure = given.startedMeasure(users, given.person("Parcours"), "PLACEMENT_EXTERIEUR", today.minusDays(40));
        } finally {
            SecurityContextHolder.clearContext();
        }

        signIn("intervenant");
        page.navigate(url("/measures/" + measure));
        page.locator("#find-place").click();
        page.getByLabel("Type de place").selectOption("PE_RESERVED");
        page.getByLabel("Du", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(5).toString());
        page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true)).fill(today.plusDays(85).toString());
        page.getByLabel("Département").fill("69");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        Locator row = page.locator("#place-results tr", new Page.LocatorOptions().setHasText(partner));
        assertThat(row).containsText("Niveau 3");
        assertAccessible();

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Réserver")).click();
        assertThat(page.locator("#book-person")).containsText("PARCOURS Test");
        page.getByLabel("Confirmer tout de suite (la place est retenue)").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver")).click();
        assertThat(page.locator("#booking-status")).hasText("Demandée");
        assertAccessible();

        page.locator("#action-confirm").click();
        assertThat(page.locator("#booking-status")).hasText("Confirmée");
        page.getByLabel("Date d’arrivée").fill(today.minusDays(5).toString());
        page.locator("#action-arrive").click();
        assertThat(page.locator("#booking-status")).hasText("Arrivée");
        page.getByLabel("Ce qui s’est passé").fill("N’a pas réintégré le CHRS à 21 h.");
        page.locator("#action-absence").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("L’absence est enregistrée");

        page.locator("#booking-measure").click();
        assertThat(page.locator("#incidents li").first()).containsText("Urgent");
        page.goBack();
        page.getByLabel("Motif du départ").fill("Fin du placement");
        page.locator("#action-depart").click();
        assertThat(page.locator("#booking-status")).hasText("Partie");
        assertThat(page.locator("#booking-events tbody tr")).hasCount(5);
        assertAccessible();

        SignedIn.as(users, "intervenant");
        try {
            org.assertj.core.api.Assertions.assertThat(followUp.progress(measure).done())
                    .isEqualByComparingTo(BigDecimal.valueOf(5));
        } finally {
            SecurityContextHolder.clearContext();
        }
        page.locator("#booking-measure").click();
        assertThat(page.locator("#quantity-progress")).containsText("5");
    }
}
