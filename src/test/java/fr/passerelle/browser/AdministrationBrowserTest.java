package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The administrators' journeys: services and users of an association; organisations, courts and audit for the federation. */
@PasserelleIntegrationTest
class AdministrationBrowserTest extends BrowserSupport {

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    private com.microsoft.playwright.Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void anAssociationAdministratorCreatesAServiceAndAUser() {
        signIn("admin.asso");
        page.navigate(url("/admin/services"));
        assertAccessible();
        field("Nouveau service").fill("Service de test navigateur");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le service a été créé.");

        page.navigate(url("/admin/users/new"));
        assertAccessible();
        field("Identifiant").fill("nouvel.intervenant");
        field("Nom affiché").fill("Nora Petit");
        field("Courriel").fill("nora.petit@example.org");
        field("Service").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Service de test navigateur"));
        field("Mot de passe").fill("court");
        field("Intervenant(e) socio-judiciaire").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#password-error")).hasText("Le mot de passe doit contenir au moins 12 caractères.");

        field("Mot de passe").fill("Un-mot-de-passe-solide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’utilisateur a été créé.");

        page.navigate(url("/admin/users"));
        field("Rechercher (nom, identifiant, courriel)").fill("Nora");
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results")).containsText("Service de test navigateur");
        assertAccessible();
    }

    @Test
    void theFederationAdministratorManagesOrganisationsCourtsAndVerifiesTheAuditTrail() {
        signIn("admin.federation");
        assertThat(page.locator("#regions-chart canvas")).isVisible();
        assertThat(page.locator("table[aria-labelledby=network-title] tbody tr")).hasCount(9);
        assertAccessible();

        page.navigate(url("/admin/organisations/new"));
        field("Nom").fill("Association de test navigateur");
        field("Ville").fill("Dijon");
        field("Département").fill("21");
        field("Identifiant").fill("admin.test.navigateur");
        field("Nom affiché").fill("Agnès Roy");
        field("Courriel").fill("agnes.roy@example.org");
        field("Mot de passe").fill("Un-mot-de-passe-solide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("L’organisation a été créée avec son administrateur.");
        assertAccessible();

        page.navigate(url("/reference/courts?q=Dijon"));
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier Tribunal judiciaire de Dijon")).click();
        field("Latitude").fill("abc");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#latitude-error")).isVisible();
        field("Latitude").fill("47.3220");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La juridiction a été modifiée.");

        page.navigate(url("/reference/courts-of-appeal"));
        assertThat(page.locator("tbody tr")).hasCount(36);
        assertAccessible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier Cour d'appel de Dijon")).click();
        field("Ville siège").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#seatCity-error")).hasText("Indiquez la ville siège.");
        field("Ville siège").fill("Dijon");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("La juridiction a été modifiée.");

        page.navigate(url("/admin/audit"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier l’intégrité de la chaîne")).click();
        assertThat(page.locator("#audit-verification")).containsText("Chaîne intègre");
        assertThat(page.locator("table")).containsText("court.corrected");
        assertAccessible();
    }

    @Test
    void anAssociationAdministratorFiltersTheAuditTrailByPersonUserAndPeriod() {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        UUID measureId;
        try {
            measureId = TenantContext.callAs(head.organisationId(), () -> measures.create(
                    persons.create(new Persons.PersonData("Journal", "Filtré", LocalDate.of(1980, 2, 2), null, null,
                            null, null, null, null, null, null), true),
                    new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON", "PARQUET", null, null, null,
                            LocalDate.now(ZoneId.of("Europe/Paris")), null)));
        } finally {
            SecurityContextHolder.clearContext();
        }
        Map<String, Object> measure = OwnerSql.of(server).sql("""
                select m.id::text as id, m.reference as measure, p.reference as person from measure m
                join person p on p.id = m.person_id where m.id = ?""").param(measureId).query().singleRow();
        signIn("intervenant");
        page.navigate(url("/measures/" + measure.get("id")));
        assertThat(page.locator("h1")).isVisible();
        page.context().clearCookies();

        signIn("admin.asso");
        page.navigate(url("/admin/audit"));
        field("Personne (référence)").fill(measure.get("person").toString());
        field("Utilisateur").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Camille Martin"));
        field("Du").fill(LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

        assertThat(page.locator("table tbody tr").first()).containsText("measure.viewed");
        assertThat(page.locator("table tbody tr").first()).containsText(measure.get("measure").toString());
        assertThat(page.locator("table tbody tr td:nth-child(3)").filter(new com.microsoft.playwright.Locator
                .FilterOptions().setHasNotText("Camille Martin"))).hasCount(0);
        assertThat(field("Personne (référence)")).hasValue(measure.get("person").toString());
        assertAccessible();
    }
}
