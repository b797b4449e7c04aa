package fr.passerelle.observatory.suppression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A reader who combines published figures of many queries to pin down a small count: the same
 * records published in several tables (overlapping periods, nested geographies, complementary
 * filters), each figure read as an interval of what its true count can be, and intervals of sets of
 * records derived by difference (A ⊃ B gives A \ B) and by partition (a table's total and its other
 * lines give a line), over two rounds. Sound: every interval holds the true count whenever the
 * reading is right about the publication rule (the tests check it). A count is recovered when its
 * interval is a single value.
 *
 * <p>Records are grouped into atoms (e.g. tribunal × month × type); a set of atoms is a bit mask.
 */
public final class DifferencingAttacker {

    static final long UNBOUNDED = Long.MAX_VALUE / 4;

    /** What a reader knows of a true count from its published value. */
    public interface Reading {

        /** The bounds of a count published as {@code value} (null: not shown). */
        long[] bounds(Long value);

        /** The bounds of the count of a line the table does not list. */
        long[] absent();
    }

    /**
     * Small-cell suppression alone (ADR 0006): a shown count is exact; a blank is at least 1 (zeros
     * are shown); a line not listed counts nothing.
     */
    public static Reading exact() {
        return new Reading() {
            public long[] bounds(Long value) {
                return value == null ? new long[] {1, UNBOUNDED} : new long[] {value, value};
            }

            public long[] absent() {
                return new long[] {0, 0};
            }
        };
    }

    /**
     * Cell-key perturbation (ADR 0009): a shown value is the count within ± {@code maxNoise}; a blank is
     * a value below the threshold, so a count below {@code threshold + maxNoise}; a line is listed only
     * when one of its counts is shown, so one not listed is like a blank.
     */
    public static Reading perturbed(int threshold, int maxNoise) {
        return new Reading() {
            public long[] bounds(Long value) {
                return value == null ? absent() : new long[] {Math.max(0, value - maxNoise), value + maxNoise};
            }

            public long[] absent() {
                return new long[] {0, threshold - 1 + maxNoise};
            }
        };
    }

    private final Reading reading;
    private final Map<Mask, long[]> known = new HashMap<>();
    private final List<Mask> observed = new ArrayList<>();
    private final java.util.Set<Mask> observedSet = new java.util.HashSet<>();
    private final List<List<Mask>> partitions = new ArrayList<>();

    private final boolean listsEveryLine;

    /**
     * @param listsEveryLine whether the tables attacked list every line that counts something
     *     (suppression alone) or only those with a count shown (perturbation)
     */
    public DifferencingAttacker(Reading reading, boolean listsEveryLine) {
        this.reading = reading;
        this.listsEveryLine = listsEveryLine;
    }

    public boolean listsEveryLine() {
        return listsEveryLine;
    }

    /** A query answered "nothing matches": its records count exactly zero. */
    public void nothing(long[] atoms) {
        observe(new Mask(atoms), new long[] {0, 0});
    }

    /**
     * A published table: its total over {@code totalAtoms} and its lines, each a set of atoms and its
     * published value; a line of {@code universe} not published is read as {@link Reading#absent()}.
     */
    public void table(long[] totalAtoms, Long total, List<long[]> lineAtoms, List<Long> values,
            List<long[]> universe) {
        List<Mask> parts = new ArrayList<>();
        observe(new Mask(totalAtoms), reading.bounds(total));
        for (long[] line : universe) {
            Mask mask = new Mask(line);
            int listed = indexOf(lineAtoms, line);
            observe(mask, listed < 0 ? reading.absent() : reading.bounds(values.get(listed)));
            parts.add(mask);
        }
        List<Mask> partition = new ArrayList<>();
        partition.add(new Mask(totalAtoms));
        partition.addAll(parts);
        partitions.add(partition);
    }

    /**
     * A figure that is not a count but is shown or not by a gate on the count of its records (a
     * median and its population): the gate's reading gives the count's bounds.
     *
     * @param bounds what "shown" or "not shown" says of the count of {@code atoms}
     */
    public void gated(long[] atoms, long[] bounds) {
        observe(new Mask(atoms), bounds);
    }

    private static int indexOf(List<long[]> lines, long[] line) {
        for (int i = 0; i < lines.size(); i++) {
            if (Arrays.equals(lines.get(i), line)) {
                return i;
            }
        }
        return -1;
    }

    private void observe(Mask mask, long[] bounds) {
        if (!mask.empty() && observedSet.add(mask)) {
            observed.add(mask);
        }
        narrow(mask, bounds[0], bounds[1]);
    }

    private void narrow(Mask mask, long lo, long hi) {
        if (mask.empty()) {
            return;
        }
        long[] current = known.computeIfAbsent(mask, m -> new long[] {0, UNBOUNDED});
        current[0] = Math.max(current[0], Math.max(0, lo));
        current[1] = Math.min(current[1], hi);
    }

    /** Derives what it can: partitions, then differences of every two nested sets, twice. */
    public void attack() {
        for (int round = 0; round < 2; round++) {
            for (List<Mask> partition : partitions) {
                long[] total = known.get(partition.get(0));
                List<Mask> parts = partition.subList(1, partition.size());
                long lo = 0;
                long finiteHi = 0;
                int unbounded = 0;
                for (Mask part : parts) {
                    long[] b = known.getOrDefault(part, new long[] {0, 0});
                    lo += b[0];
                    if (b[1] >= UNBOUNDED) {
                        unbounded++;
                    } else {
                        finiteHi += b[1];
                    }
                }
                for (Mask part : parts) {
                    long[] b = known.getOrDefault(part, new long[] {0, 0});
                    boolean self = b[1] >= UNBOUNDED;
                    long othersHi = unbounded - (self ? 1 : 0) > 0 ? UNBOUNDED : finiteHi - (self ? 0 : b[1]);
                    narrow(part, othersHi >= UNBOUNDED ? 0 : total[0] - othersHi,
                            total[1] >= UNBOUNDED ? UNBOUNDED : total[1] - (lo - b[0]));
                }
                narrow(partition.get(0), lo, unbounded > 0 ? UNBOUNDED : finiteHi);
            }
            // Sets derived in the first round join the second, when narrow enough to help.
            List<Mask> sets = new ArrayList<>(round == 0 ? observed : known.keySet().stream()
                    .filter(m -> observedSet.contains(m) || known.get(m)[1] - known.get(m)[0] <= 8).toList());
            for (Mask a : sets) {
                for (Mask b : observed) {
                    difference(a, b);
                    difference(b, a);
                }
            }
        }
    }

    private void difference(Mask outer, Mask inner) {
        if (!inner.within(outer)) {
            return;
        }
        long[] o = known.get(outer);
        long[] i = known.get(inner);
        narrow(outer.minus(inner), o[0] - i[1], o[1] >= UNBOUNDED ? UNBOUNDED : o[1] - i[0]);
    }

    /**
     * The sets whose count the reader pinned to one value from 1 to {@code threshold − 1}; fails if
     * an interval does not hold the true count (the reading would be wrong about the rule).
     */
    public List<String> recovered(ToLongFunction<long[]> truth, int threshold) {
        List<String> found = new ArrayList<>();
        known.forEach((mask, b) -> {
            long count = truth.applyAsLong(mask.bits);
            if (count < b[0] || count > b[1]) {
                throw new AssertionError("unsound: " + count + " outside [" + b[0] + ", " + b[1] + "] for "
                        + Arrays.toString(mask.bits));
            }
            if (b[0] == b[1] && count >= 1 && count < threshold) {
                found.add(Arrays.toString(mask.bits) + " = " + count);
            }
        });
        return found;
    }

    /** A set of atoms. */
    private static final class Mask {

        final long[] bits;
        final int size;
        final int hash;

        Mask(long[] bits) {
            this.bits = bits;
            int n = 0;
            for (long b : bits) {
                n += Long.bitCount(b);
            }
            this.size = n;
            this.hash = Arrays.hashCode(bits);
        }

        boolean empty() {
            return size == 0;
        }

        boolean within(Mask other) {
            if (size >= other.size) {
                return false;
            }
            for (int i = 0; i < bits.length; i++) {
                if ((bits[i] & ~other.bits[i]) != 0) {
                    return false;
                }
            }
            return true;
        }

        Mask minus(Mask other) {
            long[] r = new long[bits.length];
            for (int i = 0; i < bits.length; i++) {
                r[i] = bits[i] & ~other.bits[i];
            }
            return new Mask(r);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mask m && hash == m.hash && Arrays.equals(bits, m.bits);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
