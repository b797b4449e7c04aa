package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.PasserelleIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A survey built by the federation's staff, answered by two associations (Lyon confirms its figure
 * pre-filled from Passerelle, Marseille corrects it and answers "no" so that the conditional question
 * stays hidden), its rate and its results.
 */
@PasserelleIntegrationTest
class SurveysBrowserTest extends BrowserSupport {

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private void addQuestion(String kind, String label) {
        field("Type").selectOption(kind);
        field("Intitulé").fill(label);
    }

    @Test
    void aSurveyIsBuiltAnsweredByTwoAssociationsAndItsResultsRead() {
        page.onDialog(dialog -> dialog.accept());
        String title = "Enquête " + UUID.randomUUID().toString().substring(0, 6);
        signIn("equipe.federale");
        page.navigate(url("/surveys"));
        field("Titre").fill(title);
        field("Associations interrogées").selectOption("Toutes les associations adhérentes");
        field("Date limite de réponse").fill(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(15).toString());
        assertAccessible();
        click(AriaRole.BUTTON, "Créer l’enquête");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Enquête créée");

        addQuestion("Choix unique", "Avez-vous une convention avec le SPIP ?");
        field("Choix proposés").fill("Oui\nNon");
        field("Réponse obligatoire").check();
        click(AriaRole.BUTTON, "Ajouter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Question ajoutée.");
        addQuestion("Nombre", "Mesures reçues l’an dernier");
        field("Pré-remplir avec").selectOption("les mesures reçues l’an dernier");
        field("Réponse obligatoire").check();
        click(AriaRole.BUTTON, "Ajouter");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Question ajoutée.");
        addQuestion("Texte libre", "Sur quoi porte-t-elle ?");
        field("Afficher seulement si la question").selectOption("1. Avez-vous une convention avec le SPIP ?");
        field("a pour réponse").fill("Oui");
        click(AriaRole.BUTTON, "Ajouter");
        assertThat(page.locator("#survey-items > li")).hasCount(3);
        assertAccessible();
        click(AriaRole.BUTTON, "Ouvrir l’enquête");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Enquête ouverte et envoyée à");
        assertThat(page.locator("#survey-rate")).containsText("0 sur ");
        String survey = page.url();

        // Lyon: the director confirms the figure Passerelle counted and answers the conditional question.
        page.context().clearCookies();
        signIn("directrice");
        assertThat(page.locator("#running-surveys")).containsText(title);
        page.navigate(survey + "/answer");
        assertThat(page.locator(".survey-prefill")).containsText("Selon Passerelle, votre association a reçu");
        Locator conditional = page.locator("fieldset[data-show-if-value='Oui']");
        assertThat(conditional).isHidden();
        field("Oui").check();
        assertThat(conditional).isVisible();
        conditional.locator("textarea").fill("Le contrôle judiciaire socio-éducatif.");
        click(AriaRole.BUTTON, "Enregistrer et envoyer");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("questions sont à compléter ou à confirmer");
        assertThat(page.locator(".survey-prefill")).containsText("Selon Passerelle");
        assertThat(conditional.locator("textarea")).hasValue("Le contrôle judiciaire socio-éducatif.");
        assertAccessible();
        field("Je confirme ce chiffre").check();
        click(AriaRole.BUTTON, "Enregistrer et envoyer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Réponse envoyée à la fédération. Merci !");
        assertThat(page.locator("#answer-status")).containsText("Réponse envoyée le");

        // Marseille: the director corrects the figure and answers no; the conditional question stays hidden.
        page.context().clearCookies();
        signIn("directeur.marseille");
        page.navigate(survey + "/answer");
        Locator number = page.locator("input.survey-number");
        long counted = Long.parseLong(number.inputValue().isBlank() ? "0" : number.inputValue());
        number.fill(String.valueOf(counted + 7));
        field("Non").check();
        assertThat(page.locator("fieldset[data-show-if-value='Oui']")).isHidden();
        assertAccessible();
        click(AriaRole.BUTTON, "Enregistrer et envoyer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Réponse envoyée à la fédération. Merci !");

        // The federation: the rate, then the results.
        page.context().clearCookies();
        signIn("equipe.federale");
        page.navigate(survey);
        assertThat(page.locator("#survey-rate")).containsText("2 sur ");
        assertThat(page.locator("#survey-targets")).containsText("Hélène Rousseau");
        assertThat(page.locator("#survey-targets")).containsText("Karim Mansouri");
        click(AriaRole.LINK, "Voir les résultats");
        assertThat(page.locator("#results-rate")).containsText("2 sur ");
        assertThat(page.locator(".survey-result").first()).containsText("(2 réponses)");
        assertThat(page.locator(".prefill-figures")).hasText("1 confirmés, 1 corrigés");
        assertThat(page.locator(".survey-texts")).containsText("Le contrôle judiciaire socio-éducatif.");
        assertAccessible();
    }
}
