package fr.passerelle.consultation;

import fr.passerelle.consultation.internal.TokenBuckets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public vote and proposal endpoints, per participant and per client address
 * (CONSULTATION.md, "Trust and anti-fraud"). In memory, per node: token buckets.
 */
@Component
public class VoteRateLimits {

    private final TokenBuckets<UUID> participants;
    private final TokenBuckets<String> addresses;

    VoteRateLimits(ConsultationProperties properties) {
        this.participants = new TokenBuckets<>(properties.participantVotesPerSecond(), properties.participantBurst(),
                100_000);
        this.addresses = new TokenBuckets<>(properties.addressVotesPerSecond(), properties.addressBurst(), 100_000);
    }

    /** Whether this participant, from this address, may act now (takes a token from both). */
    public boolean allow(UUID participantId, String address) {
        long now = System.nanoTime();
        boolean byAddress = address == null || addresses.take(address, now);
        return byAddress && participants.take(participantId, now);
    }
}
