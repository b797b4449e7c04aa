package fr.passerelle.observatory.suppression;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A one-dimensional table after suppression; see {@link SuppressedTable} on reasons. */
public final class SuppressedList {

    private final CountList list;
    private final int threshold;
    /** One status per cell, then the total's. */
    private final CellStatus[] status;

    SuppressedList(CountList list, int threshold, CellStatus[] status) {
        this.list = list;
        this.threshold = threshold;
        this.status = status;
    }

    public CountList list() {
        return list;
    }

    public int threshold() {
        return threshold;
    }

    public CellStatus cellStatus(int index) {
        if (index < 0 || index >= list.size()) {
            throw new IndexOutOfBoundsException("no cell " + index);
        }
        return status[index];
    }

    public CellStatus totalStatus() {
        return status[list.size()];
    }

    /** The count as published: null when hidden. */
    public Long cell(int index) {
        return cellStatus(index).hidden() ? null : list.cell(index);
    }

    public Long total() {
        return totalStatus().hidden() ? null : list.total();
    }

    /** How many cells and totals have the given status. */
    public int count(CellStatus wanted) {
        return (int) Arrays.stream(status).filter(s -> s == wanted).count();
    }

    /** The list as published: hidden values are null. */
    public Rendered render() {
        Long[] cells = new Long[list.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(i);
        }
        return new Rendered(Collections.unmodifiableList(Arrays.asList(cells)), total());
    }

    /** A published list: null stands for a hidden count. */
    public record Rendered(List<Long> cells, Long total) {}

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= list.size(); i++) {
            long v = i == list.size() ? list.total() : list.cell(i);
            text.append(i == list.size() ? " | " : i > 0 ? " " : "").append(switch (status[i]) {
                case SHOWN -> String.valueOf(v);
                case PRIMARY -> "(" + v + ")";
                case SECONDARY -> "[" + v + "]";
            });
        }
        return text.toString();
    }
}
