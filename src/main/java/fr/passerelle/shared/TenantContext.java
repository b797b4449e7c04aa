package fr.passerelle.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The organisation whose rows the current thread may see. Taken from the signed-in principal,
 * or set explicitly for work done on behalf of an organisation outside a request (login, demo
 * data, scheduled jobs). The transaction manager hands it to PostgreSQL at the start of every
 * transaction, where row-level security enforces it.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();

    private TenantContext() {}

    /** The current organisation, if any; without one, tenant tables show no rows at all. */
    public static Optional<UUID> currentOrganisationId() {
        UUID explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return currentPrincipal().map(TenantPrincipal::organisationId);
    }

    public static Optional<TenantPrincipal> currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Whether the signed-in user holds a named permission (or any authority). */
    public static boolean hasAuthority(String authority) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /** Runs work as the given organisation, restoring the previous context afterwards. */
    public static <T> T callAs(UUID organisationId, Callable<T> work) {
        UUID previous = EXPLICIT.get();
        EXPLICIT.set(organisationId);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(UUID organisationId, Runnable work) {
        callAs(organisationId, () -> {
            work.run();
            return null;
        });
    }
}
