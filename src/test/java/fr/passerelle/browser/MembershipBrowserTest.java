package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The membership journey: a structure applies through the public form (a wrong SIRET refused, its
 * input kept), federation staff give the regional opinion, the federation's administrator accepts
 * it, and its first administrator signs in to the new association.
 */
@PasserelleIntegrationTest
class MembershipBrowserTest extends BrowserSupport {

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void aStructureAppliesTheFederationAcceptsItAndItsAdministratorSignsIn() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Association Pont-Neuf " + tag;
        page.navigate(url("/reseau/adhesion"));
        assertAccessible();
        field("Nom de la structure").fill(name);
        field("SIRET (14 chiffres)").fill("732 829 320 00075");
        field("Forme juridique").selectOption("Association loi 1901");
        field("Région").selectOption("Auvergne-Rhône-Alpes");
        field("Adresse").fill("1 place Championnet");
        field("Code postal").fill("26000");
        field("Ville").fill("Valence");
        field("Téléphone").fill("04 75 12 34 56");
        field("Pré-sentenciel").check();
        field("Filtrer les tribunaux (nom, ville, département)").fill("valence");
        field("Tribunal judiciaire de Valence (26 Drôme)").check();
        field("Médiation pénale").check();
        field("Budget annuel (€)").fill("350000");
        field("Effectif (équivalents temps plein)").fill("6.5");
        field("Association marraine 1").selectOption(new SelectOption().setIndex(1));
        field("Association marraine 2").selectOption(new SelectOption().setIndex(2));
        field("Directeur ou directrice").fill("Anne Martin");
        field("Administrateur ou administratrice Passerelle").fill("Paul Girard");
        field("Courriel de l’administrateur ou l’administratrice").fill("paul.girard." + tag + "@example.org");
        field("Nous adhérons à la charte des engagements réciproques.").check();
        field("Signée par (nom et qualité)").fill("Anne Martin, présidente");
        click(AriaRole.BUTTON, "Envoyer la demande");
        assertThat(page.locator("#siret-error"))
                .hasText("Ce numéro SIRET n’est pas valide : il faut 14 chiffres dont la clé de contrôle est juste.");
        assertThat(field("Nom de la structure")).hasValue(name);
        assertThat(field("Tribunal judiciaire de Valence (26 Drôme)")).isChecked();
        assertAccessible();

        field("SIRET (14 chiffres)").fill("732 829 320 00074");
        click(AriaRole.BUTTON, "Envoyer la demande");
        assertThat(page.locator("h1")).hasText("Demande d’adhésion envoyée");
        String reference = page.locator("#application-reference").textContent().trim();
        assertAccessible();

        signIn("equipe.federale");
        page.navigate(url("/network/membership"));
        field("Rechercher (nom ou référence)").fill(tag);
        click(AriaRole.LINK, reference);
        assertThat(page.locator("h1")).containsText(name);
        assertAccessible();
        // Staff give the opinion; the decision is not theirs.
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la décision"))).hasCount(0);
        field("Favorable").check();
        field("Motivation de l’avis").fill("Structure connue du tribunal de Valence.");
        click(AriaRole.BUTTON, "Donner l’avis");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Avis enregistré.");
        String show = page.url();

        page.context().clearCookies();
        signIn("admin.federation");
        page.navigate(show);
        field("Accepter").check();
        assertThat(field("Identifiant du compte")).hasValue("paul.girard." + tag);
        field("Mot de passe initial").fill(DemoAccounts.PASSWORD);
        assertAccessible();
        click(AriaRole.BUTTON, "Enregistrer la décision");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Décision enregistrée.");
        assertThat(page.locator("h1")).containsText("Acceptée");
        click(AriaRole.LINK, "Voir l’association membre");
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator(".list-group-item").first()).containsText("Membre");
        assertThat(page.locator(".list-group-item").first()).containsText(reference);
        assertAccessible();

        // The new administrator signs in to the new association (asked for the second factor first).
        page.context().clearCookies();
        signIn("paul.girard." + tag);
        assertThat(page).hasURL(url("/mfa/enrol"));
    }

    @Test
    void theFederationRecordsAPaymentOfAFeeInArrearsAndTheAssociationSeesItsCalls() {
        signIn("admin.federation");
        page.navigate(url("/"));
        assertThat(page.locator("#membership-summary")).containsText("cotisations impayées");
        page.navigate(url("/network/fees"));
        assertThat(page.locator("#fee-rule")).containsText("Budget annuel");
        assertAccessible();
        field("État").selectOption("Impayée");
        click(AriaRole.BUTTON, "Rechercher");
        Locator first = page.locator("#fee-calls tbody tr").first();
        assertThat(first).containsText("Impayée");
        String member = first.locator("a").textContent().trim();
        first.locator("a").click();
        assertThat(page.locator("h1")).containsText(member);
        assertAccessible();
        field("Montant").fill("999999");
        click(AriaRole.BUTTON, "Enregistrer le paiement");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("dépasse le reste à payer");
        String remaining = page.locator("#amount").inputValue();
        field("Montant").fill(remaining);
        field("Moyen de paiement").selectOption("Chèque");
        click(AriaRole.BUTTON, "Enregistrer le paiement");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Paiement enregistré.");
        assertThat(page.locator("h1")).containsText("Payée");
        assertThat(page.locator("#fee-payments")).containsText("Chèque");

        page.context().clearCookies();
        signIn("directrice");
        page.navigate(url("/network/profile/fees"));
        assertThat(page.locator("#my-fee-calls")).containsText("COT-");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Télécharger l’appel (PDF)")).first())
                .isVisible();
        assertAccessible();
    }
}
