package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The service head's queue of submitted reports, and its count on the home page, come from the data. */
@PasserelleIntegrationTest
class ValidationQueueTest {

    private static final String PASSWORD = "Rapports-en-attente-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    AssociationServices services;

    @Autowired
    UserAccounts accounts;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aServiceHeadSeesTheSubmittedReportsOfTheirServiceOldestFirstAndTheDirectorThoseOfTheAssociation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        as("admin.asso");
        UUID mine = services.create("Service A " + suffix);
        UUID other = services.create("Service B " + suffix);
        String head = user("chef.a." + suffix, mine, Roles.SERVICE_HEAD);
        String colleague = user("interv.a." + suffix, mine, Roles.CASE_WORKER);
        String outsider = user("interv.b." + suffix, other, Roles.CASE_WORKER);

        UUID first = submitted(colleague, "Premier" + suffix);
        UUID second = submitted(colleague, "Second" + suffix);
        UUID elsewhere = submitted(outsider, "Ailleurs" + suffix);
        as(colleague);
        UUID draft = reports.create(measureAssignedTo(colleague, "Brouillon" + suffix), ReportKind.STAGE);

        as(head);
        assertThat(reports.awaitingValidation()).extracting(Reports.Waiting::id).containsExactly(first, second);
        assertThat(reports.awaitingValidation().get(0).personName()).isEqualTo("Premier" + suffix + " Queue");
        assertThat(reports.awaitingValidationCount()).isEqualTo(2);
        reports.move(first, ReportStatus.Move.VALIDATE, null, null);
        assertThat(reports.awaitingValidation()).extracting(Reports.Waiting::id).containsExactly(second);
        assertThat(reports.awaitingValidationCount()).isEqualTo(1);

        as("directrice");
        assertThat(reports.awaitingValidation()).extracting(Reports.Waiting::id).contains(second, elsewhere)
                .doesNotContain(first, draft);
        as("intervenant");
        assertThatThrownBy(() -> reports.awaitingValidation()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theHomeCountAndTheQueuePageFollowTheSubmittedReports() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        as("cheffe.service");
        long before = reports.awaitingValidationCount();
        assertThat(web.get("/").body()).contains("hx-get=\"/reports/queue/summary\"")
                .doesNotContain("Aucun rapport en attente de validation.");

        UUID report = submitted("intervenant", "Accueil" + UUID.randomUUID().toString().substring(0, 8));
        String summary = web.get("/reports/queue/summary").body();
        assertThat(summary).contains((before + 1) + " rapport").contains("href=\"/reports/queue\"");
        String queue = web.get("/reports/queue").body();
        assertThat(queue).contains("href=\"/reports/" + report + "\"").contains("Rapport d’étape");

        WebClient worker = new WebClient(port);
        worker.signIn("intervenant", DemoAccounts.PASSWORD);
        assertThat(worker.get("/reports/queue").statusCode()).isEqualTo(403);
        HttpResponse<String> directorQueue = signedIn("directrice").get("/reports/queue");
        assertThat(directorQueue.statusCode()).isEqualTo(200);
        assertThat(directorQueue.body()).as("the director reads the queue, not the reports")
                .doesNotContain("href=\"/reports/" + report + "\"").contains("Rapport d’étape");
        assertThat(summary).contains("votre validation");
        assertThat(signedIn("directrice").get("/reports/queue/summary").body())
                .as("a director does not validate: the count names who does")
                .contains("la validation du chef de service").doesNotContain("votre validation");
    }

    @Test
    void theHomeCardsSayNothingTheDataDoesNotSay() throws Exception {
        String organiser = signedIn("organisateur").get("/").body();
        assertThat(organiser).doesNotContain("Aucune consultation pour le moment.")
                .contains("id=\"home-consultation-links\"").contains("href=\"/consultations\"");
        String federation = signedIn("equipe.federale").get("/").body();
        assertThat(federation).doesNotContain("apparaîtront ici");
        String director = signedIn("directrice").get("/").body();
        assertThat(director).contains("hx-get=\"/reports/queue/summary\"");
    }

    @Test
    void anEmptyQueueSaysSo() throws Exception {
        as("admin.asso");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID quiet = services.create("Service calme " + suffix);
        String head = user("chef.calme." + suffix, quiet, Roles.SERVICE_HEAD);
        user("interv.calme." + suffix, quiet, Roles.CASE_WORKER);
        as(head);
        assertThat(reports.awaitingValidation()).isEmpty();
        assertThat(reports.awaitingValidationCount()).isZero();
        WebClient web = new WebClient(port);
        web.signIn(head, PASSWORD);
        assertThat(web.get("/reports/queue").body()).contains("id=\"queue-empty\"")
                .contains("Aucun rapport n’attend de validation.").doesNotContain("id=\"reports-queue\"");
        assertThat(web.get("/reports/queue/summary").body()).contains("Aucun rapport n’attend de validation.");
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient web = new WebClient(port);
        web.signIn(username, DemoAccounts.PASSWORD);
        return web;
    }

    /** A stage report written and submitted by {@code worker} on a measure of their own. */
    private UUID submitted(String worker, String lastName) {
        UUID measure = measureAssignedTo(worker, lastName);
        as(worker);
        UUID report = reports.create(measure, ReportKind.STAGE);
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        return report;
    }

    private UUID measureAssignedTo(String worker, String lastName) {
        as("cheffe.service");
        UUID person = persons.create(new Persons.PersonData(lastName, "Queue", LocalDate.of(1990, 2, 2), null, null,
                null, null, null, null, null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON", "PARQUET",
                null, null, null, LocalDate.now(TestDates.PARIS).minusDays(20), null));
        measures.perform(measure, MeasureAction.ASSIGN,
                new Measures.ActionInput(((PasserelleUser) users.loadUserByUsername(worker)).userId(), null, null, null));
        return measure;
    }

    private String user(String username, UUID service, String role) {
        accounts.create(new UserAccounts.NewUser(username, "Compte " + username, username + "@example.invalid",
                PASSWORD, service, List.of(role), true, true));
        return username;
    }

    private PasserelleUser as(String username) {
        return SignedIn.as(users, username);
    }
}
