package fr.passerelle.consultation.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * The scores of one proposal from one counter: a score per vote key and per qualification, the
 * composite scores and the zone (CONSULTATION.md, "Scores"). Thompson samples: {@link ThompsonSample}.
 */
public record ProposalScores(Map<VoteKey, Score> keys, Map<Qualification, Score> qualifications) {

    /** Weight of the verified scores when blended with the sequence scores. */
    public static final double VERIFIED_WEIGHT = 0.5;

    public ProposalScores {
        if (keys.size() != VoteKey.values().length || qualifications.size() != Qualification.values().length) {
            throw new IllegalArgumentException("a score for every key and qualification is required");
        }
        keys = Map.copyOf(keys);
        qualifications = Map.copyOf(qualifications);
    }

    /**
     * Scores from one counter: s_k = min((c_k + 0.33)/(1 + N), 1) for the keys and
     * min((c_q + 0.01)/(1 + N), 1) for the qualifications, N = agree + disagree + neutral.
     */
    public static ProposalScores of(Tally tally) {
        long n = tally.total();
        Map<VoteKey, Score> keys = new EnumMap<>(VoteKey.class);
        for (VoteKey key : VoteKey.values()) {
            keys.put(key, Score.of(tally.count(key), n, Score.KEY_SMOOTHING));
        }
        Map<Qualification, Score> qualifications = new EnumMap<>(Qualification.class);
        for (Qualification q : Qualification.values()) {
            qualifications.put(q, Score.of(tally.count(q), n, Score.QUALIFICATION_SMOOTHING));
        }
        return new ProposalScores(keys, qualifications);
    }

    /** s = w·s(verified) + (1 − w)·s(sequence) for every key and qualification, w = 0.5. */
    public static ProposalScores blended(Tally verified, Tally sequence) {
        return blended(verified, sequence, VERIFIED_WEIGHT);
    }

    public static ProposalScores blended(Tally verified, Tally sequence, double w) {
        ProposalScores v = of(verified);
        ProposalScores s = of(sequence);
        Map<VoteKey, Score> keys = new EnumMap<>(VoteKey.class);
        v.keys.forEach((k, score) -> keys.put(k, Score.blend(w, score, s.keys.get(k))));
        Map<Qualification, Score> qualifications = new EnumMap<>(Qualification.class);
        v.qualifications.forEach((q, score) -> qualifications.put(q, Score.blend(w, score, s.qualifications.get(q))));
        return new ProposalScores(keys, qualifications);
    }

    public Score agree() {
        return keys.get(VoteKey.AGREE);
    }

    public Score disagree() {
        return keys.get(VoteKey.DISAGREE);
    }

    public Score neutral() {
        return keys.get(VoteKey.NEUTRAL);
    }

    public Score of(Qualification qualification) {
        return qualifications.get(qualification);
    }

    /** platitude = platitudeAgree + platitudeDisagree. */
    public Score platitude() {
        return of(Qualification.PLATITUDE_AGREE).plus(of(Qualification.PLATITUDE_DISAGREE));
    }

    /** top = agree + likeIt + doable − noWay − impossible − platitude. */
    public Score top() {
        return agree().plus(of(Qualification.LIKE_IT)).plus(of(Qualification.DOABLE))
                .minus(of(Qualification.NO_WAY)).minus(of(Qualification.IMPOSSIBLE)).minus(platitude());
    }

    /** controversy = min(agree, disagree) + min(likeIt, noWay). */
    public Score controversy() {
        return Score.min(agree(), disagree()).plus(Score.min(of(Qualification.LIKE_IT), of(Qualification.NO_WAY)));
    }

    /** rejection = disagree + noWay + impossible − likeIt − doable − platitude. */
    public Score rejection() {
        return disagree().plus(of(Qualification.NO_WAY)).plus(of(Qualification.IMPOSSIBLE))
                .minus(of(Qualification.LIKE_IT)).minus(of(Qualification.DOABLE)).minus(platitude());
    }

    /** realistic = doable − impossible. */
    public Score realistic() {
        return of(Qualification.DOABLE).minus(of(Qualification.IMPOSSIBLE));
    }

    /** engagement = (likeIt − noWay) + realistic − platitude. */
    public Score engagement() {
        return of(Qualification.LIKE_IT).minus(of(Qualification.NO_WAY)).plus(realistic()).minus(platitude());
    }

    /** The zone from the agree, disagree and neutral score values. */
    public Zone zone() {
        return Zone.classify(agree().value(), disagree().value(), neutral().value());
    }
}
