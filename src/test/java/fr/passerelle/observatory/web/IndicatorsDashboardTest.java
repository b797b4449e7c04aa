package fr.passerelle.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.Dimension;
import fr.passerelle.observatory.NationalObservatory;
import fr.passerelle.observatory.ObservatoryFeed;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The association dashboard over HTTP, on an association of its own (measures of 2015 and 2016):
 *
 * <pre>
 * measure  type  court   worker (service)     received    end
 * 1        EP    LYON    W1 (Pré-sentenciel)  2016-03-01  —
 * 2        EP    LYON    W1 (Pré-sentenciel)  2016-04-01  —
 * 3        TIG   VIENNE  W2 (Post-sentenciel) 2016-05-01  2016-06-01 COMPLETED
 * 4        EP    LYON    W1 (Pré-sentenciel)  2015-02-01  —
 * </pre>
 * The director sees the whole association, the head of the post-sentenciel service only measure 3,
 * whatever service the address names. For the comparison with the network, a second sharing
 * association has 8 EP received at TJ-LYON in January 2016 (7 of them ended in 2016): perturbed by at
 * most 2, the rest of the network's counts are never below the threshold of 5, whatever the record keys.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsDashboardTest {

    private static final String YEAR_2016 = "from=2016-01-01&to=2016-12-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AssociationServices services;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    ObservatoryFeed feed;

    @Autowired
    NationalObservatory observatory;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService logins;

    private PasserelleUser director;
    private PasserelleUser head;
    private PasserelleUser headWithoutService;
    private UUID association;
    private UUID pre;
    private UUID post;
    private UUID ep;
    private UUID tigType;
    private UUID w1;

    @BeforeAll
    void givenAnAssociationWithTwoServices() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association tableau de bord " + suffix, "Lyon", "69", null, true, true), null);
        association = org;
        TenantContext.runAs(org, () -> {
            pre = services.create("Pré-sentenciel");
            post = services.create("Post-sentenciel");
            w1 = user("w1", pre, Roles.CASE_WORKER, suffix);
            UUID w2 = user("w2", post, Roles.CASE_WORKER, suffix);
            user("directrice", null, Roles.DIRECTOR, suffix);
            user("chef", post, Roles.SERVICE_HEAD, suffix);
            user("chef.seul", null, Roles.SERVICE_HEAD, suffix);
            ep = typeId("EP");
            tigType = typeId("TIG");
            UUID someone = persons.create(new Persons.PersonData("Tableau", "Bord", LocalDate.of(1990, 1, 1), "F",
                    null, null, null, null, null, null, null), true);
            assigned(someone, ep, "TJ-LYON", LocalDate.of(2016, 3, 1), w1);
            assigned(someone, ep, "TJ-LYON", LocalDate.of(2016, 4, 1), w1);
            UUID tig = assigned(someone, typeId("TIG"), "TJ-VIENNE", LocalDate.of(2016, 5, 1), w2);
            measures.perform(tig, MeasureAction.START, new Measures.ActionInput(null, LocalDate.of(2016, 5, 2), null, null));
            measures.perform(tig, MeasureAction.END,
                    new Measures.ActionInput(null, LocalDate.of(2016, 6, 1), MeasureOutcome.COMPLETED, null));
            assigned(someone, ep, "TJ-LYON", LocalDate.of(2015, 2, 1), w1);
        });
        UUID neighbour = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association voisine " + suffix, "Lyon", "69", null, true, true), null);
        TenantContext.runAs(neighbour, () -> {
            UUID worker = user("voisin", null, Roles.CASE_WORKER, suffix);
            UUID someone = persons.create(new Persons.PersonData("Voisin", "Réseau", LocalDate.of(1980, 1, 1), "M",
                    null, null, null, null, null, null, null), true);
            for (int day = 1; day <= 8; day++) {
                UUID m = assigned(someone, typeId("EP"), "TJ-LYON", LocalDate.of(2016, 1, day), worker);
                measures.perform(m, MeasureAction.START,
                        new Measures.ActionInput(null, LocalDate.of(2016, 1, day + 10), null, null));
                if (day <= 7) {
                    measures.perform(m, MeasureAction.END, new Measures.ActionInput(null,
                            LocalDate.of(2016, 9, day), MeasureOutcome.COMPLETED, null));
                }
            }
        });
        feed.refresh();
        director = login("directrice", suffix);
        head = login("chef", suffix);
        headWithoutService = login("chef.seul", suffix);
    }

    @Test
    void theDirectorSeesEveryFigureOfThePeriodComparedWithThePreviousOne() throws Exception {
        MvcResult result = page(director, "/indicators?" + YEAR_2016);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String html = html(result);
        assertThat(figure(html, "measuresReceived")).contains(">3<", ">1<", ">+2<", ">+200 %<");
        assertThat(html).contains("Période : 2016, comparée à la période précédente de même durée : 2015.");
        // Definitions next to the figures, every indicator present (no filter hides any).
        assertThat(html).contains("Nombre de mesures dont la saisine a été reçue pendant la période");
        assertThat(html).doesNotContain("id=\"unavailable\"");
        // Breakdowns as tables and as chart data (no inline script).
        assertThat(html).contains("id=\"byType\"", "id=\"byOutcome\"", "id=\"bySexAndAge\"", "data-chart=");
        assertThat(html).contains("Terminée à son terme");
        assertThat(html).doesNotContain("<script>");
        // Only the courts of the association's measures are offered.
        assertThat(html).contains("value=\"TJ-VIENNE\"", "value=\"TJ-LYON\"").doesNotContain("value=\"TJ-MARSEILLE\"");
    }

    @Test
    void filtersNarrowTheFiguresAndIndicatorsThatCannotBeFilteredAreExplained() throws Exception {
        String byType = html(page(director, "/indicators?" + YEAR_2016 + "&type=" + ep));
        assertThat(figure(byType, "measuresReceived")).contains(">2<");
        assertThat(byType).contains("Type de mesure : Enquête de personnalité");

        String byService = html(page(director, "/indicators?" + YEAR_2016 + "&service=" + pre));
        assertThat(figure(byService, "measuresReceived")).contains(">2<");

        String byWorker = html(page(director, "/indicators?" + YEAR_2016 + "&worker=" + w1));
        assertThat(figure(byWorker, "measuresReceived")).contains(">2<");
        assertThat(byWorker).contains("id=\"unavailable-amountBilled\"", "ne peut pas être filtré par : intervenant(e)");
        assertThat(byWorker).doesNotContain("id=\"figure-amountBilled\"");

        String byCourt = html(page(director, "/indicators?" + YEAR_2016 + "&court=TJ-VIENNE"));
        assertThat(figure(byCourt, "measuresReceived")).contains(">1<");
        assertThat(figure(byCourt, "measuresEnded")).contains(">1<");

        String nothing = html(page(director, "/indicators?from=2010-01-01&to=2010-12-31"));
        assertThat(nothing).contains("id=\"no-figures\"", "Aucune donnée pour cette période et ces filtres.");
    }

    @Test
    void aServiceHeadOnlyEverGetsTheirOwnServicesFigures() throws Exception {
        String own = html(page(head, "/indicators?" + YEAR_2016));
        assertThat(figure(own, "measuresReceived")).contains(">1<");
        assertThat(own).contains("Chiffres du service « Post-sentenciel »");
        // Naming the other service in the address changes nothing.
        String other = html(page(head, "/indicators?" + YEAR_2016 + "&service=" + pre));
        assertThat(figure(other, "measuresReceived")).contains(">1<");
        // (The field filter offers "Pré-sentenciel" as a field, not as a service.)
        assertThat(other.replace("<option value=\"PRE_SENTENCE\">Pré-sentenciel</option>", ""))
                .doesNotContain("Pré-sentenciel");
        // Nor does naming a worker of the other service: the service filter still applies.
        String worker = html(page(head, "/indicators?" + YEAR_2016 + "&worker=" + w1));
        assertThat(figure(worker, "measuresReceived")).contains(">0<");
        // The export is restricted the same way.
        String csv = new String(page(head, "/indicators/export?" + YEAR_2016 + "&service=" + pre + "&format=CSV")
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Service;Post-sentenciel", "Mesures reçues;Nombre;1;0;1;").doesNotContain("Pré-sentenciel");
        // A service head attached to no service sees no figures at all.
        MvcResult alone = page(headWithoutService, "/indicators?" + YEAR_2016);
        assertThat(html(alone)).contains("id=\"no-service\"").doesNotContain("id=\"figures\"");
        assertThat(page(headWithoutService, "/indicators/export?" + YEAR_2016).getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aWrongPeriodGetsATranslatedMessageAndNoFigures() throws Exception {
        MvcResult reversed = page(director, "/indicators?from=2016-12-31&to=2016-01-01");
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(reversed)).contains("La fin de la période doit être postérieure ou égale à son début.")
                .contains("id=\"filters\"").doesNotContain("id=\"figures\"");
        MvcResult unreadable = page(director, "/indicators?from=31/12/2016&to=2017-01-01");
        assertThat(html(unreadable)).contains("Cette date n’est pas une date valide");
        MvcResult half = page(director, "/indicators?from=2016-01-01");
        assertThat(html(half)).contains("Indiquez les deux dates de la période");
        MvcResult tooLong = page(director, "/indicators?from=2000-01-01&to=2016-01-01");
        assertThat(html(tooLong)).contains("La période ne peut pas dépasser 10 ans.");
        MvcResult english = mvc.perform(as(director, "/indicators?from=2016-12-31&to=2016-01-01&lang=en")).andReturn();
        assertThat(html(english)).contains("The end of the period must be on or after its start.");
        MvcResult export = page(director, "/indicators/export?from=2016-12-31&to=2016-01-01&format=CSV");
        assertThat(export.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(export)).contains("La fin de la période doit être postérieure ou égale à son début.");
    }

    @Test
    void theExportsHoldTheFiguresShownWithThePeriodAndFiltersInTheirHeader() throws Exception {
        MvcResult csvResult = page(director, "/indicators/export?" + YEAR_2016 + "&type=" + ep + "&format=CSV");
        assertThat(csvResult.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csvResult.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "indicateurs-2016-01-01-2016-12-31-enquete-de-personnalite-ep.csv");
        byte[] bytes = csvResult.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("Tableau de bord des indicateurs", "Période;2016", "Période de comparaison;2015",
                "Type de mesure;Enquête de personnalité");
        assertThat(csv).contains("Mesures reçues;Nombre;2;1;1;100,0;");
        assertThat(csv).contains("Mesures reçues par type de mesure", "Enquête de personnalité (EP);2;1");
        assertThat(csv).contains("Indicateur;Unité;Période;Période précédente;Écart;Évolution (%);Remarque;Définition");

        // Exactly the figures the page shows for the same address: with a worker filter, fewer of them.
        String query = "?" + YEAR_2016 + "&worker=" + w1;
        String shown = html(page(director, "/indicators" + query));
        String exported = new String(page(director, "/indicators/export" + query + "&format=CSV").getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = exported.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Indicateur;")).findFirst().orElseThrow());
        int end = header + 1;
        while (end < lines.size() && !lines.get(end).isEmpty()) {
            end++;
        }
        List<String> figureLines = lines.subList(header + 1, end);
        long figuresShown = shown.split("id=\"figure-", -1).length - 1;
        assertThat(figureLines).hasSize((int) figuresShown).hasSizeLessThan(16);
        assertThat(exported).contains("Indicateurs non disponibles avec ces filtres", "Montants facturés;Cet indicateur");

        MvcResult xlsxResult = page(director, "/indicators/export?" + YEAR_2016 + "&format=XLSX");
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(xlsxResult.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Tableau de bord des indicateurs");
            Row received = rows.stream().filter(r -> "Mesures reçues".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(received.getCell(2).asNumber()).isEqualByComparingTo("3");
            assertThat(received.getCell(3).asNumber()).isEqualByComparingTo("1");
            assertThat(received.getCell(5).asNumber()).isEqualByComparingTo("200");
        }
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'observatory.dashboard.exported'"
                + " and actor_id = ?").param(director.userId()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theKeyFiguresPdfOfAYearComparesItWithTheYearBefore() throws Exception {
        MvcResult result = page(director, "/indicators/key-figures.pdf?year=2016");
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("chiffres-cles-2016.pdf");
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains("Chiffres clés 2016", "Association tableau de bord", "Année 2016, comparée à 2015",
                    "Mesures reçues", "Nombre de mesures dont la saisine a été reçue pendant la période",
                    "Mesures reçues par type de mesure", "Enquête de personnalité", "Terminée à son terme",
                    "+200 %");
        }
        MvcResult headPdf = page(head, "/indicators/key-figures.pdf?year=2016");
        try (PDDocument pdf = Loader.loadPDF(headPdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Service : Post-sentenciel");
        }
        MvcResult onePdf = page(director, "/indicators/key-figures.pdf?year=2016&field=POST_SENTENCE");
        try (PDDocument pdf = Loader.loadPDF(onePdf.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Champ : Post-sentenciel");
        }
        MvcResult unknownField = page(director, "/indicators/key-figures.pdf?year=2016&field=SPORT");
        assertThat(unknownField.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(unknownField)).contains("Choisissez un champ proposé dans la liste.");
        MvcResult future = page(director, "/indicators/key-figures.pdf?year=3000");
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(future)).contains("Choisissez une année proposée dans la liste");
    }

    @Test
    void theNetworkComparisonShowsWhatTheNationalObservatoryPublishesOfTheRestOfTheNetwork() throws Exception {
        String html = html(page(director, "/indicators?" + YEAR_2016));
        NationalObservatory.Result whole = observatory.compute(YearMonth.of(2016, 1), YearMonth.of(2016, 12),
                NationalObservatory.Filters.none(), Dimension.NETWORK_REGION);
        NationalObservatory.Result network = observatory.compute(YearMonth.of(2016, 1), YearMonth.of(2016, 12),
                NationalObservatory.Filters.none().excluding(association), Dimension.NETWORK_REGION);
        // The association's own 3 measures received in 2016 are not in the rest of the network: changing
        // them cannot draw new noise on the others' count.
        assertThat(whole.received().counts().total() - network.received().counts().total()).isEqualTo(3);
        assertThat(network.sharing()).isEqualTo(whole.sharing() - 1);
        assertThat(network.received().total()).as("rest of the network received in 2016").isNotNull()
                .isGreaterThanOrEqualTo(6L);
        assertThat(html).contains("Comparaison avec le reste du réseau", "de janvier 2016 à décembre 2016",
                "Le reste du réseau : les " + network.sharing() + " autres associations, sur " + network.members()
                        + " membres", "Reste du réseau", "Votre association", "atteint 10")
                .doesNotContain("id=\"network-rounded\"");
        assertThat(networkRow(html, "measuresReceived")).contains("network-own\">3<",
                "network-value\">" + network.received().total() + "<");
        assertThat(networkRow(html, "measuresEnded")).contains("network-own\">1<",
                "network-value\">" + published(network.ended().grandTotal()) + "<");
        assertThat(networkRow(html, "medianDuration")).contains("network-value\">"
                + (network.medianDurationTotal() == null ? "s" : network.medianDurationTotal().stripTrailingZeros()
                        .toPlainString().replace('.', ',') + " j") + "<");

        // With the TIG type (its catalogue code for the network), the network's single TIG is the
        // association's own: the rest of the network has none, and that is shown as "s", not as 0.
        String tig = html(page(director, "/indicators?" + YEAR_2016 + "&type=" + tigType));
        assertThat(networkRow(tig, "measuresReceived")).contains("network-own\">1<", "network-value\">s<")
                .doesNotContain("network-value\">1<");

        // A period that is not made of whole months is rounded out, and the page says so.
        String rounded = html(page(director, "/indicators?from=2016-03-15&to=2016-05-10"));
        assertThat(rounded).contains("id=\"network-rounded\"", "de mars 2016 à mai 2016");
        assertThat(figure(rounded, "measuresReceived")).contains(">2<");
        assertThat(networkRow(rounded, "measuresReceived")).contains("network-own\">3<");

        // A service head compares their service's figure with the same network figure.
        String own = html(page(head, "/indicators?" + YEAR_2016));
        assertThat(own).contains("Votre service");
        assertThat(networkRow(own, "measuresReceived")).contains("network-own\">1<",
                "network-value\">" + network.received().total() + "<");
    }

    @Test
    void theFieldFilterNarrowsTheFiguresAndAnUnknownFieldIsRefused() throws Exception {
        String post = html(page(director, "/indicators?" + YEAR_2016 + "&field=POST_SENTENCE"));
        assertThat(figure(post, "measuresReceived")).contains(">1<");
        assertThat(post).contains("Champ : Post-sentenciel", "<option value=\"POST_SENTENCE\" selected=\"selected\">");
        assertThat(networkRow(post, "measuresReceived")).contains("network-own\">1<", "network-value\">s<");
        String csv = new String(page(director, "/indicators/export?" + YEAR_2016 + "&field=PRE_SENTENCE&format=CSV")
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Champ;Pré-sentenciel", "Mesures reçues;Nombre;2;1;");
        MvcResult unknown = page(director, "/indicators?" + YEAR_2016 + "&field=SPORT");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(unknown)).contains("Choisissez un champ proposé dans la liste.").doesNotContain("id=\"figures\"");
        assertThat(page(director, "/indicators/export?" + YEAR_2016 + "&field=SPORT&format=CSV").getResponse()
                .getStatus()).isEqualTo(400);
    }

    private static String published(Long count) {
        return count == null ? "s" : String.valueOf(count);
    }

    private static String networkRow(String html, String id) {
        int start = html.indexOf("id=\"network-" + id + "\"");
        assertThat(start).as("network row " + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String figure(String html, String id) {
        int start = html.indexOf("id=\"figure-" + id + "\"");
        assertThat(start).as("figure " + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private MockHttpServletRequestBuilder as(PasserelleUser user, String path) {
        return get(path).with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
    }

    private MvcResult page(PasserelleUser user, String path) throws Exception {
        return mvc.perform(as(user, path).locale(Locale.FRENCH)).andReturn();
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID user(String name, UUID service, String role, String suffix) {
        return accounts.create(new UserAccounts.NewUser(name + "." + suffix, "Compte " + name, name + "@example.org",
                "Un-mot-de-passe-solide", service, List.of(role), false, false));
    }

    private PasserelleUser login(String name, String suffix) {
        return (PasserelleUser) logins.loadUserByUsername(name + "." + suffix);
    }

    private UUID typeId(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    private UUID assigned(UUID person, UUID type, String court, LocalDate received, UUID worker) {
        UUID id = measures.create(person, new Measures.Mandate(type, court, "PARQUET", null, null, null, received, null));
        measures.perform(id, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        return id;
    }
}
