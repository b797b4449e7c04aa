package fr.passerelle.browser;

import fr.passerelle.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.DeadlineDigest;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.TenantContext;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Deadlines: the service head's dashboard, changing a measure's deadlines, the digest opt-out and the outbox. */
@PasserelleIntegrationTest
class DeadlinesBrowserTest extends BrowserSupport {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    DeadlineDigest digest;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void theServiceHeadSeesLateItemsAndMovesAPlannedEnd() {
        UUID measure = aLateMeasureOfTheCaseWorker();
        signIn("cheffe.service");
        page.navigate(url("/caseload/deadlines"));
        assertThat(page.locator("h1")).hasText("Échéances et retards");
        assertThat(page.locator("#deadlines-by-worker")).containsText("Camille Martin");
        assertThat(page.locator("#total-DUE_DATE")).not().hasText("0");
        assertAccessible();

        page.navigate(url("/measures/" + measure));
        page.getByText("Modifier les échéances").click();
        page.getByLabel("Fin prévue", new Page.GetByLabelOptions().setExact(true)).fill(LocalDate.now(TestDates.PARIS).plusMonths(2).toString());
        page.locator("#deadlines-form").getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Les échéances ont été enregistrées.");
        assertThat(page.locator("#measure-planned-end")).hasText(LocalDate.now(TestDates.PARIS).plusMonths(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertAccessible();
    }

    @Test
    void aCaseWorkerTurnsTheDigestOffAndAnAdministratorReadsTheOutbox() {
        UUID measure = aLateMeasureOfTheCaseWorker();
        signIn("intervenant");
        page.navigate(url("/account/calendar"));
        assertThat(page.locator("#digest-state")).containsText("Vous recevez chaque matin");
        page.locator("#digest-toggle").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Vous ne recevrez plus le récapitulatif quotidien.");
        assertThat(page.locator("#digest-state")).containsText("Vous ne recevez pas");
        page.locator("#digest-toggle").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Vous recevrez le récapitulatif quotidien.");
        assertAccessible();

        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        TenantContext.callAs(worker.organisationId(), digest::queue);
        String reference = TenantContext.callAs(worker.organisationId(), () -> measures.references(java.util.List.of(measure)))
                .get(measure);
        page.context().clearCookies();
        signIn("admin.asso");
        page.navigate(url("/admin/outbox"));
        assertThat(page.locator("#outbox")).containsText("Passerelle — vos échéances du");
        page.locator("#outbox summary").first().click();
        assertThat(page.locator("#outbox")).containsText(reference);
        assertAccessible();
    }

    private UUID aLateMeasureOfTheCaseWorker() {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(head, null, head.getAuthorities()));
        try {
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow().id();
            UUID person = persons.create(new Persons.PersonData("Retard", "Navigateur", LocalDate.of(1992, 4, 4), null,
                    null, null, null, null, null, null, null), true);
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                    LocalDate.now(TestDates.PARIS).minusDays(20), LocalDate.now(TestDates.PARIS).minusDays(2)));
            measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
            return measure;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
