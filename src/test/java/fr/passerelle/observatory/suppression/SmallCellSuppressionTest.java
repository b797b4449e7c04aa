package fr.passerelle.observatory.suppression;

import static fr.passerelle.observatory.suppression.CellStatus.PRIMARY;
import static fr.passerelle.observatory.suppression.CellStatus.SECONDARY;
import static fr.passerelle.observatory.suppression.CellStatus.SHOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-built tables whose suppression can be worked out on paper. */
class SmallCellSuppressionTest {

    private final SmallCellSuppression suppression = new SmallCellSuppression();

    /** Hidden cells of the grid with margins, as "row,column" ("r" and "c" for the margins) with their status. */
    private static List<String> hidden(SuppressedTable result) {
        CountTable t = result.table();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i <= t.rows(); i++) {
            for (int j = 0; j <= t.columns(); j++) {
                CellStatus status = result.statusWithMargins(i, j);
                if (status.hidden()) {
                    cells.add((i == t.rows() ? "r" : String.valueOf(i)) + "," + (j == t.columns() ? "c" : String.valueOf(j))
                            + "=" + status);
                }
            }
        }
        return cells;
    }

    private static void assertSafe(SuppressedTable result) {
        Attacker attacker = Attacker.of(result, 1);
        for (int[] cell : attacker.hiddenCells()) {
            assertThat(attacker.determined(cell[0], cell[1]))
                    .as("cell %d,%d of%n%s", cell[0], cell[1], result).isFalse();
        }
    }

    @Test
    void aSmallCountAloneInItsRowAndColumnTakesTheSmallestOtherCountOfEachAlong() {
        SuppressedTable result = suppression.apply(CountTable.of(new long[][] {
                {3, 10, 20},
                {8, 12, 30},
                {15, 9, 40}}));

        // Row 0 loses its smallest other count (10), column 0 too (8); row 1 then holds 8 alone and
        // loses 12, which also gives column 1 its second blank.
        assertThat(hidden(result)).containsExactly("0,0=PRIMARY", "0,1=SECONDARY", "1,0=SECONDARY", "1,1=SECONDARY");
        assertThat(result.render().cells()).containsExactly(
                Arrays.asList(null, null, 20L), Arrays.asList(null, null, 30L), List.of(15L, 9L, 40L));
        assertThat(result.render().rowTotals()).containsExactly(33L, 50L, 64L);
        assertThat(result.grandTotal()).isEqualTo(147L);
        assertSafe(result);
    }

    @Test
    void aChainOfLonelyLinesIsFollowedUntilItCloses() {
        SuppressedTable result = suppression.apply(CountTable.of(new long[][] {
                {2, 6, 50, 50},
                {50, 7, 8, 50},
                {50, 50, 9, 10},
                {11, 50, 50, 12}}));

        // 2 → 6 (row 0) and 11 (column 0) → 7 (column 1) and 12 (row 3) → 8 (row 1) and 10 (column 3)
        // → 9 (column 2), which closes the cycle in row 2.
        assertThat(hidden(result)).containsExactly("0,0=PRIMARY", "0,1=SECONDARY", "1,1=SECONDARY", "1,2=SECONDARY",
                "2,2=SECONDARY", "2,3=SECONDARY", "3,0=SECONDARY", "3,3=SECONDARY");
        assertThat(result.count(SECONDARY)).isEqualTo(7);
        assertSafe(result);
    }

    @Test
    void aLineWhoseOnlyOtherCountIsItsTotalLosesItsTotal() {
        SuppressedTable result = suppression.apply(CountTable.of(new long[][] {
                {3, 0, 7},
                {30, 6, 50}}));

        // 3 → 7 (row 0) and 30 (column 0); row 1 then holds 30 alone and loses 6, its smallest;
        // column 1 is {0, 6 hidden} and only its total (6) is left to hide. The totals row then
        // loses 33, and column 2 (7 alone) loses 50. The zero stays, so do the grand total and row 0's.
        assertThat(result.columnTotalStatus(1)).isEqualTo(SECONDARY);
        assertThat(result.cell(0, 1)).isZero();
        assertThat(hidden(result)).containsExactly("0,0=PRIMARY", "0,2=SECONDARY", "1,0=SECONDARY", "1,1=SECONDARY",
                "1,2=SECONDARY", "r,0=SECONDARY", "r,1=SECONDARY");
        assertThat(result.render().columnTotals()).containsExactly(null, null, 57L);
        assertSafe(result);
    }

    @Test
    void aListWhoseSmallCountsAreAllOnesLosesItsTotalWhenNothingElseIsLeft() {
        SuppressedList result = suppression.apply(CountList.of(1, 1, 1, 1, 1, 0));

        // Five blanks of at least 1 adding up to a shown 5 would all be 1.
        assertThat(result.totalStatus()).isEqualTo(SECONDARY);
        assertThat(result.render().cells()).containsExactly(null, null, null, null, null, 0L);
        assertThat(result.render().total()).isNull();
    }

    @Test
    void aListHidesTheSmallestOtherCount() {
        SuppressedList result = suppression.apply(CountList.of(3, 10, 20));
        assertThat(result.render().cells()).containsExactly(null, null, 20L);
        assertThat(result.total()).isEqualTo(33L);
        assertThat(result.cellStatus(0)).isEqualTo(PRIMARY);
        assertThat(result.cellStatus(1)).isEqualTo(SECONDARY);
    }

    @Test
    void aListOfOnesAndOneLargeCountHidesTheLargeOneToo() {
        // 1 + 1 = 2 with both at least 1 would give both away.
        SuppressedList result = suppression.apply(CountList.of(1, 1, 9));
        assertThat(result.render().cells()).containsExactly(null, null, null);
        assertThat(result.total()).isEqualTo(11L);
    }

    @Test
    void aListWithNothingSmallShowsEverything() {
        SuppressedList result = suppression.apply(CountList.of(0, 0, 7, 5));
        assertThat(result.count(SHOWN)).isEqualTo(5);
    }

    @Test
    void aTableOfSmallCountsShowsOnlyWhatCannotGiveAnythingAway() {
        SuppressedTable result = suppression.apply(CountTable.of(new long[][] {{1, 2}, {3, 4}}));
        // Every inner count is small; so are the first row and column totals; the other totals
        // (7 and 6) would give them away, and the grand total alone does not.
        assertThat(result.count(SHOWN)).isEqualTo(1);
        assertThat(result.grandTotal()).isEqualTo(10L);
        assertSafe(result);

        SuppressedTable ones = suppression.apply(CountTable.of(new long[][] {{1, 1}, {1, 1}}));
        assertThat(ones.count(SHOWN)).isZero();
        assertThat(ones.render().grandTotal()).isNull();
    }

    @Test
    void zerosAreShownAndNeverHidden() {
        SuppressedTable empty = suppression.apply(CountTable.of(new long[][] {{0, 0}, {0, 0}}));
        assertThat(empty.count(SHOWN)).isEqualTo(9);

        SuppressedTable result = suppression.apply(CountTable.of(new long[][] {{0, 0}, {0, 3}}));
        // 3 is its row's, its column's and the grand total: all four blanks move together.
        assertThat(hidden(result)).containsExactly("1,1=PRIMARY", "1,c=PRIMARY", "r,1=PRIMARY", "r,c=PRIMARY");
        assertThat(result.render().cells()).containsExactly(List.of(0L, 0L), Arrays.asList(0L, null));
        assertSafe(result);
    }

    @Test
    void aHiddenCountLinkingTwoGroupsOfBlanksGetsACycleOfItsOwn() {
        long[][] cells = {
                {2, 3, 4, 50, 60},
                {3, 2, 60, 50, 70},
                {60, 70, 2, 3, 50},
                {50, 60, 3, 2, 80},
                {70, 80, 90, 60, 50}};
        CountTable table = CountTable.of(cells);
        // Every line holds 0 or at least 2 small counts, yet the 4 in row 0 is given away: columns 0
        // and 1 and row 1 give the sum of the two blanks beside it, and row 0's total the rest.
        boolean[][] primaryOnly = mask(table, 5);
        assertThat(new Attacker(table, primaryOnly, 0).determined(0, 2)).isTrue();

        SuppressedTable result = suppression.apply(table);
        assertThat(result.count(PRIMARY)).isEqualTo(9);
        assertThat(result.count(SECONDARY)).isPositive();
        assertSafe(result);
    }

    @Test
    void blanksOfOneThatCannotGoDownGetHelp() {
        long[][] cells = {{1, 1, 20}, {1, 1, 30}, {20, 30, 40}};
        CountTable table = CountTable.of(cells);
        // Two blanks in each line, and over counts ≥ 0 nothing is given away; but a reader who knows
        // a blank is at least 1 sees 1 + 1 = 2 and knows all four.
        assertThat(new Attacker(table, mask(table, 5), 0).determined(0, 0)).isFalse();
        assertThat(new Attacker(table, mask(table, 5), 1).determined(0, 0)).isTrue();

        SuppressedTable result = suppression.apply(table);
        assertThat(result.count(SECONDARY)).isPositive();
        assertSafe(result);
    }

    @Test
    void theThresholdIsAParameter() {
        long[][] cells = {{5, 9, 12}, {7, 30, 40}};
        assertThat(new SmallCellSuppression(1).apply(CountTable.of(cells)).count(SHOWN)).isEqualTo(12);
        assertThat(new SmallCellSuppression().apply(CountTable.of(cells)).count(SHOWN)).isEqualTo(12);
        SuppressedTable ten = new SmallCellSuppression(10).apply(CountTable.of(cells));
        assertThat(ten.cellStatus(0, 0)).isEqualTo(PRIMARY);
        assertThat(ten.cellStatus(0, 1)).isEqualTo(PRIMARY);
        assertThat(ten.cellStatus(1, 0)).isEqualTo(PRIMARY);
        // Row 1 holds 7 alone: its smallest other count (30) goes; row 0 and column 0 have two blanks.
        assertThat(ten.cellStatus(1, 1)).isEqualTo(SECONDARY);
        assertThat(ten.cellStatus(0, 2)).isEqualTo(SHOWN);
        assertThat(ten.threshold()).isEqualTo(10);
        assertThatThrownBy(() -> new SmallCellSuppression(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTotalsMustBeTheSumsOfTheirLines() {
        long[][] cells = {{1, 2}, {3, 4}};
        CountTable table = CountTable.withTotals(cells, new long[] {3, 7}, new long[] {4, 6}, 10);
        assertThat(table.grandTotal()).isEqualTo(10);
        assertThatThrownBy(() -> CountTable.withTotals(cells, new long[] {3, 8}, new long[] {4, 6}, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row totals");
        assertThatThrownBy(() -> CountTable.withTotals(cells, new long[] {3, 7}, new long[] {5, 6}, 10))
                .hasMessageContaining("column totals");
        assertThatThrownBy(() -> CountTable.withTotals(cells, new long[] {3, 7}, new long[] {4, 6}, 11))
                .hasMessageContaining("grand total");
        assertThatThrownBy(() -> CountList.withTotal(new long[] {1, 2}, 4)).hasMessageContaining("total");
    }

    @Test
    void malformedTablesAreRefused() {
        assertThatThrownBy(() -> CountTable.of(new long[][] {{1, -1}})).hasMessageContaining("negative");
        assertThatThrownBy(() -> CountTable.of(new long[][] {{1, 2}, {3}})).hasMessageContaining("columns");
        assertThatThrownBy(() -> CountTable.of(new long[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.of(new long[][] {{}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountList.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountList.of(2, -3)).hasMessageContaining("negative");
    }

    @Test
    void theInputIsNotChangedAndTheResultIsTheSameEveryTime() {
        long[][] cells = {{3, 10, 0}, {8, 1, 30}, {15, 9, 2}};
        long[][] copy = Arrays.stream(cells).map(long[]::clone).toArray(long[][]::new);
        CountTable table = CountTable.of(cells);
        cells[0][0] = 99; // the table keeps its own copy
        assertThat(table.cell(0, 0)).isEqualTo(3);
        String first = suppression.apply(table).toString();
        assertThat(suppression.apply(CountTable.of(copy)).toString()).isEqualTo(first);
    }

    @Test
    void aLargeTableRichInSmallCountsIsSuppressedQuicklyAndSafely() {
        Random random = new Random(42);
        long[][] cells = new long[200][50];
        for (long[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                int p = random.nextInt(100);
                row[j] = p < 30 ? 0 : p < 60 ? 1 + random.nextInt(4) : 5 + random.nextInt(60);
            }
        }
        CountTable table = CountTable.of(cells);
        suppression.apply(table); // warm-up
        long start = System.nanoTime();
        SuppressedTable result = suppression.apply(table);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("milliseconds for 200 × 50").isLessThan(1_000);
        assertThat(result.count(PRIMARY)).isGreaterThan(2_000);
        Attacker attacker = Attacker.of(result, 1);
        assertThat(attacker.propagate()).isEmpty();
        // The exact check on a sample of blanks (all of them takes a while on this size).
        List<int[]> blanks = attacker.hiddenCells();
        for (int k = 0; k < blanks.size(); k += 37) {
            int[] cell = blanks.get(k);
            assertThat(attacker.determined(cell[0], cell[1])).isFalse();
        }
    }

    /** The cells (margins included) a primary suppression alone would hide. */
    static boolean[][] mask(CountTable table, long threshold) {
        boolean[][] hidden = new boolean[table.rows() + 1][table.columns() + 1];
        for (int i = 0; i <= table.rows(); i++) {
            for (int j = 0; j <= table.columns(); j++) {
                long v = Attacker.value(table, i, j);
                hidden[i][j] = v >= 1 && v < threshold;
            }
        }
        return hidden;
    }
}
