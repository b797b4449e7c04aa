package fr.passerelle.identity.internal;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.PasserelleUser;
import java.sql.Array;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds the account behind a login name before any tenant is known, through the
 * {@code identity_find_login} database function, and builds the signed-in user. Under the
 * {@code prod} profile a demo account is always disabled and no account skips the second factor,
 * whatever {@code passerelle.demo.mfa-exempt} says (see {@link ProductionSafety}).
 */
@Component
class LoginLookup implements UserDetailsService {

    private final JdbcClient jdbc;
    private final boolean demoMfaExemption;
    private final boolean production;

    @org.springframework.beans.factory.annotation.Autowired
    LoginLookup(JdbcClient jdbc, @Value("${passerelle.demo.mfa-exempt:true}") boolean demoMfaExemption,
            org.springframework.core.env.Environment environment) {
        this(jdbc, demoMfaExemption, ProductionSafety.isProduction(environment));
    }

    LoginLookup(JdbcClient jdbc, boolean demoMfaExemption, boolean production) {
        this.jdbc = jdbc;
        this.demoMfaExemption = demoMfaExemption && !production;
        this.production = production;
    }

    /** Whether the {@code prod} profile is active (demo accounts refused, no second-factor exemption). */
    boolean production() {
        return production;
    }

    @Override
    public PasserelleUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }

    Optional<PasserelleUser> find(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return Optional.empty();
        }
        Optional<Row> row = jdbc.sql("select * from identity_find_login(?)")
                .param(username.trim())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organisation_id", UUID.class),
                        OrganisationKind.valueOf(rs.getString("organisation_kind")),
                        rs.getBoolean("organisation_active"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getBoolean("mfa_enabled"),
                        rs.getBoolean("mfa_exempt"),
                        rs.getBoolean("demo_account"),
                        toList(rs.getArray("roles")),
                        rs.getLong("security_stamp")))
                .optional();
        return row.map(this::toUser);
    }

    private PasserelleUser toUser(Row r) {
        Set<String> permissions = r.roles.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                        "select distinct permission from role_permission where role_code in (:roles)")
                .param("roles", r.roles)
                .query(String.class)
                .list());
        boolean exempt = r.mfaExempt && r.demoAccount && demoMfaExemption;
        boolean demoRefused = production && r.demoAccount;
        boolean mfaRequired = r.mfaEnabled || ((r.kind == OrganisationKind.ASSOCIATION || r.kind == OrganisationKind.LOCAL_AUTHORITY) && !exempt);
        return new PasserelleUser(r.id, r.organisationId, r.kind, r.username, r.displayName, r.passwordHash,
                r.enabled && r.organisationActive && !demoRefused, mfaRequired, r.mfaEnabled, r.roles, permissions,
                r.securityStamp);
    }

    private static List<String> toList(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Row(UUID id, UUID organisationId, OrganisationKind kind, boolean organisationActive,
            String username, String displayName, String passwordHash, boolean enabled, boolean mfaEnabled,
            boolean mfaExempt, boolean demoAccount, List<String> roles, long securityStamp) {}
}
