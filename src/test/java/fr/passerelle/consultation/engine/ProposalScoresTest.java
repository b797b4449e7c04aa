package fr.passerelle.consultation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Scores, composites and zones of CONSULTATION.md ("Scores"), checked against hand computations. */
class ProposalScoresTest {

    private static final double EPS = 1e-9;

    /** 6 agree (2 like it, 1 doable), 3 disagree (1 no way), 1 neutral: N = 10. */
    private static final Tally EXAMPLE = Tally.of(6, 3, 1)
            .with(Qualification.LIKE_IT, 2).with(Qualification.DOABLE, 1).with(Qualification.NO_WAY, 1);

    @Test
    void keyScoreAndHalfWidth() {
        ProposalScores s = ProposalScores.of(EXAMPLE);
        // agree: (6 + 0.33)/(1 + 10) = 6.33/11 = 0.575454…
        // p̃ = (10 × 0.575454 + 2)/(10 + 4) = 7.754545/14 = 0.553896
        // h = 2√(0.553896 × 0.446104 / 14) = 2√(0.0176497) = 2 × 0.132852 = 0.265704
        assertThat(s.agree().value()).isCloseTo(6.33 / 11, within(EPS));
        assertThat(s.agree().halfWidth()).isCloseTo(0.2657040297, within(1e-9));
        assertThat(s.agree().lower()).isCloseTo(6.33 / 11 - 0.2657040297, within(1e-9));
        // disagree: 3.33/11 = 0.302727; neutral: 1.33/11 = 0.120909
        assertThat(s.disagree().value()).isCloseTo(3.33 / 11, within(EPS));
        assertThat(s.neutral().value()).isCloseTo(1.33 / 11, within(EPS));
        // qualifications use σ = 0.01 and are divided by N + 1 too: like it (2 + 0.01)/11 = 0.182727
        assertThat(s.of(Qualification.LIKE_IT).value()).isCloseTo(2.01 / 11, within(EPS));
        assertThat(s.of(Qualification.PLATITUDE_AGREE).value()).isCloseTo(0.01 / 11, within(EPS));
    }

    @Test
    void composites() {
        ProposalScores s = ProposalScores.of(EXAMPLE);
        double agree = 6.33 / 11;
        double disagree = 3.33 / 11;
        double likeIt = 2.01 / 11;
        double doable = 1.01 / 11;
        double noWay = 1.01 / 11;
        double zero = 0.01 / 11; // platitudes and impossible: no vote
        // platitude = platitudeAgree + platitudeDisagree = 0.02/11
        assertThat(s.platitude().value()).isCloseTo(2 * zero, within(EPS));
        // top = agree + likeIt + doable − noWay − impossible − platitude
        //     = 0.575455 + 0.182727 + 0.091818 − 0.091818 − 0.000909 − 0.001818 = 0.755455
        assertThat(s.top().value()).isCloseTo(0.7554545454, within(1e-9));
        // its half-width combines the seven half-widths: √(0.265704² + 0.238233² + 0.217120² + 0.217120²
        //     + 3 × 0.187397²) = 0.571830
        assertThat(s.top().halfWidth()).isCloseTo(0.5718295313, within(1e-9));
        // controversy = min(agree, disagree) + min(likeIt, noWay) = 0.302727 + 0.091818 = 0.394545,
        // half-width √(max(0.265704, 0.256429)² + max(0.238233, 0.217120)²) = 0.356866
        assertThat(s.controversy().value()).isCloseTo(disagree + noWay, within(EPS));
        assertThat(s.controversy().halfWidth()).isCloseTo(0.3568661434, within(1e-9));
        // rejection = disagree + noWay + impossible − likeIt − doable − platitude
        assertThat(s.rejection().value())
                .isCloseTo(disagree + noWay + zero - likeIt - doable - 2 * zero, within(EPS));
        // realistic = doable − impossible; engagement = (likeIt − noWay) + realistic − platitude
        assertThat(s.realistic().value()).isCloseTo(doable - zero, within(EPS));
        assertThat(s.engagement().value()).isCloseTo(likeIt - noWay + doable - zero - 2 * zero, within(EPS));
        // zone: agree 0.575 < 0.6 and disagree 0.303 ≥ 0.15 → not consensus; disagree < 0.6 and
        // agree ≥ 0.15 → not rejection; neutral 0.121 < 0.4 → not "no clear opinion" → controversy
        assertThat(s.zone()).isEqualTo(Zone.CONTROVERSY);
        assertThat(agree).isLessThan(0.6);
    }

    @Test
    void zeroVotes() {
        ProposalScores s = ProposalScores.of(Tally.EMPTY);
        // N = 0: s = 0.33/1 = 0.33; p̃ = (0 + 2)/4 = 0.5; h = 2√(0.25/4) = 0.5
        assertThat(s.agree().value()).isCloseTo(0.33, within(EPS));
        assertThat(s.agree().halfWidth()).isCloseTo(0.5, within(EPS));
        assertThat(s.of(Qualification.LIKE_IT).value()).isCloseTo(0.01, within(EPS));
        // 0.33 each: disagree 0.33 ≥ 0.15 and agree 0.33 ≥ 0.15, neutral 0.33 < 0.4 → controversy
        assertThat(s.zone()).isEqualTo(Zone.CONTROVERSY);
    }

    @Test
    void allNeutralIsNoClearOpinion() {
        ProposalScores s = ProposalScores.of(Tally.of(0, 0, 10));
        // neutral 10.33/11 = 0.939 ≥ 0.4; agree = disagree = 0.33/11 = 0.03
        assertThat(s.neutral().value()).isCloseTo(10.33 / 11, within(EPS));
        assertThat(s.zone()).isEqualTo(Zone.NO_CLEAR_OPINION);
    }

    @Test
    void clearConsensusAndRejection() {
        // 9 agree, 1 disagree: agree 9.33/11 = 0.848 ≥ 0.6
        assertThat(ProposalScores.of(Tally.of(9, 1, 0)).zone()).isEqualTo(Zone.CONSENSUS);
        // 1 agree, 9 disagree: agree 0.848 no, disagree 9.33/11 = 0.848 ≥ 0.6
        assertThat(ProposalScores.of(Tally.of(1, 9, 0)).zone()).isEqualTo(Zone.REJECTION);
        // 50 agree, 2 disagree, 48 neutral (N = 100): agree 50.33/101 = 0.498, disagree 2.33/101 = 0.023,
        // neutral 48.33/101 = 0.479 ≥ 0.4 → not consensus by the second clause, → no clear opinion
        assertThat(ProposalScores.of(Tally.of(50, 2, 48)).zone()).isEqualTo(Zone.NO_CLEAR_OPINION);
        // 55 agree, 10 disagree, 35 neutral: neutral 0.35 < 0.4 and disagree 10.33/101 = 0.102 < 0.15 → consensus
        assertThat(ProposalScores.of(Tally.of(55, 10, 35)).zone()).isEqualTo(Zone.CONSENSUS);
    }

    @Test
    void zoneThresholdsAreInclusiveWhereTheSpecSaysSo() {
        assertThat(Zone.classify(0.6, 0.3, 0.1)).isEqualTo(Zone.CONSENSUS); // agree ≥ 0.6
        assertThat(Zone.classify(0.5, 0.1499, 0.39)).isEqualTo(Zone.CONSENSUS); // neutral < 0.4, disagree < 0.15
        assertThat(Zone.classify(0.5, 0.15, 0.39)).isEqualTo(Zone.CONTROVERSY); // disagree = 0.15 is not < 0.15
        assertThat(Zone.classify(0.5, 0.1, 0.4)).isEqualTo(Zone.NO_CLEAR_OPINION); // neutral = 0.4 is not < 0.4
        assertThat(Zone.classify(0.3, 0.6, 0.1)).isEqualTo(Zone.REJECTION); // disagree ≥ 0.6
        assertThat(Zone.classify(0.1499, 0.3, 0.39)).isEqualTo(Zone.REJECTION); // neutral < 0.4, agree < 0.15
        assertThat(Zone.classify(0.15, 0.3, 0.39)).isEqualTo(Zone.CONTROVERSY); // agree = 0.15 is not < 0.15
        assertThat(Zone.classify(0.6, 0.6, 0.5)).isEqualTo(Zone.CONSENSUS); // consensus is tested first
    }

    @Test
    void scoreArithmetic() {
        Score a = new Score(0.5, 0.3);
        Score b = new Score(0.2, 0.4);
        // sums and differences: √(0.3² + 0.4²) = 0.5
        assertThat(a.plus(b)).isEqualTo(new Score(0.7, 0.5));
        assertThat(a.minus(b).value()).isCloseTo(0.3, within(EPS));
        assertThat(a.minus(b).halfWidth()).isCloseTo(0.5, within(EPS));
        // min: smaller value, larger half-width
        assertThat(Score.min(a, b)).isEqualTo(new Score(0.2, 0.4));
        // the score is capped at 1: min((3 + 0.33)/(1 + 1), 1) = 1
        assertThat(Score.of(3, 1, 0.33).value()).isEqualTo(1.0);
    }

    @Test
    void blendWeighsVerifiedAndSequenceEqually() {
        Tally verified = Tally.of(8, 2, 0); // agree 8.33/11
        Tally sequence = Tally.of(3, 2, 0); // agree 3.33/6
        ProposalScores blended = ProposalScores.blended(verified, sequence);
        // 0.5 × 0.757273 + 0.5 × 0.555 = 0.656136
        assertThat(blended.agree().value()).isCloseTo(0.5 * 8.33 / 11 + 0.5 * 3.33 / 6, within(EPS));
        assertThat(blended.agree().halfWidth()).isCloseTo(0.5 * ProposalScores.of(verified).agree().halfWidth()
                + 0.5 * ProposalScores.of(sequence).agree().halfWidth(), within(EPS));
    }

    @Test
    void thompsonSamplesFollowTheBetaOfTheSpec() {
        Tally tally = Tally.of(60, 30, 10).with(Qualification.LIKE_IT, 20);
        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(42));
        double agree = 0;
        double likeIt = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            ThompsonSample sample = ThompsonSample.of(tally, random);
            agree += sample.key(VoteKey.AGREE);
            likeIt += sample.qualification(Qualification.LIKE_IT);
            assertThat(sample.key(VoteKey.AGREE)).as("drawn once").isEqualTo(sample.key(VoteKey.AGREE));
        }
        // Beta(60 + 0.33, 100 − 60 + 1) has mean 60.33/101.33 = 0.595381
        assertThat(agree / draws).isCloseTo(60.33 / 101.33, within(0.003));
        // Beta(20 + 0.01, 100 − 20 + 1) has mean 20.01/101.01 = 0.198099
        assertThat(likeIt / draws).isCloseTo(20.01 / 101.01, within(0.003));
    }

    @Test
    void sampledCompositesConvergeOnTheScoresWithManyVotes() {
        // with N = 1,000,000 the Betas are narrow (sd ≤ 0.0005): the samples match the point scores
        Tally tally = Tally.of(700_000, 200_000, 100_000).with(Qualification.LIKE_IT, 300_000)
                .with(Qualification.DOABLE, 200_000).with(Qualification.PLATITUDE_AGREE, 50_000)
                .with(Qualification.NO_WAY, 100_000).with(Qualification.IMPOSSIBLE, 40_000)
                .with(Qualification.PLATITUDE_DISAGREE, 10_000);
        ThompsonSample sample = ThompsonSample.of(tally, RandomDataGenerator.of(new Well19937c(1)));
        ProposalScores scores = ProposalScores.of(tally);
        // top ≈ 0.7 + 0.3 + 0.2 − 0.1 − 0.04 − (0.05 + 0.01) = 1.0
        assertThat(sample.top()).isCloseTo(scores.top().value(), within(0.005)).isCloseTo(1.0, within(0.005));
        // controversy ≈ min(0.7, 0.2) + min(0.3, 0.1) = 0.3
        assertThat(sample.controversy()).isCloseTo(scores.controversy().value(), within(0.005));
        assertThat(sample.zone()).isEqualTo(scores.zone()).isEqualTo(Zone.CONSENSUS);
    }

    @Test
    void qualificationsBelongToTheirKey() {
        assertThat(Qualification.allowed(VoteKey.AGREE, Set.of(Qualification.LIKE_IT, Qualification.DOABLE))).isTrue();
        assertThat(Qualification.allowed(VoteKey.AGREE, Set.of(Qualification.NO_WAY))).isFalse();
        assertThat(Qualification.allowed(VoteKey.NEUTRAL, Set.of(Qualification.NO_OPINION))).isTrue();
        assertThat(Qualification.allowed(null, Set.of(Qualification.NO_OPINION))).isFalse();
        assertThat(Qualification.allowed(null, Set.of())).isTrue();
        assertThatThrownBy(() -> Tally.of(1, 0, 0).with(Qualification.LIKE_IT, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tally.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
