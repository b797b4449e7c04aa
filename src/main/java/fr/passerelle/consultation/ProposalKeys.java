package fr.passerelle.consultation;

import fr.passerelle.shared.ConfiguredSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Server-signed proposal keys (CONSULTATION.md, "Trust and anti-fraud"): every proposal sent to a
 * participant carries HMAC-SHA256(secret, proposal id ‖ participant id ‖ location). A vote that
 * comes back with the right key is trusted; the location tells whether it was shown in a sequence.
 * Also signs, with the same secret and another purpose prefix each, the participant cookie and the
 * rephrase link of a refusal mail.
 */
@Component
public class ProposalKeys {

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    ProposalKeys(ConsultationProperties properties, Environment environment) {
        ConfiguredSecrets.refusePlaceholder("passerelle.consultation.key-secret", "PASSERELLE_CONSULTATION_SECRET",
                properties.keySecret());
        byte[] bytes;
        if (properties.keySecret() == null || properties.keySecret().isBlank()) {
            if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
                throw new IllegalStateException("Set PASSERELLE_CONSULTATION_SECRET (passerelle.consultation.key-secret):"
                        + " the secret of the consultation's signed keys and participant cookies.");
            }
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            LoggerFactory.getLogger(ProposalKeys.class).warn("No passerelle.consultation.key-secret set: using a random"
                    + " one, participant cookies will not survive a restart.");
        } else {
            bytes = properties.keySecret().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 16) {
                throw new IllegalStateException("passerelle.consultation.key-secret must be at least 16 bytes long.");
            }
        }
        this.secret = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Where a proposal was shown; a key signed for one location does not validate another. */
    public enum Location {
        SEQUENCE, PROPOSAL;

        public static Location parse(String value) {
            if (value == null) {
                return null;
            }
            for (Location l : values()) {
                if (l.name().equalsIgnoreCase(value)) {
                    return l;
                }
            }
            return null;
        }
    }

    /** The key of a proposal shown to a participant at a location. */
    public String sign(UUID proposalId, UUID participantId, Location location) {
        return hmac(proposalId + "|" + participantId + "|" + location.name());
    }

    /** Whether a key is the one issued for this proposal, participant and location (constant time). */
    public boolean verify(UUID proposalId, UUID participantId, Location location, String key) {
        if (key == null || location == null || key.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(sign(proposalId, participantId, location).getBytes(StandardCharsets.US_ASCII),
                key.getBytes(StandardCharsets.US_ASCII));
    }

    /** A signature of a participant cookie value. */
    public String signCookie(UUID consultationId, UUID participantId) {
        return hmac("participant|" + consultationId + "|" + participantId);
    }

    /**
     * The token of the rephrase link mailed to the author of a refused proposal: whoever holds the
     * mail may rephrase that proposal (and only that one), from any device.
     */
    public String signRephrase(UUID consultationId, UUID proposalId) {
        return hmac("rephrase|" + consultationId + "|" + proposalId);
    }

    /** Whether a rephrase token is the one issued for this proposal of this consultation (constant time). */
    public boolean verifyRephrase(UUID consultationId, UUID proposalId, String token) {
        if (token == null || token.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(signRephrase(consultationId, proposalId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A keyed hash of a client address or network ({@code kind} tells which): counts issues per
     * address and finds bursts without keeping the address.
     */
    public String signAddress(String kind, String value) {
        return hmac("address|" + kind + "|" + value);
    }

    /** The HMAC key of the proof-of-work challenges, derived from the secret. */
    String proofKey() {
        return hmac("proof-of-work");
    }

    private String hmac(String message) {
        // doFinal resets the Mac for the next message of the same thread.
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** One initialised Mac per thread: looking the algorithm up costs more than the HMAC itself. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
