package fr.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.GivenPlaces;
import fr.passerelle.partners.GivenReferrals;
import fr.passerelle.partners.PartnerFigures;
import fr.passerelle.partners.PartnerPlaces;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The partners journey of issue 16, end to end through the pages: the service head adds a CHRS with
 * a site in Lyon, its convention of 6 PE places and two PE places under it; the case worker searches
 * a free place for 90 days from a placement's page, books it and follows the stay (arrival, an
 * unauthorised absence that raises the urgent incident, departure); the days are counted on the
 * measure and billed to the court; the case worker refers another person to a CSAPA with consent, the
 * referral is accepted and counted in the referrals' figures; the director sees both the site's
 * occupancy and the referral on the association dashboard. axe-core checks each main page.
 *
 * <p>The stay is in last month (arrival on the 1st, departure on the 11th: 10 days), so that the
 * month can be billed; the measure comes from a court no other test bills (Villefranche-sur-Saône).
 */
@PasserelleIntegrationTest
class PartnersJourneyBrowserTest extends BrowserSupport {

    private static final String COURT = "TJ-VILLEFRANCHE-SUR-SAONE";

    @Autowired PartnerPlaces places;
    @Autowired Persons persons;
    @Autowired Measures measures;
    @Autowired MeasureCatalogue catalogue;
    @Autowired FollowUp followUp;
    @Autowired EmbeddedPostgresServer server;
    @Autowired Clock clock;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String chrs = "CHRS Trajectoire " + suffix;
    private final String csapa = "CSAPA Trajectoire " + suffix;

    @AfterEach
    void removeTheStatement() {
        OwnerSql.of(server).sql("delete from billing_statement where court_code = ?").param(COURT).update();
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void fromANewChrsToTheBilledDaysOfPlacementAndAnAcceptedReferralInTheFigures() {
        LocalDate today = LocalDate.now(clock);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        LocalDate arrival = lastMonth.atDay(1);
        LocalDate departure = lastMonth.atDay(11);
        UUID measure;
        UUID referred;
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        try {
            GivenPlaces givenPlaces = new GivenPlaces(server, places, persons, measures, catalogue);
            measure = givenPlaces.startedMeasure(users, givenPlaces.person("Trajectoire"), "PLACEMENT_EXTERIEUR",
                    arrival.minusDays(10), COURT);
            GivenReferrals givenReferrals = new GivenReferrals(server, persons, measures, catalogue, followUp);
            givenReferrals.partner(worker.organisationId(), csapa, "CSAPA");
            referred = givenReferrals.person("Trajectoire");
        } finally {
            SecurityContextHolder.clearContext();
        }

        String site = theServiceHeadAddsTheChrsItsConventionAndItsPePlaces(today);
        theCaseWorkerPlacesThePersonAndFollowsTheStay(measure, site, arrival, departure);
        long acceptedBefore = acceptedCsapaReferrals(arrival, today);
        theCaseWorkerRefersAnotherPersonToTheCsapa(referred);
        org.assertj.core.api.Assertions.assertThat(acceptedCsapaReferrals(arrival, today)).isEqualTo(acceptedBefore + 1);

        page.context().clearCookies();
        signIn("directrice");
        theDaysAreBilledToTheCourt(measure, lastMonth);
        page.navigate(url("/indicators?from=" + arrival + "&to=" + today));
        Locator occupancy = page.locator("#partners-occupancy-table tr", new Page.LocatorOptions()
                .setHasText(chrs + " – " + site));
        // Two places over last month, one of them held 10 days.
        String rate = PartnerFigures.Occupancy.rate(10, 2L * lastMonth.lengthOfMonth()).toPlainString().replace('.', ',');
        assertThat(occupancy.locator("td").nth(1)).hasText(rate + " %");
        assertThat(page.locator("#partners-figures #referral-figures tr[data-type=CSAPA] td").nth(1))
                .hasText(Long.toString(acceptedBefore + 1));
        assertAccessible();
    }

    /** Returns the name of the site. */
    private String theServiceHeadAddsTheChrsItsConventionAndItsPePlaces(LocalDate today) {
        signIn("cheffe.service");
        follow("followUp", "Partenaires");
        click(AriaRole.LINK, "Nouveau partenaire");
        field("Nom").fill(chrs);
        field("Type de structure").selectOption("CHRS");
        assertAccessible();
        click(AriaRole.BUTTON, "Enregistrer");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le partenaire est ajouté à l’annuaire.");

        String site = "Foyer de Gerland";
        page.locator("#add-site summary").click();
        field("Nom du site").fill(site);
        field("Adresse").fill("8 rue de Gerland");
        field("Code postal").fill("69007");
        field("Commune").fill("Lyon");
        field("Latitude").fill("45,7300");
        field("Longitude").fill("4,8330");
        page.locator("#add-site button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le site est ajouté.");
        field("Niveau de partenariat").selectOption("3");
        click(AriaRole.BUTTON, "Enregistrer");
        assertThat(page.locator("#current-level")).containsText("3");
        assertAccessible();
        String partnerPage = page.url().replaceAll("#.*$", "");

        page.locator("#partner-conventions").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Nouvelle convention")).click();
        assertThat(field("Partenaire").locator("option:checked")).hasText(chrs);
        field("Objet").selectOption("PLACEMENT_EXTERIEUR");
        field("Référence").fill("PE-" + suffix);
        field("Intitulé").fill("Places de placement à l’extérieur");
        field("Date de début").fill(today.minusYears(1).toString());
        field("Date de fin").fill(today.plusYears(1).toString());
        field("Places réservées").fill("6");
        page.locator("#convention-form").getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Convention enregistrée.");
        assertThat(page.locator("#convention-places")).hasText("6");

        page.navigate(partnerPage);
        click(AriaRole.LINK, "Places et occupation du site " + site);
        for (String label : new String[] {"PE 1", "PE 2"}) {
            page.locator("#new-label").fill(label);
            page.locator("#new-kind").selectOption("PE_RESERVED");
            page.locator("#add-place button[type=submit]").click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("La place est ajoutée.");
            Locator row = page.locator("#site-places tbody tr", new Page.LocatorOptions().setHasText(label));
            row.locator("summary").click();
            row.getByLabel("Convention").selectOption(new SelectOption().setLabel("PE-" + suffix
                    + " – Places de placement à l’extérieur"));
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rattacher à la convention")).click();
            assertThat(page.locator("#site-places tbody tr", new Page.LocatorOptions().setHasText(label)))
                    .containsText("sous la convention PE-" + suffix);
        }
        assertAccessible();
        return site;
    }

    private void theCaseWorkerPlacesThePersonAndFollowsTheStay(UUID measure, String site, LocalDate arrival,
            LocalDate departure) {
        page.context().clearCookies();
        signIn("intervenant");
        page.navigate(url("/measures/" + measure));
        page.locator("#find-place").click();
        field("Type de place").selectOption("PE_RESERVED");
        field("Du").fill(arrival.toString());
        field("Au").fill(arrival.plusDays(90).toString());
        field("Près du site").selectOption(new SelectOption().setLabel(chrs + " – " + site));
        field("Dans un rayon de (km)").fill("1");
        click(AriaRole.BUTTON, "Rechercher");
        Locator first = page.locator("#place-results tbody tr").first();
        assertThat(first).containsText(chrs);
        assertThat(first).containsText("Niveau 3");
        assertThat(first).containsText("0,0 km");
        assertAccessible();

        first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Réserver")).click();
        assertThat(page.locator("#book-person")).containsText("TRAJECTOIRE Test");
        page.getByLabel("Confirmer tout de suite (la place est retenue)").uncheck();
        click(AriaRole.BUTTON, "Réserver");
        assertThat(page.locator("#booking-status")).hasText("Demandée");
        page.locator("#action-confirm").click();
        assertThat(page.locator("#booking-status")).hasText("Confirmée");
        field("Date d’arrivée").fill(arrival.toString());
        page.locator("#action-arrive").click();
        assertThat(page.locator("#booking-status")).hasText("Arrivée");
        field("Date de l’absence").fill(arrival.plusDays(4).toString());
        field("Ce qui s’est passé").fill("N’a pas réintégré le foyer à 21 h.");
        page.locator("#action-absence").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("L’absence est enregistrée");
        String booking = page.url();

        page.locator("#booking-measure").click();
        assertThat(page.locator("#incidents li").first()).containsText("Urgent");
        page.navigate(booking);
        field("Date de départ").fill(departure.toString());
        field("Motif du départ").fill("Fin du placement");
        page.locator("#action-depart").click();
        assertThat(page.locator("#booking-status")).hasText("Partie");
        assertAccessible();

        page.locator("#booking-measure").click();
        assertThat(page.locator("#quantity-progress")).hasText("10 au total");
        assertAccessible();
    }

    /** The CSAPAs' accepted referrals sent from one date to another, as the referrals' page shows them. */
    private long acceptedCsapaReferrals(LocalDate from, LocalDate until) {
        page.navigate(url("/referrals?from=" + from + "&until=" + until));
        assertThat(page.locator("#referral-figures")).isVisible();
        Locator csapas = page.locator("#referral-figures tr[data-type=CSAPA] td");
        return csapas.count() == 0 ? 0 : Long.parseLong(csapas.nth(1).innerText().strip());
    }

    private void theCaseWorkerRefersAnotherPersonToTheCsapa(UUID person) {
        page.navigate(url("/persons/" + person));
        page.locator("#refer-person").click();
        field("Partenaire").selectOption(new SelectOption().setLabel(csapa + " (CSAPA)"));
        page.locator("#partner-continue").click();
        field("Objet de l’orientation").fill("Suivi en addictologie dans le cadre de l’obligation de soins.");
        field("Identité").check();
        page.getByLabel("Santé et addictions").check();
        page.getByLabel("Le consentement couvre les informations de santé").check();
        assertAccessible();
        page.locator("#send-referral").click();
        assertThat(page.locator("#referral-status")).hasText("Envoyée");
        assertThat(page.locator("#referral-shared")).containsText("Santé et addictions");
        page.locator("#action-accept").click();
        assertThat(page.locator("#referral-status")).hasText("Acceptée");
        assertAccessible();
    }

    private void theDaysAreBilledToTheCourt(UUID measure, YearMonth month) {
        follow("management", "Facturation");
        page.locator("#new-court").selectOption(new SelectOption().setLabel("Tribunal judiciaire de Villefranche-sur-Saône"));
        page.locator("#new-month").fill(month.toString());
        click(AriaRole.BUTTON, "Préparer le mémoire");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Le mémoire est préparé.");
        Locator line = page.locator("#statement-lines tbody tr", new Page.LocatorOptions()
                .setHas(page.locator("a[href='/measures/" + measure + "']")));
        assertThat(line.locator("td").nth(5)).hasText("10 jours");
        assertAccessible();
    }
}
