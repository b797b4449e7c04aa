package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.web.WebClient;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What a line of the caseload page shows: its links, dates, status, passed deadlines and case worker. */
@PasserelleIntegrationTest
class CaseloadPageTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    Reports reports;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLineLinksToItsMeasureAndPersonAndShowsItsDatesStatusAndPassedDeadlines() throws Exception {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        String last = "Ligneaffichee" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x");
        UUID person = persons.create(new Persons.PersonData(last, "Jeanne", LocalDate.of(1980, 4, 4), null, null, null,
                null, null, null, null, null), true);
        LocalDate today = LocalDate.now(TestDates.PARIS);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
        UUID late = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null,
                today.minusDays(20), today.minusDays(2)));
        measures.perform(late, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        reports.create(late, ReportKind.STAGE, today.minusDays(1));
        UUID open = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null,
                today, null));
        SecurityContextHolder.clearContext();

        WebClient web = new WebClient(port);
        web.signIn("intervenant", DemoAccounts.PASSWORD);
        String page = web.get("/caseload?view=ALL&q=" + last).body();

        String lateLine = line(page, late);
        assertThat(lateLine).contains("href=\"/measures/" + late + "\"", "href=\"/persons/" + person + "\"",
                last + " Jeanne", DAY.format(today.minusDays(20)), DAY.format(today.minusDays(2)), "Attribuée",
                "Échéance dépassée", "Rapport en retard", "Camille Martin").doesNotContain("urgent-incident");
        String openLine = line(page, open);
        assertThat(openLine).contains(DAY.format(today), "Aucun", "Saisine reçue", "Non attribuée")
                .doesNotContain("text-bg-danger");
        // The status filter offers every status by its label.
        assertThat(page).contains("<option value=\"SUSPENDED\">Suspendue</option>");
    }

    /** The table row of a measure. */
    private static String line(String page, UUID measure) {
        int link = page.indexOf("href=\"/measures/" + measure + "\"");
        assertThat(link).as("line of " + measure).isPositive();
        return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
    }
}
