package fr.passerelle.consultation.engine;

import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A Thompson sample of a proposal's scores: each key and qualification drawn from
 * Beta(c + σ, N − c + 1) (σ = 0.33 for keys, 0.01 for qualifications). Draws are made lazily, when a
 * score needs them (the sequence samples the zone first and the qualifications only for the
 * proposals still in the running); the draws are independent, so the order changes nothing to the
 * distribution. The composites are those of {@link ProposalScores} on the sampled values.
 */
public final class ThompsonSample {

    private final Tally tally;
    private final RandomDataGenerator random;
    private final double[] keys = {Double.NaN, Double.NaN, Double.NaN};
    private final double[] qualifications = new double[Qualification.values().length];

    private ThompsonSample(Tally tally, RandomDataGenerator random) {
        this.tally = tally;
        this.random = random;
        Arrays.fill(qualifications, Double.NaN);
    }

    public static ThompsonSample of(Tally tally, RandomDataGenerator random) {
        return new ThompsonSample(tally, random);
    }

    public double key(VoteKey key) {
        int i = key.ordinal();
        if (Double.isNaN(keys[i])) {
            keys[i] = draw(tally.count(key), Score.KEY_SMOOTHING);
        }
        return keys[i];
    }

    public double qualification(Qualification q) {
        int i = q.ordinal();
        if (Double.isNaN(qualifications[i])) {
            qualifications[i] = draw(tally.count(q), Score.QUALIFICATION_SMOOTHING);
        }
        return qualifications[i];
    }

    private double draw(long count, double smoothing) {
        return random.nextBeta(count + smoothing, tally.total() - count + 1.0);
    }

    public Zone zone() {
        return Zone.classify(key(VoteKey.AGREE), key(VoteKey.DISAGREE), key(VoteKey.NEUTRAL));
    }

    /** top = agree + likeIt + doable − noWay − impossible − platitude. */
    public double top() {
        return key(VoteKey.AGREE) + qualification(Qualification.LIKE_IT) + qualification(Qualification.DOABLE)
                - qualification(Qualification.NO_WAY) - qualification(Qualification.IMPOSSIBLE) - platitude();
    }

    /** controversy = min(agree, disagree) + min(likeIt, noWay). */
    public double controversy() {
        return Math.min(key(VoteKey.AGREE), key(VoteKey.DISAGREE))
                + Math.min(qualification(Qualification.LIKE_IT), qualification(Qualification.NO_WAY));
    }

    private double platitude() {
        return qualification(Qualification.PLATITUDE_AGREE) + qualification(Qualification.PLATITUDE_DISAGREE);
    }
}
