package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reader trying to recover hidden counts of one published two-dimensional table. Knows the
 * shown cells and totals, that the table is additive, that counts are whole numbers at least 0,
 * and — in the stronger model, which is the one the suppression is built against — that every
 * hidden count is at least 1 (zeros are never hidden).
 *
 * <p>Exact: {@link #feasible} decides whether some complete table agrees with everything the reader
 * knows and gives a chosen hidden count a chosen value. The unknowns are the hidden inner cells;
 * row totals, column totals and grand total are flows from a source through rows and columns to
 * a sink, so the question is the feasibility of a flow with lower and upper bounds, answered by a
 * max-flow (Dinic). Max-flow is integral, so the answer is about whole numbers, and the flow found
 * is turned into a {@link #witness} table that {@link #verify} checks equation by equation,
 * independently of the flow code.
 *
 * <p>{@link #range} searches the smallest and largest feasible value by bisection, relying on the
 * feasible values forming an interval (true for such network matrices, and cross-checked against
 * brute-force enumeration in the tests).
 *
 * <p>Weaker but classic: {@link #propagate} narrows an interval per hidden count, line by line, as a
 * reader with a pencil would; any interval it closes is a real disclosure.
 */
final class Attacker {

    static final long UNBOUNDED = Long.MAX_VALUE / 8;

    private final CountTable table;
    private final boolean[][] hidden;
    private final long lowerBound;
    private final int rows;
    private final int columns;

    /**
     * @param hidden (rows + 1) × (columns + 1), margins last
     * @param lowerBound what the reader knows every hidden count is at least (0 or 1)
     */
    Attacker(CountTable table, boolean[][] hidden, long lowerBound) {
        this.table = table;
        this.hidden = hidden;
        this.lowerBound = lowerBound;
        this.rows = table.rows();
        this.columns = table.columns();
    }

    static Attacker of(SuppressedTable result, long lowerBound) {
        CountTable t = result.table();
        boolean[][] hidden = new boolean[t.rows() + 1][t.columns() + 1];
        for (int i = 0; i <= t.rows(); i++) {
            for (int j = 0; j <= t.columns(); j++) {
                hidden[i][j] = result.statusWithMargins(i, j).hidden();
            }
        }
        return new Attacker(t, hidden, lowerBound);
    }

    /** The value of the grid with margins. */
    static long value(CountTable t, int i, int j) {
        boolean totalRow = i == t.rows();
        boolean totalColumn = j == t.columns();
        return totalRow && totalColumn ? t.grandTotal() : totalRow ? t.columnTotal(j)
                : totalColumn ? t.rowTotal(i) : t.cell(i, j);
    }

    long value(int i, int j) {
        return value(table, i, j);
    }

    /** Hidden cells of the grid with margins, row-major, as {i, j}. */
    List<int[]> hiddenCells() {
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                if (hidden[i][j]) {
                    cells.add(new int[] {i, j});
                }
            }
        }
        return cells;
    }

    /** Whether a table consistent with what the reader knows gives cell (i, j) the value k. */
    boolean feasible(int i, int j, long k) {
        return solve(i, j, k) != null;
    }

    /** Whether the reader can tell the hidden cell's exact value (no neighbouring value is feasible). */
    boolean determined(int i, int j) {
        long v = value(i, j);
        return !(v - 1 >= lowerBound && feasible(i, j, v - 1)) && !feasible(i, j, v + 1);
    }

    /** Smallest and largest feasible values of a hidden cell; max is {@link #UNBOUNDED} when there is none. */
    record Range(long min, long max) {
        boolean exact() {
            return min == max;
        }
    }

    Range range(int i, int j) {
        long v = value(i, j);
        if (!feasible(i, j, v)) {
            throw new AssertionError("the true table is not feasible: the checker is broken");
        }
        long lo = lowerBound;
        long hi = v;
        while (lo < hi) { // smallest feasible in [lowerBound, v]
            long mid = lo + (hi - lo) / 2;
            if (feasible(i, j, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        long min = lo;
        long cap = 2 * table.grandTotal() + 16;
        if (feasible(i, j, cap)) {
            return new Range(min, UNBOUNDED);
        }
        lo = v;
        hi = cap;
        while (lo < hi) { // largest feasible in [v, cap)
            long mid = lo + (hi - lo + 1) / 2;
            if (feasible(i, j, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Range(min, lo);
    }

    /** A complete table (inner cells) in which cell (i, j) is k, or null when there is none. */
    long[][] witness(int i, int j, long k) {
        return solve(i, j, k);
    }

    /**
     * Whether a proposed complete table agrees with everything the reader knows: same shown cells
     * and totals, additive, whole numbers at least 0, hidden ones at least the lower bound.
     */
    boolean verify(long[][] candidate) {
        if (candidate.length != rows) {
            return false;
        }
        long[] rowSum = new long[rows];
        long[] columnSum = new long[columns];
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                long x = candidate[i][j];
                if (x < 0 || hidden[i][j] && x < lowerBound || !hidden[i][j] && x != table.cell(i, j)) {
                    return false;
                }
                rowSum[i] += x;
                columnSum[j] += x;
                grand += x;
            }
        }
        for (int i = 0; i < rows; i++) {
            if (hidden[i][columns] ? rowSum[i] < lowerBound : rowSum[i] != table.rowTotal(i)) {
                return false;
            }
        }
        for (int j = 0; j < columns; j++) {
            if (hidden[rows][j] ? columnSum[j] < lowerBound : columnSum[j] != table.columnTotal(j)) {
                return false;
            }
        }
        return hidden[rows][columns] ? grand >= lowerBound : grand == table.grandTotal();
    }

    /** The value a candidate table gives to cell (i, j) of the grid with margins. */
    static long valueIn(long[][] candidate, int i, int j) {
        int rows = candidate.length;
        int columns = candidate[0].length;
        long sum = 0;
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < columns; b++) {
                if ((i == rows || a == i) && (j == columns || b == j)) {
                    sum += candidate[a][b];
                }
            }
        }
        return sum;
    }

    // Flow model: source s, rows, columns, sink t; t -> s carries the grand total.

    private long[][] solve(int ti, int tj, long k) {
        if (k < 0 || hidden[ti][tj] && k < lowerBound) {
            return null;
        }
        long[] shownRow = new long[rows];
        long[] shownColumn = new long[columns];
        long shownAll = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (!hidden[i][j]) {
                    shownRow[i] += table.cell(i, j);
                    shownColumn[j] += table.cell(i, j);
                    shownAll += table.cell(i, j);
                }
            }
        }
        int s = 0;
        int t = 1;
        Flow flow = new Flow(2 + rows + columns);
        int[][] cellEdge = new int[rows][columns];
        long[][] cellLow = new long[rows][columns];
        if (!margin(flow, t, s, rows, columns, shownAll, ti, tj, k)) {
            return null;
        }
        for (int i = 0; i < rows; i++) {
            if (!margin(flow, s, 2 + i, i, columns, shownRow[i], ti, tj, k)) {
                return null;
            }
        }
        for (int j = 0; j < columns; j++) {
            if (!margin(flow, 2 + rows + j, t, rows, j, shownColumn[j], ti, tj, k)) {
                return null;
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                cellEdge[i][j] = -1;
                if (hidden[i][j]) {
                    boolean target = i == ti && j == tj;
                    cellLow[i][j] = target ? k : lowerBound;
                    cellEdge[i][j] = flow.add(2 + i, 2 + rows + j, cellLow[i][j], target ? k : UNBOUNDED);
                } else if (i == ti && j == tj) {
                    return k == table.cell(i, j) ? table.cells() : null;
                }
            }
        }
        if (!flow.feasible()) {
            return null;
        }
        long[][] result = table.cells();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (cellEdge[i][j] >= 0) {
                    result[i][j] = cellLow[i][j] + flow.flowOn(cellEdge[i][j]);
                }
            }
        }
        return result;
    }

    /** Adds the edge carrying a margin (the part of the total not made of shown cells). */
    private boolean margin(Flow flow, int from, int to, int i, int j, long shownPart, int ti, int tj, long k) {
        if (i == ti && j == tj) {
            if (k - shownPart < 0) {
                return false;
            }
            flow.add(from, to, k - shownPart, k - shownPart);
        } else if (hidden[i][j]) {
            flow.add(from, to, Math.max(0, lowerBound - shownPart), UNBOUNDED);
        } else {
            long rest = value(i, j) - shownPart;
            flow.add(from, to, rest, rest);
        }
        return true;
    }

    /** Circulation with lower bounds, by max-flow from a super source to a super sink (Dinic). */
    private static final class Flow {
        private final int n;
        private final List<int[]> edges = new ArrayList<>(); // {from, to}
        private final List<Long> capacity = new ArrayList<>();
        private final List<Long> original = new ArrayList<>();
        private final long[] excess;

        Flow(int nodes) {
            this.n = nodes + 2;
            this.excess = new long[n];
        }

        int add(int from, int to, long low, long high) {
            if (low > high) {
                throw new IllegalArgumentException("low > high");
            }
            excess[to] += low;
            excess[from] -= low;
            return raw(from, to, high - low);
        }

        private int raw(int from, int to, long cap) {
            edges.add(new int[] {from, to});
            capacity.add(cap);
            original.add(cap);
            edges.add(new int[] {to, from});
            capacity.add(0L);
            original.add(0L);
            return edges.size() - 2;
        }

        long flowOn(int edge) {
            return original.get(edge) - capacity.get(edge);
        }

        boolean feasible() {
            int superSource = n - 2;
            int superSink = n - 1;
            long need = 0;
            for (int v = 0; v < n - 2; v++) {
                if (excess[v] > 0) {
                    raw(superSource, v, excess[v]);
                    need += excess[v];
                } else if (excess[v] < 0) {
                    raw(v, superSink, -excess[v]);
                }
            }
            return maxFlow(superSource, superSink) == need;
        }

        private long maxFlow(int source, int sink) {
            List<List<Integer>> adjacency = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                adjacency.add(new ArrayList<>());
            }
            for (int e = 0; e < edges.size(); e++) {
                adjacency.get(edges.get(e)[0]).add(e);
            }
            long total = 0;
            int[] level = new int[n];
            while (true) {
                Arrays.fill(level, -1);
                level[source] = 0;
                int[] queue = new int[n];
                int head = 0;
                int tail = 0;
                queue[tail++] = source;
                while (head < tail) {
                    int v = queue[head++];
                    for (int e : adjacency.get(v)) {
                        int w = edges.get(e)[1];
                        if (level[w] < 0 && capacity.get(e) > 0) {
                            level[w] = level[v] + 1;
                            queue[tail++] = w;
                        }
                    }
                }
                if (level[sink] < 0) {
                    return total;
                }
                int[] next = new int[n];
                long pushed;
                while ((pushed = push(source, sink, Long.MAX_VALUE, level, next, adjacency)) > 0) {
                    total += pushed;
                }
            }
        }

        private long push(int v, int sink, long limit, int[] level, int[] next, List<List<Integer>> adjacency) {
            if (v == sink) {
                return limit;
            }
            List<Integer> out = adjacency.get(v);
            for (; next[v] < out.size(); next[v]++) {
                int e = out.get(next[v]);
                int w = edges.get(e)[1];
                if (capacity.get(e) > 0 && level[w] == level[v] + 1) {
                    long pushed = push(w, sink, Math.min(limit, capacity.get(e)), level, next, adjacency);
                    if (pushed > 0) {
                        capacity.set(e, capacity.get(e) - pushed);
                        capacity.set(e ^ 1, capacity.get(e ^ 1) + pushed);
                        return pushed;
                    }
                }
            }
            return 0;
        }
    }

    /**
     * Interval reasoning line by line until nothing changes: for each hidden count, the line's
     * total minus the others' known values and bounds. Returns the hidden cells whose interval
     * closed on one value, as {i, j}.
     */
    List<int[]> propagate() {
        long[][] lo = new long[rows + 1][columns + 1];
        long[][] hi = new long[rows + 1][columns + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                lo[i][j] = hidden[i][j] ? lowerBound : value(i, j);
                hi[i][j] = hidden[i][j] ? UNBOUNDED : value(i, j);
            }
        }
        boolean changed = true;
        for (int round = 0; changed && round < 10_000; round++) {
            changed = false;
            for (int line = 0; line < rows + 1 + columns + 1; line++) {
                changed |= narrow(line, lo, hi);
            }
        }
        List<int[]> pinned = new ArrayList<>();
        for (int[] cell : hiddenCells()) {
            if (lo[cell[0]][cell[1]] == hi[cell[0]][cell[1]]) {
                pinned.add(cell);
            }
        }
        return pinned;
    }

    /** One line: parts (all but the last) add up to the last (its total). */
    private boolean narrow(int line, long[][] lo, long[][] hi) {
        boolean isRow = line <= rows;
        int length = isRow ? columns + 1 : rows + 1;
        int[][] at = new int[length][];
        for (int k = 0; k < length; k++) {
            at[k] = isRow ? new int[] {line, k} : new int[] {k, line - rows - 1};
        }
        boolean changed = false;
        int last = length - 1;
        long partsLo = 0;
        long partsHiFinite = 0;
        int partsUnbounded = 0;
        for (int k = 0; k < last; k++) {
            partsLo = add(partsLo, lo[at[k][0]][at[k][1]]);
            long h = hi[at[k][0]][at[k][1]];
            if (h >= UNBOUNDED) {
                partsUnbounded++;
            } else {
                partsHiFinite += h;
            }
        }
        // total within [sum of lows, sum of highs]
        int[] tot = at[last];
        changed |= tighten(lo, hi, tot, partsLo, partsUnbounded > 0 ? UNBOUNDED : partsHiFinite);
        // each part within [total low − others' highs, total high − others' lows]
        for (int k = 0; k < last; k++) {
            int[] p = at[k];
            boolean selfUnbounded = hi[p[0]][p[1]] >= UNBOUNDED;
            long othersLo = partsLo - lo[p[0]][p[1]];
            long othersHi = partsUnbounded - (selfUnbounded ? 1 : 0) > 0 ? UNBOUNDED
                    : partsHiFinite - (selfUnbounded ? 0 : hi[p[0]][p[1]]);
            long newLo = othersHi >= UNBOUNDED ? lo[p[0]][p[1]] : lo[tot[0]][tot[1]] - othersHi;
            long newHi = hi[tot[0]][tot[1]] >= UNBOUNDED ? UNBOUNDED : hi[tot[0]][tot[1]] - othersLo;
            changed |= tighten(lo, hi, p, newLo, newHi);
        }
        return changed;
    }

    private static boolean tighten(long[][] lo, long[][] hi, int[] c, long newLo, long newHi) {
        boolean changed = false;
        if (newLo > lo[c[0]][c[1]]) {
            lo[c[0]][c[1]] = newLo;
            changed = true;
        }
        if (newHi < hi[c[0]][c[1]]) {
            hi[c[0]][c[1]] = newHi;
            changed = true;
        }
        if (lo[c[0]][c[1]] > hi[c[0]][c[1]]) {
            throw new AssertionError("empty interval: the checker is broken");
        }
        return changed;
    }

    private static long add(long a, long b) {
        return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : a + b;
    }
}
