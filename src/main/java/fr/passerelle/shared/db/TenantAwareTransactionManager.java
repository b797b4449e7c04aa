package fr.passerelle.shared.db;

import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hands the current organisation (and user) to PostgreSQL at the start of every transaction with
 * {@code set_config(..., true)}, so row-level security policies apply to everything the
 * transaction reads or writes. Without a tenant nothing is set, and tenant tables show no rows.
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    public static final String ORGANISATION_SETTING = "passerelle.organisation_id";
    public static final String USER_SETTING = "passerelle.user_id";

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        Optional<UUID> organisation = TenantContext.currentOrganisationId();
        if (organisation.isEmpty()) {
            return;
        }
        String user = TenantContext.currentPrincipal().map(TenantPrincipal::userId).map(UUID::toString).orElse("");
        try (PreparedStatement ps = con.prepareStatement(
                "select set_config('" + ORGANISATION_SETTING + "', ?, true), set_config('" + USER_SETTING + "', ?, true)")) {
            ps.setString(1, organisation.get().toString());
            ps.setString(2, user);
            ps.execute();
        }
    }
}
