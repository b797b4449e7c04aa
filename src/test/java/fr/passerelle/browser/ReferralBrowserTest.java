package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.GivenReferrals;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A case worker refers a person to a CSAPA from the person's file, sharing identity and health with
 * the person's consent; the partner accepts; the referrals' figures show the CSAPA's acceptance.
 */
@PasserelleIntegrationTest
class ReferralBrowserTest extends BrowserSupport {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void aReferralToACsapaWithConsentIsAcceptedAndCountedInTheFigures() {
        String partner = "CSAPA Parcours " + UUID.randomUUID().toString().substring(0, 6);
        UUID csapa;
        UUID person;
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        try {
            GivenReferrals given = new GivenReferrals(server, persons, measures, catalogue, followUp);
            csapa = given.partner(worker.organisationId(), partner, "CSAPA");
            person = given.person("Orientation");
        } finally {
            SecurityContextHolder.clearContext();
        }

        signIn("intervenant");
        page.navigate(url("/persons/" + person));
        assertThat(page.locator("#person-referrals-list")).containsText("Aucune orientation pour cette personne.");
        assertAccessible();
        page.locator("#refer-person").click();
        page.getByLabel("Partenaire").selectOption(new SelectOption().setLabel(partner + " (CSAPA)"));
        page.locator("#partner-continue").click();
        page.getByLabel("Objet de l’orientation").fill("Suivi en addictologie dans le cadre de l’obligation de soins.");
        page.getByLabel("Identité", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Santé et addictions").check();
        page.getByLabel("Le consentement couvre les informations de santé").check();
        assertAccessible();
        page.locator("#send-referral").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’orientation est enregistrée et son courriel est dans la file d’envoi.");
        assertThat(page.locator("#referral-status")).hasText("Envoyée");
        assertThat(page.locator("#referral-shared")).containsText("Santé et addictions");
        assertThat(page.locator("#referral-recipient")).hasText("accueil@partenaire.example.org");
        assertAccessible();

        page.locator("#action-accept").click();
        assertThat(page.locator("#referral-status")).hasText("Acceptée");
        assertThat(page.locator("#referral-events")).containsText("Acceptée le");

        page.navigate(url("/referrals?partner=" + csapa));
        assertThat(page.locator("#referrals")).containsText(partner);
        assertThat(page.locator("#referral-figures tr[data-type=CSAPA] td[data-figure=rate]")).not().hasText("—");
        assertThat(page.locator("#referral-figures tr[data-type=CSAPA]")).containsText("%");
        assertAccessible();
    }
}
