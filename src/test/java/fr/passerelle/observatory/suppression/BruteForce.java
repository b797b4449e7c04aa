package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The dumbest possible attacker, to check the clever one: tries every value of every hidden
 * inner cell within {@code radius} of its true value (and at least the lower bound), keeps the
 * complete tables that agree with the shown cells and totals, and collects the values each hidden
 * cell (margins included) takes in them. Exponential: for tiny tables only.
 *
 * <p>Within the window [v − radius, v + radius] of a hidden cell the collected values are exactly
 * its feasible values: to move one cell by d ≤ radius, no other cell ever needs to move by more
 * than d (a change between two feasible tables splits into cycles through that cell, each moving
 * every cell by at most one unit).
 */
final class BruteForce {

    private final CountTable table;
    private final boolean[][] hidden;
    private final long lowerBound;
    private final int radius;
    private final List<int[]> unknowns = new ArrayList<>();
    /** Values seen per cell of the grid with margins. */
    private final List<List<TreeSet<Long>>> seen = new ArrayList<>();

    BruteForce(CountTable table, boolean[][] hidden, long lowerBound, int radius) {
        this.table = table;
        this.hidden = hidden;
        this.lowerBound = lowerBound;
        this.radius = radius;
        for (int i = 0; i <= table.rows(); i++) {
            List<TreeSet<Long>> row = new ArrayList<>();
            for (int j = 0; j <= table.columns(); j++) {
                row.add(new TreeSet<>());
                if (i < table.rows() && j < table.columns() && hidden[i][j]) {
                    unknowns.add(new int[] {i, j});
                }
            }
            seen.add(row);
        }
        long[][] candidate = table.cells();
        enumerate(0, candidate);
    }

    /** The values cell (i, j) of the grid with margins takes in the tables found. */
    TreeSet<Long> values(int i, int j) {
        return seen.get(i).get(j);
    }

    private void enumerate(int index, long[][] candidate) {
        if (index == unknowns.size()) {
            record(candidate);
            return;
        }
        int i = unknowns.get(index)[0];
        int j = unknowns.get(index)[1];
        long v = table.cell(i, j);
        for (long x = Math.max(lowerBound, v - radius); x <= v + radius; x++) {
            candidate[i][j] = x;
            enumerate(index + 1, candidate);
        }
        candidate[i][j] = v;
    }

    private void record(long[][] candidate) {
        int rows = table.rows();
        int columns = table.columns();
        long[][] full = new long[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                full[i][j] = candidate[i][j];
                full[i][columns] += candidate[i][j];
                full[rows][j] += candidate[i][j];
                full[rows][columns] += candidate[i][j];
            }
        }
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                boolean margin = i == rows || j == columns;
                if (margin && !hidden[i][j] && full[i][j] != Attacker.value(table, i, j)) {
                    return;
                }
                if (margin && hidden[i][j] && full[i][j] < lowerBound) {
                    return;
                }
            }
        }
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                if (hidden[i][j]) {
                    seen.get(i).get(j).add(full[i][j]);
                }
            }
        }
    }
}
