package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A CJSE from the mandate to its closure, through the pages a service head uses. */
@PasserelleIntegrationTest
class MeasureJourneyBrowserTest extends BrowserSupport {

    /** Dates typed in the forms are the users' (Paris) dates, whatever the zone of the machine. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    void receivesACjseAssignsItHoldsTheFirstInterviewEndsAndClosesIt() {
        signIn("cheffe.service");
        assertThat(page.locator("#caseload-summary")).containsText("Non attribuées");
        follow("followUp", "Personnes");
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouvelle personne")).click();
        field("Nom").fill("Lemaître");
        field("Prénom").fill("Éloïse");
        field("Date de naissance").fill("1990-06-15");
        click("Enregistrer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La personne a été créée.");
        assertAccessible();

        // The same person typed again without accents: a duplicate warning, nothing created.
        page.navigate(url("/persons/new"));
        field("Nom").fill("LEMAITRE");
        field("Prénom").fill("Eloise");
        field("Date de naissance").fill("1990-06-15");
        click("Enregistrer");
        assertThat(page.locator("#duplicate-warning")).containsText("existe probablement déjà");
        assertAccessible();
        page.navigate(url("/persons?q=lemaitre"));
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lemaître Éloïse")).click();

        // Her situation is completed on her file.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier la fiche")).click();
        field("Logement").fill("CHRS");
        click("Enregistrer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La fiche a été modifiée.");
        assertThat(page.locator("dl").nth(1)).containsText("CHRS");
        field("Objet (ce qui est accepté)").fill("Échange d’informations sur l’hébergement");
        field("Pour qui").fill("SIAO du Rhône");
        click("Enregistrer le consentement");
        assertThat(page.locator("#consents")).containsText("SIAO du Rhône");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouvelle mesure")).click();
        field("Type de mesure").selectOption(new SelectOption().setLabel("Contrôle judiciaire socio-éducatif (CJSE)"));
        field("Juridiction").selectOption(new SelectOption().setLabel("Tribunal judiciaire de Lyon"));
        field("Prescripteur").selectOption(new SelectOption().setLabel("Juge d’instruction"));
        field("Numéro d’instruction").fill("JI 26/0042");
        assertAccessible();
        click("Enregistrer la saisine");
        assertThat(page.locator("#measure-status")).hasText("Saisine reçue");
        assertAccessible();

        // It waits in the service head's "unassigned" caseload.
        String reference = page.locator("h1 small").textContent().trim();
        follow("followUp", "Portefeuilles");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Non attribuées")).click();
        assertThat(page.locator("#results")).containsText(reference);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();

        field("Intervenant(e) à qui attribuer la mesure").selectOption(new SelectOption().setLabel("Camille Martin"));
        click("Attribuer");
        assertThat(page.locator("#measure-status")).hasText("Attribuée");

        // The first interview is scheduled, then held: the measure is in progress.
        field("Date et heure").fill(LocalDate.now(PARIS) + "T09:30");
        field("Type d’entretien").selectOption(new SelectOption().setLabel("Au bureau"));
        click("Planifier l’entretien");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’entretien est planifié.");
        page.locator("#appointments select").selectOption(new SelectOption().setLabel("Présent(e)"));
        page.locator("#appointments input[name=notes]").fill("Premier entretien, obligations rappelées.");
        click("Enregistrer");
        assertThat(page.locator("#measure-status")).hasText("En cours");
        assertThat(page.locator("#appointments")).containsText("Premier entretien, obligations rappelées.");

        // An incident: recorded, then reported to the magistrate at once.
        field("Nature du manquement").selectOption(new SelectOption().setLabel("Non-respect d’une obligation"));
        field("Description factuelle").fill("Ne s’est pas présenté au CSAPA comme convenu.");
        click("Enregistrer l’incident");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’incident est enregistré.");
        page.locator("#incidents input[name=reportedTo]").fill("Juge d’instruction");
        click("Signaler au magistrat");
        assertThat(page.locator("#incidents")).containsText("Signalé le");
        assertAccessible();

        // Without an outcome the form is not even sent (and the server would refuse it too).
        click("Terminer");
        assertThat(page.locator("#measure-status")).hasText("En cours");
        field("Issue de la mesure").selectOption(new SelectOption().setLabel("Terminée à son terme"));
        click("Terminer");
        assertThat(page.locator("#measure-status")).hasText("Terminée");

        // The final report: drafted from its template, submitted, validated, downloaded as PDF, sent.
        field("Nouveau rapport").selectOption(new SelectOption().setLabel("Rapport de fin de mesure"));
        click("Rédiger");
        assertThat(page.locator("#report-status")).hasText("Brouillon");
        assertAccessible();
        page.locator("#body").fill("Objet : rapport de fin de mesure.\n\nLa mesure s’est déroulée sans incident majeur.");
        click("Enregistrer une nouvelle version");
        click("Soumettre au chef de service");
        assertThat(page.locator("#report-status")).hasText("Soumis au chef de service");
        String reportUrl = page.url();

        // The service head finds it from the home page: a count computed from the data, then the queue.
        page.navigate(url("/"));
        assertThat(page.locator("#validation-summary")).containsText("votre validation");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir les rapports à valider")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rapports à valider"))).isVisible();
        assertAccessible();
        Locator row = page.locator("#reports-queue tbody tr").filter(new Locator.FilterOptions().setHasText("Lemaître"));
        assertThat(row).hasCount(1);
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rapport de fin de mesure")).click();
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(reportUrl);
        click("Valider");
        assertThat(page.locator("#report-status")).hasText("Validé");
        com.microsoft.playwright.Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Télécharger le PDF")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).startsWith("rapport-final-M-").endsWith(".pdf");
        click("Enregistrer l’envoi au magistrat");
        assertThat(page.locator("#report-status")).hasText("Envoyé");
        assertThat(page.locator("#report-versions li")).hasCount(2);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Fil d’Ariane")).getByRole(AriaRole.LINK).click();

        field("Date de clôture (par défaut, celle de l’envoi du rapport de fin)").fill(LocalDate.now(PARIS).toString());
        click("Clôturer");
        assertThat(page.locator("#measure-status")).hasText("Clôturée");
        assertThat(page.locator("#timeline li[data-kind=LIFECYCLE], #timeline li[data-kind=ASSIGNMENT]")).hasCount(5);
        assertThat(page.locator("#appointments")).containsText("Présent(e)");
        assertAccessible();
    }
}
