package fr.passerelle.observatory.suppression;

import java.util.Arrays;

/**
 * A two-dimensional table of counts with its margins: {@code cells[row][column]}, the total of
 * each row, of each column, and the grand total. Counts are non-negative and the table is
 * additive (each total is the sum of its line), which is what makes totals a way to recover a
 * hidden cell and what the suppression protects against. Immutable; arrays are copied in and out.
 */
public final class CountTable {

    private final long[][] cells;
    private final long[] rowTotals;
    private final long[] columnTotals;
    private final long grandTotal;

    private CountTable(long[][] cells, long[] rowTotals, long[] columnTotals, long grandTotal) {
        this.cells = cells;
        this.rowTotals = rowTotals;
        this.columnTotals = columnTotals;
        this.grandTotal = grandTotal;
    }

    /** A table whose totals are the sums of its cells. */
    public static CountTable of(long[][] cells) {
        long[][] copy = copyCells(cells);
        int rows = copy.length;
        int columns = copy[0].length;
        long[] rowTotals = new long[rows];
        long[] columnTotals = new long[columns];
        long grand = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                rowTotals[i] = Math.addExact(rowTotals[i], copy[i][j]);
                columnTotals[j] = Math.addExact(columnTotals[j], copy[i][j]);
                grand = Math.addExact(grand, copy[i][j]);
            }
        }
        return new CountTable(copy, rowTotals, columnTotals, grand);
    }

    /**
     * A table with the totals it will be published with; they must be the sums of the cells (a
     * table whose totals are not additive, e.g. distinct persons across overlapping columns, is
     * outside what this suppression reasons about).
     *
     * @throws IllegalArgumentException when a total is not the sum of its line
     */
    public static CountTable withTotals(long[][] cells, long[] rowTotals, long[] columnTotals, long grandTotal) {
        CountTable computed = of(cells);
        if (rowTotals == null || columnTotals == null) {
            throw new IllegalArgumentException("totals are required");
        }
        if (!Arrays.equals(computed.rowTotals, rowTotals)) {
            throw new IllegalArgumentException("row totals " + Arrays.toString(rowTotals)
                    + " are not the sums of the rows " + Arrays.toString(computed.rowTotals));
        }
        if (!Arrays.equals(computed.columnTotals, columnTotals)) {
            throw new IllegalArgumentException("column totals " + Arrays.toString(columnTotals)
                    + " are not the sums of the columns " + Arrays.toString(computed.columnTotals));
        }
        if (computed.grandTotal != grandTotal) {
            throw new IllegalArgumentException("grand total " + grandTotal + " is not the sum of the cells "
                    + computed.grandTotal);
        }
        return computed;
    }

    private static long[][] copyCells(long[][] cells) {
        if (cells == null || cells.length == 0 || cells[0] == null || cells[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        int columns = cells[0].length;
        long[][] copy = new long[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null || cells[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " does not have " + columns + " columns");
            }
            for (int j = 0; j < columns; j++) {
                if (cells[i][j] < 0) {
                    throw new IllegalArgumentException("negative count at row " + i + ", column " + j);
                }
            }
            copy[i] = cells[i].clone();
        }
        return copy;
    }

    public int rows() {
        return cells.length;
    }

    public int columns() {
        return cells[0].length;
    }

    public long cell(int row, int column) {
        return cells[row][column];
    }

    public long rowTotal(int row) {
        return rowTotals[row];
    }

    public long columnTotal(int column) {
        return columnTotals[column];
    }

    public long grandTotal() {
        return grandTotal;
    }

    /** The cells (a copy). */
    public long[][] cells() {
        return copyCells(cells);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows(); i++) {
            text.append(Arrays.toString(cells[i])).append(" | ").append(rowTotals[i]).append('\n');
        }
        return text.append(Arrays.toString(columnTotals)).append(" | ").append(grandTotal).toString();
    }
}
