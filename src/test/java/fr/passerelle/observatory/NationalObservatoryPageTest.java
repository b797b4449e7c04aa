package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The national observatory page over HTTP: for federation staff only, filters from the URL, bad
 * input answered on the page in French, suppressed figures in the export, and the export audited.
 */
@PasserelleIntegrationTest
class NationalObservatoryPageTest {

    @LocalServerPort
    int port;

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

    @Autowired
    ObservatoryFeed feed;

    @Autowired
    NationalObservatory observatory;

    @Test
    void federationStaffSeeTheNetworkFiguresAndExportThem() throws Exception {
        // Eight measures of the demo association (which shares its figures) in March 2025: the published count,
        // perturbed by at most 2, never falls below the threshold of 5 (with six, it did now and then).
        SignedIn.as(users, "intervenant");
        try {
            UUID person = persons.create(new Persons.PersonData("Observatoire", "Page", LocalDate.of(1990, 2, 2),
                    null, null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
            for (int day = 1; day <= 8; day++) {
                measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null,
                        LocalDate.of(2025, 3, day), null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        feed.refresh();

        WebClient web = new WebClient(port);
        web.signIn("equipe.federale", DemoAccounts.PASSWORD);

        HttpResponse<String> page = web.get("/observatory/national?from=2025-01&to=2025-12&by=FIELD");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Observatoire national", "partagent leurs chiffres", "Répartir par",
                "secret statistique", "Définitions", "<th scope=\"row\">Pré-sentenciel</th>", "id=\"received-chart\"");

        HttpResponse<String> csv = web.get("/observatory/national/export?format=CSV&from=2025-01&to=2025-12&by=FIELD");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("Champ;Mesures reçues;Mesures en cours;Mesures terminées");
        // The page and the export publish the same perturbed values, the observatory's.
        assertThat(page.body()).contains("légèrement modifié");
        NationalObservatory.Result r = observatory.compute(YearMonth.of(2025, 1), YearMonth.of(2025, 12),
                NationalObservatory.Filters.none(), Dimension.FIELD);
        int pre = r.lines().stream().map(NationalObservatory.Line::key).toList().indexOf("PRE_SENTENCE");
        List<String> line = List.of("Pré-sentenciel", shown(r.received().cell(pre)), shown(r.active().cell(pre)),
                shown(r.ended().rowTotal(pre)));
        List<String> total = List.of("Total", shown(r.received().total()), shown(r.active().total()),
                shown(r.ended().grandTotal()));
        assertThat(csv.body()).contains(String.join(";", line) + ";", String.join(";", total) + ";");
        String cells = page.body().replaceAll(">\\s+<", "><");
        for (List<String> row : List.of(line, total)) {
            assertThat(cells).contains("<th scope=\"row\">" + row.get(0) + "</th><td class=\"text-end\">" + row.get(1)
                    + "</td><td class=\"text-end\">" + row.get(2) + "</td><td class=\"text-end\">" + row.get(3) + "</td>");
        }
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'observatory.national.exported'")
                .query(Long.class).single()).isPositive();
    }

    private static String shown(Long value) {
        return value == null ? "s" : String.valueOf(value);
    }

    @Test
    void badInputIsAnsweredOnThePageAndChangesNothing() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("equipe.federale", DemoAccounts.PASSWORD);
        HttpResponse<String> reversed = web.get("/observatory/national?from=2025-06&to=2025-01");
        assertThat(reversed.statusCode()).isEqualTo(200);
        assertThat(reversed.body()).contains("La fin de la période doit être postérieure ou égale à son début.");
        HttpResponse<String> notAMonth = web.get("/observatory/national?from=janvier&to=2025-01");
        assertThat(notAMonth.body()).contains("Indiquez un mois au format AAAA-MM.");
        HttpResponse<String> badBreakdown = web.get("/observatory/national?by=WORKER");
        assertThat(badBreakdown.body()).contains("Choisissez une répartition proposée dans la liste.");
        HttpResponse<String> badFormat = web.get("/observatory/national/export?format=PDF&from=2025-01&to=2025-02");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("Format d’export inconnu");
    }

    @Test
    void associationsDoNotReachTheNationalObservatory() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("directrice", DemoAccounts.PASSWORD);
        assertThat(web.get("/observatory/national").statusCode()).isEqualTo(403);
        assertThat(web.get("/observatory/national/export?from=2025-01&to=2025-02").statusCode()).isEqualTo(403);
    }
}
