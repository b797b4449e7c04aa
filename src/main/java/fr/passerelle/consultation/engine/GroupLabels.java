package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stable group identifiers across recomputations: the persisted group of each participant from the
 * previous analysis decides which identifier each new cluster keeps.
 */
public final class GroupLabels {

    private GroupLabels() {}

    /**
     * Identifiers for the new clusters. Pairs (new cluster, previous group) are taken by decreasing
     * number of shared participants (then smaller cluster index, smaller previous id); each previous
     * id goes to at most one cluster. A cluster sharing nobody with a remaining previous group gets a
     * fresh id, from {@code firstFreeId} upwards, in cluster order.
     *
     * @param previous the group of each participant in the previous analysis (empty the first time)
     * @param clusters the participants of each new cluster
     * @param firstFreeId the smallest id never used before (persisted with the groups)
     * @return the id of each cluster, by cluster index
     */
    public static int[] carryOver(Map<UUID, Integer> previous, List<? extends Collection<UUID>> clusters, int firstFreeId) {
        record Overlap(int cluster, int previousId, int shared) {}
        List<Overlap> overlaps = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<Integer, Integer> shared = new TreeMap<>();
            for (UUID participant : clusters.get(c)) {
                Integer id = previous.get(participant);
                if (id != null) {
                    shared.merge(id, 1, Integer::sum);
                }
            }
            int cluster = c;
            shared.forEach((id, n) -> overlaps.add(new Overlap(cluster, id, n)));
        }
        overlaps.sort(Comparator.comparingInt(Overlap::shared).reversed().thenComparingInt(Overlap::cluster)
                .thenComparingInt(Overlap::previousId));
        int[] ids = new int[clusters.size()];
        Arrays.fill(ids, -1);
        Set<Integer> taken = new HashSet<>();
        for (Overlap o : overlaps) {
            if (ids[o.cluster] < 0 && !taken.contains(o.previousId)) {
                ids[o.cluster] = o.previousId;
                taken.add(o.previousId);
            }
        }
        int next = Math.max(firstFreeId, previous.values().stream().mapToInt(i -> i + 1).max().orElse(0));
        for (int c = 0; c < ids.length; c++) {
            if (ids[c] < 0) {
                ids[c] = next++;
            }
        }
        return ids;
    }
}
