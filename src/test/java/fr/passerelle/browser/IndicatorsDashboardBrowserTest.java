package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The director opens the indicators dashboard, chooses 2017 (three measures received, two of them
 * enquêtes de personnalité; one in 2016), filters by measure type, sees the figures and the
 * breakdown table change, is told about a wrong period, and exports the figures shown to CSV and
 * XLSX. axe-core checks each page.
 */
@PasserelleIntegrationTest
class IndicatorsDashboardBrowserTest extends BrowserSupport {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void theDirectorFiltersTheDashboardAndExportsTheFiguresShown() throws Exception {
        givenMeasuresOf2016And2017();

        signIn("directrice");
        follow("management", "Indicateurs");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tableau de bord des indicateurs")))
                .isVisible();
        assertThat(page.locator("#figures")).isVisible();
        assertAccessible();

        page.getByLabel("Du", new Page.GetByLabelOptions().setExact(true)).fill("2017-01-01");
        page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true)).fill("2017-12-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page.locator("#period-summary")).containsText("Période : 2017, comparée à la période précédente de même durée : 2016.");
        assertThat(page.locator("#figure-measuresReceived .figure-value")).hasText("3");
        assertThat(page.locator("#figure-measuresReceived")).containsText("+200 %");
        assertThat(page.locator("#figure-measuresReceived")).containsText("Nombre de mesures dont la saisine a été reçue");
        assertThat(page.locator("#byType tbody tr")).hasCount(2);
        assertThat(page.locator("#byOutcome tbody tr")).hasCount(1);
        assertThat(page.locator("#byType-chart canvas")).isVisible();
        assertAccessible();

        page.getByLabel("Type de mesure", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Enquête de personnalité (EP)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page).hasURL(Pattern.compile("type="));
        assertThat(page.locator("#figure-measuresReceived .figure-value")).hasText("2");
        assertThat(page.locator("#criteria")).containsText("Type de mesure : Enquête de personnalité (EP)");
        assertThat(page.locator("#byType tbody tr")).hasCount(1);
        assertThat(page.locator("#byType tbody tr").first()).containsText("Enquête de personnalité (EP)");
        assertThat(page.locator("#byOutcome")).hasCount(0);
        assertThat(page.locator("#breakdown-byOutcome")).containsText("Aucune donnée pour cette période");
        assertAccessible();

        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter en CSV")).click());
        org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).isEqualTo("indicateurs-2017-01-01-2017-12-31-enquete-de-personnalite-ep.csv");
        byte[] bytes = Files.readAllBytes(csv.path());
        org.assertj.core.api.Assertions.assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        org.assertj.core.api.Assertions.assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("Période;2017", "Type de mesure;Enquête de personnalité (EP)", "Mesures reçues;Nombre;2;1;1;100,0;");

        Download xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter en XLSX")).click());
        try (ReadableWorkbook workbook = new ReadableWorkbook(Files.newInputStream(xlsx.path()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row received = rows.stream().filter(r -> "Mesures reçues".equals(r.getCellText(0))).findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(received.getCell(2).asNumber()).isEqualByComparingTo("2");
            org.assertj.core.api.Assertions.assertThat(received.getCell(3).asNumber()).isEqualByComparingTo("1");
        }

        page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true)).fill("2016-06-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("La fin de la période doit être postérieure ou égale à son début.");
        assertThat(page.locator("#figures")).hasCount(0);
        assertThat(page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("L’an dernier")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("L’an dernier")))
                .hasAttribute("aria-current", "true");
        assertThat(page.locator("#figures")).isVisible();
    }

    /** In the demo association: in 2017 two enquêtes (Lyon) and a TIG (ended), in 2016 one enquête. */
    private void givenMeasuresOf2016And2017() {
        SignedIn.as(users, "cheffe.service");
        try {
            UUID person = persons.create(new Persons.PersonData("Indicateur", "Nadège", LocalDate.of(1984, 3, 3), "F",
                    null, null, null, null, null, null, null), true);
            UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
            UUID ep = type("EP");
            measure(person, ep, LocalDate.of(2017, 2, 1), worker);
            measure(person, ep, LocalDate.of(2017, 9, 1), worker);
            measure(person, ep, LocalDate.of(2016, 9, 1), worker);
            UUID tig = measure(person, type("TIG"), LocalDate.of(2017, 3, 1), worker);
            measures.perform(tig, MeasureAction.START, new Measures.ActionInput(null, LocalDate.of(2017, 3, 5), null, null));
            measures.perform(tig, MeasureAction.END,
                    new Measures.ActionInput(null, LocalDate.of(2017, 6, 1), MeasureOutcome.COMPLETED, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private UUID type(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    private UUID measure(UUID person, UUID type, LocalDate received, UUID worker) {
        UUID id = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null, received, null));
        measures.perform(id, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        return id;
    }
}
