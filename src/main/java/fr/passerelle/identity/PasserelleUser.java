package fr.passerelle.identity;

import fr.passerelle.shared.TenantPrincipal;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user: who they are, their organisation (tenant), their roles and the permissions
 * those roles grant. Stored in the HTTP session, hence serializable and free of secrets once
 * sign-in is complete.
 */
public final class PasserelleUser implements UserDetails, CredentialsContainer, TenantPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID organisationId;
    private final OrganisationKind organisationKind;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean mfaRequired;
    private final boolean mfaEnrolled;
    private final List<String> roles;
    private final Set<String> permissions;
    /** The account's security stamp when this user was loaded: a session holding an older one has ended. */
    private final long securityStamp;

    public PasserelleUser(UUID userId, UUID organisationId, OrganisationKind organisationKind, String username,
            String displayName, String passwordHash, boolean enabled, boolean mfaRequired, boolean mfaEnrolled,
            List<String> roles, Set<String> permissions, long securityStamp) {
        this.userId = userId;
        this.organisationId = organisationId;
        this.organisationKind = organisationKind;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mfaRequired = mfaRequired;
        this.mfaEnrolled = mfaEnrolled;
        this.roles = List.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
        this.securityStamp = securityStamp;
    }

    public long securityStamp() {
        return securityStamp;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public UUID organisationId() {
        return organisationId;
    }

    public OrganisationKind organisationKind() {
        return organisationKind;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public boolean mfaRequired() {
        return mfaRequired;
    }

    public boolean mfaEnrolled() {
        return mfaEnrolled;
    }

    public List<String> roles() {
        return roles;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Authorities are the permissions plus the roles prefixed with {@code ROLE_}. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Stream.concat(permissions.stream(), roles.stream().map(r -> "ROLE_" + r))
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasserelleUser other && other.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "PasserelleUser[" + username + "]";
    }
}
