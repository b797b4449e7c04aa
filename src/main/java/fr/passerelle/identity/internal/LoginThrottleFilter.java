package fr.passerelle.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt, before the password is even examined, while its login name or its
 * client address is still waiting out the delay earned by previous failures (the login name's
 * delay does not apply in a browser that opened an unlock link for it).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final SignInFlow signIn;

    LoginThrottleFilter(SignInFlow signIn) {
        this.signIn = signIn;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long seconds = signIn.remainingWaitSeconds(request, request.getParameter("username"));
        if (seconds > 0) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
