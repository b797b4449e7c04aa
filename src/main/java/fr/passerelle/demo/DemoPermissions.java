package fr.passerelle.demo;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo data is written at start-up, with no one signed in: the few module operations that check
 * a permission (the catalogue's tariffs, the review of a report) are called holding just that
 * permission, and the previous authentication is restored afterwards.
 */
final class DemoPermissions {

    private DemoPermissions() {}

    static <T> T callWith(List<String> permissions, Supplier<T> work) {
        return callAs("demo", permissions, work);
    }

    /** As {@link #callWith}, on behalf of a given principal (operations that record who acted). */
    static <T> T callAs(Object principal, List<String> permissions, Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                permissions.stream().map(SimpleGrantedAuthority::new).toList()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
