package fr.passerelle.observatory.suppression;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Cell-key perturbation (the method of the Australian Bureau of Statistics' TableBuilder and of the
 * UK 2021 census) for every count published beyond an association: ADR 0009.
 *
 * <p>Every record that can be counted (a measure, a participant...) has a stable <b>record key</b>
 * in {@code [0, KEY_RANGE)}, drawn from a keyed hash of its id and a server-side secret
 * ({@link #recordKey}). A published cell carries, next to its count, the <b>cell key</b>: the sum of
 * the keys of the records it counts, modulo {@code KEY_RANGE} (sums of sums are cell keys too, so
 * pre-aggregated rows keep a key sum next to each count). The published value is the count plus a
 * noise read from a fixed table by the cell key and the count ({@link #perturbed}): the same records
 * always give the same value, whichever query, breakdown or filter produced the cell, and two cells
 * that differ by a few records get independent noises, so the difference of two overlapping
 * queries does not give back what separates them.
 *
 * <p>Published ({@link #publish}): a perturbed value below the threshold (0 included) is not shown,
 * so a blank means "fewer than {@code threshold}, possibly none" and no count from 1 to
 * {@code threshold − 1} is ever published. Totals are cells of their own, perturbed independently:
 * a total is not the sum of the published cells.
 *
 * <p>Noise for a count of 2 or more: −2, −1, 0, +1, +2 with probabilities 5, 20, 50, 20, 5 %; for a
 * count of 1: −1, 0, +1, +2 with 30, 45, 20, 5 % (a count never goes below 0). Both have mean 0.
 * An empty cell (count 0, no record, key 0) is 0. Pure code, stateless, a few operations per cell.
 */
public final class CellKeyPerturbation {

    /** Record and cell keys are in [0, KEY_RANGE). */
    public static final int KEY_RANGE = 1 << 16;

    /** The largest change the noise makes to a count, either way. */
    public static final int MAX_NOISE = 2;

    /** Upper bounds (exclusive, in key units) of the noises −2..+2 for counts of 2 or more. */
    private static final int[] MANY = bounds(0.05, 0.20, 0.50, 0.20, 0.05);

    /** Upper bounds of the noises −2..+2 for a count of 1 (−2 impossible). */
    private static final int[] ONE = bounds(0.0, 0.30, 0.45, 0.20, 0.05);

    private final int threshold;

    public CellKeyPerturbation() {
        this(SmallCellSuppression.DEFAULT_THRESHOLD);
    }

    /**
     * @param threshold the smallest published value apart from none: perturbed values below it are
     *     not shown
     */
    public CellKeyPerturbation(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /**
     * The key of one record: the first bytes of SHA-256 over the secret's bytes, a zero byte and the
     * id's text, modulo {@link #KEY_RANGE}. The database computes the same ({@code obs_record_key}).
     */
    public static int recordKey(byte[] secret, UUID id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret);
            sha.update((byte) 0);
            byte[] hash = sha.digest(id.toString().getBytes(StandardCharsets.US_ASCII));
            return ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % KEY_RANGE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cell key from key sums (of records, rows or cells), reduced to [0, KEY_RANGE). */
    public static int cellKey(long... keySums) {
        long sum = 0;
        for (long k : keySums) {
            sum = Math.floorMod(sum + Math.floorMod(k, KEY_RANGE), KEY_RANGE);
        }
        return (int) sum;
    }

    /** The count with its noise: always the same for the same count and cell key. */
    public long perturbed(long count, long cellKey) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        if (count == 0) {
            return 0;
        }
        int key = Math.floorMod(cellKey, KEY_RANGE);
        int[] row = count == 1 ? ONE : MANY;
        int noise = 0;
        while (key >= row[noise]) {
            noise++;
        }
        return count + noise - MAX_NOISE;
    }

    /** The value published for a count and its cell key: null (not shown) below the threshold. */
    public Long publish(long count, long cellKey) {
        long value = perturbed(count, cellKey);
        return value < threshold ? null : value;
    }

    /**
     * A one-dimensional table: each cell and the total (whose key is the sum of the cells' keys)
     * perturbed on its own.
     */
    public PerturbedList apply(CountList counts, long[] keySums) {
        if (keySums.length != counts.size()) {
            throw new IllegalArgumentException(keySums.length + " keys for " + counts.size() + " cells");
        }
        return new PerturbedList(this, counts, keySums.clone());
    }

    /** A two-dimensional table: cells, row totals, column totals and grand total perturbed each on its own. */
    public PerturbedTable apply(CountTable counts, long[][] keySums) {
        if (keySums.length != counts.rows()) {
            throw new IllegalArgumentException(keySums.length + " rows of keys for " + counts.rows() + " rows");
        }
        long[][] copy = new long[keySums.length][];
        for (int i = 0; i < keySums.length; i++) {
            if (keySums[i].length != counts.columns()) {
                throw new IllegalArgumentException("row " + i + " of keys does not have " + counts.columns()
                        + " columns");
            }
            copy[i] = keySums[i].clone();
        }
        return new PerturbedTable(this, counts, copy);
    }

    private static int[] bounds(double... probabilities) {
        int[] bounds = new int[probabilities.length];
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            bounds[i] = (int) Math.round(cumulative * KEY_RANGE);
        }
        bounds[bounds.length - 1] = KEY_RANGE;
        return bounds;
    }
}
