package fr.passerelle.consultation.engine;

/**
 * Where a proposal stands. {@link #classify(double, double, double)} places one set of agree,
 * disagree and neutral scores (the sequence uses it on Thompson samples); {@link #of} is the
 * results' classification, which also needs enough votes and, once opinion groups are known,
 * agreement in every group for a consensus.
 */
public enum Zone {
    CONSENSUS, REJECTION, NO_CLEAR_OPINION, CONTROVERSY;

    /** Fewest (verified) votes a proposal needs to have a clear opinion in the results. */
    public static final long MIN_VOTES = 5;

    /**
     * The agreement every opinion group must exceed for a consensus: its smoothed share of agree
     * votes, (agree + 1)/(seen + 2), above one half — a strict majority of the group's voters.
     */
    public static final double GROUP_AGREEMENT = 0.5;

    /**
     * Consensus if agree ≥ 0.6 or (neutral &lt; 0.4 and disagree &lt; 0.15); else rejection if
     * disagree ≥ 0.6 or (neutral &lt; 0.4 and agree &lt; 0.15); else no clear opinion if
     * neutral ≥ 0.4 (mostly "neutral" votes); else controversy.
     */
    public static Zone classify(double agree, double disagree, double neutral) {
        if (agree >= 0.6 || (neutral < 0.4 && disagree < 0.15)) {
            return CONSENSUS;
        }
        if (disagree >= 0.6 || (neutral < 0.4 && agree < 0.15)) {
            return REJECTION;
        }
        if (neutral >= 0.4) {
            return NO_CLEAR_OPINION;
        }
        return CONTROVERSY;
    }

    /**
     * The zone shown in the results. Fewer than {@link #MIN_VOTES} votes: no clear opinion (the
     * scores say more about the smoothing than about the voters). Otherwise the zone of the blended
     * scores, provided the verified votes alone, each counted once, place the proposal there too:
     * the sequence votes are a subset of the verified ones, so the blend weighs them twice and a
     * proposal split 50 / 50 whose agree votes came from the sequence would look like a consensus.
     * When they do not, the verified votes' zone, or a controversy when the two point opposite
     * ways. Finally a consensus needs agreement in every opinion group that voted enough on the
     * proposal ({@code weakestGroupAgreement}, the lowest smoothed agree share among them, above
     * {@link #GROUP_AGREEMENT}): a proposal most voters agree with but one group does not divides the
     * groups, a controversy.
     *
     * @param blended the scores the proposal is ranked by (verified and sequence counters blended)
     * @param verified the scores of the verified votes alone
     * @param votes the proposal's verified votes
     * @param weakestGroupAgreement null when no analysis has grouped its voters yet (the overall scores decide)
     */
    public static Zone of(ProposalScores blended, ProposalScores verified, long votes, Double weakestGroupAgreement) {
        if (votes < MIN_VOTES) {
            return NO_CLEAR_OPINION;
        }
        Zone zone = blended.zone();
        Zone alone = verified.zone();
        if ((zone == CONSENSUS || zone == REJECTION) && alone != zone) {
            zone = alone == CONSENSUS || alone == REJECTION ? CONTROVERSY : alone;
        }
        if (zone == CONSENSUS && weakestGroupAgreement != null && weakestGroupAgreement <= GROUP_AGREEMENT) {
            return CONTROVERSY;
        }
        return zone;
    }
}
