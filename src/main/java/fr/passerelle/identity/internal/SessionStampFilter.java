package fr.passerelle.identity.internal;

import fr.passerelle.identity.PasserelleUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at its first request after the account's access changed: disabled (or its
 * organisation), roles or service changed, password set, second factor reset, "sign out
 * everywhere". The account's security stamp is read on every request of a session and compared
 * with the one the session was opened with; on a difference the session is invalidated and the
 * request goes on anonymous (sent to the sign-in page, or 401 under {@code /api}). API tokens need
 * no such check: their user is loaded afresh at every request.
 */
class SessionStampFilter extends OncePerRequestFilter {

    private final UserSessions sessions;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionStampFilter(UserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PasserelleUser user && !sessions.stillCurrent(user)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            holder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
