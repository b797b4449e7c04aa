package fr.passerelle.shared.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the signed-in user may do, for templates ({@code ${@perm.has('measure:read')}}): the
 * navigation asks it a dozen times per page, and a security expression per question cost more than
 * the rest of the navigation. The authorities are read once per request. Showing or hiding a link
 * is comfort only: every endpoint checks its own permission.
 */
@Component("perm")
public class Permissions {

    private static final String ATTRIBUTE = Permissions.class.getName() + ".authorities";

    /** Whether the user holds this authority. */
    public boolean has(String authority) {
        return authorities().contains(authority);
    }

    /** Signed in (not anonymous), possibly still owing the second factor. */
    public boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** Signed in with every factor required. */
    public boolean fullySignedIn() {
        return signedIn() && !has("MFA_PENDING");
    }

    @SuppressWarnings("unchecked")
    private Set<String> authorities() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object cached = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return (Set<String>) cached;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> authorities = auth == null ? Set.of()
                : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
        if (request != null) {
            request.setAttribute(ATTRIBUTE, authorities, RequestAttributes.SCOPE_REQUEST);
        }
        return authorities;
    }
}
