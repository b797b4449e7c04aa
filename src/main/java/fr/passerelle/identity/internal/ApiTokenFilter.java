package fr.passerelle.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by the bearer token it carries (converter + provider), for this request
 * only. Unlike Spring Security's {@code AuthenticationFilter} it leaves any HTTP session alone (no
 * session id change), so a browser page calling the API with a token (Swagger UI) keeps its
 * session. A request without a token goes on unauthenticated by this filter; a wrong token ends
 * in the failure handler, whatever session comes with it.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final RequestMatcher paths;
    private final AuthenticationConverter converter;
    private final AuthenticationProvider provider;
    private final AuthenticationFailureHandler failure;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    ApiTokenFilter(RequestMatcher paths, AuthenticationConverter converter, AuthenticationProvider provider,
            AuthenticationFailureHandler failure) {
        this.paths = paths;
        this.converter = converter;
        this.provider = provider;
        this.failure = failure;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication presented = paths.matches(request) ? converter.convert(request) : null;
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authenticated;
        try {
            authenticated = provider.authenticate(presented);
        } catch (AuthenticationException e) {
            holder.clearContext();
            failure.onAuthenticationFailure(request, response, e);
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authenticated);
        holder.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
