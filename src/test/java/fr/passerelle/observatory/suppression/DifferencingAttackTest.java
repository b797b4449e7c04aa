package fr.passerelle.observatory.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The differencing attacks of issue 14 against the publishing code itself, on a seeded network rich
 * in small counts: 3 associations (two in region 0, one in region 1), 4 tribunals (two per cour
 * d'appel), 7 months (January to July), 3 measure types. Every query a reader of the national page
 * can make over those is published as the page would (lines that count something, their total), and
 * {@link DifferencingAttacker} combines them: overlapping periods (January–June against
 * January–July...), nested geographies (tribunal, cour d'appel, region, nation) and complements (all
 * types against the others).
 *
 * <p>Against small-cell suppression alone (what the national observatory published before ADR
 * 0009), each family of attacks gives hidden counts back; against the cell-key perturbation, none
 * does, even all together.
 */
class DifferencingAttackTest {

    static final int ASSOCIATIONS = 3;
    static final int TRIBUNALS = 4;
    static final int MONTHS = 7;
    static final int TYPES = 3;
    static final int ATOMS = ASSOCIATIONS * TRIBUNALS * MONTHS * TYPES;
    static final int THRESHOLD = SmallCellSuppression.DEFAULT_THRESHOLD;
    static final byte[] SECRET = "a secret for the attacker test".getBytes(StandardCharsets.UTF_8);

    final long[] counts = new long[ATOMS];
    final long[] keys = new long[ATOMS];

    DifferencingAttackTest() {
        Random random = new Random(14);
        for (int atom = 0; atom < ATOMS; atom++) {
            double draw = random.nextDouble();
            counts[atom] = draw < 0.55 ? 0 : draw < 0.85 ? 1 + random.nextInt(4) : 5 + random.nextInt(11);
            for (int r = 0; r < counts[atom]; r++) {
                keys[atom] += CellKeyPerturbation.recordKey(SECRET, new UUID(random.nextLong(), random.nextLong()));
            }
        }
    }

    static int atom(int association, int tribunal, int month, int type) {
        return ((association * TRIBUNALS + tribunal) * MONTHS + month) * TYPES + type;
    }

    static int association(int atom) {
        return atom / (TYPES * MONTHS * TRIBUNALS);
    }

    static int tribunal(int atom) {
        return atom / (TYPES * MONTHS) % TRIBUNALS;
    }

    static int month(int atom) {
        return atom / TYPES % MONTHS;
    }

    static int type(int atom) {
        return atom % TYPES;
    }

    static int region(int atom) {
        return association(atom) == 2 ? 1 : 0;
    }

    static int courOfAppeal(int atom) {
        return tribunal(atom) / 2;
    }

    /** A breakdown: the line of an atom, and how many lines there are. */
    record Breakdown(IntUnaryOperator line, int lines) {}

    static final Breakdown BY_TRIBUNAL = new Breakdown(DifferencingAttackTest::tribunal, TRIBUNALS);
    static final Breakdown BY_COUR_APPEL = new Breakdown(DifferencingAttackTest::courOfAppeal, 2);
    static final Breakdown BY_REGION = new Breakdown(DifferencingAttackTest::region, 2);
    static final Breakdown BY_TYPE = new Breakdown(DifferencingAttackTest::type, TYPES);

    /** A query of the national page: a period, filters, a breakdown. */
    record Query(int from, int to, IntPredicate filter, Breakdown by) {}

    /** Publishes a query's table the way the national observatory does, and gives it to the attacker. */
    interface Publisher {
        void publish(Query query, DifferencingAttacker attacker);
    }

    /** What the national observatory published before: lines that count something, suppressed as one list with its total. */
    final Publisher suppressionAlone = (query, attacker) -> publish(query, attacker, (lineCounts, lineKeys) -> {
        SuppressedList list = new SmallCellSuppression(THRESHOLD).apply(CountList.of(lineCounts));
        return new Published(IntStream.range(0, lineCounts.length).mapToObj(list::cell).toList(), list.total());
    });

    /** Cell-key perturbation: each line and the total perturbed; lines with nothing shown are not listed. */
    final Publisher perturbation = (query, attacker) -> publish(query, attacker, (lineCounts, lineKeys) -> {
        PerturbedList list = new CellKeyPerturbation(THRESHOLD).apply(CountList.of(lineCounts), lineKeys);
        return new Published(IntStream.range(0, lineCounts.length).mapToObj(list::cell).toList(), list.total());
    });

    /**
     * The perturbed counts and, beside them, a median on every line and on the total, shown only
     * when its population's exact count passes the suppression (the rule before the median fix):
     * the population here is the same records as the count.
     */
    final Publisher medianOnExactCount = (query, attacker) -> {
        perturbation.publish(query, attacker);
        gate(query, attacker, (count, key) -> count >= THRESHOLD, new long[] {THRESHOLD, DifferencingAttacker.UNBOUNDED},
                new long[] {0, THRESHOLD - 1});
    };

    /** The same with the median gated as the national observatory does: on its population's perturbed count. */
    final Publisher medianOnPerturbedCount = (query, attacker) -> {
        perturbation.publish(query, attacker);
        CellKeyPerturbation gate = new CellKeyPerturbation(MEDIAN_GATE);
        gate(query, attacker, (count, key) -> gate.publish(count, key) != null,
                new long[] {MEDIAN_GATE - CellKeyPerturbation.MAX_NOISE, DifferencingAttacker.UNBOUNDED},
                new long[] {0, MEDIAN_GATE - 1 + CellKeyPerturbation.MAX_NOISE});
    };

    static final int MEDIAN_GATE = 10;

    interface Gate {
        boolean shown(long count, long key);
    }

    /** Whether each line's median, and the total's, is shown, read by the attacker who knows the gate. */
    private void gate(Query query, DifferencingAttacker attacker, Gate gate, long[] shown, long[] hidden) {
        long[] total = new long[(ATOMS + 63) / 64];
        long totalCount = 0;
        long totalKey = 0;
        for (int line = 0; line < query.by().lines(); line++) {
            Cells cells = cells(query, line, total);
            totalCount += cells.count();
            totalKey += cells.key();
            attacker.gated(cells.mask(), gate.shown(cells.count(), cells.key()) ? shown : hidden);
        }
        attacker.gated(total, gate.shown(totalCount, totalKey) ? shown : hidden);
    }

    /** The atoms of one line of a query, their count and key sum; the atoms are added to {@code total} too. */
    private Cells cells(Query query, int line, long[] total) {
        long[] mask = new long[total.length];
        long count = 0;
        long key = 0;
        boolean any = false;
        for (int atom = 0; atom < ATOMS; atom++) {
            int m = month(atom);
            if (m >= query.from() && m <= query.to() && query.filter().test(atom)
                    && query.by().line().applyAsInt(atom) == line) {
                mask[atom / 64] |= 1L << (atom % 64);
                total[atom / 64] |= 1L << (atom % 64);
                count += counts[atom];
                key += keys[atom];
                any = true;
            }
        }
        return new Cells(mask, count, key, any);
    }

    record Cells(long[] mask, long count, long key, boolean any) {
    }

    record Published(List<Long> cells, Long total) {}

    interface Rule {
        Published apply(long[] lineCounts, long[] lineKeys);
    }

    private void publish(Query query, DifferencingAttacker attacker, Rule rule) {
        List<long[]> universe = new ArrayList<>();
        List<long[]> present = new ArrayList<>();
        List<Long> presentCounts = new ArrayList<>();
        List<Long> presentKeys = new ArrayList<>();
        long[] total = new long[(ATOMS + 63) / 64];
        for (int line = 0; line < query.by().lines(); line++) {
            Cells cells = cells(query, line, total);
            if (!cells.any()) {
                continue;
            }
            universe.add(cells.mask());
            if (cells.count() > 0) {
                present.add(cells.mask());
                presentCounts.add(cells.count());
                presentKeys.add(cells.key());
            }
        }
        if (present.isEmpty()) {
            // "No measure matches": the page says there is nothing at all.
            attacker.nothing(total);
            return;
        }
        Published published = rule.apply(presentCounts.stream().mapToLong(Long::longValue).toArray(),
                presentKeys.stream().mapToLong(Long::longValue).toArray());
        List<long[]> listed = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            if (attacker.listsEveryLine() || published.cells().get(i) != null) {
                listed.add(present.get(i));
                values.add(published.cells().get(i));
            }
        }
        attacker.table(total, published.total(), listed, values, universe);
    }

    long truth(long[] mask) {
        long sum = 0;
        for (int atom = 0; atom < ATOMS; atom++) {
            if ((mask[atom / 64] & 1L << (atom % 64)) != 0) {
                sum += counts[atom];
            }
        }
        return sum;
    }

    /** Every period of January–July, for every type filter, broken down by tribunal, nationally. */
    static List<Query> overlappingPeriods() {
        List<Query> queries = new ArrayList<>();
        for (int from = 0; from < MONTHS; from++) {
            for (int to = from; to < MONTHS; to++) {
                queries.add(new Query(from, to, atom -> true, BY_TRIBUNAL));
                for (int type = 0; type < TYPES; type++) {
                    int y = type;
                    queries.add(new Query(from, to, atom -> type(atom) == y, BY_TRIBUNAL));
                }
            }
        }
        return queries;
    }

    /** January–July at every level: tribunals of each cour d'appel, cours d'appel, regions, regions within a cour d'appel, tribunals within a region. */
    static List<Query> nestedGeographies() {
        List<Query> queries = new ArrayList<>();
        int last = MONTHS - 1;
        for (int from : new int[] {0, last}) {
            queries.add(new Query(from, last, atom -> true, BY_TRIBUNAL));
            queries.add(new Query(from, last, atom -> true, BY_COUR_APPEL));
            queries.add(new Query(from, last, atom -> true, BY_REGION));
            for (int ca = 0; ca < 2; ca++) {
                int c = ca;
                queries.add(new Query(from, last, atom -> courOfAppeal(atom) == c, BY_TRIBUNAL));
                queries.add(new Query(from, last, atom -> courOfAppeal(atom) == c, BY_REGION));
            }
            for (int region = 0; region < 2; region++) {
                int r = region;
                queries.add(new Query(from, last, atom -> region(atom) == r, BY_TRIBUNAL));
                queries.add(new Query(from, last, atom -> region(atom) == r, BY_COUR_APPEL));
            }
        }
        return queries;
    }

    /** January–July by type and by tribunal, with every type filter: all types against all but one. */
    static List<Query> complements() {
        List<Query> queries = new ArrayList<>();
        int last = MONTHS - 1;
        for (int from : new int[] {0, last}) {
            queries.add(new Query(from, last, atom -> true, BY_TYPE));
            queries.add(new Query(from, last, atom -> true, BY_TRIBUNAL));
            for (int tribunal = 0; tribunal < TRIBUNALS; tribunal++) {
                int t = tribunal;
                queries.add(new Query(from, last, atom -> tribunal(atom) == t, BY_TYPE));
            }
            for (int type = 0; type < TYPES; type++) {
                int y = type;
                queries.add(new Query(from, last, atom -> type(atom) == y, BY_TRIBUNAL));
            }
        }
        return queries;
    }

    /** All of the above, and every period with every filter of type and of cour d'appel, by every breakdown. */
    static List<Query> everything() {
        List<Query> queries = new ArrayList<>();
        queries.addAll(overlappingPeriods());
        queries.addAll(nestedGeographies());
        queries.addAll(complements());
        List<IntPredicate> filters = new ArrayList<>();
        filters.add(atom -> true);
        for (int i = 0; i < TYPES; i++) {
            int y = i;
            filters.add(atom -> type(atom) == y);
        }
        for (int i = 0; i < 2; i++) {
            int c = i;
            filters.add(atom -> courOfAppeal(atom) == c);
        }
        for (int from = 0; from < MONTHS; from++) {
            for (int to = from; to < MONTHS; to++) {
                for (IntPredicate filter : filters) {
                    for (Breakdown by : List.of(BY_TRIBUNAL, BY_COUR_APPEL, BY_REGION, BY_TYPE)) {
                        queries.add(new Query(from, to, filter, by));
                    }
                }
            }
        }
        return queries;
    }

    List<String> attack(List<Query> queries, Publisher publisher, DifferencingAttacker attacker) {
        queries.forEach(q -> publisher.publish(q, attacker));
        attacker.attack();
        return attacker.recovered(this::truth, THRESHOLD);
    }

    DifferencingAttacker againstSuppression() {
        return new DifferencingAttacker(DifferencingAttacker.exact(), true);
    }

    DifferencingAttacker againstPerturbation() {
        return new DifferencingAttacker(
                DifferencingAttacker.perturbed(THRESHOLD, CellKeyPerturbation.MAX_NOISE), false);
    }

    @Test
    void overlappingPeriodsGiveHiddenCountsBackUnderSuppressionAloneButNotUnderPerturbation() {
        assertThat(attack(overlappingPeriods(), suppressionAlone, againstSuppression())).isNotEmpty();
        assertThat(attack(overlappingPeriods(), perturbation, againstPerturbation())).isEmpty();
    }

    @Test
    void nestedGeographiesGiveHiddenCountsBackUnderSuppressionAloneButNotUnderPerturbation() {
        assertThat(attack(nestedGeographies(), suppressionAlone, againstSuppression())).isNotEmpty();
        assertThat(attack(nestedGeographies(), perturbation, againstPerturbation())).isEmpty();
    }

    @Test
    void filterComplementsGiveHiddenCountsBackUnderSuppressionAloneButNotUnderPerturbation() {
        assertThat(attack(complements(), suppressionAlone, againstSuppression())).isNotEmpty();
        assertThat(attack(complements(), perturbation, againstPerturbation())).isEmpty();
    }

    @Test
    void aMedianGatedOnItsExactPopulationGivesCountsBackButOneGatedOnThePerturbedCountDoesNot() {
        assertThat(attack(overlappingPeriods(), medianOnExactCount, againstPerturbation())).isNotEmpty();
        assertThat(attack(everything(), medianOnPerturbedCount, againstPerturbation())).isEmpty();
    }

    @Test
    void everyQueryTogetherRecoversNoCountBelowTheThresholdUnderPerturbation() {
        assertThat(attack(everything(), perturbation, againstPerturbation())).isEmpty();
    }
}
