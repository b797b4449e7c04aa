package fr.passerelle.identity.internal;

import fr.passerelle.identity.PasserelleUser;
import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a personal API token ({@code Authorization: Bearer ...}): before
 * authentication it holds the presented secret, after it the token's user with their permissions.
 * Lives for one request only, never in a session.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient String secret;
    private final PasserelleUser user;

    private ApiTokenAuthentication(String secret, PasserelleUser user) {
        super(user == null ? List.of() : user.getAuthorities());
        this.secret = secret;
        this.user = user;
        setAuthenticated(user != null);
    }

    static ApiTokenAuthentication unauthenticated(String secret) {
        return new ApiTokenAuthentication(secret, null);
    }

    static ApiTokenAuthentication authenticated(PasserelleUser user) {
        return new ApiTokenAuthentication(null, user);
    }

    @Override
    public Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user == null ? "" : user.getUsername();
    }
}
