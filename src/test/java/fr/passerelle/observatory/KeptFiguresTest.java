package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.AssociationIndicators.Filters;
import fr.passerelle.observatory.AssociationKeyFigures.Computed;
import fr.passerelle.observatory.AssociationKeyFigures.Request;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures kept by {@link KeptFigures} through {@link AssociationKeyFigures}: served again while
 * nothing reached their period (the same object comes back), and after every kind of write that
 * reaches it, computed again and equal to the figures computed afresh; a write still uncommitted
 * when figures are computed is seen once it commits.
 */
@PasserelleIntegrationTest
class KeptFiguresTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);
    private static final Request PAST = new Request(FROM, TO, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31),
            Filters.none());
    private static final String ANGERS = "TJ-ANGERS";

    @Autowired
    AssociationKeyFigures keyFigures;

    @Autowired
    AssociationIndicators indicators;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    AssociationServices services;

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

    private UUID org;
    private UUID worker;
    private UUID person;
    private UUID older;
    private UUID inPeriod;
    private UUID recent;
    private JdbcClient owner;

    @BeforeEach
    void givenAnAssociation() {
        owner = OwnerSql.of(server);
        org = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association gardée " + UUID.randomUUID(), "Angers", "49", null, true, true), null);
        TenantContext.runAs(org, () -> {
            worker = users.create(new UserAccounts.NewUser("kept." + UUID.randomUUID(), "Intervenante",
                    "w@example.org", "Un-mot-de-passe-solide", null, List.of(Roles.CASE_WORKER), false, false));
            person = persons.create(new Persons.PersonData("Gardée", "Personne", LocalDate.of(1990, 6, 15), "F", null,
                    null, null, null, null, null, null), true);
            older = measure("TIG", LocalDate.of(2024, 11, 20), "100");
            act(older, MeasureAction.ASSIGN, worker, null, null);
            act(older, MeasureAction.START, null, LocalDate.of(2024, 11, 25), null);
            inPeriod = measure("EP", LocalDate.of(2025, 2, 1), null);
            act(inPeriod, MeasureAction.ASSIGN, worker, null, null);
            recent = measure("EP", today().minusDays(3), null);
            act(recent, MeasureAction.ASSIGN, worker, null, null);
        });
    }

    @Test
    void pastFiguresAreServedAgainUntilAWriteReachesTheirPeriod() {
        Computed first = compute(PAST);
        assertThat(compute(PAST)).isSameAs(first);

        // Today's work leaves a past period's figures standing, and reaches a period that holds today.
        Request thisMonth = new Request(today().withDayOfMonth(1), today(), today().withDayOfMonth(1).minusMonths(1),
                today().withDayOfMonth(1).minusDays(1), Filters.none());
        Computed current = compute(thisMonth);
        TenantContext.runAs(org, () -> act(recent, MeasureAction.START, null, today(), null));
        assertThat(compute(PAST)).isSameAs(first);
        Computed afterStart = compute(thisMonth);
        assertThat(afterStart).isNotSameAs(current);
        assertThat(afterStart.current()).isEqualTo(fresh(thisMonth).current());

        // A measure ended on a day of the period (recorded today): computed again.
        TenantContext.runAs(org, () -> act(older, MeasureAction.END, null, LocalDate.of(2025, 3, 1),
                MeasureOutcome.COMPLETED));
        assertRecomputed(first, "1");
    }

    @Test
    void everyWriteThatReachesThePeriodIsSeen() {
        Computed kept = compute(PAST);
        kept = afterWrite(kept, () -> followUp.logQuantity(older, LocalDate.of(2025, 1, 10), new BigDecimal("20"), null));
        kept = afterWrite(kept, () -> owner.sql("""
                insert into measure_incident (id, organisation_id, measure_id, occurred_on, kind, description, urgent)
                values (?, ?, ?, date '2025-02-03', 'ABSENCE', 'Absent', false)""")
                .params(UUID.randomUUID(), org, inPeriod).update());
        kept = afterWrite(kept, () -> owner.sql("delete from measure_incident where measure_id = ?").params(inPeriod)
                .update());
        kept = afterWrite(kept, () -> owner.sql("""
                insert into report (id, organisation_id, measure_id, kind, status, sent_on, due_on)
                values (?, ?, ?, 'STAGE', 'SENT', date '2025-03-02', date '2025-03-01')""")
                .params(UUID.randomUUID(), org, inPeriod).update());
        UUID statement = UUID.randomUUID();
        owner.sql("""
                insert into billing_statement (id, organisation_id, court_code, period_month, status, generated_at)
                values (?, ?, ?, date '2025-01-01', 'DRAFT', now())""").params(statement, org, ANGERS).update();
        // A line of a draft counts nowhere yet.
        owner.sql("""
                insert into billing_statement_line (id, organisation_id, statement_id, position, measure_id, billing_mode,
                    period_month, measure_reference, person_reference, type_label, quantity, unit_tariff, amount)
                values (?, ?, ?, 1, ?, 'PER_MEASURE', date '2025-01-01', 'M', 'P', 'Type', 1, 120, 120)""")
                .params(UUID.randomUUID(), org, statement, inPeriod).update();
        assertThat(compute(PAST)).isSameAs(kept);
        kept = afterWrite(kept, () -> owner.sql("""
                update billing_statement set status = 'SENT', number = 'MF-K-1', sent_on = date '2025-02-10'
                where id = ?""").params(statement).update());
        kept = afterWrite(kept, () -> owner.sql("update person set birth_date = date '2008-01-01' where id = ?")
                .params(person).update());
        // The older measure's deadline moves into the period (it was met): one of two on time.
        kept = afterWrite(kept, () -> owner.sql("""
                update measure_type set first_interview_days = 50
                where id = (select measure_type_id from measure where id = ?)""").params(older).update());
        assertThat(kept.current().get(Indicator.FIRST_INTERVIEW_WITHIN_DEADLINE).value()).isEqualByComparingTo("50.0");
        kept = afterWrite(kept, () -> owner.sql("update measure set court_code = 'TJ-LAVAL' where id = ?")
                .params(inPeriod).update(), false);
        UUID service = TenantContext.callAs(org, () -> services.create("Équipe gardée"));
        Request byService = new Request(FROM, TO, PAST.previousFrom(), PAST.previousTo(),
                new Filters(service, null, null, null));
        Computed team = compute(byService);
        owner.sql("update app_user set service_id = ? where id = ?").params(service, worker).update();
        assertThat(compute(byService)).isNotSameAs(team);
        assertThat(compute(byService).current()).isEqualTo(fresh(byService).current());
        assertThat(compute(byService).current().get(Indicator.MEASURES_RECEIVED).value()).isEqualByComparingTo("1");
        // A write that changes nothing the figures read is not a change.
        kept = compute(PAST);
        owner.sql("update measure set parquet_number = 'P-123' where id = ?").params(inPeriod).update();
        owner.sql("update person set phone = '0600000000' where id = ?").params(person).update();
        assertThat(compute(PAST)).isSameAs(kept);
    }

    @Test
    void aWriteCommittedAfterTheFiguresWereReadIsSeen() throws Exception {
        try (Connection writer = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabaseProperties.OWNER_ROLE,
                "")) {
            writer.setAutoCommit(false);
            try (var statement = writer.prepareStatement("""
                    insert into measure_incident (id, organisation_id, measure_id, occurred_on, kind, description, urgent)
                    values (?, ?, ?, date '2025-02-03', 'ABSENCE', 'Absent', false)""")) {
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, org);
                statement.setObject(3, inPeriod);
                statement.executeUpdate();
            }
            // Computed while the incident is written but not committed: its snapshot does not see it.
            Computed before = compute(PAST);
            assertThat(compute(PAST)).isSameAs(before);
            writer.commit();
            Computed after = compute(PAST);
            assertThat(after).isNotSameAs(before);
            assertThat(after.current()).isEqualTo(fresh(PAST).current());
            assertThat(after.current()).isNotEqualTo(before.current());
        }
    }

    @Test
    void changesAreForgottenOnceNoKeptFiguresCanMissThem() throws Exception {
        owner.sql("update person set birth_date = date '2001-01-01' where id = ?").params(person).update();
        assertThat(changesOf(org)).isPositive();
        KeptFigures shortLived = new KeptFigures(JdbcClient.create(
                new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(),
                        server.jdbcUrl(), EmbeddedDatabaseProperties.OWNER_ROLE, "")), Duration.ofMillis(50));
        // A transaction of another part of the application running meanwhile may hold the horizon
        // back for a moment: a few lifetimes are allowed.
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(60)).until(() -> {
            shortLived.forgetOldChanges();
            return changesOf(org) == 0;
        });
    }

    /** Figures after a write that must reach the period: computed again, and equal to fresh ones. */
    private Computed afterWrite(Computed kept, Runnable write) {
        return afterWrite(kept, write, true);
    }

    private Computed afterWrite(Computed kept, Runnable write, boolean changesFigures) {
        assertThat(compute(PAST)).isSameAs(kept);
        TenantContext.runAs(org, write);
        Computed again = compute(PAST);
        assertThat(again).isNotSameAs(kept);
        assertThat(again.current()).isEqualTo(fresh(PAST).current());
        if (changesFigures) {
            assertThat(again.current()).isNotEqualTo(kept.current());
        }
        return again;
    }

    private void assertRecomputed(Computed kept, String ended) {
        Computed again = compute(PAST);
        assertThat(again).isNotSameAs(kept);
        assertThat(again.current()).isEqualTo(fresh(PAST).current());
        assertThat(again.current().get(Indicator.MEASURES_ENDED).value()).isEqualByComparingTo(ended);
    }

    private Computed compute(Request request) {
        return TenantContext.callAs(org, () -> keyFigures.computeForSystem(request));
    }

    private Computed fresh(Request request) {
        return TenantContext.callAs(org, () -> {
            var both = indicators.compute(List.of(new AssociationIndicators.Period(request.from(), request.to()),
                    new AssociationIndicators.Period(request.previousFrom(), request.previousTo())), request.filters(),
                    java.util.EnumSet.allOf(Indicator.class));
            return new Computed(request, both.get(0), both.get(1));
        });
    }

    private long changesOf(UUID organisation) {
        return owner.sql("select count(*) from measures_change where organisation_id = ?").params(organisation)
                .query(Long.class).single();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    private UUID measure(String type, LocalDate received, String ordered) {
        UUID typeId = catalogue.types().stream().filter(t -> t.code().equals(type)).findFirst().orElseThrow().id();
        return measures.create(person, new Measures.Mandate(typeId, ANGERS, "PARQUET", null, null, null, received,
                null, ordered == null ? null : new BigDecimal(ordered)));
    }

    private void act(UUID measure, MeasureAction action, UUID assignee, LocalDate on, MeasureOutcome outcome) {
        measures.perform(measure, action, new Measures.ActionInput(assignee, on, outcome, null));
    }
}
