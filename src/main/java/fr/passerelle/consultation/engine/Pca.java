package fr.passerelle.consultation.engine;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Principal components of the column-mean-imputed vote matrix, and the projection of each
 * participant (CONSULTATION.md, "Analysis").
 *
 * <p>Imputing the column mean and centring leaves zero in every missing cell, so the centred matrix
 * keeps the sparsity of the votes. The leading right singular vectors are found by subspace
 * iteration in proposal space: sparse products with the centred matrix, each block orthonormalised
 * with Hipparchus's singular value decomposition, and a final Rayleigh–Ritz step (a Hipparchus SVD of
 * the projected block). Memory stays O(votes + (participants + proposals) × block) whatever the
 * size; no dense participants × proposals matrix is ever built.
 *
 * @param columnMeans the mean of each proposal's column over its votes (0 when nobody voted)
 * @param components {@code components[c][j]}: loading of proposal j on component c, unit length,
 *     signed so that the largest loading is positive
 */
public record Pca(double[] columnMeans, double[][] components) {

    /** Oversampling of the iterated block beyond the wanted components. */
    static final int OVERSAMPLING = 6;
    static final int ITERATIONS = 12;

    /** The first {@code count} principal components, deterministic for a given seed. */
    public static Pca fit(VoteMatrix matrix, int count, long seed) {
        int m = matrix.proposalCount();
        double[] means = columnMeans(matrix);
        int block = Math.min(count + OVERSAMPLING, Math.max(m, 1));
        double[][] v = new double[m][block];
        RandomGenerator random = new Well19937c(seed);
        for (double[] row : v) {
            for (int c = 0; c < block; c++) {
                row[c] = random.nextGaussian();
            }
        }
        for (int it = 0; it < ITERATIONS && m > 0; it++) {
            double[][] next = transposeTimes(matrix, means, times(matrix, means, orthonormal(v)));
            if (norm(next) < 1e-12) {
                break; // every participant voted like the column means: nothing to separate
            }
            v = orthonormal(next);
        }
        double[][] components = new double[count][m];
        if (m > 0 && matrix.participantCount() > 0) {
            // Rayleigh–Ritz: X·V = U·Σ·Pᵀ gives the right singular vectors V·P.
            RealMatrix basis = new Array2DRowRealMatrix(v, false);
            RealMatrix projected = new Array2DRowRealMatrix(times(matrix, means, v), false);
            RealMatrix axes = basis.multiply(new SingularValueDecomposition(projected).getV());
            for (int c = 0; c < count && c < axes.getColumnDimension(); c++) {
                components[c] = signed(axes.getColumn(c));
            }
        }
        return new Pca(means, components);
    }

    /**
     * Projection of one participant: the centred votes they cast (and only those) on each component,
     * scaled by √(proposals / votes cast).
     */
    public double[] project(VoteMatrix matrix, int row) {
        double[] point = new double[components.length];
        int votes = matrix.votesOf(row);
        if (votes == 0) {
            return point;
        }
        for (int cell = matrix.rowStart(row); cell < matrix.rowEnd(row); cell++) {
            int j = matrix.column(cell);
            double centred = matrix.value(cell) - columnMeans[j];
            for (int c = 0; c < components.length; c++) {
                point[c] += centred * components[c][j];
            }
        }
        double scale = Math.sqrt((double) matrix.proposalCount() / votes);
        for (int c = 0; c < point.length; c++) {
            point[c] *= scale;
        }
        return point;
    }

    static double[] columnMeans(VoteMatrix matrix) {
        double[] sum = new double[matrix.proposalCount()];
        int[] count = new int[matrix.proposalCount()];
        for (int cell = 0; cell < matrix.voteCount(); cell++) {
            sum[matrix.column(cell)] += matrix.value(cell);
            count[matrix.column(cell)]++;
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        return sum;
    }

    /** X_c·V (participants × block), X_c the centred matrix (zero where not voted). */
    private static double[][] times(VoteMatrix matrix, double[] means, double[][] v) {
        int block = v.length == 0 ? 0 : v[0].length;
        double[][] out = new double[matrix.participantCount()][block];
        for (int row = 0; row < out.length; row++) {
            double[] acc = out[row];
            for (int cell = matrix.rowStart(row); cell < matrix.rowEnd(row); cell++) {
                int j = matrix.column(cell);
                double centred = matrix.value(cell) - means[j];
                double[] vj = v[j];
                for (int c = 0; c < block; c++) {
                    acc[c] += centred * vj[c];
                }
            }
        }
        return out;
    }

    /** X_cᵀ·Y (proposals × block). */
    private static double[][] transposeTimes(VoteMatrix matrix, double[] means, double[][] y) {
        int block = y.length == 0 ? 0 : y[0].length;
        double[][] out = new double[matrix.proposalCount()][block];
        for (int row = 0; row < y.length; row++) {
            double[] yr = y[row];
            for (int cell = matrix.rowStart(row); cell < matrix.rowEnd(row); cell++) {
                int j = matrix.column(cell);
                double centred = matrix.value(cell) - means[j];
                double[] acc = out[j];
                for (int c = 0; c < block; c++) {
                    acc[c] += centred * yr[c];
                }
            }
        }
        return out;
    }

    /** An orthonormal basis of the block's columns: the left singular vectors (Hipparchus SVD). */
    private static double[][] orthonormal(double[][] block) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(block, false)).getU().getData();
    }

    private static double norm(double[][] block) {
        double sum = 0;
        for (double[] row : block) {
            for (double x : row) {
                sum += x * x;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[] signed(double[] axis) {
        int largest = 0;
        for (int j = 1; j < axis.length; j++) {
            if (Math.abs(axis[j]) > Math.abs(axis[largest])) {
                largest = j;
            }
        }
        if (axis[largest] < 0) {
            for (int j = 0; j < axis.length; j++) {
                axis[j] = -axis[j];
            }
        }
        return axis;
    }
}
