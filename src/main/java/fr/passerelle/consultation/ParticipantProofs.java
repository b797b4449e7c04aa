package fr.passerelle.consultation;

import fr.passerelle.shared.BusinessException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.altcha.altcha.Altcha;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof of a real browser that makes a participant's votes trusted: a proof of work in the
 * ALTCHA format (docs/adr/0011-participant-proof-of-work.md). The server issues a challenge signed
 * with a key derived from the consultation secret, bound to one participant of one consultation and
 * valid for {@code passerelle.consultation.issue.proof-validity}; the browser finds the number whose
 * SHA-256 with the salt is the challenge (half of the participant's difficulty in tries on average:
 * {@code proof-max-number}, more after many recent participants from its wide network) and sends
 * the solution back once. It slows a browser down, not a script (native SHA-256 is fast): the issue
 * limits are what bound ballot stuffing. Nothing is stored until a solution is accepted; a solution proves
 * only the participant it was issued for, so replaying it elsewhere proves nothing.
 */
@Component
public class ParticipantProofs {

    /** Longest payload accepted (a solution is about 400 characters). */
    private static final int MAX_PAYLOAD = 2_000;

    private final ProposalKeys keys;
    private final ConsultationProperties.Issue settings;
    private final Clock clock;
    private final JsonMapper json;

    ParticipantProofs(ProposalKeys keys, ConsultationProperties properties, Clock clock, JsonMapper json) {
        this.keys = keys;
        this.json = json;
        this.settings = properties.issue();
        this.clock = clock;
    }

    /** A challenge as the ALTCHA widget and our own solver read it. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {}

    /** A new challenge for this participant, of the difficulty set when it was issued. */
    public Challenge challenge(UUID consultationId, Participants.Participant participant) {
        return challenge(consultationId, participant.id(), participant.proofMaxNumber());
    }

    /**
     * A new challenge for this participant of this consultation, its secret number drawn up to
     * {@code maxNumber} (null: {@code proof-max-number}, the base difficulty).
     */
    public Challenge challenge(UUID consultationId, UUID participantId, Long maxNumber) {
        try {
            Altcha.Challenge c = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(keys.proofKey())
                    .setMaxNumber(maxNumber == null ? settings.proofMaxNumber() : maxNumber)
                    .setExpires(clock.instant().plus(settings.proofValidity()).getEpochSecond())
                    .addParam("consultation", consultationId.toString())
                    .addParam("participant", participantId.toString()));
            return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
        } catch (Exception e) {
            throw new IllegalStateException("could not issue a proof-of-work challenge", e);
        }
    }

    /**
     * Checks a solution (the base64 JSON payload of ALTCHA) for this participant: refused (400) when
     * it is not a solution of a challenge signed here for this very participant and consultation,
     * or (410) when its challenge has expired.
     */
    public void verify(UUID consultationId, UUID participantId, String payload) {
        Map<String, String> params;
        try {
            if (payload == null || payload.isBlank() || payload.length() > MAX_PAYLOAD) {
                throw invalid();
            }
            Altcha.Payload solution = json.readValue(Base64.getDecoder().decode(payload.strip()), Altcha.Payload.class);
            if (solution.salt == null || !Altcha.verifySolution(solution, keys.proofKey(), false)) {
                throw invalid();
            }
            params = Altcha.extractParams(solution.salt);
        } catch (BusinessException refused) {
            throw refused;
        } catch (Exception unreadable) {
            throw invalid();
        }
        if (!consultationId.toString().equals(params.get("consultation"))
                || !participantId.toString().equals(params.get("participant"))) {
            throw invalid();
        }
        long expires;
        try {
            expires = Long.parseLong(params.getOrDefault("expires", ""));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw new BusinessException(410, "consultation.proof.expired");
        }
    }

    private static BusinessException invalid() {
        return BusinessException.invalid("consultation.proof.invalid");
    }
}
