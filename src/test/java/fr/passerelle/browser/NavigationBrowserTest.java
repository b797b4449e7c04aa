package fr.passerelle.browser;

import fr.passerelle.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The navigation bar: one line at 1366 px for every demo role, menus usable with the keyboard; the measure page at narrow widths. */
@PasserelleIntegrationTest
class NavigationBrowserTest extends BrowserSupport {

    /** Every demo account that signs in without enrolling a second factor, one per role at least. */
    private static final List<String> ACCOUNTS = List.of("intervenant", "cheffe.service", "directrice", "admin.asso",
            "equipe.federale", "admin.federation", "organisateur", "moderatrice", "analyste", "participant");

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void everyRolesBarFitsOnOneLineAt1366Pixels() {
        page.setViewportSize(1366, 800);
        for (String account : ACCOUNTS) {
            page.context().clearCookies();
            signIn(account);
            assertThat(page).hasURL(url("/"));
            @SuppressWarnings("unchecked")
            Map<String, Object> bar = (Map<String, Object>) page.evaluate("""
                    () => {
                      const header = document.querySelector('header.navbar').getBoundingClientRect();
                      const items = [...document.querySelectorAll('#main-nav > ul > li')].map(i => i.getBoundingClientRect());
                      return { header: header.height, count: items.length,
                               topSpread: Math.max(...items.map(i => i.top)) - Math.min(...items.map(i => i.top)),
                               tallest: Math.max(...items.map(i => i.height)),
                               right: Math.max(...items.map(i => i.right)),
                               scroll: document.documentElement.scrollWidth };
                    }""");
            Assertions.assertThat(((Number) bar.get("count")).intValue()).as(account + ": items").isGreaterThan(2);
            Assertions.assertThat(((Number) bar.get("header")).doubleValue()).as(account + ": header height").isLessThan(70);
            Assertions.assertThat(((Number) bar.get("topSpread")).doubleValue()).as(account + ": items on one line")
                    .isLessThan(12);
            Assertions.assertThat(((Number) bar.get("tallest")).doubleValue()).as(account + ": one line per item")
                    .isLessThan(48);
            Assertions.assertThat(((Number) bar.get("right")).doubleValue()).as(account + ": inside the window")
                    .isLessThanOrEqualTo(1366);
            Assertions.assertThat(((Number) bar.get("scroll")).intValue()).as(account + ": no horizontal scroll")
                    .isLessThanOrEqualTo(1366);
        }
    }

    @Test
    void theMenusOpenAndCloseWithTheKeyboard() {
        signIn("directrice");
        Locator followUpMenu = page.locator("#menu-followUp");
        Locator caseload = followUpMenu.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Portefeuilles").setExact(true));
        assertThat(caseload).isHidden();

        followUpMenu.locator("summary").focus();
        page.keyboard().press("Enter");
        assertThat(caseload).isVisible();
        page.keyboard().press("Tab");
        assertThat(caseload).isFocused();
        page.keyboard().press("Escape");
        assertThat(caseload).isHidden();
        assertThat(followUpMenu.locator("summary")).isFocused();

        page.keyboard().press("Space");
        assertThat(caseload).isVisible();
        Locator management = page.locator("#menu-management");
        management.locator("summary").focus();
        page.keyboard().press("Enter");
        assertThat(management.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Facturation"))).isVisible();
        assertThat(caseload).isHidden(); // one menu open at a time
        assertAccessible();

        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/indicators"));
    }

    @Test
    void theMeasurePageKeepsBadgesAndButtonsInsideTheirCardsAndACjseHasNoEmptyMonthsBlock() {
        UUID measure = aCjseWithALongIncidentReport();
        signIn("intervenant");
        for (int width : new int[] {360, 800, 1024}) {
            page.setViewportSize(width, 900);
            page.navigate(url("/measures/" + measure));
            assertThat(page.locator("#incidents")).containsText("Signalé le");
            Object overflowing = page.evaluate("""
                    () => [...document.querySelectorAll('.measure-page .badge, .measure-page .btn')].filter(e => {
                      const box = e.getBoundingClientRect();
                      const container = (e.closest('.card-body') || e.closest('section')).getBoundingClientRect();
                      return box.width > 0 && (box.right > container.right + 1 || box.left < container.left - 1
                          || e.scrollWidth > e.clientWidth + 1);
                    }).map(e => e.id || e.textContent.trim())""");
            Assertions.assertThat((List<?>) overflowing).as("overflowing at " + width + " px").isEmpty();
            Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as("page width at " + width + " px").isLessThanOrEqualTo(width);
        }
        assertThat(page.locator("#quantities-card")).hasCount(0);
        assertThat(page.locator("#incidents-card")).isVisible();
    }

    private UUID aCjseWithALongIncidentReport() {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        try {
            UUID person = persons.create(new Persons.PersonData("Débordement", "Badge", LocalDate.of(1990, 2, 2), null,
                    null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JUGE_INSTRUCTION",
                    "Madame la juge d'instruction Marie-Christine Delacroix-Vanderbeken", null, null,
                    LocalDate.now(TestDates.PARIS).minusDays(40), null));
            measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
            measures.perform(measure, MeasureAction.START,
                    new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS).minusDays(30), null, null));
            UUID incident = followUp.recordIncident(measure, LocalDate.now(TestDates.PARIS).minusDays(2), IncidentKind.values()[0],
                    "Absence au rendez-vous du mardi.");
            followUp.report(incident, "Cabinet de Madame la juge d'instruction du tribunal judiciaire de Lyon, "
                    + "service de l'application des peines, permanence du parquet des mineurs");
            return measure;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
