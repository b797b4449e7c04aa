package fr.passerelle.observatory.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The checker is only worth what it catches: it must find the disclosures a careless suppression
 * leaves, and agree with plain enumeration on tiny tables under any pattern of blanks.
 */
class AttackerTest {

    @Test
    void aLoneBlankInARowIsRecoveredFromItsTotal() {
        CountTable table = CountTable.of(new long[][] {{3, 10, 20}, {8, 12, 30}});
        boolean[][] hidden = SmallCellSuppressionTest.mask(table, 5);
        Attacker attacker = new Attacker(table, hidden, 0);
        assertThat(attacker.determined(0, 0)).isTrue();
        assertThat(attacker.range(0, 0)).isEqualTo(new Attacker.Range(3, 3));
        assertThat(attacker.propagate()).hasSize(1);
    }

    @Test
    void twoBlanksInARowAndAColumnAreAConstraintNotADisclosure() {
        CountTable table = CountTable.of(new long[][] {{3, 10, 20}, {8, 12, 30}});
        boolean[][] hidden = new boolean[3][4];
        hidden[0][0] = hidden[0][1] = hidden[1][0] = hidden[1][1] = true;
        Attacker attacker = new Attacker(table, hidden, 1);
        // 3 + 10 = 13 and 3 + 8 = 11 with blanks ≥ 1: the 3 may be anything from 1 to 10.
        assertThat(attacker.range(0, 0)).isEqualTo(new Attacker.Range(1, 10));
        long[][] other = attacker.witness(0, 0, 7);
        assertThat(attacker.verify(other)).isTrue();
        assertThat(other).isEqualTo(new long[][] {{7, 6, 20}, {4, 16, 30}});
    }

    @Test
    void aTableThatDisagreesWithWhatIsShownIsNoWitness() {
        CountTable table = CountTable.of(new long[][] {{3, 10}, {8, 12}});
        boolean[][] hidden = new boolean[3][3];
        hidden[0][0] = hidden[0][1] = hidden[1][0] = hidden[1][1] = true;
        Attacker attacker = new Attacker(table, hidden, 1);
        assertThat(attacker.verify(new long[][] {{4, 9}, {7, 13}})).isTrue();
        assertThat(attacker.verify(new long[][] {{4, 9}, {8, 12}})).as("row totals differ").isFalse();
        assertThat(attacker.verify(new long[][] {{0, 13}, {11, 9}})).as("a blank below 1").isFalse();
    }

    @Test
    void blanksWithNoUpperLimitAreUnbounded() {
        CountTable table = CountTable.of(new long[][] {{1, 1}, {1, 1}});
        boolean[][] all = new boolean[3][3];
        for (boolean[] row : all) {
            Arrays.fill(row, true);
        }
        assertThat(new Attacker(table, all, 1).range(0, 0)).isEqualTo(new Attacker.Range(1, Attacker.UNBOUNDED));
    }

    @TestFactory
    Stream<DynamicTest> agreesWithEnumerationOnTinyTablesWhateverIsHidden() {
        int radius = 2;
        return Generated.forAll("tiny tables, random blanks", 250, r -> {
            long[][] cells = Generated.cells(r, 3, 3);
            boolean[][] mask = new boolean[cells.length + 1][cells[0].length + 1];
            for (boolean[] row : mask) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(100) < 45;
                }
            }
            return new Masked(cells, mask);
        }, m -> List.of(), Masked::toString, m -> {
            CountTable table = CountTable.of(m.cells());
            boolean[][] hidden = new boolean[table.rows() + 1][table.columns() + 1];
            for (int i = 0; i <= table.rows(); i++) {
                for (int j = 0; j <= table.columns(); j++) {
                    // Zeros are never hidden, and the enumeration assumes so.
                    hidden[i][j] = m.mask()[i][j] && Attacker.value(table, i, j) > 0;
                }
            }
            for (long lowerBound : new long[] {0, 1}) {
                Attacker attacker = new Attacker(table, hidden, lowerBound);
                BruteForce brute = new BruteForce(table, hidden, lowerBound, radius);
                for (int[] cell : attacker.hiddenCells()) {
                    long v = attacker.value(cell[0], cell[1]);
                    TreeSet<Long> byFlow = new TreeSet<>();
                    for (long k = Math.max(lowerBound, v - radius); k <= v + radius; k++) {
                        if (attacker.feasible(cell[0], cell[1], k)) {
                            byFlow.add(k);
                            assertThat(attacker.verify(attacker.witness(cell[0], cell[1], k))).isTrue();
                        }
                    }
                    assertThat(byFlow).as("cell %d,%d, blanks ≥ %d", cell[0], cell[1], lowerBound)
                            .isEqualTo(new TreeSet<>(brute.values(cell[0], cell[1])
                                    .subSet(Math.max(lowerBound, v - radius), true, v + radius, true)));
                    Attacker.Range range = attacker.range(cell[0], cell[1]);
                    assertThat(range.min()).isLessThanOrEqualTo(byFlow.first());
                    assertThat(range.max()).isGreaterThanOrEqualTo(byFlow.last());
                    if (byFlow.first() > Math.max(lowerBound, v - radius)) {
                        assertThat(range.min()).isEqualTo(byFlow.first());
                    }
                    if (byFlow.last() < v + radius) {
                        assertThat(range.max()).isEqualTo(byFlow.last());
                    }
                }
                // Line reasoning is sound: whatever it pins is pinned.
                for (int[] pinned : attacker.propagate()) {
                    assertThat(brute.values(pinned[0], pinned[1])).hasSize(1);
                }
            }
        });
    }

    @Test
    void catchesCarelessSuppressionOnRandomTables() {
        // Primary suppression alone leaves a disclosure in most tables with a few small counts: the
        // checker must see it, or its silence on the real suppression would mean nothing.
        Random random = new Random(7);
        int disclosing = 0;
        for (int n = 0; n < 200; n++) {
            CountTable table = CountTable.of(Generated.cells(random, 5, 5));
            Attacker attacker = new Attacker(table, SmallCellSuppressionTest.mask(table, 5), 0);
            if (attacker.hiddenCells().stream().anyMatch(c -> attacker.determined(c[0], c[1]))) {
                disclosing++;
            }
        }
        assertThat(disclosing).isGreaterThan(100);
    }

    /** A table and a pattern of blanks over its grid with margins. */
    record Masked(long[][] cells, boolean[][] mask) {
        @Override
        public String toString() {
            return Generated.show(cells) + "\nblanks: " + Arrays.deepToString(mask);
        }
    }
}
