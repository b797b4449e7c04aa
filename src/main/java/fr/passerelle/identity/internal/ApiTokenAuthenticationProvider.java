package fr.passerelle.identity.internal;

import fr.passerelle.identity.ApiTokens;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;

/**
 * Checks a personal API token: its hash must belong to a live token (through the
 * {@code identity_find_api_token} database function, since the tenant is not known yet), whose
 * account and organisation are active. The user is then loaded exactly as at sign-in, so the
 * token carries the same permissions and organisation as a session would. Not a bean: a global
 * {@code AuthenticationProvider} bean would replace the password check of the sign-in form.
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final JdbcClient jdbc;
    private final LoginLookup lookup;
    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenAuthenticationProvider(JdbcClient jdbc, LoginLookup lookup, ApiTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = (String) authentication.getCredentials();
        if (secret == null || !secret.startsWith(ApiTokens.PREFIX) || secret.length() > 100) {
            throw new BadCredentialsException("malformed token");
        }
        String hash = ApiTokens.hash(secret);
        record Owner(UUID userId, String username) {}
        Owner owner = jdbc.sql("select user_id, username from identity_find_api_token(?)").param(hash)
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked token"));
        PasserelleUser user = lookup.find(owner.username())
                .filter(u -> u.userId().equals(owner.userId()))
                .orElseThrow(() -> new BadCredentialsException("unknown account"));
        if (!user.isEnabled()) {
            throw new DisabledException("account or organisation disabled");
        }
        user.eraseCredentials();
        TenantContext.runAs(user.organisationId(), () -> tokens.touch(hash, clock.instant()));
        return ApiTokenAuthentication.authenticated(user);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
