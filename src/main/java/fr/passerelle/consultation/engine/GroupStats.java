package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Vote counts per group and proposal, for any partition of the participants: opinion groups or
 * profile segments. Participants outside every group (−1) are not counted.
 */
public final class GroupStats {

    /** Counter slots: the three keys, then the nine qualifications. */
    private static final int SLOTS = 3 + Qualification.values().length;

    private final VoteMatrix matrix;
    private final int groups;
    private final int[] members;
    /** counts[g][j * SLOTS + slot]. */
    private final int[][] counts;

    private GroupStats(VoteMatrix matrix, int groups, int[] members, int[][] counts) {
        this.matrix = matrix;
        this.groups = groups;
        this.members = members;
        this.counts = counts;
    }

    /** Counts the votes of each row in its group ({@code groupOfRow[row]}, −1 = none). */
    public static GroupStats of(VoteMatrix matrix, int[] groupOfRow, int groups) {
        int m = matrix.proposalCount();
        int[] members = new int[groups];
        int[][] counts = new int[groups][m * SLOTS];
        for (int row = 0; row < matrix.participantCount(); row++) {
            int g = groupOfRow[row];
            if (g < 0) {
                continue;
            }
            members[g]++;
            int[] c = counts[g];
            for (int cell = matrix.rowStart(row); cell < matrix.rowEnd(row); cell++) {
                int base = matrix.column(cell) * SLOTS;
                VoteKey key = matrix.key(cell);
                c[base + key.ordinal()]++;
                for (int q = 0; q < 3; q++) {
                    if (matrix.qualified(cell, q)) {
                        c[base + 3 + Qualification.of(key, q).ordinal()]++;
                    }
                }
            }
        }
        return new GroupStats(matrix, groups, members, counts);
    }

    public int groups() {
        return groups;
    }

    public int members(int group) {
        return members[group];
    }

    /** The votes of the group on the proposal in column j. */
    public Tally tally(int group, int j) {
        int base = j * SLOTS;
        int[] c = counts[group];
        Map<Qualification, Long> qualifications = new EnumMap<>(Qualification.class);
        for (Qualification q : Qualification.values()) {
            qualifications.put(q, (long) c[base + 3 + q.ordinal()]);
        }
        return new Tally(c[base], c[base + 1], c[base + 2], qualifications);
    }

    private int count(int group, int j, VoteKey key) {
        return counts[group][j * SLOTS + key.ordinal()];
    }

    private int seen(int group, int j) {
        int base = j * SLOTS;
        return counts[group][base] + counts[group][base + 1] + counts[group][base + 2];
    }

    /**
     * Group-aware consensus of every proposal, in column order, with the agreement of its least
     * convinced group among those with at least {@link Zone#MIN_VOTES} votes on it (NaN when no
     * group has that many): a group where one or two members saw the proposal says nothing yet of
     * what the group thinks, and one dissenting voter must not turn a near-unanimous proposal into a
     * controversy.
     */
    public List<GroupConsensus> consensus() {
        List<GroupConsensus> result = new ArrayList<>(matrix.proposalCount());
        for (int j = 0; j < matrix.proposalCount(); j++) {
            double product = 1;
            double weakest = Double.NaN;
            for (int g = 0; g < groups; g++) {
                double agreement = (count(g, j, VoteKey.AGREE) + 1.0) / (seen(g, j) + 2.0);
                product *= agreement;
                if (seen(g, j) >= Zone.MIN_VOTES && (Double.isNaN(weakest) || agreement < weakest)) {
                    weakest = agreement;
                }
            }
            result.add(new GroupConsensus(matrix.proposal(j), product, groups == 0 ? 1 : Math.pow(product, 1.0 / groups),
                    weakest));
        }
        return result;
    }

    /**
     * The representative proposals of a group, strongest first, at most {@code limit}: agree (or
     * disagree) rate with a +1 prior, (n + 1)/(seen + 2); kept when both the two-proportion z-test
     * against the other groups and the one-proportion test against 0.5 exceed z = 1.2816. A single
     * group has no other group to stand apart from: none.
     */
    public List<RepresentativeProposal> representatives(int group, int limit) {
        List<RepresentativeProposal> kept = new ArrayList<>();
        if (groups < 2) {
            return List.of();
        }
        for (int j = 0; j < matrix.proposalCount(); j++) {
            int seenIn = seen(group, j);
            int seenOut = 0;
            for (int g = 0; g < groups; g++) {
                seenOut += g == group ? 0 : seen(g, j);
            }
            for (VoteKey key : new VoteKey[] {VoteKey.AGREE, VoteKey.DISAGREE}) {
                int in = count(group, j, key);
                int out = 0;
                for (int g = 0; g < groups; g++) {
                    out += g == group ? 0 : count(g, j, key);
                }
                double rate = (in + 1.0) / (seenIn + 2.0);
                double othersRate = (out + 1.0) / (seenOut + 2.0);
                double zOthers = twoProportionZ(in + 1.0, seenIn + 2.0, out + 1.0, seenOut + 2.0);
                double zHalf = (rate - 0.5) / Math.sqrt(0.25 / (seenIn + 2.0));
                if (zOthers > RepresentativeProposal.Z_90 && zHalf > RepresentativeProposal.Z_90) {
                    kept.add(new RepresentativeProposal(matrix.proposal(j), key, rate, othersRate, zOthers, zHalf));
                }
            }
        }
        kept.sort(Comparator.comparingDouble(RepresentativeProposal::strength).reversed()
                .thenComparing(r -> r.proposal().toString()));
        return kept.size() > limit ? List.copyOf(kept.subList(0, limit)) : List.copyOf(kept);
    }

    /** z = (p₁ − p₂)/√(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ the pooled proportion. */
    static double twoProportionZ(double success1, double n1, double success2, double n2) {
        double p1 = success1 / n1;
        double p2 = success2 / n2;
        double pooled = (success1 + success2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        return variance <= 0 ? 0 : (p1 - p2) / Math.sqrt(variance);
    }
}
