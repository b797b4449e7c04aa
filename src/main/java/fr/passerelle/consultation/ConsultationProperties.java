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
        issue = issue == null ? new Issue(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : issue;
    }

    /**
     * How anonymous participants are issued (at a bounded rate per client address, per network and
     * per wide network, counted in the database so that it holds across nodes) and proven (a proof
     * of work solved by the browser, once per participant, before their votes count as trusted).
     * The proof only costs a script a little CPU (docs/adr/0011-participant-proof-of-work.md): the
     * limits are what bound ballot stuffing.
     *
     * @param window the sliding window over which issues are counted (10 minutes)
     * @param perAddress most participants issued from one client address within the window (30)
     * @param perNetwork most participants issued from one network within the window (100)
     * @param ipv4Prefix the network of an IPv4 address: its first bits (24)
     * @param ipv6Prefix the network of an IPv6 address: its first bits (64)
     * @param perWideNetwork most participants issued from one wide network within the window (300)
     * @param ipv4WidePrefix the wide network of an IPv4 address: its first bits (16)
     * @param ipv6WidePrefix the wide network of an IPv6 address: its first bits (48, a site's usual
     *     allocation: 65,536 networks of 64 bits, which the wide limit counts together)
     * @param proofMaxNumber the proof of work's base difficulty: the secret number is drawn up to it,
     *     and a solver tries half of them on average (50,000)
     * @param proofDoublingEvery the difficulty doubles for every this many participants issued from
     *     the same wide network within the window before this one (10)
     * @param proofMaxNumberCeiling the most the difficulty grows to (400,000: 8 times the base,
     *     200,000 hashes on average, a few seconds for a browser)
     * @param proofValidity how long a challenge may be solved after it was issued (10 minutes)
     * @param burstSize participants issued from one network (or one wide network) within the burst
     *     window that make a burst (10)
     * @param burstWindow the burst window: issues this close to one another count together (1 minute)
     */
    public record Issue(Duration window, Integer perAddress, Integer perNetwork, Integer ipv4Prefix,
            Integer ipv6Prefix, Integer perWideNetwork, Integer ipv4WidePrefix, Integer ipv6WidePrefix,
            Long proofMaxNumber, Integer proofDoublingEvery, Long proofMaxNumberCeiling, Duration proofValidity,
            Integer burstSize, Duration burstWindow) {

        public Issue {
            window = positive(window, Duration.ofMinutes(10));
            perAddress = perAddress == null ? 30 : Math.max(1, perAddress);
            perNetwork = perNetwork == null ? 100 : Math.max(1, perNetwork);
            ipv4Prefix = ipv4Prefix == null ? 24 : Math.max(8, Math.min(32, ipv4Prefix));
            ipv6Prefix = ipv6Prefix == null ? 64 : Math.max(16, Math.min(128, ipv6Prefix));
            perWideNetwork = perWideNetwork == null ? 300 : Math.max(1, perWideNetwork);
            ipv4WidePrefix = ipv4WidePrefix == null ? 16 : Math.max(8, Math.min(ipv4Prefix, ipv4WidePrefix));
            ipv6WidePrefix = ipv6WidePrefix == null ? 48 : Math.max(16, Math.min(ipv6Prefix, ipv6WidePrefix));
            proofMaxNumber = proofMaxNumber == null ? 50_000L : Math.max(1L, proofMaxNumber);
            proofDoublingEvery = proofDoublingEvery == null ? 10 : Math.max(1, proofDoublingEvery);
            proofMaxNumberCeiling = proofMaxNumberCeiling == null ? 400_000L
                    : Math.max(proofMaxNumber, proofMaxNumberCeiling);
            proofValidity = positive(proofValidity, Duration.ofMinutes(10));
            burstSize = burstSize == null ? 10 : Math.max(2, burstSize);
            burstWindow = positive(burstWindow, Duration.ofMinutes(1));
        }

        /**
         * The difficulty of the proof of a participant issued after {@code recentFromWideNetwork}
         * others from its wide network within the window: the base, doubled every
         * {@code proofDoublingEvery} of them, up to the ceiling.
         */
        public long proofMaxNumberAfter(long recentFromWideNetwork) {
            long grown = proofMaxNumber;
            for (long d = Math.max(0, recentFromWideNetwork) / proofDoublingEvery; d > 0 && grown < proofMaxNumberCeiling; d--) {
                grown *= 2;
            }
            return Math.min(grown, proofMaxNumberCeiling);
        }

        private static Duration positive(Duration value, Duration otherwise) {
            return value == null || value.isNegative() || value.isZero() ? otherwise : value;
        }
    }
}
