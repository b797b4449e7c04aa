package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The suppression of one two-dimensional table (see {@link SmallCellSuppression} for the rules).
 *
 * <p>It works on the table with its margins as one grid of (rows + 1) × (columns + 1) cells: the
 * last row holds the column totals, the last column the row totals, the corner the grand total.
 * Every line of that grid (each row and each column, the totals row and column included) says
 * "the cells add up to the total". Give each cell a sign — + inside and at the corner, − on the
 * margins — and every line of signed values sums to zero: the hidden cells are then the edges of
 * a bipartite graph between lines of rows and lines of columns, and moving one unit around a
 * cycle of that graph (+1, −1, +1, ...) keeps every equation true. A hidden cell can take another
 * value exactly when such a move through it keeps every count possible, which is what phase 2
 * checks and repairs.
 */
final class TableSuppressor {

    private static final int NONE = -1;

    private final int height;
    private final int width;
    private final long[][] value;
    private final CellStatus[][] status;
    /** Hidden cells per line: rows 0..height-1, then columns height..height+width-1. */
    private final int[] hiddenInLine;
    /** Lines holding exactly one hidden cell, smallest index first. */
    private final TreeSet<Integer> lonely = new TreeSet<>();
    /** The hidden cells of each line, in the order they were hidden (the other end: a column, or a row). */
    private final List<List<Integer>> hiddenOf = new ArrayList<>();

    TableSuppressor(CountTable table) {
        height = table.rows() + 1;
        width = table.columns() + 1;
        value = new long[height][width];
        status = new CellStatus[height][width];
        for (int i = 0; i < height; i++) {
            Arrays.fill(status[i], CellStatus.SHOWN);
            for (int j = 0; j < width; j++) {
                boolean totalRow = i == height - 1;
                boolean totalColumn = j == width - 1;
                value[i][j] = totalRow && totalColumn ? table.grandTotal()
                        : totalRow ? table.columnTotal(j)
                        : totalColumn ? table.rowTotal(i)
                        : table.cell(i, j);
            }
        }
        hiddenInLine = new int[height + width];
        for (int line = 0; line < height + width; line++) {
            hiddenOf.add(new ArrayList<>());
        }
    }

    /** The status of every cell of the grid with its margins, [row][column]. */
    CellStatus[][] suppress(int threshold) {
        primary(threshold);
        lines();
        cycles();
        return status;
    }

    private void primary(int threshold) {
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                if (value[i][j] >= 1 && value[i][j] < threshold) {
                    hide(i, j, CellStatus.PRIMARY);
                }
            }
        }
    }

    /**
     * Phase 1: while a line holds exactly one hidden cell (which its total, or its other cells,
     * would give away), hide the smallest non-zero shown count of that line — the total when it is
     * the only one. Such a count always exists: a line with one hidden non-zero cell has a
     * non-zero total if the hidden cell is inside, and a non-zero cell if the hidden one is the
     * total.
     */
    private void lines() {
        while (!lonely.isEmpty()) {
            int line = lonely.pollFirst();
            int bestI = NONE;
            int bestJ = NONE;
            int length = line < height ? width : height;
            for (int k = 0; k < length; k++) {
                int i = line < height ? line : k;
                int j = line < height ? k : line - height;
                if (status[i][j] == CellStatus.SHOWN && value[i][j] > 0
                        && (bestI == NONE || value[i][j] < value[bestI][bestJ])) {
                    bestI = i;
                    bestJ = j;
                }
            }
            if (bestI == NONE) {
                throw new IllegalStateException("line " + line + " has a lone hidden cell and nothing else to hide");
            }
            hide(bestI, bestJ, CellStatus.SECONDARY);
        }
    }

    /**
     * Phase 2: every hidden cell must lie on a cycle of hidden cells along which one unit can move
     * without any count going below what a reader knows it is at least (0 for a shown cell, 1
     * for a hidden one, since zeros are never hidden). Phase 1 removes the obvious failures; this
     * catches the others (a hidden cell that bridges two groups of hidden cells, a cycle through
     * counts of 1 that cannot go down). For a cell with no such cycle, the cheapest one is made by
     * hiding the shown counts of a shortest path (cost = the count hidden) between its row and its
     * column. One pass is enough: hiding only adds moves, so a cell once safe stays safe.
     */
    private void cycles() {
        boolean[][] safe = new boolean[height][width];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                if (!status[i][j].hidden() || safe[i][j]) {
                    continue;
                }
                Path cycle = hiddenCycleThrough(i, j);
                if (cycle == null) {
                    cycle = cheapestCycleThrough(i, j);
                    if (cycle == null) {
                        throw new IllegalStateException("no way to protect cell " + i + "," + j);
                    }
                    for (int cell : cycle.cells) {
                        int ci = cell / width;
                        int cj = cell % width;
                        if (!status[ci][cj].hidden()) {
                            hide(ci, cj, CellStatus.SECONDARY);
                        }
                    }
                }
                safe[i][j] = true;
                for (int cell : cycle.cells) {
                    safe[cell / width][cell % width] = true;
                }
            }
        }
    }

    /**
     * A path of hidden cells closing a cycle through hidden cell (i, j) — from its column back to
     * its row when the cell goes up by one, from its row to its column when it goes down — or null.
     * Breadth-first over hidden cells only.
     */
    private Path hiddenCycleThrough(int i, int j) {
        Path up = canGoUp(i, j) ? hiddenPath(height + j, i, i, j) : null;
        return up != null ? up : canGoDown(i, j) ? hiddenPath(i, height + j, i, j) : null;
    }

    private Path hiddenPath(int from, int to, int excludedI, int excludedJ) {
        int nodes = height + width;
        int[] previousNode = new int[nodes];
        int[] previousCell = new int[nodes];
        Arrays.fill(previousNode, NONE);
        previousNode[from] = from;
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        while (head < tail && previousNode[to] == NONE) {
            int node = queue[head++];
            boolean isRow = node < height;
            for (int other : hiddenOf.get(node)) {
                int i = isRow ? node : other;
                int j = isRow ? other : node - height;
                int next = isRow ? height + j : i;
                if (previousNode[next] != NONE || i == excludedI && j == excludedJ
                        || !(isRow ? canGoUp(i, j) : canGoDown(i, j))) {
                    continue;
                }
                previousNode[next] = node;
                previousCell[next] = i * width + j;
                queue[tail++] = next;
            }
        }
        if (previousNode[to] == NONE) {
            return null;
        }
        List<Integer> cells = new ArrayList<>();
        for (int n = to; n != from; n = previousNode[n]) {
            cells.add(previousCell[n]);
        }
        return new Path(0, cells);
    }

    /**
     * The cheapest path closing a cycle through cell (i, j) when shown counts may be hidden for it;
     * null when none.
     */
    private Path cheapestCycleThrough(int i, int j) {
        Path up = canGoUp(i, j) ? shortestPath(height + j, i, i, j) : null;
        Path down = canGoDown(i, j) ? shortestPath(i, height + j, i, j) : null;
        if (up == null) {
            return down;
        }
        return down == null || up.cost <= down.cost ? up : down;
    }

    private boolean positive(int i, int j) {
        boolean inside = i < height - 1 && j < width - 1;
        boolean corner = i == height - 1 && j == width - 1;
        return inside || corner;
    }

    /** Whether the signed value of the cell may go up by one: the count goes up, or down from 2 or more. */
    private boolean canGoUp(int i, int j) {
        return positive(i, j) || value[i][j] >= 2;
    }

    /** Whether the signed value of the cell may go down by one. */
    private boolean canGoDown(int i, int j) {
        return !positive(i, j) || value[i][j] >= 2;
    }

    /** What it costs to use the cell in a cycle: nothing if hidden, its count if it can be hidden, -1 if not usable. */
    private long cost(int i, int j) {
        if (status[i][j].hidden()) {
            return 0;
        }
        return value[i][j] == 0 ? -1 : value[i][j];
    }

    private record Path(long cost, List<Integer> cells) {}

    /**
     * Dijkstra over the lines (nodes 0..height-1 are rows, then the columns), moving from a row to
     * a column through a cell whose signed value goes up, and from a column to a row through one
     * whose signed value goes down, never through the excluded cell. Ties go to the smallest node,
     * so the result is deterministic.
     */
    private Path shortestPath(int from, int to, int excludedI, int excludedJ) {
        int nodes = height + width;
        long[] dist = new long[nodes];
        int[] previousNode = new int[nodes];
        int[] previousCell = new int[nodes];
        boolean[] done = new boolean[nodes];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(previousNode, NONE);
        dist[from] = 0;
        while (true) {
            int node = NONE;
            for (int n = 0; n < nodes; n++) {
                if (!done[n] && dist[n] != Long.MAX_VALUE && (node == NONE || dist[n] < dist[node])) {
                    node = n;
                }
            }
            if (node == NONE) {
                return null;
            }
            if (node == to) {
                break;
            }
            done[node] = true;
            boolean isRow = node < height;
            int length = isRow ? width : height;
            for (int k = 0; k < length; k++) {
                int i = isRow ? node : k;
                int j = isRow ? k : node - height;
                if (i == excludedI && j == excludedJ) {
                    continue;
                }
                long cost = cost(i, j);
                if (cost < 0 || !(isRow ? canGoUp(i, j) : canGoDown(i, j))) {
                    continue;
                }
                int next = isRow ? height + j : i;
                if (!done[next] && dist[node] + cost < dist[next]) {
                    dist[next] = dist[node] + cost;
                    previousNode[next] = node;
                    previousCell[next] = i * width + j;
                }
            }
        }
        List<Integer> cells = new ArrayList<>();
        for (int n = to; n != from; n = previousNode[n]) {
            cells.add(previousCell[n]);
        }
        return new Path(dist[to], cells);
    }

    private void hide(int i, int j, CellStatus reason) {
        status[i][j] = reason;
        hiddenOf.get(i).add(j);
        hiddenOf.get(height + j).add(i);
        count(i);
        count(height + j);
    }

    private void count(int line) {
        hiddenInLine[line]++;
        if (hiddenInLine[line] == 1) {
            lonely.add(line);
        } else {
            lonely.remove(line);
        }
    }
}
