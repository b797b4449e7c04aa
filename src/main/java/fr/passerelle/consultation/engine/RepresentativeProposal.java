package fr.passerelle.consultation.engine;

import java.util.UUID;

/**
 * A proposal that sets a group apart: its members agree (or disagree) with it more than the other
 * groups do, and more often than not.
 *
 * @param direction AGREE or DISAGREE
 * @param rate (votes of that key + 1)/(seen + 2) in the group
 * @param othersRate the same rate in the other groups together
 * @param zOthers two-proportion z-score, group against the other groups
 * @param zHalf one-proportion z-score of the group's rate against 0.5
 */
public record RepresentativeProposal(UUID proposal, VoteKey direction, double rate, double othersRate,
        double zOthers, double zHalf) {

    /** z for a one-sided 90 % confidence. */
    public static final double Z_90 = 1.2816;

    /** rate / othersRate. */
    public double ratio() {
        return rate / othersRate;
    }

    /** The ranking metric: ratio × zOthers × rate × zHalf (Pol.is' repness product). */
    public double strength() {
        return ratio() * zOthers * rate * zHalf;
    }
}
