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
    static final int MAX_ITERATIONS = 200;

    /**
     * Clusters the points with each k from {@code minK} to {@code maxK} (bounded by the number of
     * distinct points) and keeps the k with the highest silhouette (the smaller k on a tie). The
     * silhouette is computed on at most {@code silhouetteSample} points drawn with the seed. Fewer
     * than three distinct points make a single cluster.
     */
    public static Clustering choose(double[][] points, int minK, int maxK, int silhouetteSample, long seed) {
        int distinct = distinct(points, maxK + 1);
        int upper = Math.min(maxK, Math.min(distinct, points.length - 1));
        if (upper < Math.max(2, minK)) {
            return new Clustering(points.length == 0 ? 0 : 1, 0, new int[points.length]);
        }
        int[] sample = sample(points.length, silhouetteSample, seed);
        Clustering best = null;
        for (int k = Math.max(2, minK); k <= upper; k++) {
            int[] labels = kMeans(points, k, seed + k);
            double s = silhouette(points, labels, k, sample);
            if (best == null || s > best.silhouette + 1e-12) {
                best = new Clustering(k, s, labels);
            }
        }
        return best;
    }

    /** Hipparchus k-means++ with k clusters; labels numbered by decreasing cluster size. */
    static int[] kMeans(double[][] points, int k, long seed) {
        List<Point> list = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            list.add(new Point(i, points[i]));
        }
        RandomGenerator random = new Well19937c(seed);
        KMeansPlusPlusClusterer<Point> kMeans = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS, new EuclideanDistance(),
                random, KMeansPlusPlusClusterer.EmptyClusterStrategy.FARTHEST_POINT);
        List<CentroidCluster<Point>> clusters = new MultiKMeansPlusPlusClusterer<>(kMeans, TRIALS).cluster(list);
        List<CentroidCluster<Point>> bySize = new ArrayList<>(clusters);
        bySize.sort((a, b) -> a.getPoints().size() != b.getPoints().size()
                ? Integer.compare(b.getPoints().size(), a.getPoints().size())
                : Integer.compare(minIndex(a), minIndex(b)));
        int[] labels = new int[points.length];
        for (int c = 0; c < bySize.size(); c++) {
            for (Point p : bySize.get(c).getPoints()) {
                labels[p.index] = c;
            }
        }
        return labels;
    }

    private static int minIndex(CentroidCluster<Point> cluster) {
        return cluster.getPoints().stream().mapToInt(p -> p.index).min().orElse(Integer.MAX_VALUE);
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
