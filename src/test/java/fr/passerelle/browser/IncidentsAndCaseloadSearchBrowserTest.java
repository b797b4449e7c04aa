package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.IncidentsOnHomeAndCaseloadTest;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A case worker records an unexcused absence and the incident it offers; searches the caseload; picks a court. */
@PasserelleIntegrationTest
class IncidentsAndCaseloadSearchBrowserTest extends BrowserSupport {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Appointments appointments;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void anUnexcusedAbsenceLeadsToThePrefilledIncident() {
        String name = IncidentsOnHomeAndCaseloadTest.name();
        UUID measure = aMeasureOfTheCaseWorker(name, true);
        LocalDate day = LocalDate.now(clock).minusDays(2);
        SignedIn.as(users, "cheffe.service");
        try {
            appointments.schedule(measure, new Appointments.Schedule(day.atTime(9, 0), 45, AppointmentKind.OFFICE, null));
        } finally {
            SecurityContextHolder.clearContext();
        }

        signIn("intervenant");
        page.navigate(url("/measures/" + measure));
        page.locator("#appointments select").selectOption(new SelectOption().setLabel("Absence non excusée"));
        page.locator("#appointments").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Enregistrer").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La présence est enregistrée.");
        assertThat(page.locator("#appointments [role=alert]"))
                .containsText("Absence non excusée : s’agit-il d’un manquement à signaler au magistrat ?");
        assertThat(page.locator("#incidents li")).hasCount(0);
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enregistrer un incident pour cette absence")).click();
        assertThat(page.locator("#incident-kind")).hasValue("ABSENCE");
        assertThat(page.locator("#incident-date")).hasValue(day.toString());
        assertThat(page.locator("#incident-description")).hasValue(
                "Absence non excusée à l’entretien du " + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + " 09:00 (Au bureau).");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l’incident")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’incident est enregistré.");
        assertThat(page.locator("#incidents li")).hasCount(1);
        assertThat(page.locator("#incidents")).containsText("Absence");
        assertThat(page.getByText("Enregistrer un incident pour cette absence")).hasCount(0);
    }

    @Test
    void theCaseWorkerSearchesTheCaseloadAndPicksACourtByTyping() {
        String name = IncidentsOnHomeAndCaseloadTest.name();
        UUID assigned = aMeasureOfTheCaseWorker(name, true);
        UUID waiting = aMeasureOfTheCaseWorker(name, false);

        signIn("intervenant");
        page.navigate(url("/caseload"));
        page.getByLabel("Personne ou référence de la mesure").fill(name.toLowerCase());
        page.getByLabel("Personne ou référence de la mesure").press("Enter");
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results tbody a[href='/measures/" + assigned + "']")).hasCount(1);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Toutes").setExact(true)).click();
        assertThat(page.locator("#results tbody tr")).hasCount(2);
        assertThat(page.locator("#results tbody a[href='/measures/" + waiting + "']")).hasCount(1);
        assertThat(page.getByLabel("Personne ou référence de la mesure")).hasValue(name.toLowerCase());

        page.navigate(url("/caseload/deadlines"));
        assertThat(page.locator("#deadlines-search")).isVisible();

        // The court picker of a new measure: typing filters it, Enter picks the first court found.
        page.navigate(url(personOf(assigned) + "/measures/new"));
        Object allCourts = page.locator("#courtCode option").evaluateAll(
                "options => options.map(o => (o.parentElement.label || '') + '/' + o.value)");
        page.getByLabel("Filtrer les tribunaux (ville, département, cour d’appel)").fill("bobig");
        // Taken out of the select, not hidden (Safari on iOS shows hidden options), and so are emptied groups.
        assertThat(page.locator("#courtCode option[value='TJ-LYON']")).hasCount(0);
        assertThat(page.locator("#courtCode option[value='TJ-BOBIGNY']")).hasCount(1);
        assertThat(page.locator("#courtCode option[hidden], #courtCode optgroup[hidden]")).hasCount(0);
        assertThat(page.locator("#courtCode optgroup")).hasCount(1);
        page.getByLabel("Filtrer les tribunaux (ville, département, cour d’appel)").fill("");
        org.assertj.core.api.Assertions.assertThat(page.locator("#courtCode option").evaluateAll(
                "options => options.map(o => (o.parentElement.label || '') + '/' + o.value)"))
                .as("every court back, in its group and its place").isEqualTo(allCourts);
        page.getByLabel("Filtrer les tribunaux (ville, département, cour d’appel)").fill("bobig");
        page.getByLabel("Filtrer les tribunaux (ville, département, cour d’appel)").press("Enter");
        assertThat(page.locator("#courtCode")).hasValue("TJ-BOBIGNY");
        assertThat(page.locator("#courtCode")).isFocused();
        assertAccessible();
    }

    private String personOf(UUID measure) {
        SignedIn.as(users, "cheffe.service");
        try {
            return "/persons/" + measures.get(measure).personId();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UUID aMeasureOfTheCaseWorker(String lastName, boolean assign) {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        try {
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow().id();
            UUID person = persons.create(new Persons.PersonData(lastName, "Navigateur", LocalDate.of(1991, 3, 3), null,
                    null, null, null, null, null, null, null), true);
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                    LocalDate.now(clock).minusDays(10), LocalDate.now(clock).plusMonths(6)));
            if (assign) {
                measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
            }
            return measure;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
