package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A local authority's prevention coordinator runs a programme from the library: searches it
 * ("chantier", "violences conjugales"), reads and prints the sheet, adopts it, forms the group and
 * signs the charter, admits five young people from liaison forms (one minor, whose consent a parent
 * gives), takes attendance at the sessions, writes end reviews, and reads the computed indicators
 * and the report for the CLSPD. axe-core checks each page.
 */
@PasserelleIntegrationTest
class ProgrammeJourneyBrowserTest extends BrowserSupport {

    private static final List<String[]> YOUNG = List.of(
            new String[] {"Yanis", "Brahimi", "M"}, new String[] {"Inès", "Lefort", "F"},
            new String[] {"Kevin", "Morel", "M"}, new String[] {"Sarah", "Nguyen", "F"},
            new String[] {"Mehdi", "Arnaud", "M"});

    private void click(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private void flashed(String message) {
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(message);
    }

    @Test
    void aCoordinatorRunsAProgrammeFromASheetToItsReport() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate start = today.minusDays(60);
        String title = "Chantier des Grandes-Terres " + UUID.randomUUID().toString().substring(0, 6);
        page.onDialog(dialog -> dialog.accept());

        signIn("coordinatrice");
        follow("network", "Bonnes pratiques");
        page.locator("#q").fill("violences conjugales");
        assertThat(page.locator("#practice-results > li").first()).containsText("Violences faites aux femmes");
        page.locator("#q").fill("chantier");
        assertThat(page.locator("#practice-results > li").first().locator("h2")).hasText("Chantier passerelle");
        page.locator("#practice-results > li h2 a").first().click();
        Download sheetPdf = page.waitForDownload(() -> page.locator("#practice-pdf").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(sheetPdf.path()))) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(pdf)).contains("Chantier passerelle");
        }

        // Adopt: objectives and indicators come from the sheet.
        page.locator("#adopt-practice").click();
        assertThat(page.locator("h1")).hasText("Adopter la fiche « Chantier passerelle »");
        assertThat(page.locator("#indicators0\\.label")).hasValue("Nombre de bénéficiaires (mineurs, majeurs)");
        assertAccessible();
        page.locator("#title").fill(title);
        page.locator("#territory").fill("Vaulx-en-Velin");
        page.locator("#departementCode").fill("69");
        page.locator("#capacity").fill("10");
        page.locator("#startsOn").fill(start.toString());
        page.locator("#endsOn").fill(start.minusDays(1).toString());
        click("Créer le programme");
        assertThat(page.locator("#endsOn-error")).hasText("La fin du programme ne peut précéder son début.");
        page.locator("#endsOn").fill(start.plusYears(1).toString());
        click("Créer le programme");
        flashed("Le programme est créé. Composez son groupe opérationnel et signez la charte.");

        // The group and its charter.
        page.locator("#add-member summary").click();
        page.locator("#member-name").fill("Karim Benyahia");
        page.locator("#member-organisation").fill("Service de prévention spécialisée");
        page.locator("#member-role").selectOption("REFERENT");
        page.locator("#add-member-submit").click();
        flashed("Le membre est ajouté au groupe.");
        Locator karim = page.locator("#members tbody tr", new Page.LocatorOptions().setHasText("Karim Benyahia"));
        karim.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Signature sur papier")).click();
        flashed("La signature sur papier est enregistrée.");
        page.locator("#tab-beneficiaries").click();
        assertThat(page.locator("p.lead")).containsText("avoir signé sa charte en vigueur");
        page.navigate(page.url().replace("/beneficiaries", "/group"));
        page.locator("#sign-charter").click();
        flashed("Votre signature est enregistrée.");
        assertThat(page.locator("#charter-signed")).isVisible();
        assertAccessible();

        // Five liaison forms, admitted; the minor's consent is a parent's.
        String programmeUrl = page.url().replace("/group", "");
        for (int i = 0; i < YOUNG.size(); i++) {
            String[] who = YOUNG.get(i);
            boolean minor = i == 0;
            page.navigate(programmeUrl + "/beneficiaries");
            if (page.locator("#add-liaison").getAttribute("open") == null) {
                page.locator("#add-liaison summary").click();
            }
            page.locator("#firstName").fill(who[0]);
            page.locator("#lastName").fill(who[1]);
            page.locator("#birthDate").fill((minor ? today.minusYears(15) : today.minusYears(19 + i)).toString());
            page.locator("#sex").selectOption(who[2]);
            page.locator("#liaisonFrom").fill("Collège Henri-Barbusse");
            page.locator("#liaisonOn").fill(start.toString());
            page.locator("#liaisonReason").fill("Décrochage scolaire signalé par l’établissement.");
            page.locator("#add-liaison-submit").click();
            flashed("La fiche de liaison est enregistrée ; elle attend la décision du groupe.");
            if (i == 0) {
                assertAccessible();
            }
            page.locator("#decision").selectOption("ADMITTED");
            page.locator("#decisionOn").fill(start.toString());
            page.locator("#decision-submit").click();
            flashed("La décision du groupe est enregistrée.");
            page.locator("#consentOn").fill(start.plusDays(1).toString());
            if (minor) {
                page.locator("#consentBy").selectOption("SELF");
                page.locator("#consent-submit").click();
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("il faut le consentement d’un parent");
                page.locator("#consentOn").fill(start.plusDays(1).toString());
                page.locator("#consentBy").selectOption("PARENT");
                page.locator("#guardianName").fill("Mme Brahimi");
            } else {
                page.locator("#consentBy").selectOption("SELF");
            }
            page.locator("#consent-submit").click();
            flashed("Le consentement est enregistré.");
            page.locator("#referentId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                    "Karim Benyahia (Service de prévention spécialisée)"));
            page.locator("#contractStartsOn").fill(start.plusDays(2).toString());
            page.locator("#contractEndsOn").fill(start.plusMonths(6).toString());
            page.locator("#contractObjectives").fill("Participer au chantier et construire un projet de formation.");
            page.locator("#contract-submit").click();
            flashed("Le contrat est enregistré.");
        }
        assertThat(page.locator("#beneficiary-stage")).hasText("Suivi en cours");
        assertAccessible();

        // Four half-days of chantier, attendance taken: one absence, one delay.
        page.navigate(programmeUrl + "/sessions");
        page.locator("#from").fill(start.plusDays(7).toString());
        page.locator("#count").fill("4");
        page.locator("#plan-sessions-submit").click();
        flashed("Les séances sont prévues.");
        assertThat(page.locator("#sessions tbody tr")).hasCount(4);
        assertAccessible();
        for (int s = 0; s < 4; s++) {
            page.locator("#sessions tbody tr").nth(s).getByRole(AriaRole.LINK).click();
            assertThat(page.locator("#attendance tbody tr")).hasCount(5);
            if (s == 0) {
                page.getByLabel("Kevin Morel absent(e)").check();
                page.getByLabel("Sarah Nguyen en retard").check();
                assertAccessible();
            }
            // Everyone not marked otherwise is present (an explicit choice: no line is recorded unanswered).
            page.locator("#attendance-rest-present").click();
            flashed("L’appel est enregistré.");
        }
        assertThat(page.locator("#sessions tbody tr").first()).containsText("4 / 5");

        // End reviews for two of them.
        page.navigate(programmeUrl + "/beneficiaries");
        for (String name : List.of("Nguyen Sarah", "Arnaud Mehdi")) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
            page.locator("#exitOutcome").selectOption(name.startsWith("Nguyen") ? "TRAINING" : "NONE");
            page.locator("#exitReview").fill("Parcours mené à son terme.");
            page.locator("#exit-submit").click();
            flashed("Le bilan de sortie est enregistré.");
            page.locator("a", new Page.LocatorOptions().setHasText("Tous les bénéficiaires")).click();
        }

        // The indicators compute themselves; the report for the CLSPD.
        page.navigate(programmeUrl + "/indicators");
        assertThat(page.locator("#measure-ADMITTED td").first()).hasText("5");
        assertThat(page.locator("#measure-MINORS td").first()).hasText("1");
        assertThat(page.locator("#measure-ASSIDUITY td").first()).hasText("95,0\u00a0%");
        assertThat(page.locator("#measure-PUNCTUALITY td").first()).hasText("94,7\u00a0%");
        assertThat(page.locator("#measure-POSITIVE_EXITS td").first()).hasText("50,0\u00a0%");
        assertThat(page.locator("#adopted-indicators")).containsText("Nombre de bénéficiaires (mineurs, majeurs)");
        assertAccessible();
        Download report = page.waitForDownload(() -> page.locator("#programme-report").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(report.path()))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            org.assertj.core.api.Assertions.assertThat(text).contains(title, "Taux d’assiduité", "95,0");
            org.assertj.core.api.Assertions.assertThat(text).doesNotContain("Brahimi", "Nguyen");
        }
    }
}
