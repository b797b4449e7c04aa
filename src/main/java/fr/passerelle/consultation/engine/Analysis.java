package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The opinion analysis of a consultation (CONSULTATION.md, "Analysis"): PCA map, opinion groups
 * with identifiers carried over from the previous run, representative proposals per group and
 * group-aware consensus. Deterministic for a given matrix, previous groups and seed.
 *
 * @param pca the two principal components
 * @param positions map position of every participant (by matrix row), projected from their votes
 * @param clustered whether each row was clustered (enough votes)
 * @param groups the opinion groups, by decreasing size
 * @param silhouette mean silhouette of the chosen clustering
 * @param consensus group-aware consensus of every proposal, in the matrix's proposal order
 * @param nextFreeId the first group id never used, to persist with the groups
 */
public record Analysis(Pca pca, double[][] positions, boolean[] clustered, List<OpinionGroup> groups,
        double silhouette, List<GroupConsensus> consensus, int nextFreeId) {

    /**
     * An opinion group.
     *
     * @param id stable identifier (carried over from the previous analysis by shared members)
     */
    public record OpinionGroup(int id, List<UUID> members, List<RepresentativeProposal> representatives) {}

    /**
     * Runs the analysis.
     *
     * @param previousGroups the persisted group of each participant (empty the first time)
     * @param firstFreeId the persisted first unused group id (0 the first time)
     */
    public static Analysis run(VoteMatrix matrix, Map<UUID, Integer> previousGroups, int firstFreeId,
            AnalysisOptions options) {
        Pca pca = Pca.fit(matrix, 2, options.seed());
        int n = matrix.participantCount();
        int threshold = Math.min(options.minVotes(), matrix.proposalCount());
        double[][] positions = new double[n][];
        boolean[] clustered = new boolean[n];
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            positions[row] = pca.project(matrix, row);
            if (matrix.votesOf(row) >= threshold && matrix.votesOf(row) > 0) {
                clustered[row] = true;
                rows.add(row);
            }
        }
        double[][] points = new double[rows.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = positions[rows.get(i)];
        }
        Clustering clustering = Clustering.choose(points, options.minGroups(), options.maxGroups(),
                options.fitSample(), options.silhouetteSample(), options.seed());
        List<List<UUID>> clusters = new ArrayList<>();
        for (int c = 0; c < clustering.k(); c++) {
            clusters.add(new ArrayList<>());
        }
        int[] clusterOfRow = new int[n];
        Arrays.fill(clusterOfRow, -1);
        for (int i = 0; i < points.length; i++) {
            int row = rows.get(i);
            clusterOfRow[row] = clustering.labels()[i];
            clusters.get(clustering.labels()[i]).add(matrix.participant(row));
        }
        int[] ids = GroupLabels.carryOver(previousGroups, clusters, firstFreeId);
        GroupStats stats = GroupStats.of(matrix, clusterOfRow, clustering.k());
        List<OpinionGroup> groups = new ArrayList<>();
        int nextFreeId = Math.max(firstFreeId, previousGroups.values().stream().mapToInt(i -> i + 1).max().orElse(0));
        for (int c = 0; c < clustering.k(); c++) {
            groups.add(new OpinionGroup(ids[c], List.copyOf(clusters.get(c)),
                    stats.representatives(c, options.representativesPerGroup())));
            nextFreeId = Math.max(nextFreeId, ids[c] + 1);
        }
        return new Analysis(pca, positions, clustered, List.copyOf(groups), clustering.silhouette(), stats.consensus(),
                nextFreeId);
    }

    /** The group id of every clustered participant, to persist for the next run. */
    public Map<UUID, Integer> groupOfParticipant() {
        Map<UUID, Integer> result = new HashMap<>();
        for (OpinionGroup g : groups) {
            for (UUID p : g.members()) {
                result.put(p, g.id());
            }
        }
        return result;
    }
}
