package fr.passerelle.consultation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the consultation module.
 *
 * @param keySecret secret of the signed proposal keys and participant cookies (HMAC); when blank,
 *     a random one is drawn at start-up (refused in the production profile), so keys and cookies
 *     do not survive a restart
 * @param sequenceSeed when set, every sequence is drawn with this seed (deterministic tests)
 * @param participantVotesPerSecond sustained votes per participant
 * @param participantBurst votes a participant may cast at once
 * @param addressVotesPerSecond sustained votes per client address
 * @param addressBurst votes one address may cast at once
 * @param voteBatchSize most votes the vote writer commits together (group commit)
 * @param voteQueueCapacity votes that may wait for the writer; beyond, a vote is refused as busy
 * @param rephraseLinkValidity how long after a refusal the rephrase link of the refusal mail works
 *     (30 days by default; in any case only while the consultation is open, and once)
 */
@ConfigurationProperties("passerelle.consultation")
public record ConsultationProperties(String keySecret, Long sequenceSeed, Double participantVotesPerSecond,
        Integer participantBurst, Double addressVotesPerSecond, Integer addressBurst, Integer voteBatchSize,
        Integer voteQueueCapacity, Duration rephraseLinkValidity) {

    public static final Duration DEFAULT_REPHRASE_LINK_VALIDITY = Duration.ofDays(30);

    public ConsultationProperties {
        participantVotesPerSecond = participantVotesPerSecond == null ? 2.0 : participantVotesPerSecond;
        participantBurst = participantBurst == null ? 30 : participantBurst;
        addressVotesPerSecond = addressVotesPerSecond == null ? 100.0 : addressVotesPerSecond;
        addressBurst = addressBurst == null ? 600 : addressBurst;
        voteBatchSize = voteBatchSize == null ? 256 : Math.max(1, voteBatchSize);
        voteQueueCapacity = voteQueueCapacity == null ? 20_000 : Math.max(1, voteQueueCapacity);
        rephraseLinkValidity = rephraseLinkValidity == null || rephraseLinkValidity.isNegative()
                || rephraseLinkValidity.isZero() ? DEFAULT_REPHRASE_LINK_VALIDITY : rephraseLinkValidity;
    }
}
