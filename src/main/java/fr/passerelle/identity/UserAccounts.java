package fr.passerelle.identity;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.internal.MfaService;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user accounts of the current organisation: listing, creation, changes, passwords and
 * second-factor resets. Every change is audited; row-level security keeps each organisation to
 * its own accounts.
 */
@Service
public class UserAccounts {

    public static final int PAGE_SIZE = 25;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{3,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final MfaService mfa;
    private final ApiTokens tokens;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, MfaService mfa, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.mfa = mfa;
        this.tokens = tokens;
    }

    /** One line of the user list. */
    public record UserSummary(UUID id, String username, String displayName, String email, String serviceName,
            List<String> roles, boolean enabled, boolean mfaEnabled, Instant lastLoginAt) {}

    /** A user account as an administrator edits it. */
    public record UserDetail(UUID id, String username, String displayName, String email, UUID serviceId,
            List<String> roles, boolean enabled, boolean mfaEnabled, boolean demoAccount) {}

    /** What is needed to create an account. */
    public record NewUser(String username, String displayName, String email, String password, UUID serviceId,
            List<String> roles, boolean demoAccount, boolean mfaExempt) {}

    /** What an administrator may change on an account. */
    public record UserChanges(String displayName, String email, UUID serviceId, List<String> roles,
            boolean enabled) {}

    @Transactional(readOnly = true)
    public ResultPage<UserSummary> list(String query, int page) {
        String q = query == null ? "" : query.trim();
        String where = q.isEmpty() ? "" : " where u.username ilike :q or u.display_name ilike :q or u.email ilike :q";
        long total = jdbc.sql("select count(*) from app_user u" + where)
                .param("q", "%" + q + "%").query(Long.class).single();
        List<UserSummary> items = jdbc.sql("""
                select u.id, u.username, u.display_name, u.email, s.name as service_name, u.enabled, u.mfa_enabled,
                       u.last_login_at,
                       array(select r.role_code from user_role r where r.user_id = u.id order by r.role_code) as roles
                from app_user u left join service s on s.id = u.service_id
                """ + where + " order by lower(u.display_name), u.id limit :limit offset :offset")
                .param("q", "%" + q + "%")
                .param("limit", PAGE_SIZE)
                .param("offset", page * PAGE_SIZE)
                .query((rs, n) -> new UserSummary(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), rs.getString("service_name"),
                        List.of((String[]) rs.getArray("roles").getArray()), rs.getBoolean("enabled"),
                        rs.getBoolean("mfa_enabled"),
                        rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant()))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** A user who can be chosen for a task (e.g. the case worker of a measure). */
    public record UserChoice(UUID id, String displayName) {}

    /** Active users of the current organisation holding a role, by name. */
    @Transactional(readOnly = true)
    public List<UserChoice> withRole(String role) {
        return jdbc.sql("""
                select u.id, u.display_name from app_user u
                where u.enabled and exists (select 1 from user_role r where r.user_id = u.id and r.role_code = ?)
                order by lower(u.display_name)""")
                .param(role)
                .query((rs, n) -> new UserChoice(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** A user to be told of something by mail. */
    public record Recipient(UUID id, String displayName, String email) {}

    /** Active users of the current organisation holding any of the roles (e.g. to tell them of a decision). */
    @Transactional(readOnly = true)
    public List<Recipient> withAnyRole(java.util.Collection<String> roles) {
        return jdbc.sql("""
                select u.id, u.display_name, u.email from app_user u
                where u.enabled and exists (select 1 from user_role r where r.user_id = u.id and r.role_code in (:roles))
                order by u.id""")
                .param("roles", roles)
                .query((rs, n) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A user who receives the daily digest of their deadlines. */
    public record DigestRecipient(UUID id, String displayName, String email) {}

    /** Active users of the current organisation who have not turned the daily digest off. */
    @Transactional(readOnly = true)
    public List<DigestRecipient> digestRecipients() {
        return jdbc.sql("select id, display_name, email from app_user where enabled and digest_enabled order by id")
                .query((rs, n) -> new DigestRecipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Whether the signed-in user receives the daily digest. */
    @Transactional(readOnly = true)
    public boolean ownDigestEnabled() {
        UUID me = TenantContext.currentPrincipal().orElseThrow().userId();
        return jdbc.sql("select digest_enabled from app_user where id = ?").param(me).query(Boolean.class).single();
    }

    /** The signed-in user turns their daily digest on or off. */
    @Transactional
    public void setOwnDigest(boolean enabled) {
        UUID me = TenantContext.currentPrincipal().orElseThrow().userId();
        jdbc.sql("update app_user set digest_enabled = ?, updated_at = now() where id = ?").param(enabled).param(me).update();
        audit.record("user.digest_" + (enabled ? "on" : "off"), "user", me, Map.of());
    }

    /** Active users of the current organisation holding a role, by lower-case login (for imports). */
    @Transactional(readOnly = true)
    public Map<String, UUID> loginsWithRole(String role) {
        Map<String, UUID> logins = new LinkedHashMap<>();
        jdbc.sql("""
                select lower(u.username), u.id from app_user u
                where u.enabled and exists (select 1 from user_role r where r.user_id = u.id and r.role_code = ?)""")
                .param(role)
                .query((rs, n) -> logins.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        return logins;
    }

    /** The users of the same service as the given user (including them); empty when they have no service. */
    @Transactional(readOnly = true)
    public List<UUID> sameServiceAs(UUID userId) {
        return jdbc.sql("""
                select u.id from app_user u
                where u.service_id is not null and u.service_id = (select me.service_id from app_user me where me.id = ?)""")
                .param(userId).query(UUID.class).list();
    }

    /** The login of every user of the current organisation, by id (for exports). */
    @Transactional(readOnly = true)
    public Map<UUID, String> usernames() {
        Map<UUID, String> logins = new LinkedHashMap<>();
        jdbc.sql("select id, username from app_user")
                .query((rs, n) -> logins.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return logins;
    }

    /** Display names of users of the current organisation, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        // One array parameter, whatever the number of ids: one prepared statement (and plan) for every call.
        jdbc.sql("select id, display_name from app_user where id = any(?)").param(ids.toArray(UUID[]::new))
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return names;
    }

    @Transactional(readOnly = true)
    public UserDetail get(UUID id) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.email, u.service_id, u.enabled, u.mfa_enabled, u.demo_account,
                       array(select r.role_code from user_role r where r.user_id = u.id order by r.role_code) as roles
                from app_user u where u.id = ?""")
                .param(id)
                .query((rs, n) -> new UserDetail(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), rs.getObject("service_id", UUID.class),
                        List.of((String[]) rs.getArray("roles").getArray()), rs.getBoolean("enabled"),
                        rs.getBoolean("mfa_enabled"), rs.getBoolean("demo_account")))
                .optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** Creates an account in the current organisation. */
    @Transactional
    public UUID create(NewUser user) {
        UUID organisationId = currentOrganisation();
        OrganisationKind kind = organisationKind(organisationId);
        String username = user.username() == null ? "" : user.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new FieldRefusal("username", "user.username.invalid");
        }
        if (Boolean.TRUE.equals(jdbc.sql("select identity_username_taken(?)").param(username).query(Boolean.class).single())) {
            throw new FieldRefusal("username", "user.username.taken");
        }
        checkProfile(user.displayName(), user.email());
        PasswordPolicy.check("password", user.password(), username);
        checkRoles(kind, user.roles());
        checkService(user.serviceId());
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into app_user (id, organisation_id, service_id, username, email, display_name, password_hash,
                                      demo_account, mfa_exempt)
                values (:id, :org, :service, :username, :email, :name, :hash, :demo, :exempt)""")
                .param("id", id).param("org", organisationId).param("service", user.serviceId())
                .param("username", username).param("email", user.email().trim())
                .param("name", user.displayName().trim()).param("hash", encoder.encode(user.password()))
                .param("demo", user.demoAccount()).param("exempt", user.demoAccount() && user.mfaExempt())
                .update();
        setRoles(id, organisationId, user.roles());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("roles", user.roles());
        audit.record("user.created", "user", id, details);
        return id;
    }

    @Transactional
    public void update(UUID id, UserChanges changes) {
        UUID organisationId = currentOrganisation();
        UserDetail before = get(id);
        checkProfile(changes.displayName(), changes.email());
        checkRoles(organisationKind(organisationId), changes.roles());
        checkService(changes.serviceId());
        TenantContext.currentPrincipal().ifPresent(me -> {
            if (me.userId().equals(id) && !changes.enabled()) {
                throw new FieldRefusal("enabled", "user.cannotDisableSelf");
            }
        });
        // What the account may do changes: its sessions end at their next request.
        boolean accessChanged = before.enabled() != changes.enabled()
                || !java.util.Objects.equals(before.serviceId(), changes.serviceId())
                || !new java.util.HashSet<>(before.roles()).equals(new java.util.HashSet<>(changes.roles()));
        jdbc.sql("""
                update app_user set display_name = :name, email = :email, service_id = :service, enabled = :enabled,
                                    security_stamp = security_stamp + :stamp, updated_at = now()
                where id = :id""")
                .param("name", changes.displayName().trim()).param("email", changes.email().trim())
                .param("service", changes.serviceId()).param("enabled", changes.enabled())
                .param("stamp", accessChanged ? 1 : 0).param("id", id)
                .update();
        setRoles(id, organisationId, changes.roles());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rolesBefore", before.roles());
        details.put("roles", changes.roles());
        details.put("enabled", changes.enabled());
        audit.record("user.updated", "user", id, details);
    }

    /**
     * Sets a new password chosen by an administrator: every session of the account ends and its
     * API tokens are revoked (whoever held the old password may have made one).
     */
    @Transactional
    public void setPassword(UUID id, String password) {
        storePassword(id, password);
        tokens.revokeAllOf(id, "password_set");
    }

    /** Stores a new password; every session of the account ends (the caller renews its own, if any). */
    private void storePassword(UUID id, String password) {
        UserDetail user = get(id);
        PasswordPolicy.check("password", password, user.username());
        jdbc.sql("update app_user set password_hash = ?, security_stamp = security_stamp + 1, updated_at = now() where id = ?")
                .param(encoder.encode(password)).param(id).update();
        audit.record("user.password_set", "user", id, Map.of());
    }

    /**
     * The signed-in user changes their own password, proving they know the current one. Their other
     * sessions end; the web layer renews the current one.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UUID me = TenantContext.currentPrincipal().orElseThrow().userId();
        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(me).query(String.class).single();
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new FieldRefusal("currentPassword", "account.password.wrongCurrent");
        }
        storePassword(me, newPassword);
    }

    /** Resets a user's second factor (they enrol again): their sessions end and their API tokens are revoked. */
    @Transactional
    public void resetMfa(UUID id) {
        get(id);
        mfa.reset(id);
        tokens.revokeAllOf(id, "mfa_reset");
    }

    private void setRoles(UUID userId, UUID organisationId, List<String> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(userId).update();
        for (String role : roles) {
            jdbc.sql("insert into user_role (user_id, organisation_id, role_code) values (?, ?, ?)")
                    .param(userId).param(organisationId).param(role).update();
        }
    }

    private void checkProfile(String displayName, String email) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new FieldRefusal("displayName", "user.displayName.invalid");
        }
        if (email == null || email.length() > 200 || !EMAIL.matcher(email.trim()).matches()) {
            throw new FieldRefusal("email", "user.email.invalid");
        }
    }

    private static void checkRoles(OrganisationKind kind, List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new FieldRefusal("roles", "user.roles.required");
        }
        List<String> allowed = new ArrayList<>(Roles.forKind(kind));
        if (!allowed.containsAll(roles)) {
            throw new FieldRefusal("roles", "user.roles.invalid");
        }
    }

    private void checkService(UUID serviceId) {
        if (serviceId != null && jdbc.sql("select count(*) from service where id = ?").param(serviceId)
                .query(Long.class).single() == 0) {
            throw new FieldRefusal("serviceId", "user.service.invalid");
        }
    }

    private OrganisationKind organisationKind(UUID organisationId) {
        return OrganisationKind.valueOf(jdbc.sql("select kind from organisation where id = ?")
                .param(organisationId).query(String.class).single());
    }

    private static UUID currentOrganisation() {
        return TenantContext.currentOrganisationId()
                .orElseThrow(() -> new IllegalStateException("No organisation in context"));
    }
}
