package fr.passerelle.identity.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Time-based one-time passwords (RFC 6238) for association staff: enrolment with a QR code,
 * verification, single-use recovery codes, and reset by an administrator. A code is accepted in
 * its 30-second time step or the one before or after (clock drift), and only once: the time step
 * of the last accepted code is kept per account and a code of that step or an earlier one is
 * refused (RFC 6238, section 5.2), so one code cannot open two sessions.
 */
@Service
public class MfaService {

    private static final int RECOVERY_CODES = 10;
    private static final int PERIOD_SECONDS = 30;
    /** Time steps accepted either side of the current one. */
    private static final int ALLOWED_DRIFT = 1;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final String issuer;
    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final Clock clock;

    MfaService(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.issuer = properties.mfa().issuer();
        this.clock = clock;
    }

    /** A new secret and the QR code that carries it to an authenticator app. */
    public Enrolment newEnrolment(PasserelleUser user) {
        String secret = new DefaultSecretGenerator(32).generate();
        return new Enrolment(secret, qrFor(user, secret));
    }

    /** The QR code (data URI of a PNG) that carries a secret to an authenticator app. */
    public String qrFor(PasserelleUser user, String secret) {
        QrData data = new QrData.Builder()
                .label(user.getUsername())
                .secret(secret)
                .issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD_SECONDS)
                .build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the enrolment QR code", e);
        }
    }

    /**
     * Confirms enrolment when the code matches the new secret and the account has no second factor
     * yet (a stale session still waiting to enrol cannot replace one); returns the recovery codes to
     * show once, or an empty list when the code is wrong. The account's security stamp is raised,
     * so any other session still waiting for its second factor ends; the enrolling session carries
     * on with {@link SignInFlow#renewPending}.
     */
    public List<String> confirmEnrolment(PasserelleUser user, String secret, String code) {
        long step = matchingTimeStep(secret, normalise(code));
        if (step < 0) {
            return List.of();
        }
        String[] codes = new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES);
        boolean enrolled = TenantContext.callAs(user.organisationId(), () -> tx.execute(status -> {
            if (jdbc.sql("""
                    update app_user set mfa_secret = ?, mfa_enabled = true, mfa_last_time_step = ?,
                                        security_stamp = security_stamp + 1, updated_at = now()
                    where id = ? and not mfa_enabled and (mfa_last_time_step is null or mfa_last_time_step < ?)""")
                    .param(secret).param(step).param(user.userId()).param(step).update() == 0) {
                return false;
            }
            jdbc.sql("delete from mfa_recovery_code where user_id = ?").param(user.userId()).update();
            for (String c : codes) {
                jdbc.sql("insert into mfa_recovery_code (id, user_id, organisation_id, code_hash) values (?, ?, ?, ?)")
                        .param(Ids.newId()).param(user.userId()).param(user.organisationId()).param(ApiTokens.hash(c)).update();
            }
            audit.append(new AuditLog.AuditEntry(user.organisationId(), user.userId(), user.displayName(),
                    "mfa.enrolled", "user", user.userId().toString(), Map.of()));
            return true;
        }));
        return enrolled ? List.of(codes) : List.of();
    }

    /** Checks a one-time password, or else an unused recovery code (which is then spent). */
    public boolean verify(PasserelleUser user, String code) {
        String normalised = normalise(code);
        return TenantContext.callAs(user.organisationId(), () -> tx.execute(status -> {
            String secret = jdbc.sql("select mfa_secret from app_user where id = ? and mfa_enabled")
                    .param(user.userId()).query(String.class).optional().orElse(null);
            if (secret == null) {
                return false;
            }
            if (normalised.length() == 6) {
                long step = matchingTimeStep(secret, normalised);
                // Accepted once: the step must be later than the last accepted one (checked and
                // recorded in one statement, so two sign-ins racing with one code cannot both win).
                return step >= 0 && jdbc.sql("""
                        update app_user set mfa_last_time_step = ?
                        where id = ? and (mfa_last_time_step is null or mfa_last_time_step < ?)""")
                        .param(step).param(user.userId()).param(step).update() == 1;
            }
            // Spent once: "unused" is part of the update's own condition, re-checked on the locked
            // row, so two sign-ins racing with one recovery code cannot both win.
            boolean spent = !jdbc.sql("""
                    update mfa_recovery_code set used_at = now()
                    where user_id = ? and code_hash = ? and used_at is null
                    returning id""")
                    .param(user.userId()).param(ApiTokens.hash(code == null ? "" : code.trim().toLowerCase(Locale.ROOT)))
                    .query(UUID.class).list().isEmpty();
            if (spent) {
                audit.append(new AuditLog.AuditEntry(user.organisationId(), user.userId(), user.displayName(),
                        "mfa.recovery_code_used", "user", user.userId().toString(), Map.of()));
                return true;
            }
            return false;
        }));
    }

    /**
     * Removes a user's second factor so that they enrol again at next sign-in (admin action); their
     * sessions end. The last accepted time step stays: a code is never accepted twice.
     */
    public void reset(UUID userId) {
        jdbc.sql("""
                update app_user set mfa_secret = null, mfa_enabled = false, security_stamp = security_stamp + 1,
                                    updated_at = now()
                where id = ?""")
                .param(userId).update();
        jdbc.sql("delete from mfa_recovery_code where user_id = ?").param(userId).update();
        audit.record("mfa.reset", "user", userId, Map.of());
    }

    /**
     * The time step (RFC 6238: Unix time / 30 s) whose code is the given one, among the current
     * step and its neighbours, the latest first; -1 when none matches.
     */
    long matchingTimeStep(String secret, String code) {
        if (code.length() != 6 || secret == null) {
            return -1;
        }
        long current = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = current + ALLOWED_DRIFT; step >= current - ALLOWED_DRIFT; step--) {
            try {
                if (MessageDigest.isEqual(generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("Could not compute a one-time password", e);
            }
        }
        return -1;
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("\\s", "");
    }

    /** A secret being enrolled and its QR code as a data URI. */
    public record Enrolment(String secret, String qrDataUri) {}
}
