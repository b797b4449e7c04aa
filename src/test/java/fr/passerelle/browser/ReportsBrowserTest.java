package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Reports: the incident report written from the incident, leaving with unsaved text, submitting what is on screen. */
@PasserelleIntegrationTest
class ReportsBrowserTest extends BrowserSupport {

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
    void theIncidentReportStartsFromTheIncidentAsksBeforeLeavingUnsavedTextAndSubmitsWhatIsOnScreen() {
        UUID[] measureAndIncident = aMeasureWithAnIncident();
        UUID incident = measureAndIncident[1];
        signIn("intervenant");
        page.navigate(url("/measures/" + measureAndIncident[0]));
        page.locator("#incident-" + incident).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Rédiger le rapport d’incident")).click();

        assertThat(page.locator("#report-incident")).containsText("Absence");
        assertThat(page.locator("#body")).hasValue(Pattern.compile(".*Parti du chantier à 10 h sans prévenir\\..*", Pattern.DOTALL));
        assertAccessible();

        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type());
            dialog.dismiss();
        });
        assertThat(page.locator("#report-pdf-hint")).isHidden();
        page.locator("#body").click();
        page.keyboard().press("Control+End");
        page.keyboard().type("\n\nM. Brouillon a reconnu les faits.");
        assertThat(page.locator("#report-pdf-hint")).hasText("Le PDF reprend la dernière version enregistrée : "
                + "enregistrez d’abord le texte modifié.");
        page.locator("#report-incident a").click();
        assertThat(dialogs).containsExactly("beforeunload");
        assertThat(page).hasURL(Pattern.compile(".*/reports/[0-9a-f-]+$"));

        Download pdf = page.waitForDownload(() -> page.locator("#report-pdf").click());
        assertThat(pdf.suggestedFilename()).endsWith(".pdf");
        assertThat(dialogs).as("downloading the PDF is not leaving").containsExactly("beforeunload");
        assertThat(page.locator("#body")).hasValue(Pattern.compile(".*M\\. Brouillon a reconnu les faits\\.$", Pattern.DOTALL));

        page.locator("#report-submit").click();
        assertThat(page.locator("#report-status")).hasText("Soumis au chef de service");
        assertThat(dialogs).as("submitting is not leaving").containsExactly("beforeunload");
        assertThat(page.locator("#report-versions li")).hasCount(2);
        assertThat(page.getByText("M. Brouillon a reconnu les faits.")).isVisible();

        page.locator("#report-incident a").click();
        assertThat(page.locator("#incident-" + incident + " .incident-report-link")).hasText("Voir le rapport d’incident");
    }

    private UUID[] aMeasureWithAnIncident() {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(head, null, head.getAuthorities()));
        try {
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow().id();
            UUID person = persons.create(new Persons.PersonData("Brouillon", "Navigateur", LocalDate.of(1991, 5, 6), null,
                    null, null, null, null, null, null, null), true);
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                    LocalDate.now(clock).minusDays(20), null));
            measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
            UUID incident = followUp.recordIncident(measure, LocalDate.now(clock).minusDays(1), IncidentKind.ABSENCE,
                    "Parti du chantier à 10 h sans prévenir.");
            return new UUID[] {measure, incident};
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
