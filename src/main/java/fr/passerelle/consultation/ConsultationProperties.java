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
 * @param issue how anonymous participants are issued and proven (ballot stuffing)
 */
@ConfigurationProperties("passerelle.consultation")
public record ConsultationProperties(String keySecret, Long sequenceSeed, Double participantVotesPerSecond,
        Integer participantBurst, Double addressVotesPerSecond, Integer addressBurst, Integer voteBatchSize,
        Integer voteQueueCapacity, Duration rephraseLinkValidity, Issue issue) {

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
        issue = issue == null ? new Issue(null, null, null, null, null, null, null, null, null) : issue;
    }

    /**
     * How anonymous participants are issued (at a bounded rate per client address and per network,
     * counted in the database so that it holds across nodes) and proven (a proof of work solved by
     * the browser, once per participant, before their votes count as trusted).
     *
     * @param window the sliding window over which issues are counted (10 minutes)
     * @param perAddress most participants issued from one client address within the window (30)
     * @param perNetwork most participants issued from one network within the window (100)
     * @param ipv4Prefix the network of an IPv4 address: its first bits (24)
     * @param ipv6Prefix the network of an IPv6 address: its first bits (64)
     * @param proofMaxNumber the proof of work's difficulty: the secret number is drawn up to it, and
     *     a browser tries half of them on average (50,000: about a second)
     * @param proofValidity how long a challenge may be solved after it was issued (10 minutes)
     * @param burstSize participants issued from one network within the burst window that make a burst (10)
     * @param burstWindow the burst window: issues this close to one another count together (1 minute)
     */
    public record Issue(Duration window, Integer perAddress, Integer perNetwork, Integer ipv4Prefix,
            Integer ipv6Prefix, Long proofMaxNumber, Duration proofValidity, Integer burstSize, Duration burstWindow) {

        public Issue {
            window = positive(window, Duration.ofMinutes(10));
            perAddress = perAddress == null ? 30 : Math.max(1, perAddress);
            perNetwork = perNetwork == null ? 100 : Math.max(1, perNetwork);
            ipv4Prefix = ipv4Prefix == null ? 24 : Math.max(8, Math.min(32, ipv4Prefix));
            ipv6Prefix = ipv6Prefix == null ? 64 : Math.max(16, Math.min(128, ipv6Prefix));
            proofMaxNumber = proofMaxNumber == null ? 50_000L : Math.max(1L, proofMaxNumber);
            proofValidity = positive(proofValidity, Duration.ofMinutes(10));
            burstSize = burstSize == null ? 10 : Math.max(2, burstSize);
            burstWindow = positive(burstWindow, Duration.ofMinutes(1));
        }

        private static Duration positive(Duration value, Duration otherwise) {
            return value == null || value.isNegative() || value.isZero() ? otherwise : value;
        }
    }
}
