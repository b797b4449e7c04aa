package fr.passerelle.identity.internal;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's sessions: whether one is still current (its security stamp is the account's), the list
 * of their open sessions with the browser and address they were opened from, signing one out, and
 * signing out everywhere. Sessions live in Spring Session's tables, indexed by login name.
 */
@Service
public class UserSessions {

    static final String USER_AGENT = "passerelle.session.userAgent";
    static final String ADDRESS = "passerelle.session.address";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final LoginLookup lookup;
    private final SecurityContextRepository contextRepository;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, JdbcClient jdbc, TransactionTemplate tx,
            AuditLog audit, LoginLookup lookup, SecurityContextRepository contextRepository) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.lookup = lookup;
        this.contextRepository = contextRepository;
    }

    /**
     * One open session of the signed-in user, named by its handle (see {@link #handle}), never by
     * its id: the session cookie carries the id, so the id is a credential.
     */
    public record ActiveSession(String handle, Instant createdAt, Instant lastAccessAt, String userAgent, String address,
            boolean current) {}

    /**
     * Whether a session's user may go on: the account (and its organisation) is still active,
     * nothing that ends sessions happened since the session was opened, and, under the {@code prod}
     * profile, it is not a demo account (a session opened before a switch to production ends too).
     */
    boolean stillCurrent(PasserelleUser user) {
        return jdbc.sql("select security_stamp, active, demo_account from identity_session_state(?)")
                .param(user.userId())
                .query((rs, n) -> rs.getBoolean("active") && rs.getLong("security_stamp") == user.securityStamp()
                        && !(lookup.production() && rs.getBoolean("demo_account")))
                .optional()
                .orElse(false);
    }

    /**
     * The opaque name of a session on the page of sessions and in its sign-out URL: the SHA-256 of
     * its id, the same on every node, from which the id (a credential) cannot be recovered.
     */
    static String handle(String sessionId) {
        return ApiTokens.hash(sessionId);
    }

    /** Remembers where a session was opened from, for the list of sessions. */
    void recordDevice(HttpServletRequest request) {
        HttpSession session = request.getSession();
        String agent = Objects.requireNonNullElse(request.getHeader("User-Agent"), "");
        session.setAttribute(USER_AGENT, agent.length() > 300 ? agent.substring(0, 300) : agent);
        session.setAttribute(ADDRESS, request.getRemoteAddr());
    }

    /** The user's signed-in sessions (second factor done, still current), the most recently used first. */
    public List<ActiveSession> list(PasserelleUser user, String currentSessionId) {
        long stamp = currentStamp(user);
        return sessions.findByPrincipalName(user.getUsername()).values().stream()
                .filter(s -> signedInUser(s).filter(u -> u.userId().equals(user.userId())
                        && u.securityStamp() == stamp).isPresent())
                .map(s -> new ActiveSession(handle(s.getId()), s.getCreationTime(), s.getLastAccessedTime(),
                        s.getAttribute(USER_AGENT), s.getAttribute(ADDRESS), s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(ActiveSession::lastAccessAt).reversed())
                .toList();
    }

    /**
     * Ends one of the user's own sessions, named by its handle; false when no session of theirs
     * (still open) has that handle.
     */
    public boolean signOut(PasserelleUser user, String handle) {
        Optional<? extends Session> session = sessions.findByPrincipalName(user.getUsername()).values().stream()
                .filter(s -> handle(s.getId()).equals(handle))
                .filter(s -> signedInUser(s).filter(u -> u.userId().equals(user.userId())).isPresent())
                .findFirst();
        if (session.isEmpty()) {
            return false;
        }
        sessions.deleteById(session.get().getId());
        audit(user, "session.signed_out", Map.of());
        return true;
    }

    /**
     * Ends every session of the user, this one included, on every node: they are deleted from the
     * shared session store (a request in flight on one of them cannot store it again), and the
     * account's security stamp is raised, which also ends any session missing from the store's
     * index of login names at its next request.
     */
    public void signOutEverywhere(PasserelleUser user) {
        sessions.findByPrincipalName(user.getUsername()).keySet().forEach(sessions::deleteById);
        TenantContext.runAs(user.organisationId(), () -> tx.executeWithoutResult(status -> {
            jdbc.sql("update app_user set security_stamp = security_stamp + 1 where id = ?").param(user.userId())
                    .update();
            auditNow(user, "session.signed_out_everywhere", Map.of());
        }));
    }

    /**
     * Keeps the current session after a change that ended the user's sessions (their own new
     * password): the user is loaded again, with the new stamp, into this session only.
     */
    public void renew(PasserelleUser user, HttpServletRequest request, HttpServletResponse response) {
        PasserelleUser fresh = lookup.find(user.getUsername()).filter(u -> u.userId().equals(user.userId()))
                .orElseThrow();
        fresh.eraseCredentials();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    private long currentStamp(PasserelleUser user) {
        return jdbc.sql("select security_stamp from identity_session_state(?)").param(user.userId())
                .query(Long.class).optional().orElse(-1L);
    }

    /** Records an event of the user's own account in the audit trail, in a transaction of its own. */
    void audit(PasserelleUser user, String action, Map<String, ?> details) {
        TenantContext.runAs(user.organisationId(), () -> tx.executeWithoutResult(status -> auditNow(user, action, details)));
    }

    private void auditNow(PasserelleUser user, String action, Map<String, ?> details) {
        audit.append(new AuditLog.AuditEntry(user.organisationId(), user.userId(), user.displayName(), action,
                "user", user.userId().toString(), details));
    }

    /** The fully signed-in user a stored session holds, if any. */
    private static Optional<PasserelleUser> signedInUser(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext c) {
            Authentication a = c.getAuthentication();
            if (a != null && !(a instanceof MfaPendingAuthentication) && a.getPrincipal() instanceof PasserelleUser u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
