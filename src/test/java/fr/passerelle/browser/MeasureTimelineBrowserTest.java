package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The timeline of a measure on its page: every event, filtered by kind in place, and the filter as a link. */
@PasserelleIntegrationTest
class MeasureTimelineBrowserTest extends BrowserSupport {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void aCaseWorkerFiltersTheTimelineOfAMeasureByKind() {
        UUID measure = anAssignedMeasureWithAnIncident();
        signIn("intervenant");
        page.navigate(url("/measures/" + measure));
        assertThat(page.locator("#timeline .timeline-event")).hasCount(3);
        assertThat(page.locator("#timeline")).containsText("Attribuée à Camille Martin");
        assertThat(page.locator("#timeline")).containsText("Nadia Benali");

        page.locator("#timeline-filter-INCIDENT").click();
        assertThat(page.locator("#timeline-filter-INCIDENT")).hasAttribute("aria-current", "true");
        assertThat(page.locator("#timeline .timeline-event")).hasCount(1);
        assertThat(page.locator("#timeline")).containsText("Incident enregistré : Absence");
        assertThat(page).hasURL(Pattern.compile(".*/measures/" + measure + "\\?events=INCIDENT$"));
        assertAccessible();

        page.locator("#timeline-filter a").first().click();
        assertThat(page.locator("#timeline .timeline-event")).hasCount(3);

        // The filter is a plain link: the page itself renders it, with or without JavaScript.
        page.navigate(url("/measures/" + measure + "?events=ASSIGNMENT"));
        assertThat(page.locator("#timeline .timeline-event")).hasCount(1);
        assertThat(page.locator("#timeline")).containsText("Attribuée à Camille Martin");
    }

    private UUID anAssignedMeasureWithAnIncident() {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(head, null, head.getAuthorities()));
        try {
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
            UUID person = persons.create(new Persons.PersonData("Chronologie", "Navigateur", LocalDate.of(1991, 5, 6),
                    null, null, null, null, null, null, null, null), true);
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JUGE_INSTRUCTION", null, null,
                    null, LocalDate.now(clock).minusDays(10), null));
            measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
            followUp.recordIncident(measure, LocalDate.now(clock), IncidentKind.ABSENCE, "Absent à la convocation");
            return measure;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
