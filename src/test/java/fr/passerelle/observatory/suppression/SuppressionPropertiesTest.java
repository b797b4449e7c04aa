package fr.passerelle.observatory.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties of the suppression on random tables drawn rich in zeros and small counts, each
 * checked by an adversary that is exact ({@link Attacker}): for every blank, the smallest and largest
 * values a reader could give it — knowing the shown counts and totals, that counts are whole numbers
 * at least 0, and even that blanks are at least 1 — must differ.
 */
class SuppressionPropertiesTest {

    private static final SmallCellSuppression SUPPRESSION = new SmallCellSuppression();

    @TestFactory
    Stream<DynamicTest> smallTablesKeepEveryBlankUncertain() {
        return Generated.forAll("small tables", 400, r -> Generated.cells(r, 6, 6), Generated::shrinkCells,
                Generated::show, cells -> {
                    SuppressedTable result = SUPPRESSION.apply(CountTable.of(cells));
                    checkPublishable(result);
                    for (long lowerBound : new long[] {1, 0}) {
                        Attacker attacker = Attacker.of(result, lowerBound);
                        for (int[] cell : attacker.hiddenCells()) {
                            Attacker.Range range = attacker.range(cell[0], cell[1]);
                            assertThat(range.min()).as("min < max for %d,%d (blanks ≥ %d) in%n%s", cell[0], cell[1],
                                    lowerBound, result).isLessThan(range.max());
                        }
                        assertThat(attacker.propagate()).as("pinned by line reasoning in%n%s", result).isEmpty();
                    }
                });
    }

    @TestFactory
    Stream<DynamicTest> largerTablesKeepEveryBlankUncertainWithAVerifiedWitness() {
        return Generated.forAll("larger tables", 60, r -> Generated.cells(r, 30, 15), Generated::shrinkCells,
                Generated::show, cells -> {
                    SuppressedTable result = SUPPRESSION.apply(CountTable.of(cells));
                    checkPublishable(result);
                    Attacker attacker = Attacker.of(result, 1);
                    for (int[] cell : attacker.hiddenCells()) {
                        long v = attacker.value(cell[0], cell[1]);
                        long[][] other = attacker.witness(cell[0], cell[1], v + 1);
                        if (other == null && v >= 2) {
                            other = attacker.witness(cell[0], cell[1], v - 1);
                        }
                        assertThat(other).as("another table for %d,%d in%n%s", cell[0], cell[1], result).isNotNull();
                        assertThat(attacker.verify(other)).as("the other table agrees with what is shown").isTrue();
                        assertThat(Attacker.valueIn(other, cell[0], cell[1])).isNotEqualTo(v);
                    }
                    assertThat(attacker.propagate()).isEmpty();
                });
    }

    @TestFactory
    Stream<DynamicTest> listsKeepEveryBlankUncertain() {
        return Generated.forAll("lists", 300, r -> Generated.list(r, 12), Generated::shrinkList,
                cells -> CountList.of(cells).toString(), cells -> {
                    SuppressedList result = SUPPRESSION.apply(CountList.of(cells));
                    // A list is a one-row table whose column totals are its cells.
                    long[][] asRow = {cells};
                    CountTable table = CountTable.of(asRow);
                    boolean[][] hidden = new boolean[2][cells.length + 1];
                    for (int j = 0; j < cells.length; j++) {
                        hidden[0][j] = hidden[1][j] = result.cellStatus(j).hidden();
                        assertThat(result.cellStatus(j) == CellStatus.PRIMARY).isEqualTo(cells[j] >= 1 && cells[j] <= 4);
                        assertThat(result.render().cells().get(j)).isEqualTo(hidden[0][j] ? null : cells[j]);
                        if (cells[j] == 0) {
                            assertThat(hidden[0][j]).isFalse();
                        }
                    }
                    hidden[0][cells.length] = hidden[1][cells.length] = result.totalStatus().hidden();
                    long total = result.list().total();
                    assertThat(result.totalStatus() == CellStatus.PRIMARY).isEqualTo(total >= 1 && total <= 4);
                    Attacker attacker = new Attacker(table, hidden, 1);
                    for (int[] cell : attacker.hiddenCells()) {
                        Attacker.Range range = attacker.range(cell[0], cell[1]);
                        assertThat(range.min()).as("%d,%d in %s", cell[0], cell[1], result).isLessThan(range.max());
                    }
                    assertThat(SUPPRESSION.apply(CountList.of(cells)).toString()).isEqualTo(result.toString());
                });
    }

    /** A table and the threshold it is suppressed with. */
    record WithThreshold(long[][] cells, int threshold) {
        @Override
        public String toString() {
            return "threshold " + threshold + "\n" + Generated.show(cells);
        }
    }

    @TestFactory
    Stream<DynamicTest> anyThresholdHidesExactlyTheSmallCountsFirst() {
        return Generated.forAll("thresholds", 150, r -> new WithThreshold(Generated.cells(r, 8, 8), 1 + r.nextInt(12)),
                c -> Generated.shrinkCells(c.cells()).stream().map(s -> new WithThreshold(s, c.threshold())).toList(),
                WithThreshold::toString, c -> {
                    int threshold = c.threshold();
                    SuppressedTable result = new SmallCellSuppression(threshold).apply(CountTable.of(c.cells()));
                    CountTable t = result.table();
                    for (int i = 0; i <= t.rows(); i++) {
                        for (int j = 0; j <= t.columns(); j++) {
                            long v = Attacker.value(t, i, j);
                            assertThat(result.statusWithMargins(i, j) == CellStatus.PRIMARY)
                                    .isEqualTo(v >= 1 && v < threshold);
                        }
                    }
                    if (threshold == 1) {
                        assertThat(result.count(CellStatus.SHOWN)).isEqualTo((t.rows() + 1) * (t.columns() + 1));
                    }
                    Attacker attacker = Attacker.of(result, 1);
                    for (int[] cell : attacker.hiddenCells()) {
                        assertThat(attacker.determined(cell[0], cell[1])).as("%d,%d in%n%s", cell[0], cell[1], result)
                                .isFalse();
                    }
                });
    }

    /**
     * What must hold of any published table: no count from 1 to 4 shown, no zero hidden, the rendering
     * shows exactly the shown values, and the same input gives the same result.
     */
    private static void checkPublishable(SuppressedTable result) {
        CountTable t = result.table();
        SuppressedTable.Rendered rendered = result.render();
        for (int i = 0; i <= t.rows(); i++) {
            for (int j = 0; j <= t.columns(); j++) {
                long v = Attacker.value(t, i, j);
                CellStatus status = result.statusWithMargins(i, j);
                if (v >= 1 && v <= 4) {
                    assertThat(status).as("count %d at %d,%d", v, i, j).isEqualTo(CellStatus.PRIMARY);
                }
                if (v == 0) {
                    assertThat(status).as("zero at %d,%d", i, j).isEqualTo(CellStatus.SHOWN);
                }
                Long published = i == t.rows() && j == t.columns() ? rendered.grandTotal()
                        : i == t.rows() ? rendered.columnTotals().get(j)
                        : j == t.columns() ? rendered.rowTotals().get(i) : rendered.cells().get(i).get(j);
                assertThat(published).isEqualTo(status.hidden() ? null : v);
            }
        }
        assertThat(SUPPRESSION.apply(CountTable.of(t.cells())).toString()).isEqualTo(result.toString());
    }
}
