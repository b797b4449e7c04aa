package fr.passerelle.consultation.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An accepted proposal as the sequence sees it.
 *
 * @param createdAt orders the new pool (oldest first) and the fill (newest first)
 * @param keywords its keywords, compared case-insensitively
 */
public record SequenceProposal(UUID id, UUID author, Instant createdAt, Set<String> keywords, ProposalCounters counters) {

    public SequenceProposal {
        keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Votes cast from the sequence (all keys). */
    public long sequenceVotes() {
        return counters.sequence().total();
    }
}
