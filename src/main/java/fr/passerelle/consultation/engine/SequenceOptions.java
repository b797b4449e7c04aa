package fr.passerelle.consultation.engine;

/**
 * The settings of the sequence (CONSULTATION.md, "Sequence"); {@link #DEFAULTS} holds the specified
 * values.
 *
 * @param size proposals per sequence
 * @param newShare share of the sequence given to new proposals (rounded up)
 * @param newBelowSequenceVotes a proposal with fewer sequence votes is new
 * @param testedBelowSequenceVotes a proposal with fewer sequence votes (and not new) is tested
 * @param controversyShare share of the tested part given to controversies (rounded up)
 * @param chooserWindow how many of the first ranked candidates the chooser compares
 * @param minTopLowerBound optional: tested proposals need top.lower ≥ this (null = no threshold)
 * @param minEngagementLowerBound optional: tested proposals need engagement.lower ≥ this (null = none)
 * @param scoreCounter the counter the Thompson samples and the thresholds are drawn from
 * @param commonKeywordShare a keyword carried by more than this share of the accepted proposals is
 *     common and does not keep proposals apart
 */
public record SequenceOptions(int size, double newShare, int newBelowSequenceVotes, int testedBelowSequenceVotes,
        double controversyShare, int chooserWindow, Double minTopLowerBound, Double minEngagementLowerBound,
        CounterKind scoreCounter, double commonKeywordShare) {

    public static final SequenceOptions DEFAULTS =
            new SequenceOptions(12, 0.3, 10, 1_500, 0.1, 10, null, null, CounterKind.SEQUENCE, 0.1);

    public SequenceOptions {
        if (size < 1 || chooserWindow < 1) {
            throw new IllegalArgumentException("size and chooser window must be positive");
        }
        if (scoreCounter == CounterKind.ALL) {
            throw new IllegalArgumentException("untrusted votes never count in scores");
        }
    }

    public SequenceOptions withSize(int newSize) {
        return new SequenceOptions(newSize, newShare, newBelowSequenceVotes, testedBelowSequenceVotes, controversyShare,
                chooserWindow, minTopLowerBound, minEngagementLowerBound, scoreCounter, commonKeywordShare);
    }

    public SequenceOptions withThresholds(Double topLowerBound, Double engagementLowerBound) {
        return new SequenceOptions(size, newShare, newBelowSequenceVotes, testedBelowSequenceVotes, controversyShare,
                chooserWindow, topLowerBound, engagementLowerBound, scoreCounter, commonKeywordShare);
    }

    /** ⌈newShare × size⌉. */
    int newCount() {
        return (int) Math.ceil(newShare * size - 1e-9);
    }
}
