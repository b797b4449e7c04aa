package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Signed proposal keys: the same key on every thread, bound to proposal, participant and place. */
class ProposalKeysTest {

    private static ProposalKeys keys(String secret) {
        return new ProposalKeys(new ConsultationProperties(secret, null, null, null, null, null, null, null, null, null),
                new MockEnvironment());
    }

    @Test
    void aKeyIsTheSameOnEveryThreadAndOnlyValidatesWhatItWasIssuedFor() throws Exception {
        ProposalKeys keys = keys("a secret of at least sixteen bytes");
        UUID proposal = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        String key = keys.sign(proposal, participant, ProposalKeys.Location.SEQUENCE);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> {
                    // Interleaved messages on the same thread's Mac must not leak into each other.
                    keys.signCookie(UUID.randomUUID(), participant);
                    seen.add(keys.sign(proposal, participant, ProposalKeys.Location.SEQUENCE));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seen).containsExactly(key);
        assertThat(keys.verify(proposal, participant, ProposalKeys.Location.SEQUENCE, key)).isTrue();
        assertThat(keys.verify(proposal, participant, ProposalKeys.Location.PROPOSAL, key)).isFalse();
        assertThat(keys.verify(proposal, UUID.randomUUID(), ProposalKeys.Location.SEQUENCE, key)).isFalse();
        assertThat(keys.verify(UUID.randomUUID(), participant, ProposalKeys.Location.SEQUENCE, key)).isFalse();
        assertThat(keys("another secret of sixteen bytes").verify(proposal, participant, ProposalKeys.Location.SEQUENCE, key))
                .isFalse();
    }

    @Test
    void thePlaceholderOfTheDeploymentGuideIsRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys("change-me-consultation"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PASSERELLE_CONSULTATION_SECRET").hasMessageContaining("placeholder");
    }
}
