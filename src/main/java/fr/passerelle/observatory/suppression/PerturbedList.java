package fr.passerelle.observatory.suppression;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A one-dimensional table as published through {@link CellKeyPerturbation}: every cell and the
 * total perturbed on its own; null stands for a value not shown. The counts and keys it was built
 * from are kept for the people who run the observatory and for tests, never published.
 */
public final class PerturbedList {

    private final CellKeyPerturbation perturbation;
    private final CountList counts;
    private final long[] keySums;
    /** The cells of {@code counts} published, in order (the total stays the total of every cell). */
    private final int[] lines;

    PerturbedList(CellKeyPerturbation perturbation, CountList counts, long[] keySums) {
        this(perturbation, counts, keySums, java.util.stream.IntStream.range(0, counts.size()).toArray());
    }

    private PerturbedList(CellKeyPerturbation perturbation, CountList counts, long[] keySums, int[] lines) {
        this.perturbation = perturbation;
        this.counts = counts;
        this.keySums = keySums;
        this.lines = lines;
    }

    /**
     * The same list publishing only the given cells (indexes into this one), in that order; the
     * total is still the perturbed total of every cell.
     */
    public PerturbedList lines(int[] kept) {
        int[] mapped = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            mapped[i] = lines[kept[i]];
        }
        return new PerturbedList(perturbation, counts, keySums, mapped);
    }

    /** The exact counts of every cell, published or not (not to be published). */
    public CountList counts() {
        return counts;
    }

    /** How many cells are published. */
    public int size() {
        return lines.length;
    }

    /** The exact count of a published cell (not to be published). */
    public long count(int index) {
        return counts.cell(lines[index]);
    }

    public int cellKey(int index) {
        return CellKeyPerturbation.cellKey(keySums[lines[index]]);
    }

    public int totalKey() {
        return CellKeyPerturbation.cellKey(keySums);
    }

    /** The published value of a cell: null when not shown. */
    public Long cell(int index) {
        return perturbation.publish(count(index), cellKey(index));
    }

    /** The published total, perturbed on its own: null when not shown. */
    public Long total() {
        return perturbation.publish(counts.total(), totalKey());
    }

    /** The list as published. */
    public Rendered render() {
        Long[] cells = new Long[size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(i);
        }
        return new Rendered(Collections.unmodifiableList(Arrays.asList(cells)), total());
    }

    /** A published list: null stands for a value not shown. */
    public record Rendered(List<Long> cells, Long total) {}

    @Override
    public String toString() {
        return render().toString();
    }
}
