package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Clusterable;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.MultiKMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Opinion groups: k-means++ (Hipparchus, seeded, best of several trials) on the projected points,
 * with k chosen by the silhouette (CONSULTATION.md, "Analysis").
 *
 * @param k the number of clusters chosen
 * @param silhouette the mean silhouette of the chosen clustering (0 for a single cluster)
 * @param labels the cluster (0 … k − 1) of each point, clusters numbered by decreasing size
 */
public record Clustering(int k, double silhouette, int[] labels) {

    /** k-means trials per k; the one with the smallest within-cluster variance is kept. */
    static final int TRIALS = 4;
    static final int MAX_ITERATIONS = 100;

    /**
     * Clusters the points with each k from {@code minK} to {@code maxK} (bounded by the number of
     * distinct points) and keeps the k with the highest silhouette (the smaller k on a tie).
     * k-means runs on at most {@code fitSample} points drawn with the seed (all of them when there
     * are fewer); every point then joins its nearest centre. The silhouette is computed on at most
     * {@code silhouetteSample} points. Fewer than three distinct points make a single cluster.
     */
    public static Clustering choose(double[][] points, int minK, int maxK, int fitSample, int silhouetteSample,
            long seed) {
        int distinct = distinct(points, maxK + 1);
        int upper = Math.min(maxK, Math.min(distinct, points.length - 1));
        if (upper < Math.max(2, minK)) {
            return new Clustering(points.length == 0 ? 0 : 1, 0, new int[points.length]);
        }
        int[] fitRows = sample(points.length, fitSample, seed);
        double[][] fit = new double[fitRows.length][];
        for (int i = 0; i < fit.length; i++) {
            fit[i] = points[fitRows[i]];
        }
        int[] silhouetteRows = sample(points.length, silhouetteSample, seed + 1);
        Clustering best = null;
        for (int k = Math.max(2, minK); k <= Math.min(upper, distinct(fit, maxK + 1)); k++) {
            int[] labels = nearest(points, kMeansCentres(fit, k, seed + k));
            double s = silhouette(points, labels, k, silhouetteRows);
            if (best == null || s > best.silhouette + 1e-12) {
                best = new Clustering(k, s, labels);
            }
        }
        return best == null ? new Clustering(1, 0, new int[points.length]) : best;
    }

    /** Hipparchus k-means++ (best of {@link #TRIALS} trials by within-cluster variance): the centres. */
    static double[][] kMeansCentres(double[][] points, int k, long seed) {
        List<Point> list = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            list.add(new Point(i, points[i]));
        }
        RandomGenerator random = new Well19937c(seed);
        KMeansPlusPlusClusterer<Point> kMeans = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS, new EuclideanDistance(),
                random, KMeansPlusPlusClusterer.EmptyClusterStrategy.FARTHEST_POINT);
        List<CentroidCluster<Point>> clusters = new MultiKMeansPlusPlusClusterer<>(kMeans, TRIALS).cluster(list);
        double[][] centres = new double[clusters.size()][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = clusters.get(c).getCenter().getPoint();
        }
        return centres;
    }

    /** The nearest centre of each point, clusters renumbered by decreasing size (then first point). */
    static int[] nearest(double[][] points, double[][] centres) {
        int[] labels = new int[points.length];
        int[] sizes = new int[centres.length];
        int[] first = new int[centres.length];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < points.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = distance(points[i], centres[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            labels[i] = best;
            sizes[best]++;
            first[best] = Math.min(first[best], i);
        }
        Integer[] order = new Integer[centres.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(first[a], first[b]));
        int[] rank = new int[centres.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rank[labels[i]];
        }
        return labels;
    }

    /**
     * Mean silhouette over the sampled points, distances to the sampled points only: s = (b − a) /
     * max(a, b), a the mean distance to the own cluster, b the smallest mean distance to another;
     * a point alone in its cluster (in the sample) scores 0.
     */
    static double silhouette(double[][] points, int[] labels, int k, int[] sample) {
        double total = 0;
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i : sample) {
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int j : sample) {
                if (j != i) {
                    sum[labels[j]] += distance(points[i], points[j]);
                    count[labels[j]]++;
                }
            }
            int own = labels[i];
            if (count[own] == 0) {
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            if (b != Double.POSITIVE_INFINITY && Math.max(a, b) > 0) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return sample.length == 0 ? 0 : total / sample.length;
    }

    private static double distance(double[] p, double[] q) {
        double d = 0;
        for (int c = 0; c < p.length; c++) {
            double x = p[c] - q[c];
            d += x * x;
        }
        return Math.sqrt(d);
    }

    /** All indices when n ≤ size, else {@code size} distinct indices drawn with the seed, sorted. */
    static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= size) {
            return all;
        }
        RandomGenerator random = new Well19937c(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, size);
        Arrays.sort(picked);
        return picked;
    }

    private static int distinct(double[][] points, int enough) {
        Set<List<Double>> seen = new HashSet<>();
        for (double[] p : points) {
            List<Double> key = new ArrayList<>(p.length);
            for (double x : p) {
                key.add(x);
            }
            seen.add(key);
            if (seen.size() >= enough) {
                return seen.size();
            }
        }
        return seen.size();
    }

    private record Point(int index, double[] coordinates) implements Clusterable {
        @Override
        public double[] getPoint() {
            return coordinates;
        }
    }
}
