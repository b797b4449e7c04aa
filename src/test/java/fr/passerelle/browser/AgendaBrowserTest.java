package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The case worker's agenda: this week from Monday, the appointment in its day, previous/next/today, the month view, the measure. */
@PasserelleIntegrationTest
class AgendaBrowserTest extends BrowserSupport {

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
    void aCaseWorkerBrowsesTheirWeekAndOpensAnAppointmentsMeasure() {
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        UUID measure = aMeasureWithAnAppointmentOn(today);

        signIn("intervenant");
        menu("followUp").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Agenda").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Agenda");
        Locator days = page.locator("#agenda-week-grid .agenda-day");
        assertThat(days).hasCount(7);
        assertThat(days.first()).hasAttribute("data-date", monday.toString());
        assertThat(days.first().locator("h3")).containsText("Lundi");
        assertThat(days.last().locator("h3")).containsText("Dimanche");
        Locator todayColumn = page.locator("#agenda-week-grid [data-date='" + today + "']");
        assertThat(todayColumn.locator("h3")).hasAttribute("aria-current", "date");
        assertThat(todayColumn).containsText("Calendrier Agathe");
        assertThat(todayColumn).containsText("14:30–15:15");
        assertAccessible();

        page.locator("#agenda-next").click();
        assertThat(days.first()).hasAttribute("data-date", monday.plusWeeks(1).toString());
        assertThat(page.locator("#agenda-week-grid")).not().containsText("Calendrier Agathe");
        page.locator("#agenda-today").click();
        assertThat(days.first()).hasAttribute("data-date", monday.toString());

        page.locator("#agenda-month").click();
        assertThat(page.locator("#agenda-month-grid .agenda-cell").first())
                .hasAttribute("data-date", today.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .toString());
        assertAccessible();
        page.locator("#agenda-month-grid [data-date='" + today + "']").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("14:30 Calendrier Agathe")).click();
        assertThat(page).hasURL(url("/measures/" + measure));
    }

    private UUID aMeasureWithAnAppointmentOn(LocalDate day) {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        try {
            UUID person = persons.create(new Persons.PersonData("Calendrier", "Agathe", LocalDate.of(1988, 8, 8), null,
                    null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JLD", null, null, null,
                    day.minusDays(10), null));
            measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
            appointments.schedule(measure, new Appointments.Schedule(day.atTime(14, 30), 45, AppointmentKind.OFFICE, null));
            return measure;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
