package fr.passerelle.identity.internal;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.audit.AuditLog.AuditEntry;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
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

    private final SecurityContextRepository contextRepository;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final LoginThrottle throttle;
    private final LoginLookup lookup;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    SignInFlow(SecurityContextRepository contextRepository, LoginThrottle throttle, LoginLookup lookup,
            AuditLog audit, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.contextRepository = contextRepository;
        this.throttle = throttle;
        this.lookup = lookup;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** The password was right: ask for the second factor, or finish. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        PasserelleUser user = (PasserelleUser) authentication.getPrincipal();
        throttle.reset(user.getUsername());
        if (user.mfaRequired()) {
            saveContext(new MfaPendingAuthentication(user), request, response);
            auditAs(user, "login.password_accepted", Map.of());
            response.sendRedirect(request.getContextPath() + (user.mfaEnrolled() ? "/mfa/verify" : "/mfa/enrol"));
            return;
        }
        complete(user, request, response, "password");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String login = LoginThrottle.key(request.getParameter("username"));
        throttle.recordFailure(login);
        recordFailure(login, "login.failure");
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Records a failed sign-in (password or second factor) against the login name. */
    public void recordFailure(String login, String action) {
        var user = lookup.find(login).orElse(null);
        audit.append(new AuditEntry(user == null ? null : user.organisationId(),
                user == null ? null : user.userId(), login, action, "user",
                user == null ? null : user.userId().toString(), Map.of()));
    }

    /** A wrong second factor counts as a failed sign-in for the throttle. */
    public void recordMfaFailure(PasserelleUser user) {
        throttle.recordFailure(user.getUsername());
        recordFailure(user.getUsername(), "mfa.failure");
    }

    public long remainingWaitSeconds(String login) {
        long millis = throttle.remainingWait(login).toMillis();
        return millis == 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }

    /** Signs the user in fully, with a new session id, and sends them where they were going. */
    public void complete(PasserelleUser user, HttpServletRequest request, HttpServletResponse response, String method)
            throws IOException {
        request.changeSessionId();
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

    void auditAs(PasserelleUser user, String action, Map<String, ?> details) {
        TenantContext.runAs(user.organisationId(), () -> tx.executeWithoutResult(status ->
                audit.append(new AuditEntry(user.organisationId(), user.userId(), user.displayName(), action,
                        "user", user.userId().toString(), details))));
    }

    private void saveContext(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
