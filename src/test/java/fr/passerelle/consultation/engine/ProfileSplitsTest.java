package fr.passerelle.consultation.engine;

import static fr.passerelle.consultation.engine.AnalysisTest.participant;
import static fr.passerelle.consultation.engine.AnalysisTest.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Profile splits on a small hand-built consultation: voters by département, each département
 * voting alike on proposal 0, so that every tally says which voters it counts.
 */
class ProfileSplitsTest {

    /**
     * Voters #0–#5 from "69" agree with proposal 0, #6–#10 from "13" disagree, #11–#13 from "75"
     * are neutral, #14–#15 from "2A" agree; #16 gave no département and agrees. #17 answered "33"
     * but never voted. Everybody agrees with proposal 1.
     */
    private static final Map<String, int[]> VOTERS = Map.of("69", new int[] {0, 6}, "13", new int[] {6, 11},
            "75", new int[] {11, 14}, "2A", new int[] {14, 16});

    private static VoteMatrix matrix(Map<String, int[]> voters) {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (Map.Entry<String, int[]> e : voters.entrySet()) {
            VoteKey key = switch (e.getKey()) {
                case "13" -> VoteKey.DISAGREE;
                case "75" -> VoteKey.NEUTRAL;
                default -> VoteKey.AGREE;
            };
            for (int p = e.getValue()[0]; p < e.getValue()[1]; p++) {
                b.vote(participant(p), proposal(0), key);
                b.vote(participant(p), proposal(1), VoteKey.AGREE);
            }
        }
        b.vote(participant(16), proposal(0), VoteKey.AGREE);
        b.vote(participant(16), proposal(1), VoteKey.AGREE);
        return b.build();
    }

    private static Map<UUID, String> answers(Map<String, int[]> voters) {
        Map<UUID, String> answers = new HashMap<>();
        voters.forEach((departement, range) -> {
            for (int p = range[0]; p < range[1]; p++) {
                answers.put(participant(p), departement);
            }
        });
        answers.put(participant(17), "33");
        return answers;
    }

    @Test
    void keepsSegmentsOfFiveVotersApartAndMergesTheSmallerOnesIntoOthers() {
        ProfileSplits splits = ProfileSplits.of(matrix(VOTERS), answers(VOTERS), ProfileSplits.SMALLEST_SEGMENT);

        // "75" (3 voters) and "2A" (2) are under five: with the voter who gave no answer they make
        // "others" (6), shown last, so that every voter is in a segment. "33" answered but never
        // voted: it counts nowhere.
        assertThat(splits.segments()).containsExactly("13", "69", ProfileSplits.OTHERS);
        assertThat(splits.participants("69")).isEqualTo(6);
        assertThat(splits.participants("13")).isEqualTo(5);
        assertThat(splits.participants(ProfileSplits.OTHERS)).isEqualTo(6);
        assertThat(splits.tally("69", proposal(0))).isEqualTo(Tally.of(6, 0, 0));
        assertThat(splits.tally("13", proposal(0))).isEqualTo(Tally.of(0, 5, 0));
        // others: the three neutral Parisians, the two agreeing Corsicans and the agreeing voter without an answer
        assertThat(splits.tally(ProfileSplits.OTHERS, proposal(0))).isEqualTo(Tally.of(3, 0, 3));
        assertThat(splits.tally(ProfileSplits.OTHERS, proposal(1))).isEqualTo(Tally.of(6, 0, 0));
        assertThat(splits.scores("69", proposal(0)).zone()).isEqualTo(Zone.CONSENSUS);
        assertThat(splits.scores("13", proposal(0)).zone()).isEqualTo(Zone.REJECTION);
        assertThatThrownBy(() -> splits.tally("75", proposal(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> splits.tally("2A", proposal(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergesOneMoreAnswerWhenTheSmallOnesWouldBeReadBySubtraction() {
        Map<String, int[]> fewer = Map.of("69", new int[] {0, 6}, "13", new int[] {6, 11}, "75", new int[] {11, 14});
        ProfileSplits splits = ProfileSplits.of(matrix(fewer), answers(fewer), ProfileSplits.SMALLEST_SEGMENT);

        // The three Parisians and the voter without an answer make four: a segment of four could be
        // read, so 13, the smallest answer kept apart, joins them in "others" (9).
        assertThat(splits.segments()).containsExactly("69", ProfileSplits.OTHERS);
        assertThat(splits.participants(ProfileSplits.OTHERS)).isEqualTo(9);
        assertThat(splits.tally("69", proposal(1)).total() + splits.tally(ProfileSplits.OTHERS, proposal(1)).total())
                .isEqualTo(15);
    }

    @Test
    void noAnswerGivenByFiveVotersIsNoSplit() {
        Map<String, int[]> small = Map.of("69", new int[] {0, 3}, "13", new int[] {3, 5});
        // Everybody would be in "others": one segment, which is the overall tallies.
        assertThat(ProfileSplits.of(matrix(small), answers(small), ProfileSplits.SMALLEST_SEGMENT).segments()).isEmpty();
    }

    @Test
    void aSingleSegmentIsNoSplit() {
        Map<String, int[]> one = Map.of("69", new int[] {0, 6}, "75", new int[] {6, 8});
        // 75 (2) and the voter without an answer make three; with 69 in "others" too, it is the only segment.
        assertThat(ProfileSplits.of(matrix(one), answers(one), ProfileSplits.SMALLEST_SEGMENT).segments()).isEmpty();
    }

    @Test
    void withoutAThresholdEveryAnswerIsASegment() {
        ProfileSplits splits = ProfileSplits.of(matrix(VOTERS), answers(VOTERS));

        assertThat(splits.segments()).containsExactly("13", "2A", "69", "75");
        assertThat(splits.tally("2A", proposal(0))).isEqualTo(Tally.of(2, 0, 0));
    }
}
