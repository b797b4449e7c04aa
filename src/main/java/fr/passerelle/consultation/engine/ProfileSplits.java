package fr.passerelle.consultation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The votes split by a profile answer (e.g. professionals vs citizens, département), with the same
 * scores as the whole consultation: per segment the proposal scores and zones, the representative
 * proposals of each segment against the others, and the consensus across segments.
 */
public final class ProfileSplits {

    private final VoteMatrix matrix;
    private final List<String> segments;
    private final GroupStats stats;
    private final Map<UUID, Integer> columnOf = new HashMap<>();

    private ProfileSplits(VoteMatrix matrix, List<String> segments, GroupStats stats) {
        this.matrix = matrix;
        this.segments = segments;
        this.stats = stats;
        for (int j = 0; j < matrix.proposalCount(); j++) {
            columnOf.put(matrix.proposal(j), j);
        }
    }

    /**
     * The key of the segment that gathers the answers given by too few participants to be shown
     * on their own. Yes/no and département answers are codes; a choice could only take this key
     * by being literally ",others".
     */
    public static final String OTHERS = ",others";

    /**
     * The fewest participants a segment shown on its own may have: below that, somebody who knows
     * who answered (the only two participants of a département, say) could read their votes.
     */
    public static final int SMALLEST_SEGMENT = 5;

    /**
     * Splits by the answer of each participant; participants without an answer are left out.
     * Segments are sorted by name. Every answer is a segment, however few gave it.
     */
    public static ProfileSplits of(VoteMatrix matrix, Map<UUID, String> answerOf) {
        return of(matrix, answerOf, 1);
    }

    /**
     * Splits by the answer of each participant who voted, keeping apart only the answers of at
     * least {@code smallest} voters. The others — smaller answers and voters who gave no answer —
     * make {@link #OTHERS}, so that every voter is in one segment: a voter left out of every
     * segment could be read by subtracting the segments from the overall tallies. While
     * {@link #OTHERS} holds from 1 to {@code smallest − 1} voters, the smallest answer kept apart
     * joins it. Fewer than two segments is no split. Segments are sorted by name,
     * {@link #OTHERS} last.
     */
    public static ProfileSplits of(VoteMatrix matrix, Map<UUID, String> answerOf, int smallest) {
        Map<String, Integer> voters = new HashMap<>();
        int unanswered = 0;
        for (int row = 0; row < matrix.participantCount(); row++) {
            String answer = answerOf.get(matrix.participant(row));
            if (answer != null) {
                voters.merge(answer, 1, Integer::sum);
            } else {
                unanswered++;
            }
        }
        // Answers kept apart, smallest first (ties by name); the rest and the unanswered are "others".
        List<String> apart = new ArrayList<>(voters.keySet().stream().filter(a -> voters.get(a) >= smallest).toList());
        apart.sort(java.util.Comparator.<String>comparingInt(voters::get).thenComparing(a -> a));
        // Without a threshold (1), nobody is protected and voters without an answer are left out.
        int others = (smallest > 1 ? unanswered : 0) + voters.entrySet().stream()
                .filter(e -> !apart.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        while (others > 0 && others < smallest && !apart.isEmpty()) {
            others += voters.get(apart.remove(0));
        }
        if (smallest > 1 && (others > 0 && others < smallest || apart.size() + (others > 0 ? 1 : 0) < 2)) {
            return none(matrix);
        }
        List<String> segments = new ArrayList<>(new TreeSet<>(apart));
        if (others > 0) {
            segments.add(OTHERS);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            index.put(segments.get(s), s);
        }
        int[] groupOfRow = new int[matrix.participantCount()];
        for (int row = 0; row < groupOfRow.length; row++) {
            String answer = answerOf.get(matrix.participant(row));
            groupOfRow[row] = answer != null && apart.contains(answer) ? index.get(answer)
                    : others > 0 && (answer != null || smallest > 1) ? index.get(OTHERS) : -1;
        }
        return new ProfileSplits(matrix, List.copyOf(segments), GroupStats.of(matrix, groupOfRow, segments.size()));
    }

    /** No split at all: no segment could be shown without exposing a smaller one. */
    private static ProfileSplits none(VoteMatrix matrix) {
        int[] noGroup = new int[matrix.participantCount()];
        java.util.Arrays.fill(noGroup, -1);
        return new ProfileSplits(matrix, List.of(), GroupStats.of(matrix, noGroup, 0));
    }

    public List<String> segments() {
        return segments;
    }

    /** Participants of the segment who voted at least once. */
    public int participants(String segment) {
        return stats.members(segmentIndex(segment));
    }

    public Tally tally(String segment, UUID proposal) {
        return stats.tally(segmentIndex(segment), column(proposal));
    }

    /** The scores (and zone) of a proposal among the segment's votes. */
    public ProposalScores scores(String segment, UUID proposal) {
        return ProposalScores.of(tally(segment, proposal));
    }

    public List<RepresentativeProposal> representatives(String segment, int limit) {
        return stats.representatives(segmentIndex(segment), limit);
    }

    /** Consensus across the segments, in the matrix's proposal order. */
    public List<GroupConsensus> consensus() {
        return stats.consensus();
    }

    private int segmentIndex(String segment) {
        int s = segments.indexOf(segment);
        if (s < 0) {
            throw new IllegalArgumentException("unknown segment " + segment);
        }
        return s;
    }

    private int column(UUID proposal) {
        Integer j = columnOf.get(proposal);
        if (j == null) {
            throw new IllegalArgumentException("unknown proposal " + proposal);
        }
        return j;
    }
}
