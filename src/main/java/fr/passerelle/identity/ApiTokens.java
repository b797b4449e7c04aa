package fr.passerelle.identity;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens of the signed-in user: created and revoked on their account page, each
 * shown once and kept only as a SHA-256 hash. A token acts as its user (same permissions, same
 * organisation) until it is revoked; revocation takes effect on the next request.
 */
@Service
public class ApiTokens {

    /** Every token starts with this, so that a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "psr_";
    /** A user keeps at most this many live tokens. */
    public static final int MAX_LIVE_TOKENS = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A live token as listed on the account page (never its secret). */
    public record Token(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}

    /** A token just created: the secret is shown to the user once and never again. */
    public record NewToken(UUID id, String name, String secret) {}

    @Transactional(readOnly = true)
    public List<Token> mine() {
        return jdbc.sql("""
                select id, name, created_at, last_used_at from api_token
                where user_id = ? and revoked_at is null order by created_at desc""")
                .param(me().userId())
                .query((rs, n) -> new Token(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Creates a token for the signed-in user; audited (without the secret). */
    @Transactional
    public NewToken create(String name) {
        TenantPrincipal me = me();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new FieldRefusal("name", "apiToken.name.invalid");
        }
        long live = jdbc.sql("select count(*) from api_token where user_id = ? and revoked_at is null")
                .param(me.userId()).query(Long.class).single();
        if (live >= MAX_LIVE_TOKENS) {
            throw new FieldRefusal("name", "apiToken.tooMany", MAX_LIVE_TOKENS);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into api_token (id, organisation_id, user_id, name, token_hash)
                values (?, ?, ?, ?, ?)""")
                .param(id).param(me.organisationId()).param(me.userId()).param(label).param(hash(secret))
                .update();
        audit.record("api_token.created", "api_token", id, Map.of("name", label));
        return new NewToken(id, label, secret);
    }

    /** Revokes one of the signed-in user's tokens; another user's (or an unknown) token is not found. */
    @Transactional
    public void revoke(UUID id) {
        int revoked = jdbc.sql("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .param(id).param(me().userId()).update();
        if (revoked == 0) {
            throw BusinessException.notFound();
        }
        audit.record("api_token.revoked", "api_token", id, Map.of());
    }

    /**
     * Revokes every live token of a user of the current organisation, in the caller's transaction
     * (an administrator set their password or reset their second factor); audited with the reason
     * and the number of tokens.
     */
    @Transactional
    public int revokeAllOf(UUID userId, String reason) {
        int revoked = jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId).update();
        audit.record("api_token.revoked_all", "user", userId, Map.of("reason", reason, "tokens", revoked));
        return revoked;
    }

    /**
     * Notes that a token was used (at most once a minute per token, to spare the database a write
     * per request). Runs in the token owner's organisation.
     */
    @Transactional
    public void touch(String tokenHash, Instant now) {
        jdbc.sql("""
                update api_token set last_used_at = ?
                where token_hash = ? and (last_used_at is null or last_used_at < cast(? as timestamptz) - interval '1 minute')""")
                .param(Timestamp.from(now)).param(tokenHash).param(Timestamp.from(now)).update();
    }

    /** The stored form of a token: SHA-256, hexadecimal. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TenantPrincipal me() {
        return TenantContext.currentPrincipal().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
