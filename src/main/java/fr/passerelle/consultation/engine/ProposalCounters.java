package fr.passerelle.consultation.engine;

/** The four counters of a proposal (see {@link CounterKind}). */
public record ProposalCounters(Tally all, Tally verified, Tally sequence, Tally segment) {

    public static final ProposalCounters EMPTY = new ProposalCounters(Tally.EMPTY, Tally.EMPTY, Tally.EMPTY, Tally.EMPTY);

    public Tally get(CounterKind kind) {
        return switch (kind) {
            case ALL -> all;
            case VERIFIED -> verified;
            case SEQUENCE -> sequence;
            case SEGMENT -> segment;
        };
    }
}
