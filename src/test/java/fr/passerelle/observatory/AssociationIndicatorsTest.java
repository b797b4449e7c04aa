package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import fr.passerelle.observatory.AssociationIndicators.Figure;
import fr.passerelle.observatory.AssociationIndicators.Filters;
import fr.passerelle.observatory.AssociationIndicators.Result;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every indicator of an association on a tiny hand-built association of its own, whose answers are
 * worked out by hand below (period: first quarter of 2025), and tenancy: another association's
 * measures never count.
 *
 * <pre>
 * measure  type  court   person  received    worker  first interview  end (outcome)
 * A        TIG   ANGERS  P1      2024-12-20  W1      2025-01-02       2025-03-01 COMPLETED, 100 h ordered
 * B        EP    ANGERS  P2      2025-01-10  W2      2025-01-20       2025-02-15 LIFTED_BY_MAGISTRATE
 * C        EP    ANGERS  P2      2025-02-01  W1      2025-02-26       —
 * D        EP    ANGERS  P3      2025-03-10  —       —                2025-03-12 CANCELLED_BY_MAGISTRATE
 * E        EP    ANGERS  P4      2024-10-01  W2      2024-10-05       2024-12-15 COMPLETED
 * F        PE    LAVAL   P1      2025-03-20  W2      —                —
 * G        PE    ANGERS  P3      2024-12-01  W2      2024-12-02       2025-01-20 COMPLETED, 30 days ordered
 * </pre>
 * W1 belongs to a service, W2 to none. First-interview deadlines: 15 days (TIG, EP), 1 day (PE).
 */
@PasserelleIntegrationTest
class AssociationIndicatorsTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);
    private static final String ANGERS = "TJ-ANGERS";
    private static final String LAVAL = "TJ-LAVAL";

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
    private UUID w1;
    private UUID w2;
    private UUID service;

    @Test
    void computesEveryIndicatorOfTheHandBuiltAssociationExactly() {
        givenTheAssociation();
        Result all = TenantContext.callAs(org, () -> indicators.compute(FROM, TO, Filters.none()));
        assertThat(all.figures().keySet()).containsExactlyInAnyOrder(Indicator.values());

        Figure received = all.get(Indicator.MEASURES_RECEIVED);
        assertValue(received, "4");
        assertThat(received.by(Dimension.MEASURE_TYPE).cells()).hasSize(2);
        assertThat(received.by(Dimension.MEASURE_TYPE).value("EP")).isEqualByComparingTo("3");
        assertThat(received.by(Dimension.MEASURE_TYPE).value("PLACEMENT_EXTERIEUR")).isEqualByComparingTo("1");

        Figure active = all.get(Indicator.MEASURES_ACTIVE);
        assertValue(active, "2");
        assertThat(active.by(Dimension.MEASURE_TYPE).value("EP")).isEqualByComparingTo("1");
        assertThat(active.by(Dimension.MEASURE_TYPE).value("PLACEMENT_EXTERIEUR")).isEqualByComparingTo("1");
        assertThat(active.by(Dimension.MEASURE_TYPE).value("TIG")).isNull();

        Figure ended = all.get(Indicator.MEASURES_ENDED);
        assertValue(ended, "4");
        assertThat(ended.by(Dimension.OUTCOME).cells()).hasSize(3);
        assertThat(ended.by(Dimension.OUTCOME).value("COMPLETED")).isEqualByComparingTo("2");
        assertThat(ended.by(Dimension.OUTCOME).value("LIFTED_BY_MAGISTRATE")).isEqualByComparingTo("1");
        assertThat(ended.by(Dimension.OUTCOME).value("CANCELLED_BY_MAGISTRATE")).isEqualByComparingTo("1");

        // A 71 days, B 36, G 50; D cancelled is left out.
        assertFigure(all.get(Indicator.MEDIAN_DURATION), "50.0", 3);
        // Interviews held in the period: A 13 days, B 10, C 25.
        assertFigure(all.get(Indicator.FIRST_INTERVIEW_MEDIAN_DELAY), "13.0", 3);
        // Deadlines in the period: A and B on time, C late, F without interview (late); D cancelled before.
        assertFigure(all.get(Indicator.FIRST_INTERVIEW_WITHIN_DEADLINE), "50.0", 4);
        // Expected in the period: one on time, one sent a day late, one never sent.
        assertFigure(all.get(Indicator.REPORTS_ON_TIME), "33.3", 3);
        // A: 20 + 20 + 15 in the period (5 logged in December do not count).
        assertFigure(all.get(Indicator.HOURS_COMPLETED), "55", 1);
        // A ended in the period: 60 of 100 ordered hours, December included.
        assertFigure(all.get(Indicator.HOURS_COMPLETED_VS_ORDERED), "60.0", 1);
        assertFigure(all.get(Indicator.DAYS_COMPLETED), "5", 1);
        // G ended in the period: 10 + 5 of 30 ordered days.
        assertFigure(all.get(Indicator.DAYS_COMPLETED_VS_ORDERED), "50.0", 1);
        // Two incidents in the period (one in November does not count) for six measures followed (not E).
        assertFigure(all.get(Indicator.INCIDENTS_PER_100_MEASURES), "33.3", 6);

        Figure people = all.get(Indicator.PEOPLE_ACCOMPANIED);
        assertValue(people, "3");
        assertThat(people.by(Dimension.SEX).value("F")).isEqualByComparingTo("1");
        assertThat(people.by(Dimension.SEX).value("M")).isEqualByComparingTo("1");
        assertThat(people.by(Dimension.SEX).value("UNKNOWN")).isEqualByComparingTo("1");
        assertThat(people.by(Dimension.AGE_BAND).cells()).hasSize(3);
        assertThat(people.by(Dimension.AGE_BAND).value(AgeBand.FROM_25_TO_34.name())).isEqualByComparingTo("1");
        // P2 turns 16 the day after the period: still 15 on its last day.
        assertThat(people.by(Dimension.AGE_BAND).value(AgeBand.FROM_13_TO_15.name())).isEqualByComparingTo("1");
        assertThat(people.by(Dimension.AGE_BAND).value(AgeBand.UNKNOWN.name())).isEqualByComparingTo("1");
        assertThat(people.by(Dimension.SEX, Dimension.AGE_BAND).value(List.of("M", AgeBand.FROM_13_TO_15.name())))
                .isEqualByComparingTo("1");

        // Statements: S1 sent in February (550 €, paid after 30 days), S2 sent in March (200 €, unpaid),
        // S3 sent in December (300 €, paid in January after 20 days), S4 a draft.
        assertFigure(all.get(Indicator.AMOUNT_BILLED), "750.00", 2);
        assertThat(all.get(Indicator.AMOUNT_BILLED).by(Dimension.TRIBUNAL).cells())
                .containsExactly(new AssociationIndicators.Cell(List.of(ANGERS), new BigDecimal("750.00")));
        assertFigure(all.get(Indicator.AMOUNT_AWAITING_PAYMENT), "200.00", 1);
        assertFigure(all.get(Indicator.PAYMENT_MEDIAN_DELAY), "25.0", 2);

        // Filters: by type, court, worker and service; indicators that cannot be filtered so are absent.
        Result ep = compute(new Filters(null, TenantContext.callAs(org, () -> typeId("EP")), null, null));
        assertValue(ep.get(Indicator.MEASURES_RECEIVED), "3");
        assertValue(ep.get(Indicator.MEASURES_ENDED), "2");
        assertFigure(ep.get(Indicator.AMOUNT_BILLED), "200.00", 1);
        assertThat(ep.figures()).doesNotContainKeys(Indicator.PAYMENT_MEDIAN_DELAY, Indicator.AMOUNT_AWAITING_PAYMENT);

        // The field of the measure's type: pré-sentenciel is B, C and D (EP); post-sentenciel F received,
        // A and G ended; payment figures cannot be filtered by field; an unknown field is refused.
        Result pre = compute(new Filters(null, null, null, null, "PRE_SENTENCE"));
        assertValue(pre.get(Indicator.MEASURES_RECEIVED), "3");
        assertValue(pre.get(Indicator.MEASURES_ENDED), "2");
        assertFigure(pre.get(Indicator.AMOUNT_BILLED), "200.00", 1);
        assertThat(pre.figures()).doesNotContainKeys(Indicator.PAYMENT_MEDIAN_DELAY, Indicator.AMOUNT_AWAITING_PAYMENT);
        Result post = compute(new Filters(null, null, null, null, "POST_SENTENCE"));
        assertValue(post.get(Indicator.MEASURES_RECEIVED), "1");
        assertValue(post.get(Indicator.MEASURES_ENDED), "2");
        assertThat(compute(new Filters(null, null, null, null, "MINORS")).get(Indicator.MEASURES_RECEIVED).value())
                .isZero();
        assertThatThrownBy(() -> compute(new Filters(null, null, null, null, "SPORT")))
                .hasFieldOrPropertyWithValue("messageKey", "observatory.filter.fieldInvalid");

        Result laval = compute(new Filters(null, null, LAVAL, null));
        assertValue(laval.get(Indicator.MEASURES_RECEIVED), "1");
        assertFigure(laval.get(Indicator.AMOUNT_BILLED), "0", 0);
        assertThat(laval.get(Indicator.PAYMENT_MEDIAN_DELAY).value()).isNull();

        Result worker = compute(new Filters(null, null, null, w1));
        assertValue(worker.get(Indicator.MEASURES_RECEIVED), "1");
        assertValue(worker.get(Indicator.MEASURES_ACTIVE), "1");
        assertThat(worker.figures()).doesNotContainKeys(Indicator.PEOPLE_ACCOMPANIED, Indicator.AMOUNT_BILLED);

        assertThatThrownBy(() -> indicatorsOf(TO, FROM))
                .hasFieldOrPropertyWithValue("messageKey", "observatory.period.invalid");

        Result team = compute(new Filters(service, null, null, null));
        assertValue(team.get(Indicator.MEASURES_RECEIVED), "1");
        assertValue(team.get(Indicator.PEOPLE_ACCOMPANIED), "2");
        assertFigure(team.get(Indicator.FIRST_INTERVIEW_MEDIAN_DELAY), "19.0", 2);
    }

    @Test
    void periodsReadTogetherHaveTheFiguresOfEachPeriodAlone() {
        givenTheAssociation();
        List<AssociationIndicators.Period> periods = List.of(new AssociationIndicators.Period(FROM, TO),
                new AssociationIndicators.Period(FROM.minusYears(1), TO.minusYears(1)),
                new AssociationIndicators.Period(FROM.plusMonths(2), FROM.plusMonths(5)));
        for (Filters filters : List.of(Filters.none(), new Filters(service, null, null, null))) {
            List<Result> together = TenantContext.callAs(org, () -> indicators.compute(periods, filters,
                    java.util.EnumSet.allOf(Indicator.class)));
            assertThat(together).hasSize(3);
            for (int i = 0; i < periods.size(); i++) {
                AssociationIndicators.Period period = periods.get(i);
                Result alone = TenantContext.callAs(org, () -> indicators.compute(period.from(), period.to(), filters));
                assertThat(together.get(i)).isEqualTo(alone);
            }
        }
        // The latest period decides which measures are read: the figures of the earliest do not change.
        assertThat(together(periods.get(1))).isEqualTo(indicatorsOf(periods.get(1).from(), periods.get(1).to()));
    }

    private Result together(AssociationIndicators.Period period) {
        return TenantContext.callAs(org, () -> indicators.compute(List.of(period, new AssociationIndicators.Period(
                FROM, TO.plusYears(1))), Filters.none(), java.util.EnumSet.allOf(Indicator.class)).get(0));
    }

    @Test
    void anotherAssociationsMeasuresAreNeverCounted() {
        givenTheAssociation();
        UUID other = newAssociation("Autre");
        TenantContext.runAs(other, () -> {
            UUID someone = persons.create(new Persons.PersonData("Voisin", "Paul", LocalDate.of(1980, 1, 1), "M",
                    null, null, null, null, null, null, null), true);
            for (int i = 0; i < 3; i++) {
                measures.create(someone, new Measures.Mandate(typeId("EP"), ANGERS, "PARQUET", null, null, null,
                        LocalDate.of(2025, 2, 1), null));
            }
        });
        Result mine = compute(Filters.none());
        assertValue(mine.get(Indicator.MEASURES_RECEIVED), "4");
        assertValue(mine.get(Indicator.PEOPLE_ACCOMPANIED), "3");
        Result theirs = TenantContext.callAs(other, () -> indicators.compute(FROM, TO, Filters.none()));
        assertValue(theirs.get(Indicator.MEASURES_RECEIVED), "3");
        assertValue(theirs.get(Indicator.PEOPLE_ACCOMPANIED), "1");
        assertFigure(theirs.get(Indicator.AMOUNT_BILLED), "0", 0);
    }

    @Test
    void aDeadlineNotYetReachedIsNotCountedAsMissed() {
        UUID own = newAssociation("Échéances");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        Result result = TenantContext.callAs(own, () -> {
            UUID someone = person("F", LocalDate.of(1985, 5, 5));
            measures.create(someone, new Measures.Mandate(typeId("EP"), ANGERS, "PARQUET", null, null, null,
                    today.minusDays(20), null));
            measures.create(someone, new Measures.Mandate(typeId("EP"), ANGERS, "PARQUET", null, null, null,
                    today, null));
            return indicators.compute(today.minusDays(30), today.plusDays(30), Filters.none());
        });
        // The first is 5 days past its 15-day deadline; the second's deadline is still ahead.
        assertFigure(result.get(Indicator.FIRST_INTERVIEW_WITHIN_DEADLINE), "0.0", 1);
        // No interview held: a median of nothing is no figure, not zero.
        assertThat(result.get(Indicator.FIRST_INTERVIEW_MEDIAN_DELAY).value()).isNull();
        assertThat(result.get(Indicator.FIRST_INTERVIEW_MEDIAN_DELAY).population()).isZero();
    }

    private Result indicatorsOf(LocalDate from, LocalDate to) {
        return TenantContext.callAs(org, () -> indicators.compute(from, to, Filters.none()));
    }

    private Result compute(Filters filters) {
        return TenantContext.callAs(org, () -> indicators.compute(FROM, TO, filters));
    }

    private static void assertValue(Figure figure, String expected) {
        assertThat(figure.value()).as(figure.indicator().id()).isEqualByComparingTo(expected);
    }

    private static void assertFigure(Figure figure, String expected, long population) {
        assertValue(figure, expected);
        assertThat(figure.population()).as(figure.indicator().id() + " population").isEqualTo(population);
    }

    private UUID newAssociation(String name) {
        return organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association " + name + " " + UUID.randomUUID(), "Angers", "49", null, true, true), null);
    }

    private UUID worker(UUID serviceId) {
        return users.create(new UserAccounts.NewUser("indic." + UUID.randomUUID(), "Intervenante", "w@example.org",
                "Un-mot-de-passe-solide", serviceId, List.of(Roles.CASE_WORKER), false, false));
    }

    private UUID typeId(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }

    private UUID person(String sex, LocalDate birthDate) {
        return persons.create(new Persons.PersonData("Indicateur", "Personne", birthDate, sex, null, null, null, null,
                null, null, null), true);
    }

    private UUID measure(String type, String court, UUID person, LocalDate received, String ordered) {
        return measures.create(person, new Measures.Mandate(typeId(type), court, "PARQUET", null, null, null, received,
                null, ordered == null ? null : new BigDecimal(ordered)));
    }

    private void act(UUID measure, MeasureAction action, UUID assignee, LocalDate on, MeasureOutcome outcome) {
        measures.perform(measure, action, new Measures.ActionInput(assignee, on, outcome, action == MeasureAction.SUSPEND
                || action == MeasureAction.CANCEL ? "Motif" : null));
    }

    private void started(UUID measure, UUID worker, LocalDate on) {
        act(measure, MeasureAction.ASSIGN, worker, null, null);
        act(measure, MeasureAction.START, null, on, null);
    }

    private void givenTheAssociation() {
        org = newAssociation("Indicateurs");
        TenantContext.runAs(org, () -> {
            service = services.create("Équipe indicateurs");
            w1 = worker(service);
            w2 = worker(null);
            UUID p1 = person("F", LocalDate.of(1990, 6, 15));
            UUID p2 = person("M", LocalDate.of(2009, 4, 1));
            UUID p3 = person(null, null);
            UUID p4 = person("F", LocalDate.of(1990, 1, 1));

            UUID a = measure("TIG", ANGERS, p1, LocalDate.of(2024, 12, 20), "100");
            started(a, w1, LocalDate.of(2025, 1, 2));
            followUp.logQuantity(a, LocalDate.of(2024, 12, 22), new BigDecimal("5"), null);
            followUp.logQuantity(a, LocalDate.of(2025, 1, 10), new BigDecimal("20"), null);
            followUp.logQuantity(a, LocalDate.of(2025, 2, 10), new BigDecimal("20"), null);
            followUp.logQuantity(a, LocalDate.of(2025, 2, 20), new BigDecimal("15"), null);
            act(a, MeasureAction.END, null, LocalDate.of(2025, 3, 1), MeasureOutcome.COMPLETED);

            UUID b = measure("EP", ANGERS, p2, LocalDate.of(2025, 1, 10), null);
            started(b, w2, LocalDate.of(2025, 1, 20));
            act(b, MeasureAction.END, null, LocalDate.of(2025, 2, 15), MeasureOutcome.LIFTED_BY_MAGISTRATE);

            UUID c = measure("EP", ANGERS, p2, LocalDate.of(2025, 2, 1), null);
            started(c, w1, LocalDate.of(2025, 2, 26));

            UUID d = measure("EP", ANGERS, p3, LocalDate.of(2025, 3, 10), null);
            act(d, MeasureAction.CANCEL, null, LocalDate.of(2025, 3, 12), null);

            UUID e = measure("EP", ANGERS, p4, LocalDate.of(2024, 10, 1), null);
            started(e, w2, LocalDate.of(2024, 10, 5));
            act(e, MeasureAction.END, null, LocalDate.of(2024, 12, 15), MeasureOutcome.COMPLETED);

            UUID f = measure("PLACEMENT_EXTERIEUR", LAVAL, p1, LocalDate.of(2025, 3, 20), null);
            act(f, MeasureAction.ASSIGN, w2, null, null);

            UUID g = measure("PLACEMENT_EXTERIEUR", ANGERS, p3, LocalDate.of(2024, 12, 1), "30");
            started(g, w2, LocalDate.of(2024, 12, 2));
            followUp.logQuantity(g, LocalDate.of(2024, 12, 10), LocalDate.of(2024, 12, 19), null, null);
            followUp.logQuantity(g, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 19), null, null);
            act(g, MeasureAction.END, null, LocalDate.of(2025, 1, 20), MeasureOutcome.COMPLETED);

            JdbcClient owner = OwnerSql.of(server);
            report(owner, a, "2025-01-31", "2025-01-30");
            report(owner, b, "2025-02-20", "2025-02-21");
            report(owner, c, "2025-03-15", null);
            report(owner, c, null, null);
            report(owner, a, "2025-04-10", "2025-04-01");

            incident(owner, c, "2025-03-01");
            incident(owner, a, "2025-02-01");
            incident(owner, e, "2024-11-01");

            statement(owner, ANGERS, "2025-01-01", "2025-02-05", "2025-03-07", List.of(a, g), List.of("450.00", "100.00"));
            statement(owner, ANGERS, "2025-02-01", "2025-03-10", null, List.of(b), List.of("200.00"));
            statement(owner, ANGERS, "2024-12-01", "2024-12-20", "2025-01-09", List.of(e), List.of("300.00"));
            statement(owner, LAVAL, "2025-03-01", null, null, List.of(c), List.of("999.00"));
        });
    }

    private void report(JdbcClient owner, UUID measure, String due, String sent) {
        owner.sql("""
                insert into report (id, organisation_id, measure_id, kind, status, sent_on, due_on)
                values (?, ?, ?, 'STAGE', ?, cast(? as date), cast(? as date))""")
                .params(UUID.randomUUID(), org, measure, sent == null ? "DRAFT" : "SENT", sent, due).update();
    }

    private void incident(JdbcClient owner, UUID measure, String on) {
        owner.sql("""
                insert into measure_incident (id, organisation_id, measure_id, occurred_on, kind, description, urgent)
                values (?, ?, ?, cast(? as date), 'ABSENCE', 'Absent', false)""")
                .params(UUID.randomUUID(), org, measure, on).update();
    }

    /** A statement built as a draft, then sent and paid as the billing module does. */
    private void statement(JdbcClient owner, String court, String month, String sent, String paid, List<UUID> lines,
            List<String> amounts) {
        UUID id = UUID.randomUUID();
        owner.sql("""
                insert into billing_statement (id, organisation_id, court_code, period_month, status, generated_at)
                values (?, ?, ?, cast(? as date), 'DRAFT', now())""").params(id, org, court, month).update();
        for (int i = 0; i < lines.size(); i++) {
            owner.sql("""
                    insert into billing_statement_line (id, organisation_id, statement_id, position, measure_id, billing_mode,
                        period_month, measure_reference, person_reference, type_label, quantity, unit_tariff, amount)
                    values (?, ?, ?, ?, ?, 'PER_MEASURE', cast(? as date), 'M', 'P', 'Type', 1, ?, ?)""")
                    .params(UUID.randomUUID(), org, id, i + 1, lines.get(i), month, new BigDecimal(amounts.get(i)),
                            new BigDecimal(amounts.get(i))).update();
        }
        if (sent != null) {
            owner.sql("update billing_statement set status = 'SENT', number = ?, sent_on = cast(? as date) where id = ?")
                    .params("MF-T-" + id.toString().substring(0, 8), sent, id).update();
        }
        if (paid != null) {
            owner.sql("update billing_statement set status = 'PAID', paid_on = cast(? as date) where id = ?")
                    .params(paid, id).update();
        }
    }
}
