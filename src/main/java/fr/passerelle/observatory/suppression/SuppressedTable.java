package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A two-dimensional table after suppression: each cell and each total with its status. The
 * reasons (primary or secondary) are for the people who run the observatory and for tests; a
 * published table shows only values and blanks ({@link #render()}), because telling a reader
 * which blanks are primary would tell them those counts are between 1 and threshold − 1.
 */
public final class SuppressedTable {

    private final CountTable table;
    private final int threshold;
    /** (rows + 1) × (columns + 1): the last row holds the column totals, the last column the row totals. */
    private final CellStatus[][] status;

    SuppressedTable(CountTable table, int threshold, CellStatus[][] status) {
        this.table = table;
        this.threshold = threshold;
        this.status = status;
    }

    public CountTable table() {
        return table;
    }

    public int threshold() {
        return threshold;
    }

    public CellStatus cellStatus(int row, int column) {
        checkCell(row, column);
        return status[row][column];
    }

    public CellStatus rowTotalStatus(int row) {
        checkCell(row, 0);
        return status[row][table.columns()];
    }

    public CellStatus columnTotalStatus(int column) {
        checkCell(0, column);
        return status[table.rows()][column];
    }

    public CellStatus grandTotalStatus() {
        return status[table.rows()][table.columns()];
    }

    /** The count as published: null when hidden. */
    public Long cell(int row, int column) {
        return cellStatus(row, column).hidden() ? null : table.cell(row, column);
    }

    public Long rowTotal(int row) {
        return rowTotalStatus(row).hidden() ? null : table.rowTotal(row);
    }

    public Long columnTotal(int column) {
        return columnTotalStatus(column).hidden() ? null : table.columnTotal(column);
    }

    public Long grandTotal() {
        return grandTotalStatus().hidden() ? null : table.grandTotal();
    }

    /** How many cells and totals have the given status. */
    public int count(CellStatus wanted) {
        int count = 0;
        for (CellStatus[] row : status) {
            for (CellStatus s : row) {
                if (s == wanted) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Status of a cell of the grid with margins: row {@code rows()} is the totals row, column
     * {@code columns()} the totals column.
     */
    CellStatus statusWithMargins(int row, int column) {
        return status[row][column];
    }

    /** The table as published: hidden values are null. */
    public Rendered render() {
        List<List<Long>> cells = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            Long[] row = new Long[table.columns()];
            for (int j = 0; j < table.columns(); j++) {
                row[j] = cell(i, j);
            }
            cells.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        Long[] rowTotals = new Long[table.rows()];
        for (int i = 0; i < table.rows(); i++) {
            rowTotals[i] = rowTotal(i);
        }
        Long[] columnTotals = new Long[table.columns()];
        for (int j = 0; j < table.columns(); j++) {
            columnTotals[j] = columnTotal(j);
        }
        return new Rendered(Collections.unmodifiableList(cells), Collections.unmodifiableList(Arrays.asList(rowTotals)),
                Collections.unmodifiableList(Arrays.asList(columnTotals)), grandTotal());
    }

    /** A published table: null stands for a hidden count. */
    public record Rendered(List<List<Long>> cells, List<Long> rowTotals, List<Long> columnTotals, Long grandTotal) {}

    private void checkCell(int row, int column) {
        if (row < 0 || row >= table.rows() || column < 0 || column >= table.columns()) {
            throw new IndexOutOfBoundsException("no cell " + row + "," + column);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= table.rows(); i++) {
            for (int j = 0; j <= table.columns(); j++) {
                long v = i == table.rows() && j == table.columns() ? table.grandTotal()
                        : i == table.rows() ? table.columnTotal(j)
                        : j == table.columns() ? table.rowTotal(i) : table.cell(i, j);
                text.append(j == table.columns() ? " | " : j > 0 ? " " : "")
                        .append(switch (status[i][j]) {
                            case SHOWN -> String.valueOf(v);
                            case PRIMARY -> "(" + v + ")";
                            case SECONDARY -> "[" + v + "]";
                        });
            }
            text.append('\n');
        }
        return text.toString();
    }
}
