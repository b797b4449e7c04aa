package fr.passerelle.identity.internal;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.audit.AuditLog.AuditEntry;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of signing in: password accepted → second factor (when required) → signed in.
 * Records every success and failure in the audit trail and feeds the login throttle.
 */
@Component
public class SignInFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Session attribute: the login name an unlock link was opened for in this browser. */
    static final String UNLOCKED = "passerelle.login.unlocked";
    private static final String UNLOCKED_FAILURES_SO_FAR = "passerelle.login.unlockedFailures";
    /** Failed attempts an unlocked browser may make before the delays apply to it again. */
    static final int UNLOCKED_FAILURES = 3;

    private final SecurityContextRepository contextRepository;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final LoginThrottle throttle;
    private final LoginLookup lookup;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final UserSessions sessions;

    SignInFlow(SecurityContextRepository contextRepository, LoginThrottle throttle, LoginLookup lookup,
            AuditLog audit, JdbcClient jdbc, TransactionTemplate tx, Clock clock, UserSessions sessions) {
        this.contextRepository = contextRepository;
        this.throttle = throttle;
        this.lookup = lookup;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * The password was right: ask for the second factor, or finish. The login name's failures are
     * forgotten only when the sign-in completes, so guessing second factors after a right password
     * keeps counting towards its delay.
     */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        PasserelleUser user = (PasserelleUser) authentication.getPrincipal();
        if (user.mfaRequired()) {
            saveContext(new MfaPendingAuthentication(user), request, response);
            sessions.audit(user, "login.password_accepted", Map.of());
            response.sendRedirect(request.getContextPath() + (user.mfaEnrolled() ? "/mfa/verify" : "/mfa/enrol"));
            return;
        }
        complete(user, request, response, "password");
    }

    /**
     * The details of a sign-in attempt, built by the form sign-in filter for every request it
     * processes, before the password is examined: the attempt is refused here while its login name
     * or its client address is still waiting out the delay earned by previous failures (the name's
     * delay does not apply in a browser that opened an unlock link for it). Being part of the
     * authentication itself, the check holds whatever shape of URL reached the sign-in filter.
     *
     * @throws LoginThrottledException while a delay runs
     */
    WebAuthenticationDetails throttledDetails(HttpServletRequest request) {
        long seconds = remainingWaitSeconds(request, request.getParameter("username"));
        if (seconds > 0) {
            throw new LoginThrottledException(seconds);
        }
        return new WebAuthenticationDetails(request);
    }

    /**
     * Keeps this session waiting for its second factor after its own enrolment raised the account's
     * security stamp (which ends every other session): the user is loaded again, with the new stamp.
     */
    public void renewPending(PasserelleUser user, HttpServletRequest request, HttpServletResponse response) {
        PasserelleUser fresh = lookup.find(user.getUsername()).filter(u -> u.userId().equals(user.userId()))
                .orElseThrow();
        fresh.eraseCredentials();
        saveContext(new MfaPendingAuthentication(fresh), request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.seconds());
            return;
        }
        String login = LoginThrottle.key(request.getParameter("username"));
        throttle.recordFailure(login, request.getRemoteAddr());
        countUnlockedFailure(request, login);
        auditAttempt(login, "login.failure");
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Records a sign-in event (a failed password or second factor, an unlock) against the login name. */
    public void auditAttempt(String login, String action) {
        var user = lookup.find(login).orElse(null);
        audit.append(new AuditEntry(user == null ? null : user.organisationId(),
                user == null ? null : user.userId(), login, action, "user",
                user == null ? null : user.userId().toString(), Map.of()));
    }

    /** A wrong second factor counts as a failed sign-in for the throttle. */
    public void recordMfaFailure(PasserelleUser user, HttpServletRequest request) {
        throttle.recordFailure(user.getUsername(), request.getRemoteAddr());
        countUnlockedFailure(request, user.getUsername());
        auditAttempt(user.getUsername(), "mfa.failure");
    }

    /**
     * Seconds a sign-in attempt of a login name from this request's client must still wait: the
     * longer of the address's and the name's delays; none in a browser that opened an unlock link
     * for that name (until it fails {@value #UNLOCKED_FAILURES} times there), so that neither a
     * colleague's typing nor someone hammering the name or the shared address keeps its owner out.
     */
    public long remainingWaitSeconds(HttpServletRequest request, String login) {
        if (unlocked(request, login)) {
            return 0;
        }
        Duration wait = throttle.remainingAddressWait(request.getRemoteAddr());
        Duration nameWait = throttle.remainingWait(login);
        wait = nameWait.compareTo(wait) > 0 ? nameWait : wait;
        long millis = wait.toMillis();
        return millis == 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }

    /** This browser opened an unlock link for the login name: the delays no longer apply to it here. */
    void unlock(HttpServletRequest request, String login) {
        throttle.reset(login);
        HttpSession session = request.getSession();
        session.setAttribute(UNLOCKED, LoginThrottle.key(login));
        session.setAttribute(UNLOCKED_FAILURES_SO_FAR, 0);
        auditAttempt(login, "login.unlocked");
    }

    private static boolean unlocked(HttpServletRequest request, String login) {
        HttpSession session = request.getSession(false);
        return session != null && LoginThrottle.key(login).equals(session.getAttribute(UNLOCKED))
                && session.getAttribute(UNLOCKED_FAILURES_SO_FAR) instanceof Integer failures
                && failures < UNLOCKED_FAILURES;
    }

    /** A failure in a browser holding an unlock for that login name uses up one of its attempts. */
    private static void countUnlockedFailure(HttpServletRequest request, String login) {
        HttpSession session = request.getSession(false);
        if (session != null && LoginThrottle.key(login).equals(session.getAttribute(UNLOCKED))
                && session.getAttribute(UNLOCKED_FAILURES_SO_FAR) instanceof Integer failures) {
            session.setAttribute(UNLOCKED_FAILURES_SO_FAR, failures + 1);
        }
    }

    /** Signs the user in fully, with a new session id, and sends them where they were going. */
    public void complete(PasserelleUser user, HttpServletRequest request, HttpServletResponse response, String method)
            throws IOException {
        throttle.reset(user.getUsername());
        request.changeSessionId();
        sessions.recordDevice(request);
        request.getSession().removeAttribute(UNLOCKED);
        request.getSession().removeAttribute(UNLOCKED_FAILURES_SO_FAR);
        saveContext(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()),
                request, response);
        TenantContext.runAs(user.organisationId(), () -> tx.executeWithoutResult(status -> {
            jdbc.sql("update app_user set last_login_at = ? where id = ?")
                    .param(Timestamp.from(clock.instant()))
                    .param(user.userId())
                    .update();
            audit.append(new AuditEntry(user.organisationId(), user.userId(), user.displayName(),
                    "login.success", "user", user.userId().toString(), Map.of("method", method)));
        }));
        SavedRequest saved = requestCache.getRequest(request, response);
        String target = saved != null && !saved.getRedirectUrl().contains("/mfa") ? saved.getRedirectUrl()
                : request.getContextPath() + "/";
        requestCache.removeRequest(request, response);
        response.sendRedirect(target);
    }

    private void saveContext(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
