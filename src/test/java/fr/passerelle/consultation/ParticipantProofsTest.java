package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.passerelle.shared.BusinessException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The proof of a real browser: a solved challenge proves its own participant, once, before it expires. */
class ParticipantProofsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID CONSULTATION = UUID.randomUUID();
    private static final UUID PARTICIPANT = UUID.randomUUID();

    private static ParticipantProofs proofs(String secret, Instant now) {
        ConsultationProperties properties = new ConsultationProperties(secret, null, null, null, null, null, null, null,
                null, new ConsultationProperties.Issue(null, null, null, null, null, null, null, null, 2_000L, null, null,
                        Duration.ofMinutes(10), null, null));
        return new ParticipantProofs(new ProposalKeys(properties, new MockEnvironment()), properties,
                Clock.fixed(now, ZoneId.of("Europe/Paris")), JsonMapper.builder().build());
    }

    private static int refusal(Runnable check) {
        BusinessException refused = catchThrowableOfType(BusinessException.class, check::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.status();
    }

    @Test
    void aSolvedChallengeProvesTheParticipantItWasIssuedFor() {
        ParticipantProofs proofs = proofs("a secret of at least sixteen bytes", NOW);
        String payload = ProofSolver.solve(proofs.challenge(CONSULTATION, PARTICIPANT, null));
        assertThatCode(() -> proofs.verify(CONSULTATION, PARTICIPANT, payload)).doesNotThrowAnyException();
    }

    @Test
    void aSolutionReplayedForAnotherParticipantOrConsultationProvesNothing() {
        ParticipantProofs proofs = proofs("a secret of at least sixteen bytes", NOW);
        String payload = ProofSolver.solve(proofs.challenge(CONSULTATION, PARTICIPANT, null));
        assertThat(refusal(() -> proofs.verify(CONSULTATION, UUID.randomUUID(), payload))).isEqualTo(400);
        assertThat(refusal(() -> proofs.verify(UUID.randomUUID(), PARTICIPANT, payload))).isEqualTo(400);
    }

    @Test
    void aForgedSolutionIsRefused() {
        ParticipantProofs proofs = proofs("a secret of at least sixteen bytes", NOW);
        ParticipantProofs.Challenge c = proofs.challenge(CONSULTATION, PARTICIPANT, null);
        String solved = ProofSolver.solve(c);
        long number = Long.parseLong(new String(java.util.Base64.getDecoder().decode(solved))
                .replaceAll(".*\"number\":(\\d+).*", "$1"));
        // A wrong number, a challenge signed with another secret, a salt naming another participant
        // under the original signature, and things that are no payload at all.
        assertThat(refusal(() -> proofs.verify(CONSULTATION, PARTICIPANT,
                ProofSolver.payload(c.algorithm(), c.challenge(), number + 1, c.salt(), c.signature())))).isEqualTo(400);
        ParticipantProofs.Challenge foreign = proofs("another secret, sixteen bytes or more", NOW)
                .challenge(CONSULTATION, PARTICIPANT, null);
        assertThat(refusal(() -> proofs.verify(CONSULTATION, PARTICIPANT, ProofSolver.solve(foreign)))).isEqualTo(400);
        UUID other = UUID.randomUUID();
        String salt = c.salt().replace(PARTICIPANT.toString(), other.toString());
        String rehashed = sha256(salt + "0");
        assertThat(refusal(() -> proofs.verify(CONSULTATION, other,
                ProofSolver.payload(c.algorithm(), rehashed, 0, salt, c.signature())))).isEqualTo(400);
        assertThat(refusal(() -> proofs.verify(CONSULTATION, PARTICIPANT, "not base64 at all"))).isEqualTo(400);
        assertThat(refusal(() -> proofs.verify(CONSULTATION, PARTICIPANT, null))).isEqualTo(400);
        assertThat(refusal(() -> proofs.verify(CONSULTATION, PARTICIPANT, "x".repeat(5_000)))).isEqualTo(400);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChallengeSolvedAfterItsValidityIsRefusedAsExpired() {
        String payload = ProofSolver.solve(proofs("a secret of at least sixteen bytes", NOW).challenge(CONSULTATION,
                PARTICIPANT, null));
        assertThatCode(() -> proofs("a secret of at least sixteen bytes", NOW.plus(Duration.ofMinutes(9)))
                .verify(CONSULTATION, PARTICIPANT, payload)).doesNotThrowAnyException();
        assertThat(refusal(() -> proofs("a secret of at least sixteen bytes", NOW.plus(Duration.ofMinutes(11)))
                .verify(CONSULTATION, PARTICIPANT, payload))).isEqualTo(410);
    }
}
