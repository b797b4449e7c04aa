package fr.passerelle.identity.internal;

import fr.passerelle.identity.PasserelleUser;
import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user who gave the right password but not yet the second factor: grants no authority and
 * opens only the multi-factor pages.
 */
final class MfaPendingAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final PasserelleUser user;

    MfaPendingAuthentication(PasserelleUser user) {
        super(List.of(new SimpleGrantedAuthority("MFA_PENDING")));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public PasserelleUser getPrincipal() {
        return user;
    }
}
