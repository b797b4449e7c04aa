package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.TestRegions;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.NationalObservatory.Filters;
import fr.passerelle.observatory.NationalObservatory.Line;
import fr.passerelle.observatory.NationalObservatory.Result;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national observatory on hand-built associations of a region of their own (so that the other
 * tests' associations stay out of the figures): the same definitions as the association's
 * indicators, only sharing associations, the feed from measure events, suppression, and the
 * database role that cannot read personal tables.
 *
 * <pre>
 * sharing association S (region R), first quarter of 2025:
 *   6 EP at TJ-ANGERS received on Jan 6, 8, 10, 13, 15, 17; first interview 4, 6, 8, 10, 12, 14 days later;
 *     the first five ended (COMPLETED) on Feb 20, 21, 24, 25, 26; the sixth still running
 *   5 TIG at TJ-LAVAL received on Mar 3, 4, 5, 6, 7; never started
 * association N of the same region, not sharing: 7 EP at TJ-ANGERS received in January
 * </pre>
 */
@PasserelleIntegrationTest
class NationalObservatoryTest {

    private static final YearMonth FROM = YearMonth.of(2025, 1);
    private static final YearMonth TO = YearMonth.of(2025, 3);

    @Autowired
    NationalObservatory observatory;

    @Autowired
    ObservatoryFeed feed;

    @Autowired
    AssociationIndicators indicators;

    @Autowired
    Organisations organisations;

    @Autowired
    UserAccounts users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private String region;
    private UUID sharing;
    private UUID worker;
    private UUID notSharing;
    private final List<UUID> epMeasures = new ArrayList<>();
    private final List<UUID> tigMeasures = new ArrayList<>();

    @Autowired
    RecordKeySecret secret;

    private static final CellKeyPerturbation PERTURBATION = new CellKeyPerturbation();

    @BeforeEach
    void givenTwoAssociationsOfOneRegion() {
        region = TestRegions.create(server);
        sharing = association("Partage", true);
        notSharing = association("Réserve", false);
        TenantContext.runAs(sharing, () -> {
            worker = users.create(new UserAccounts.NewUser("nat." + UUID.randomUUID(), "Intervenant",
                    "n@example.org", "Un-mot-de-passe-solide", null, List.of(Roles.CASE_WORKER), false, false));
            UUID person = person();
            int[] received = {6, 8, 10, 13, 15, 17};
            int[] ended = {20, 21, 24, 25, 26};
            for (int i = 0; i < received.length; i++) {
                LocalDate on = LocalDate.of(2025, 1, received[i]);
                UUID m = measure("EP", "TJ-ANGERS", person, on);
                act(m, MeasureAction.ASSIGN, worker, null, null);
                act(m, MeasureAction.START, null, on.plusDays(4 + 2L * i), null);
                if (i < ended.length) {
                    act(m, MeasureAction.END, null, LocalDate.of(2025, 2, ended[i]), MeasureOutcome.COMPLETED);
                }
                epMeasures.add(m);
            }
            for (int day = 3; day <= 7; day++) {
                tigMeasures.add(measure("TIG", "TJ-LAVAL", person, LocalDate.of(2025, 3, day)));
            }
        });
        TenantContext.runAs(notSharing, () -> {
            UUID person = person();
            for (int day = 1; day <= 7; day++) {
                measure("EP", "TJ-ANGERS", person, LocalDate.of(2025, 1, day));
            }
        });
        feed.refresh();
    }

    /** The region and its associations leave the shared database as they came (other tests count regions). */
    @AfterEach
    void removeTheRegion() {
        TestRegions.remove(server, region);
    }

    @Test
    void countsTheSharingAssociationWithTheDefinitionsOfItsOwnIndicators() {
        Result byType = national(Dimension.MEASURE_TYPE);
        // The seven measures of the association that does not share are not there.
        assertThat(byType.received().counts().cell(0)).isEqualTo(6);
        assertThat(byType.received().counts().cell(1)).isEqualTo(5);
        assertThat(byType.received().counts().total()).isEqualTo(11);
        int completed = NationalObservatory.OUTCOMES.indexOf("COMPLETED");
        assertThat(byType.ended().counts().rowTotal(0)).isEqualTo(5);
        assertThat(byType.ended().counts().cell(0, completed)).isEqualTo(5);
        assertThat(byType.ended().counts().cell(1, 0)).isZero();
        // Each cell's key is the sum of its measures' record keys, as the Java code draws them.
        int ep = key(epMeasures);
        int tig = key(tigMeasures);
        int ended = key(epMeasures.subList(0, 5));
        assertThat(byType.received().totalKey()).isEqualTo(CellKeyPerturbation.cellKey(ep, tig));
        assertThat(byType.ended().grandKey()).isEqualTo(ended);
        assertThat(byType.active().totalKey()).isEqualTo(CellKeyPerturbation.cellKey(key(epMeasures.subList(5, 6)), tig));
        // The medians' populations have their own key sums: the five durations, the six first interviews.
        java.util.Map<String, Object> medianKeys = OwnerSql.of(server).sql("select sum(duration_key) as d,"
                        + " sum(first_delay_key) as f from obs_month where organisation_id = ?"
                        + " and month between date '2025-01-01' and date '2025-03-01'").param(sharing)
                .query().singleRow();
        assertThat(CellKeyPerturbation.cellKey(((Number) medianKeys.get("d")).longValue())).isEqualTo(ended);
        assertThat(CellKeyPerturbation.cellKey(((Number) medianKeys.get("f")).longValue())).isEqualTo(ep);
        // Published: each count with the noise of its key; a line only with a count shown.
        assertThat(byType.received().total()).isEqualTo(PERTURBATION.publish(11, CellKeyPerturbation.cellKey(ep, tig)))
                .isBetween(9L, 13L);
        List<String> expected = new ArrayList<>();
        if (PERTURBATION.publish(6, ep) != null || PERTURBATION.publish(5, ended) != null) {
            expected.add("EP");
        }
        if (PERTURBATION.publish(5, tig) != null) {
            expected.add("TIG");
        }
        assertThat(byType.lines()).extracting(Line::key).containsExactlyElementsOf(expected);
        int epLine = expected.indexOf("EP");
        if (epLine >= 0) {
            assertThat(byType.received().cell(epLine)).isEqualTo(PERTURBATION.publish(6, ep));
            assertThat(byType.ended().cell(epLine, completed)).isEqualTo(PERTURBATION.publish(5, ended))
                    .isEqualTo(byType.ended().rowTotal(epLine)).isEqualTo(byType.ended().grandTotal());
            // Five durations: an exact population of 5 passed the small-cell suppression, but a
            // median needs a perturbed population of 10 (at most 7 here), so none is given.
            assertThat(byType.medianDuration().get(epLine)).isNull();
        }

        var own = TenantContext.callAs(sharing, () -> indicators.compute(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31), AssociationIndicators.Filters.none()));
        // The association's own figures are exact: not perturbed.
        assertThat(own.get(Indicator.MEASURES_RECEIVED).value()).isEqualByComparingTo("11");
        assertThat(own.get(Indicator.MEASURES_ENDED).value()).isEqualByComparingTo("5");
        // Durations 45, 44, 45, 43, 42 days: median 44 in the association's own figures. The network's
        // grouped median (GroupedMedianTest) is not given: five durations, six first interviews are
        // populations whose perturbed counts (at most 7 and 8) are below the median gate of 10.
        assertThat(own.get(Indicator.MEDIAN_DURATION).value()).isEqualByComparingTo("44.0");
        assertThat(byType.medianDurationTotal()).isNull();
        assertThat(own.get(Indicator.FIRST_INTERVIEW_MEDIAN_DELAY).value()).isEqualByComparingTo("9.0");
        assertThat(byType.medianFirstDelayTotal()).isNull();
    }

    @Test
    void publishesNoCountFromOneToFourAndTheSameMeasuresAlwaysAsTheSameValue() {
        Result byType = national(Dimension.MEASURE_TYPE);
        assertPublishedByTheRule(byType);
        // Active at the end of March: 1 EP, 5 TIG, 6 in all; the 1 can never be shown (at most 3).
        assertThat(byType.active().counts().cell(0)).isEqualTo(1);
        assertThat(byType.active().total()).isEqualTo(PERTURBATION.publish(6,
                CellKeyPerturbation.cellKey(key(epMeasures.subList(5, 6)), key(tigMeasures))));
        // No median below the gate: the TIG line has no duration at all, and a
        // February-only period leaves the EP line five durations.
        int tigLine = byType.lines().stream().map(Line::key).toList().indexOf("TIG");
        if (tigLine >= 0) {
            assertThat(byType.medianDuration().get(tigLine)).isNull();
        }
        Result february = observatory.compute(YearMonth.of(2025, 2), YearMonth.of(2025, 2),
                new Filters(region, null, null, null, null, "EP"), Dimension.MEASURE_TYPE);
        assertPublishedByTheRule(february);
        // Nothing received in February: none is a blank too, like the counts from 1 to 4.
        assertThat(february.received().counts().total()).isZero();
        assertThat(february.received().total()).isNull();
        assertThat(february.active().total()).isNull();
        // The five measures ended in February are the five ended in the quarter: asked by field for
        // the quarter, or by type for February alone, they are published as the same value.
        assertThat(february.ended().counts().grandTotal()).isEqualTo(5);
        assertThat(february.ended().grandTotal()).isEqualTo(PERTURBATION.publish(5, key(epMeasures.subList(0, 5))))
                .isEqualTo(national(Dimension.FIELD).ended().grandTotal());
    }

    @Test
    void aNewSecretCountsEveryMeasureAgainWithNewKeysAndTheSameSecretChangesNothing() {
        Result before = national(Dimension.MEASURE_TYPE);
        byte[] other = "another secret, of sixteen bytes or more".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(useSecret(other)).isTrue();
            feed.refresh();
            Result after = national(Dimension.MEASURE_TYPE);
            assertThat(after.received().counts().total()).isEqualTo(before.received().counts().total());
            long[] keys = java.util.stream.Stream.concat(epMeasures.stream(), tigMeasures.stream())
                    .mapToLong(id -> CellKeyPerturbation.recordKey(other, id)).toArray();
            assertThat(after.received().totalKey()).isEqualTo(CellKeyPerturbation.cellKey(keys))
                    .isNotEqualTo(before.received().totalKey());
            assertThat(useSecret(other)).isFalse();
        } finally {
            useSecret(secret.derived());
            feed.refresh();
        }
        assertThat(national(Dimension.MEASURE_TYPE).received().render()).isEqualTo(before.received().render());
    }

    private boolean useSecret(byte[] key) {
        return transactions.execute(status -> jdbc.sql("select observatory_use_cell_key_secret(?)").param(key)
                .query(Boolean.class).single());
    }

    /** Every value published is null or at least 5, within 2 of its count, and no line is listed with nothing shown. */
    private static void assertPublishedByTheRule(Result r) {
        List<Long> published = new ArrayList<>();
        List<Long> exact = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            List<Long> line = new ArrayList<>(List.of(java.util.Optional.ofNullable(r.received().cell(i)).orElse(-1L),
                    java.util.Optional.ofNullable(r.active().cell(i)).orElse(-1L),
                    java.util.Optional.ofNullable(r.ended().rowTotal(i)).orElse(-1L)));
            published.add(r.received().cell(i));
            exact.add(r.received().count(i));
            published.add(r.active().cell(i));
            exact.add(r.active().count(i));
            published.add(r.ended().rowTotal(i));
            exact.add(r.ended().rowCount(i));
            for (int c = 0; c < NationalObservatory.OUTCOMES.size(); c++) {
                published.add(r.ended().cell(i, c));
                exact.add(r.ended().count(i, c));
                line.add(java.util.Optional.ofNullable(r.ended().cell(i, c)).orElse(-1L));
            }
            assertThat(line).as("line %s lists something shown", i).anyMatch(v -> v >= 0);
        }
        published.add(r.received().total());
        exact.add(r.received().counts().total());
        published.add(r.ended().grandTotal());
        exact.add(r.ended().counts().grandTotal());
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i) != null) {
                assertThat(published.get(i)).isGreaterThanOrEqualTo(5L)
                        .isBetween(exact.get(i) - CellKeyPerturbation.MAX_NOISE, exact.get(i) + CellKeyPerturbation.MAX_NOISE);
            }
        }
    }

    /** The cell key of some measures, from their record keys as the Java code draws them. */
    private int key(List<UUID> measureIds) {
        return CellKeyPerturbation.cellKey(measureIds.stream()
                .mapToLong(id -> CellKeyPerturbation.recordKey(secret.derived(), id)).toArray());
    }

    @Test
    void aMeasureThatEndsReachesTheNationalFiguresAtTheNextRefresh() {
        UUID running = epMeasures.get(5);
        TenantContext.runAs(sharing, () -> act(running, MeasureAction.END, null, LocalDate.of(2025, 3, 20),
                MeasureOutcome.REVOKED));
        assertThat(national(Dimension.FIELD).ended().counts().grandTotal()).isEqualTo(5L);
        assertThat(national(Dimension.FIELD).waiting()).isPositive();

        feed.refresh();
        Result after = national(Dimension.FIELD);
        assertThat(after.ended().counts().grandTotal()).isEqualTo(6L);
        assertThat(after.waiting()).isZero();
        // Counted again from scratch, the aggregates are the same.
        feed.rebuild();
        Result rebuilt = national(Dimension.FIELD);
        assertThat(rebuilt.ended().render()).isEqualTo(after.ended().render());
        assertThat(rebuilt.received().render()).isEqualTo(after.received().render());
        assertThat(rebuilt.active().render()).isEqualTo(after.active().render());
    }

    @Test
    void figuresOfPastMonthsAreKeptWhileTheRefreshCountsOtherMonths() {
        Result first = national(Dimension.FIELD);
        assertThat(national(Dimension.FIELD).received()).isSameAs(first.received());
        // A measure received today is counted in this month's aggregates only.
        TenantContext.runAs(sharing, () -> measure("EP", "TJ-ANGERS", person(),
                LocalDate.now(java.time.ZoneId.of("Europe/Paris"))));
        feed.refresh();
        assertThat(national(Dimension.FIELD).received()).isSameAs(first.received());
        // A measure ended in March: the period's figures are computed again.
        TenantContext.runAs(sharing, () -> act(epMeasures.get(5), MeasureAction.END, null, LocalDate.of(2025, 3, 20),
                MeasureOutcome.REVOKED));
        feed.refresh();
        Result after = national(Dimension.FIELD);
        assertThat(after.ended()).isNotSameAs(first.ended());
        assertThat(after.ended().counts().grandTotal()).isEqualTo(6L);
        // So are they when an association stops sharing (a reference table, every month).
        OwnerSql.of(server).sql("update organisation set shares_statistics = false where id = ?").param(sharing)
                .update();
        assertThat(national(Dimension.FIELD).empty()).isTrue();
    }

    @Test
    void aWholeYearFromTheYearlyRollUpHasTheFiguresOfItsTwelveMonths() {
        assertYearEqualsItsMonths();
        // An end moves a month's row (update), a new association's first measure adds one (insert),
        // a cancelled one takes it back (delete): the yearly rows follow each statement.
        UUID running = epMeasures.get(5);
        TenantContext.runAs(sharing, () -> act(running, MeasureAction.END, null, LocalDate.of(2025, 11, 20),
                MeasureOutcome.REVOKED));
        TenantContext.runAs(sharing, () -> measure("TIG", "TJ-ANGERS", person(), LocalDate.of(2025, 12, 2)));
        feed.refresh();
        Result year = assertYearEqualsItsMonths();
        assertThat(year.received().counts().total()).isEqualTo(12L);
        assertThat(year.ended().counts().grandTotal()).isEqualTo(6L);
        // Active on 31 December: the yearly row's is December's, not the sum of the months.
        assertThat(year.active().counts().total()).isEqualTo(6L);
        feed.rebuild();
        assertYearEqualsItsMonths();
    }

    /** 2025 broken down by type, read whole (yearly rows) and as January–December split at July. */
    private Result assertYearEqualsItsMonths() {
        Filters ours = new Filters(region, null, null, null, null, null);
        Result year = observatory.compute(YearMonth.of(2025, 1), YearMonth.of(2025, 12), ours, Dimension.MEASURE_TYPE);
        // Three years asked, the two others empty: 2025 comes from the yearly rows, and a period
        // starting in February of 2024 reads 2024's months.
        Result around = observatory.compute(YearMonth.of(2024, 2), YearMonth.of(2026, 12), ours, Dimension.MEASURE_TYPE);
        Result months = observatory.compute(YearMonth.of(2025, 1), YearMonth.of(2025, 12), ours, Dimension.PERIOD);
        assertThat(year.received().total()).isEqualTo(months.received().total()).isEqualTo(around.received().total());
        assertThat(year.ended().grandTotal()).isEqualTo(months.ended().grandTotal())
                .isEqualTo(around.ended().grandTotal());
        assertThat(year.medianDurationTotal()).isEqualTo(months.medianDurationTotal());
        assertThat(year.medianFirstDelayTotal()).isEqualTo(months.medianFirstDelayTotal());
        Result december = observatory.compute(YearMonth.of(2025, 12), YearMonth.of(2025, 12), ours,
                Dimension.MEASURE_TYPE);
        assertThat(year.active().total()).isEqualTo(december.active().total());
        // Row by row, the yearly table is the roll-up of the monthly one (December's "active").
        String rollUp = """
                select organisation_id, court_code, type_code, cast(date_trunc('year', month) as date),
                       sum(received), coalesce(sum(active) filter (where extract(month from month) = 12), 0),
                       sum(ended_completed + ended_revoked), sum(duration_3), sum(first_delay_4),
                       sum(received_key), coalesce(sum(active_key) filter (where extract(month from month) = 12), 0),
                       sum(ended_revoked_key), sum(duration_key), sum(first_delay_key)
                from obs_month group by 1, 2, 3, 4""";
        String yearly = """
                select organisation_id, court_code, type_code, year, received, active,
                       ended_completed + ended_revoked, duration_3, first_delay_4, received_key, active_key,
                       ended_revoked_key, duration_key, first_delay_key from obs_year""";
        long differences = transactions.execute(status -> {
            jdbc.sql("set local role " + fr.passerelle.shared.db.EmbeddedDatabaseProperties.OBSERVATORY_ROLE).update();
            return jdbc.sql("select count(*) from ((" + rollUp + " except " + yearly + ") union all (" + yearly
                    + " except " + rollUp + ")) d").query(Long.class).single();
        });
        assertThat(differences).isZero();
        // Still open, measures count as active in every month up to the current one.
        assertThat(around.active().total()).isEqualTo(observatory.compute(YearMonth.of(2026, 12),
                YearMonth.of(2026, 12), ours, Dimension.MEASURE_TYPE).active().total());
        return year;
    }

    @Test
    void onlyAssociationsThatShareAreCountedAndThePageSaysHowMany() {
        Result before = national(Dimension.NETWORK_REGION);
        assertThat(before.received().counts().total()).isEqualTo(11L);
        OwnerSql.of(server).sql("update organisation set shares_statistics = true where id = ?").param(notSharing)
                .update();
        Result after = national(Dimension.NETWORK_REGION);
        assertThat(after.received().counts().total()).isEqualTo(18L);
        assertThat(after.sharing()).isEqualTo(before.sharing() + 1);
        assertThat(after.members()).isEqualTo(before.members());
        assertThat(after.lines()).containsExactly(new Line(region, "Région " + region));
    }

    @Test
    void nationalQueriesRunUnderARoleThatCannotReadPersonalTables() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("set local role " + fr.passerelle.shared.db.EmbeddedDatabaseProperties.OBSERVATORY_ROLE).update();
            jdbc.sql("select count(*) from measure").query(Long.class).single();
        })).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("set local role " + fr.passerelle.shared.db.EmbeddedDatabaseProperties.OBSERVATORY_ROLE).update();
            jdbc.sql("select count(*) from obs_measure_fact").query(Long.class).single();
        })).rootCause().hasMessageContaining("permission denied");
        // The application role itself cannot read the facts nor empty the queue either.
        assertThatThrownBy(() -> jdbc.sql("select count(*) from obs_measure_fact").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied");
        // Nor can either role read the key the record keys are drawn from.
        assertThatThrownBy(() -> jdbc.sql("select secret from obs_cell_key").query(byte[].class).list())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("set local role " + fr.passerelle.shared.db.EmbeddedDatabaseProperties.OBSERVATORY_ROLE).update();
            jdbc.sql("select secret from obs_cell_key").query(byte[].class).list();
        })).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from obs_dirty").update()).rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void refusesABadPeriodOrBreakdown() {
        assertThatThrownBy(() -> observatory.compute(TO, FROM, Filters.none(), Dimension.FIELD))
                .hasFieldOrPropertyWithValue("messageKey", "observatory.period.invalid");
        assertThatThrownBy(() -> observatory.compute(YearMonth.of(2000, 1), YearMonth.of(2025, 1), Filters.none(),
                Dimension.FIELD)).hasFieldOrPropertyWithValue("messageKey", "observatory.period.tooLong");
        assertThatThrownBy(() -> observatory.compute(FROM, TO, Filters.none(), Dimension.WORKER))
                .hasFieldOrPropertyWithValue("messageKey", "observatory.breakdown.invalid");
    }

    @Test
    void aMedianIsGivenOnceItsPopulationsPerturbedCountReachesTheGate() {
        // Eight more first interviews, 10 days after reception: fourteen in all, a perturbed count
        // of at least 12, so the median is given; the five durations still are not.
        TenantContext.runAs(sharing, () -> {
            UUID person = person();
            for (int i = 0; i < 8; i++) {
                UUID m = measure("EP", "TJ-ANGERS", person, LocalDate.of(2025, 1, 20));
                act(m, MeasureAction.ASSIGN, worker, null, null);
                act(m, MeasureAction.START, null, LocalDate.of(2025, 1, 30), null);
            }
        });
        feed.refresh();
        Result byType = national(Dimension.MEASURE_TYPE);
        // By class: two in [4, 7), one in [7, 10), eleven in [10, 15): 10 + (7 − 3) / 11 × 5.
        assertThat(byType.medianFirstDelayTotal()).isEqualByComparingTo("11.8");
        assertThat(byType.medianFirstDelay().get(0)).isEqualByComparingTo("11.8");
        assertThat(byType.medianDurationTotal()).isNull();
    }

    private Result national(Dimension breakdown) {
        return observatory.compute(FROM, TO, new Filters(region, null, null, null, null, null), breakdown);
    }

    private UUID association(String name, boolean shares) {
        return organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association " + name + " " + UUID.randomUUID(), "Angers", "49", region, shares, true), null);
    }

    private UUID person() {
        return persons.create(new Persons.PersonData("National", "Personne", LocalDate.of(1990, 1, 1), "F", null,
                null, null, null, null, null, null), true);
    }

    private UUID measure(String type, String court, UUID person, LocalDate received) {
        UUID typeId = catalogue.types().stream().filter(t -> t.code().equals(type)).findFirst().orElseThrow().id();
        return measures.create(person, new Measures.Mandate(typeId, court, "PARQUET", null, null, null, received, null));
    }

    private void act(UUID measure, MeasureAction action, UUID assignee, LocalDate on, MeasureOutcome outcome) {
        measures.perform(measure, action, new Measures.ActionInput(assignee, on, outcome, null));
    }
}
