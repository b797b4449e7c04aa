package fr.passerelle.observatory;

import fr.passerelle.shared.ConfiguredSecrets;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secret the record keys of the cell-key perturbation are drawn from (ADR 0009):
 * {@code passerelle.observatory.cell-key-secret}, the same on every node, required under the
 * {@code prod} profile (at least 16 bytes). The database receives at start-up a key derived from it
 * (HMAC-SHA256 of a fixed purpose), kept in a table only the owner role reads; when it changes,
 * every measure is counted again with its new key. Elsewhere, a fixed development secret is used,
 * so that restarts and test contexts keep the same keys.
 */
@Component
class RecordKeySecret {

    private static final Logger log = LoggerFactory.getLogger(RecordKeySecret.class);

    /** Used when no secret is configured outside production: public, so it protects nothing. */
    static final String DEVELOPMENT_SECRET = "passerelle-development-cell-key-secret";

    private final byte[] derived;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RecordKeySecret(@Value("${passerelle.observatory.cell-key-secret:}") String secret, Environment environment,
            JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        ConfiguredSecrets.refusePlaceholder("passerelle.observatory.cell-key-secret",
                "PASSERELLE_OBSERVATORY_CELL_KEY_SECRET", secret);
        String chosen = secret;
        if (secret == null || secret.isBlank()) {
            if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
                throw new IllegalStateException("Set PASSERELLE_OBSERVATORY_CELL_KEY_SECRET"
                        + " (passerelle.observatory.cell-key-secret): the secret the national figures' noise is drawn"
                        + " from, the same on every node.");
            }
            log.warn("No passerelle.observatory.cell-key-secret set: using the public development secret, the"
                    + " national figures' noise can be computed by anyone.");
            chosen = DEVELOPMENT_SECRET;
        }
        byte[] bytes = chosen.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 16) {
            throw new IllegalStateException("passerelle.observatory.cell-key-secret must be at least 16 bytes long.");
        }
        this.derived = derive(bytes);
    }

    /**
     * Gives the database the derived key, as the context starts (before the demo data and the
     * refresh job count anything); counts every measure again if it changed.
     */
    @PostConstruct
    void useIt() {
        Boolean changed = transactions.execute(status -> jdbc.sql("select observatory_use_cell_key_secret(?)")
                .param(derived).query(Boolean.class).single());
        if (Boolean.TRUE.equals(changed)) {
            log.info("Observatory: new cell-key secret, every measure queued to be counted again");
        }
    }

    /** The key the database draws record keys from. */
    byte[] derived() {
        return derived.clone();
    }

    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("passerelle observatory record keys".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
