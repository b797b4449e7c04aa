package fr.passerelle.observatory.suppression;

import java.util.Arrays;

/**
 * Small-cell suppression (secret statistique) for the tables the observatory publishes: decides
 * which counts to hide so that no count from 1 to {@code threshold − 1} can be read or worked out.
 * Stateless, deterministic (the same table always gives the same result) and fast: a 200 × 50
 * table with a third of small counts takes about 20 ms.
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Primary suppression.</b> Every count — cell, row total, column total, grand total — from
 * 1 to {@code threshold − 1} (1 to 4 by default) is hidden. Zero is shown.</li>
 * <li><b>Secondary suppression, line by line.</b> In every line (each row and each column, with the
 * totals row and the totals column as lines ending with the grand total) that holds exactly one
 * hidden count, the total and the other counts would give it away, so the smallest non-zero shown
 * count of that line is hidden too (the line's total if it is the only one), and so on until no
 * line holds exactly one hidden count. Ties go to the first in the line.</li>
 * <li><b>Secondary suppression, cycles.</b> Lines with two hidden counts are not always enough
 * (e.g. a hidden count linking two groups of hidden counts is given away by them; hidden counts of
 * 1 that cannot go down pin each other). Each hidden count must lie on a cycle of hidden counts
 * (row, column, row, ...) along which one unit can be moved, +1 / −1 alternately, with every count
 * staying possible; where there is none, the shown counts of the cheapest such cycle (the smallest
 * sum of counts hidden) are hidden.</li>
 * </ol>
 * <b>Zeros are never hidden.</b> Hiding a zero would not protect its neighbour (a count cannot go
 * below zero, so the neighbour could only be moved one way) and, since the rule is public, a reader
 * knows that every blank is at least 1. The protection is computed against that reader.
 *
 * <h2>What is guaranteed</h2>
 * Whoever knows the shown counts and totals of <em>one</em> table, that counts are whole numbers
 * at least 0 and that every hidden count is at least 1, cannot work out any hidden count exactly:
 * for every hidden count there is another table, with the same shown values, in which it differs
 * (by one unit at least). The tests check this with an exact feasibility computation on random
 * tables rich in small counts.
 *
 * <h2>What is not</h2>
 * <ul>
 * <li><b>Width.</b> The guarantee is "not exact", not "at least ±k": a reader may learn that a
 * blank is 1 or 2.</li>
 * <li><b>Several tables.</b> Tables that share cells or totals (the same measures by tribunal and
 * by cour d'appel, the same table at two dates, or with and without one association) are
 * protected one by one: differences between them are not. A total hidden here must be hidden
 * wherever else it is published, and the same figures should not be published for nested
 * selections that differ by a few measures. Callers publish such linked tables from the same
 * suppressed result, or by closed periods. Where a reader chooses the tables (the national
 * observatory), use {@link CellKeyPerturbation} instead (ADR 0009).</li>
 * <li><b>Knowledge of the algorithm.</b> A reader who reruns the rules may narrow a blank (e.g. a
 * secondary blank is at most the other counts of its line) but no exact value follows from this
 * alone in the cases tested; it is not proved in general.</li>
 * <li><b>Zeros and group disclosure.</b> Shown zeros can tell that every person of a group shares a
 * trait (all measures of a court ended the same way); that is not hidden.</li>
 * <li><b>Non-additive tables</b> (distinct persons across overlapping columns) are refused: their
 * totals are not sums.</li>
 * </ul>
 */
public final class SmallCellSuppression {

    /** Counts from 1 to 4 are hidden. */
    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;

    public SmallCellSuppression() {
        this(DEFAULT_THRESHOLD);
    }

    /**
     * @param threshold the smallest count that may be shown, apart from 0; 1 hides nothing
     */
    public SmallCellSuppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Suppresses a two-dimensional table and its totals. */
    public SuppressedTable apply(CountTable table) {
        return new SuppressedTable(table, threshold, new TableSuppressor(table).suppress(threshold));
    }

    /**
     * Suppresses a one-dimensional table and its total. The one equation is "the cells add up to
     * the total", so: primary suppression; then, while a hidden count could be worked out, hide the
     * smallest non-zero shown cell (the total when no cell is left). With the total shown, a hidden
     * cell can be worked out when it is the only hidden cell, or when every other hidden cell is 1
     * and it is 1 too (the hidden cells must then all be 1); with the total hidden, every hidden cell
     * can grow with it, and the total is safe as soon as one cell is hidden.
     */
    public SuppressedList apply(CountList list) {
        int size = list.size();
        long[] value = new long[size + 1];
        for (int i = 0; i < size; i++) {
            value[i] = list.cell(i);
        }
        value[size] = list.total();
        CellStatus[] status = new CellStatus[size + 1];
        Arrays.fill(status, CellStatus.SHOWN);
        for (int i = 0; i <= size; i++) {
            if (value[i] >= 1 && value[i] < threshold) {
                status[i] = CellStatus.PRIMARY;
            }
        }
        while (anyExposed(value, status)) {
            int candidate = -1;
            for (int i = 0; i < size; i++) {
                if (status[i] == CellStatus.SHOWN && value[i] > 0 && (candidate < 0 || value[i] < value[candidate])) {
                    candidate = i;
                }
            }
            if (candidate < 0) {
                if (status[size].hidden()) {
                    throw new IllegalStateException("nothing left to hide in " + list);
                }
                candidate = size;
            }
            status[candidate] = CellStatus.SECONDARY;
        }
        return new SuppressedList(list, threshold, status);
    }

    private static boolean anyExposed(long[] value, CellStatus[] status) {
        int size = value.length - 1;
        int hiddenCells = 0;
        int hiddenAboveOne = 0;
        for (int i = 0; i < size; i++) {
            if (status[i].hidden()) {
                hiddenCells++;
                if (value[i] >= 2) {
                    hiddenAboveOne++;
                }
            }
        }
        if (status[size].hidden()) {
            return hiddenCells == 0;
        }
        // With the total shown: a lone hidden cell is exposed, and so are hidden cells that are all 1.
        return hiddenCells == 1 || hiddenCells > 1 && hiddenAboveOne == 0;
    }
}
