package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guards of {@link MeasureLifecycle} hold on every path: a measure is closed only once a final
 * report is recorded as sent (a typed date is not enough), and no report is written on a closed
 * measure — through the services, the pages and the bulk writer of imports and demo data (the REST
 * API is tried in {@code RestApiTest}).
 */
@PasserelleIntegrationTest
class LifecycleGuardsTest {

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
    BulkCases bulk;

    @Autowired
    Deadlines deadlines;

    @Autowired
    Caseloads caseloads;

    @Autowired
    java.time.Clock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMeasureIsClosedOnlyOnceItsFinalReportIsSentAndThenTakesNoNewReport() {
        as("cheffe.service");
        UUID measure = givenAnEndedMeasure("Clôture");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));

        assertThatThrownBy(() -> measures.perform(measure, MeasureAction.CLOSE,
                new Measures.ActionInput(null, today, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "measure.transition.finalReportNotSent");
        // A stage report sent, or a final report only validated, is not the final report sent.
        sendReport(measure, ReportKind.STAGE, today);
        UUID draft = reports.create(measure, ReportKind.INCIDENT);
        UUID finalReport = reports.create(measure, ReportKind.FINAL);
        reports.move(finalReport, ReportStatus.Move.SUBMIT, null, null);
        reports.move(finalReport, ReportStatus.Move.VALIDATE, null, null);
        assertThatThrownBy(() -> measures.perform(measure, MeasureAction.CLOSE,
                new Measures.ActionInput(null, today, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "measure.transition.finalReportNotSent");
        assertThat(measures.get(measure).status()).isEqualTo(MeasureStatus.ENDED);

        reports.move(finalReport, ReportStatus.Move.SEND, null, today.minusDays(1));
        measures.perform(measure, MeasureAction.CLOSE, new Measures.ActionInput(null, null, null, null));
        assertThat(measures.get(measure).status()).isEqualTo(MeasureStatus.CLOSED);
        List<Measures.Step> timeline = measures.timeline(measure);
        assertThat(timeline.get(timeline.size() - 1).effectiveOn())
                .as("without a date, the closure is dated by the final report's sending").isEqualTo(today.minusDays(1));

        assertThatThrownBy(() -> reports.create(measure, ReportKind.STAGE))
                .hasFieldOrPropertyWithValue("messageKey", "report.measureClosed");
        assertThatThrownBy(() -> reports.save(draft, "Texte écrit après la clôture"))
                .hasFieldOrPropertyWithValue("messageKey", "report.measureClosed");
        assertThatThrownBy(() -> reports.move(draft, ReportStatus.Move.SUBMIT, null, null))
                .hasFieldOrPropertyWithValue("messageKey", "report.measureClosed");
        assertThat(reports.ofMeasure(measure)).hasSize(3);
    }

    @Test
    void thePagesRefuseToCloseWithOnlyADateAndToDraftOnAClosedMeasure() throws Exception {
        as("cheffe.service");
        UUID measure = givenAnEndedMeasure("Page");
        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String page = "/measures/" + measure;

        HttpResponse<String> close = web.post(page, page + "/transitions",
                Map.of("action", "CLOSE", "effectiveOn", LocalDate.now(TestDates.PARIS).minusDays(1).toString()));
        assertThat(WebClient.location(close)).endsWith(page);
        assertThat(web.get(page).body()).contains("Une mesure n’est clôturée qu’une fois son rapport de fin envoyé");
        assertThat(status(measure)).isEqualTo("ENDED");

        as("cheffe.service");
        sendReport(measure, ReportKind.FINAL, LocalDate.now(TestDates.PARIS).minusDays(2));
        web.post(page, page + "/transitions", Map.of("action", "CLOSE", "effectiveOn", ""));
        assertThat(status(measure)).isEqualTo("CLOSED");
        String closedPage = web.get(page).body();
        assertThat(closedPage).doesNotContain("id=\"report-kind\"");

        HttpResponse<String> draft = web.submit(closedPage, page + "/reports", Map.of("kind", "STAGE"));
        assertThat(WebClient.location(draft)).endsWith(page);
        assertThat(web.get(page).body()).contains("La mesure est clôturée : aucun rapport ne peut plus y être rédigé.");
        assertThat(OwnerSql.of(server).sql("select count(*) from report where measure_id = ?").param(measure)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theBulkWriterOfImportsAndDemoDataRefusesAHistoryThatClosesAMeasure() {
        PasserelleUser head = as("cheffe.service");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        String lastName = "Bulk" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> TenantContext.runAs(head.organisationId(), () -> tx.executeWithoutResult(s -> {
            Measures.Mandate mandate = new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON", "PARQUET", null,
                    null, null, today.minusDays(60), null);
            Persons.PersonData person = new Persons.PersonData(lastName, "Parcours", LocalDate.of(1980, 1, 1), null,
                    null, null, null, null, null, null, null);
            bulk.write(bulk.rules(), List.of(new BulkCases.CaseRow(Ids.newId(), person, mandate, null, List.of(
                    new BulkCases.Step(MeasureAction.ASSIGN, today.minusDays(50), worker, null, null),
                    new BulkCases.Step(MeasureAction.START, today.minusDays(40), null, null, null),
                    new BulkCases.Step(MeasureAction.END, today.minusDays(10), null, MeasureOutcome.COMPLETED, null),
                    new BulkCases.Step(MeasureAction.CLOSE, today.minusDays(5), null, null, null)))));
        }))).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.messageKey()).isEqualTo("measure.transition.finalReportNotSent"));
        assertThat(OwnerSql.of(server).sql("select count(*) from person where last_name = ?").param(lastName)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aClosureFollowsItsFinalReportAndTheMeasuresUnsentReportsAreNoLongerExpected() {
        as("cheffe.service");
        UUID measure = givenAnEndedMeasure("Attendus");
        LocalDate today = LocalDate.now(clock);
        UUID stage = reports.create(measure, ReportKind.STAGE, today.minusDays(3));
        assertThat(deadlines.until(today, null)).anyMatch(d -> stage.equals(d.reportId()));
        sendReport(measure, ReportKind.FINAL, today.minusDays(2));

        assertThatThrownBy(() -> measures.perform(measure, MeasureAction.CLOSE,
                new Measures.ActionInput(null, today.minusDays(3), null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "measure.close.beforeFinalReport");
        assertThat(status(measure)).isEqualTo("ENDED");
        measures.perform(measure, MeasureAction.CLOSE, new Measures.ActionInput(null, today.minusDays(1), null, null));

        assertThat(deadlines.until(today, null)).as("a closed measure's draft is no longer late")
                .noneMatch(d -> stage.equals(d.reportId()));
        assertThat(caseloads.page(Caseloads.View.LATE, new Caseloads.Filters(null, null, MeasureStatus.CLOSED, null, null),
                Caseloads.Sort.RECEIVED, null).total()).as("no closed measure is late").isZero();
    }

    private UUID givenAnEndedMeasure(String lastName) {
        UUID person = persons.create(new Persons.PersonData(lastName, "Garde", LocalDate.of(1990, 3, 3), null, null,
                null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null,
                LocalDate.now(TestDates.PARIS).minusDays(90), null));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START,
                new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS).minusDays(80), null, null));
        measures.perform(measure, MeasureAction.END,
                new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS).minusDays(5), MeasureOutcome.COMPLETED, null));
        return measure;
    }

    private void sendReport(UUID measure, ReportKind kind, LocalDate sentOn) {
        UUID report = reports.create(measure, kind);
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        reports.move(report, ReportStatus.Move.VALIDATE, null, null);
        reports.move(report, ReportStatus.Move.SEND, null, sentOn);
    }

    private String status(UUID measure) {
        return OwnerSql.of(server).sql("select status from measure where id = ?").param(measure).query(String.class)
                .single();
    }

    private PasserelleUser as(String username) {
        return SignedIn.as(users, username);
    }
}
