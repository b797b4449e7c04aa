package fr.passerelle.consultation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The zone of a proposal in the results: a consensus only where the voters, and every opinion group
 * among them, agree; a proposal without enough votes or with mostly neutral votes has no clear
 * opinion, never a controversy.
 */
class ZoneTest {

    private static Zone zone(long agree, long disagree, long neutral, Double weakestGroupAgreement) {
        Tally tally = Tally.of(agree, disagree, neutral);
        return Zone.of(ProposalScores.of(tally), ProposalScores.of(tally), tally.total(), weakestGroupAgreement);
    }

    /** The results' zone of verified votes of which {@code sequence} were cast from the sequence. */
    private static Zone blendedZone(Tally verified, Tally sequence) {
        return Zone.of(ProposalScores.blended(verified, sequence), ProposalScores.of(verified), verified.total(), null);
    }

    @Test
    void theBlendCannotMakeAConsensusOrARejectionTheVerifiedVotesAloneDoNotShow() {
        // 5 agree / 5 disagree verified, the 5 agree from the sequence: blended agree
        // 0.5 × 5.33/11 + 0.5 × 5.33/6 = 0.69 ≥ 0.6, but the voters are split
        Tally split = Tally.of(5, 5, 0);
        assertThat(ProposalScores.blended(split, Tally.of(5, 0, 0)).zone()).isEqualTo(Zone.CONSENSUS);
        assertThat(blendedZone(split, Tally.of(5, 0, 0))).isEqualTo(Zone.CONTROVERSY);
        assertThat(blendedZone(split, Tally.of(0, 5, 0))).isEqualTo(Zone.CONTROVERSY);
        // 4 agree / 6 neutral, the agrees from the sequence: mostly neutral voters
        assertThat(blendedZone(Tally.of(4, 0, 6), Tally.of(4, 0, 0))).isEqualTo(Zone.NO_CLEAR_OPINION);
        // 7 agree from the proposal page, 4 disagree from the sequence: verified consensus, blended
        // rejection — the two disagree, which is no clear direction
        assertThat(ProposalScores.blended(Tally.of(7, 4, 0), Tally.of(0, 4, 0)).zone()).isEqualTo(Zone.REJECTION);
        assertThat(blendedZone(Tally.of(7, 4, 0), Tally.of(0, 4, 0))).isEqualTo(Zone.CONTROVERSY);
        // where both agree, the zone stands
        assertThat(blendedZone(Tally.of(9, 1, 0), Tally.of(4, 1, 0))).isEqualTo(Zone.CONSENSUS);
        assertThat(blendedZone(Tally.of(1, 9, 0), Tally.of(0, 5, 0))).isEqualTo(Zone.REJECTION);
    }

    @Test
    void halfAgreeHalfDisagreeIsNeverAConsensus() {
        // 10 / 10: agree = disagree = 10.33/21 = 0.49 — neither ≥ 0.6, disagree not < 0.15
        assertThat(zone(10, 10, 0, null)).isEqualTo(Zone.CONTROVERSY);
        // the same within each of two groups (both groups at (5 + 1)/(10 + 2) = 0.5)
        assertThat(zone(10, 10, 0, 0.5)).isEqualTo(Zone.CONTROVERSY);
        assertThat(zone(50, 50, 0, null)).isNotEqualTo(Zone.CONSENSUS);
    }

    @Test
    void aConsensusIsAgreedByTheVotersAndByEveryOpinionGroup() {
        // 18 agree, 2 disagree: agree 18.33/21 = 0.87 ≥ 0.6
        assertThat(zone(18, 2, 0, null)).isEqualTo(Zone.CONSENSUS);
        // each group: the least convinced agrees at (8 + 1)/(10 + 2) = 0.75 > 0.5
        assertThat(zone(18, 2, 0, 9.0 / 12)).isEqualTo(Zone.CONSENSUS);
    }

    @Test
    void aMajorityOneOpinionGroupRejectsIsAControversy() {
        // 14 agree, 6 disagree overall (14.33/21 = 0.68 ≥ 0.6: a consensus by the overall scores),
        // but one group of 6 voted 0 agree / 6 disagree: (0 + 1)/(6 + 2) = 0.125 — it divides the groups
        assertThat(zone(14, 6, 0, null)).isEqualTo(Zone.CONSENSUS);
        assertThat(zone(14, 6, 0, 1.0 / 8)).isEqualTo(Zone.CONTROVERSY);
        // a bare half of the least convinced group is no agreement either: (2 + 1)/(4 + 2) = 0.5
        assertThat(zone(14, 6, 0, 0.5)).isEqualTo(Zone.CONTROVERSY);
        // and a real split of the voters is a controversy without any group
        assertThat(zone(9, 7, 2, null)).isEqualTo(Zone.CONTROVERSY);
    }

    @Test
    void tooFewVotesOrMostlyNeutralIsNoClearOpinion() {
        // 4 votes, all agree: below the 5 votes a clear opinion needs
        assertThat(Zone.MIN_VOTES).isEqualTo(5);
        assertThat(zone(4, 0, 0, null)).isEqualTo(Zone.NO_CLEAR_OPINION);
        // 2 agree, 2 disagree: with two votes each way the smoothed scores look divided, but no zone is earned
        assertThat(zone(2, 2, 0, null)).isEqualTo(Zone.NO_CLEAR_OPINION);
        // no vote at all (0.33 each: controversy by the raw scores)
        assertThat(ProposalScores.of(Tally.EMPTY).zone()).isEqualTo(Zone.CONTROVERSY);
        assertThat(zone(0, 0, 0, null)).isEqualTo(Zone.NO_CLEAR_OPINION);
        // 3 agree, 3 disagree, 14 neutral: neutral 14.33/21 = 0.68 ≥ 0.4 — mostly "neutral"
        assertThat(zone(3, 3, 14, null)).isEqualTo(Zone.NO_CLEAR_OPINION);
        // exactly 5 votes is enough
        assertThat(zone(5, 0, 0, null)).isEqualTo(Zone.CONSENSUS);
    }

    @Test
    void aRejectionStaysARejection() {
        assertThat(zone(1, 19, 0, 0.1)).isEqualTo(Zone.REJECTION);
    }
}
