package fr.passerelle.consultation;

import java.security.SecureRandom;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.springframework.stereotype.Component;

/**
 * The randomness of the voting sequence (Thompson samples, shuffle). With
 * {@code passerelle.consultation.sequence-seed} set, every sequence is drawn from that seed, so
 * tests are deterministic; otherwise each draw is seeded from a secure source.
 */
@Component
public class SequenceRandom {

    private final Long seed;
    private final SecureRandom seeds = new SecureRandom();

    SequenceRandom(ConsultationProperties properties) {
        this.seed = properties.sequenceSeed();
    }

    public RandomGenerator next() {
        return new Well19937c(seed != null ? seed : seeds.nextLong());
    }
}
