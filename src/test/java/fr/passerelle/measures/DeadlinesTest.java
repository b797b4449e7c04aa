package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Deadlines: what is late and coming, the late caseload, the dashboard, and their guards. */
@PasserelleIntegrationTest
class DeadlinesTest {

    @Autowired
    Deadlines deadlines;

    @Autowired
    Caseloads caseloads;

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
    void gathersEveryKindOfDeadlineAndTheLateCaseloadShowsThem() {
        PasserelleUser worker = as("intervenant");
        as("cheffe.service");
        LocalDate today = deadlines.today();
        UUID type = type("STAGE_PARENTALITE"); // first interview within 30 days
        UUID person = person("Délais");
        UUID firstInterviewLate = measures.create(person, mandate(type, today.minusDays(31), null, null));
        UUID firstInterviewSoon = measures.create(person, mandate(type, today.minusDays(27), null, null));
        UUID duePassed = started(person, type, mandate(type, today.minusDays(10), today.minusDays(1), null), worker);
        UUID plannedEndPassed = started(person, type, mandate(type, today.minusDays(10), null, today.minusDays(2)), worker);
        UUID reportLate = started(person, type, mandate(type, today.minusDays(10), null, null), worker);
        UUID report = reports.create(reportLate, ReportKind.STAGE, today.minusDays(3));
        UUID onTime = started(person, type, mandate(type, today.minusDays(10), today.plusDays(60), today.plusDays(90)), worker);
        Set<UUID> mine = Set.of(firstInterviewLate, firstInterviewSoon, duePassed, plannedEndPassed, reportLate, onTime);

        List<Deadlines.Deadline> found = deadlines.until(today.plusDays(Deadlines.SOON_DAYS), null).stream()
                .filter(d -> mine.contains(d.measureId())).toList();
        assertThat(found).extracting(d -> d.kind() + " " + d.measureId() + " " + d.overdue(today)).containsExactlyInAnyOrder(
                "FIRST_INTERVIEW " + firstInterviewLate + " true",
                "FIRST_INTERVIEW " + firstInterviewSoon + " false",
                "DUE_DATE " + duePassed + " true",
                "PLANNED_END " + plannedEndPassed + " true",
                "REPORT " + reportLate + " true");
        assertThat(found).filteredOn(d -> d.kind() == DeadlineKind.REPORT).singleElement()
                .satisfies(d -> assertThat(d.reportId()).isEqualTo(report));

        Caseloads.Filters ofType = new Caseloads.Filters(type, null, null, null, null);
        List<Caseloads.Line> late = caseloads.page(Caseloads.View.LATE, ofType, Caseloads.Sort.RECEIVED, null).lines();
        assertThat(late).extracting(Caseloads.Line::id)
                .containsExactlyInAnyOrder(firstInterviewLate, duePassed, plannedEndPassed, reportLate);
        assertThat(late).filteredOn(l -> l.id().equals(reportLate)).singleElement()
                .satisfies(l -> assertThat(l.reportLate()).isTrue());
        assertThat(late).filteredOn(l -> l.id().equals(plannedEndPassed)).singleElement()
                .satisfies(l -> assertThat(l.plannedEndPassed()).isTrue());

        // Sending the report clears its deadline.
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        reports.move(report, ReportStatus.Move.VALIDATE, null, null);
        reports.move(report, ReportStatus.Move.SEND, null, today);
        assertThat(deadlines.until(today, null)).noneMatch(d -> d.measureId().equals(reportLate));
    }

    @Test
    void theDashboardCountsLateItemsPerWorkerForTheServiceHeadAndOnlyOwnForAWorker() {
        PasserelleUser worker = as("intervenant");
        as("cheffe.service");
        LocalDate today = deadlines.today();
        UUID type = type("STAGE_SEXISME");
        UUID person = person("Tableau");
        started(person, type, mandate(type, today.minusDays(20), today.minusDays(5), today.minusDays(1)), worker);

        Deadlines.Dashboard head = deadlines.dashboard();
        Deadlines.WorkerRow row = head.rows().stream().filter(r -> worker.userId().equals(r.workerId())).findFirst().orElseThrow();
        assertThat(row.workerName()).isEqualTo("Camille Martin");
        assertThat(row.overdue().get(DeadlineKind.DUE_DATE)).isGreaterThanOrEqualTo(1);
        assertThat(row.overdue().get(DeadlineKind.PLANNED_END)).isGreaterThanOrEqualTo(1);
        assertThat(head.overdueCount()).isGreaterThanOrEqualTo(row.overdueTotal());

        as("intervenant");
        Deadlines.Dashboard own = deadlines.dashboard();
        assertThat(own.rows()).extracting(Deadlines.WorkerRow::workerId).containsOnly(worker.userId());
    }

    @Test
    void deadlinesAreCheckedAndFrozenOnceTheMeasureHasEnded() {
        PasserelleUser worker = as("intervenant");
        as("cheffe.service");
        LocalDate today = deadlines.today();
        UUID type = type("STAGE_SEXISME");
        UUID measure = started(person("Gardes"), type, mandate(type, today.minusDays(20), null, null), worker);

        assertThatThrownBy(() -> measures.updateDeadlines(measure, null, today.minusDays(30)))
                .isInstanceOf(FieldRefusal.class).extracting(e -> ((FieldRefusal) e).field()).isEqualTo("plannedEndOn");
        assertThatThrownBy(() -> reports.create(measure, ReportKind.FINAL, today.minusDays(30)))
                .isInstanceOf(FieldRefusal.class);

        measures.updateDeadlines(measure, today.plusDays(10), today.plusDays(40));
        Measures.Measure updated = measures.get(measure);
        assertThat(updated.dueOn()).isEqualTo(today.plusDays(10));
        assertThat(updated.plannedEndOn()).isEqualTo(today.plusDays(40));

        measures.perform(measure, MeasureAction.END, new Measures.ActionInput(null, today, MeasureOutcome.COMPLETED, null));
        assertThatThrownBy(() -> measures.updateDeadlines(measure, null, null))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).status()).isEqualTo(409));
        assertThat(measures.get(measure).plannedEndOn()).isEqualTo(today.plusDays(40));
    }

    private UUID started(UUID person, UUID type, Measures.Mandate mandate, PasserelleUser worker) {
        UUID id = measures.create(person, mandate);
        measures.perform(id, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        measures.perform(id, MeasureAction.START, new Measures.ActionInput(null, mandate.receivedOn().plusDays(1), null, null));
        return id;
    }

    private UUID person(String lastName) {
        return persons.create(new Persons.PersonData(lastName, "Échéance", LocalDate.of(1990, 3, 3), null, null,
                null, null, null, null, null, null), true);
    }

    private UUID type(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    private static Measures.Mandate mandate(UUID type, LocalDate received, LocalDate due, LocalDate plannedEnd) {
        return new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null, received, due, null, plannedEnd);
    }

    private PasserelleUser as(String username) {
        return fr.passerelle.SignedIn.as(users, username);
    }
}
