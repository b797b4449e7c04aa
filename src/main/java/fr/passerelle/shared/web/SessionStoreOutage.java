package fr.passerelle.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database: when it cannot be reached, the first attempt to read the session
 * waits for a connection and fails, and the request fails with it. This remembers that failure for
 * the rest of the request, so that nothing waits for the database again: a later attempt of the
 * request fails at once, and the error page (which needs no session) is served without one. Under
 * {@code /api} the answer is a problem detail (503) at once, as a controller's would be.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class SessionStoreOutage extends OncePerRequestFilter {

    private static final String FAILURE = SessionStoreOutage.class.getName() + ".failure";

    private final ApiProblems problems;

    SessionStoreOutage(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(new Remembering(request), response);
        } catch (RuntimeException e) {
            if (!ApiProblems.isApi(request) || response.isCommitted() || !ErrorViews.databaseUnreachable(e)) {
                throw e;
            }
            logger.warn("API request failed, database unreachable: " + request.getMethod() + " "
                    + request.getRequestURI() + ": " + e);
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "api.problem.unavailable");
        }
    }

    private static final class Remembering extends HttpServletRequestWrapper {

        Remembering(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (getAttribute(FAILURE) instanceof RuntimeException failure) {
                if (getDispatcherType() == DispatcherType.ERROR && !create) {
                    return null;
                }
                throw failure;
            }
            try {
                return super.getSession(create);
            } catch (RuntimeException e) {
                if (ErrorViews.databaseUnreachable(e)) {
                    setAttribute(FAILURE, e);
                }
                throw e;
            }
        }
    }
}
