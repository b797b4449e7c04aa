package fr.passerelle.browser;

import fr.passerelle.TestDates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The director sets a tariff, bills the Lyon court for last month, downloads the PDF, then records sending and payment. */
@PasserelleIntegrationTest
class BillingBrowserTest extends BrowserSupport {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    void theDirectorBillsTheCourtForAMonthAndFollowsThePayment() throws Exception {
        YearMonth month = YearMonth.now(TestDates.PARIS).minusMonths(1);
        String reference = anEnquiryEndedIn(month);

        signIn("directrice");
        follow("management", "Catalogue des mesures");
        assertAccessible();
        field("Rechercher un type (libellé ou code)").fill("personnalite");
        assertThat(page.locator("#catalogue tbody tr")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enquête de personnalité (EP)")).click();
        assertAccessible();
        field("Tarif (€)").fill("-12");
        click("Enregistrer");
        assertThat(page.locator("#tariff-error")).containsText("positif ou nul");
        field("Tarif (€)").fill("412,50");
        click("Enregistrer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le type de mesure est enregistré.");
        assertThat(page.locator("#catalogue")).containsText("412,50");

        follow("management", "Facturation");
        assertAccessible();
        page.locator("#new-court").selectOption(new SelectOption().setLabel("Tribunal judiciaire de Lyon"));
        page.locator("#new-month").fill(month.toString());
        click("Préparer le mémoire");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le mémoire est préparé.");
        assertThat(page.locator("#statement-status")).hasText("Brouillon");
        Locator line = page.locator("#statement-lines tbody tr", new Page.LocatorOptions().setHasText(reference));
        assertThat(line).containsText("412,50");
        assertAccessible();

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Télécharger le PDF")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .isEqualTo("memoire-tj-lyon-" + month + "-brouillon.pdf");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Mémoire de frais de justice", "BROUILLON", reference, "412,50");
        }

        LocalDate sentOn = month.plusMonths(1).atDay(1);
        field("Date d’envoi").fill(sentOn.toString());
        click("Enregistrer l’envoi");
        assertThat(page.locator("#statement-status")).hasText("Envoyé");
        assertThat(page.locator("h1 small")).containsText("MF-");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Recalculer"))).hasCount(0);
        field("Date de paiement").fill(LocalDate.now(TestDates.PARIS).toString());
        click("Enregistrer le paiement");
        assertThat(page.locator("#statement-status")).hasText("Payé");
        long delay = ChronoUnit.DAYS.between(sentOn, LocalDate.now(TestDates.PARIS));
        assertThat(page.locator("#payment-delay")).hasText(delay + " jours");
        assertAccessible();

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Fil d’Ariane")).getByRole(AriaRole.LINK).click();
        field("État").selectOption(new SelectOption().setLabel("Payé"));
        click("Filtrer");
        assertThat(page.locator("#statements tbody tr")).hasCount(1);
        assertThat(page.locator("#statements")).containsText(delay + " jours");
        assertThat(page.locator("#billing-totals")).containsText("Payés");
        assertAccessible();
    }

    /** An enquête de personnalité for the Lyon court that ended on the 10th of the month, made through the services. */
    private String anEnquiryEndedIn(YearMonth month) {
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(head, null, head.getAuthorities()));
        try {
            UUID person = persons.create(new Persons.PersonData("Navigateur", "Bastien", LocalDate.of(1989, 5, 5), "M",
                    null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
            UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JUGE_INSTRUCTION", null,
                    "26/4242", null, month.atDay(1), null));
            UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
            measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
            measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, month.atDay(2), null, null));
            measures.perform(measure, MeasureAction.END,
                    new Measures.ActionInput(null, month.atDay(10), MeasureOutcome.COMPLETED, null));
            return measures.get(measure).reference();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
