package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A two-dimensional table as published through {@link CellKeyPerturbation}: every cell, row total,
 * column total and the grand total perturbed on its own (a total's key is the sum of its cells'
 * keys); null stands for a value not shown. The counts and keys it was built from are kept for the
 * people who run the observatory and for tests, never published.
 */
public final class PerturbedTable {

    private final CellKeyPerturbation perturbation;
    private final CountTable counts;
    private final long[][] keySums;
    /** The rows of {@code counts} published, in order (column and grand totals stay those of every row). */
    private final int[] lines;

    PerturbedTable(CellKeyPerturbation perturbation, CountTable counts, long[][] keySums) {
        this(perturbation, counts, keySums, java.util.stream.IntStream.range(0, counts.rows()).toArray());
    }

    private PerturbedTable(CellKeyPerturbation perturbation, CountTable counts, long[][] keySums, int[] lines) {
        this.perturbation = perturbation;
        this.counts = counts;
        this.keySums = keySums;
        this.lines = lines;
    }

    /**
     * The same table publishing only the given rows (indexes into this one), in that order; column
     * totals and the grand total are still those of every row.
     */
    public PerturbedTable lines(int[] kept) {
        int[] mapped = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            mapped[i] = lines[kept[i]];
        }
        return new PerturbedTable(perturbation, counts, keySums, mapped);
    }

    /** The exact counts of every row, published or not (not to be published). */
    public CountTable counts() {
        return counts;
    }

    /** How many rows are published. */
    public int rows() {
        return lines.length;
    }

    /** The exact count of a published row's cell (not to be published). */
    public long count(int row, int column) {
        return counts.cell(lines[row], column);
    }

    /** The exact total of a published row (not to be published). */
    public long rowCount(int row) {
        return counts.rowTotal(lines[row]);
    }

    public int cellKey(int row, int column) {
        return CellKeyPerturbation.cellKey(keySums[lines[row]][column]);
    }

    public int rowKey(int row) {
        return CellKeyPerturbation.cellKey(keySums[lines[row]]);
    }

    public int columnKey(int column) {
        long[] keys = new long[keySums.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keySums[i][column];
        }
        return CellKeyPerturbation.cellKey(keys);
    }

    public int grandKey() {
        long[] keys = new long[keySums.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = CellKeyPerturbation.cellKey(keySums[i]);
        }
        return CellKeyPerturbation.cellKey(keys);
    }

    /** The published value of a cell: null when not shown. */
    public Long cell(int row, int column) {
        return perturbation.publish(counts.cell(lines[row], column), cellKey(row, column));
    }

    public Long rowTotal(int row) {
        return perturbation.publish(counts.rowTotal(lines[row]), rowKey(row));
    }

    public Long columnTotal(int column) {
        return perturbation.publish(counts.columnTotal(column), columnKey(column));
    }

    public Long grandTotal() {
        return perturbation.publish(counts.grandTotal(), grandKey());
    }

    /** The table as published. */
    public Rendered render() {
        List<List<Long>> cells = new ArrayList<>();
        Long[] rowTotals = new Long[rows()];
        for (int i = 0; i < rows(); i++) {
            Long[] row = new Long[counts.columns()];
            for (int j = 0; j < counts.columns(); j++) {
                row[j] = cell(i, j);
            }
            cells.add(Collections.unmodifiableList(Arrays.asList(row)));
            rowTotals[i] = rowTotal(i);
        }
        Long[] columnTotals = new Long[counts.columns()];
        for (int j = 0; j < counts.columns(); j++) {
            columnTotals[j] = columnTotal(j);
        }
        return new Rendered(Collections.unmodifiableList(cells), Collections.unmodifiableList(Arrays.asList(rowTotals)),
                Collections.unmodifiableList(Arrays.asList(columnTotals)), grandTotal());
    }

    /** A published table: null stands for a value not shown. */
    public record Rendered(List<List<Long>> cells, List<Long> rowTotals, List<Long> columnTotals, Long grandTotal) {}

    @Override
    public String toString() {
        return render().toString();
    }
}
