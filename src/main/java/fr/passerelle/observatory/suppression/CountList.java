package fr.passerelle.observatory.suppression;

import java.util.Arrays;

/**
 * A one-dimensional table of counts (e.g. measures by outcome) with its total, which is the sum
 * of the cells. Immutable.
 */
public final class CountList {

    private final long[] cells;
    private final long total;

    private CountList(long[] cells, long total) {
        this.cells = cells;
        this.total = total;
    }

    /** A list whose total is the sum of its cells. */
    public static CountList of(long... cells) {
        if (cells == null || cells.length == 0) {
            throw new IllegalArgumentException("a list needs at least one cell");
        }
        long total = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] < 0) {
                throw new IllegalArgumentException("negative count at position " + i);
            }
            total = Math.addExact(total, cells[i]);
        }
        return new CountList(cells.clone(), total);
    }

    /**
     * A list with the total it will be published with, which must be the sum of the cells.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static CountList withTotal(long[] cells, long total) {
        CountList list = of(cells);
        if (list.total != total) {
            throw new IllegalArgumentException("total " + total + " is not the sum of the cells " + list.total);
        }
        return list;
    }

    public int size() {
        return cells.length;
    }

    public long cell(int index) {
        return cells[index];
    }

    public long total() {
        return total;
    }

    @Override
    public String toString() {
        return Arrays.toString(cells) + " | " + total;
    }
}
