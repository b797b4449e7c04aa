package fr.passerelle.consultation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.altcha.altcha.Altcha;

/** Solves a proof-of-work challenge as the vote page's script does, and writes its ALTCHA payload. */
public final class ProofSolver {

    private ProofSolver() {}

    public static String solve(ParticipantProofs.Challenge c) {
        return solve(c.algorithm(), c.challenge(), c.maxnumber(), c.salt(), c.signature());
    }

    public static String solve(String algorithm, String challenge, long maxNumber, String salt, String signature) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.SHA256, maxNumber, 0L);
            return payload(algorithm, challenge, solution.number, salt, signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ALTCHA payload (base64 JSON) with the given fields, solved or not. */
    public static String payload(String algorithm, String challenge, long number, String salt, String signature) {
        String json = "{\"algorithm\":\"" + algorithm + "\",\"challenge\":\"" + challenge + "\",\"number\":" + number
                + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
