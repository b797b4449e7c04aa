package fr.passerelle.shared.db;

import fr.passerelle.shared.TenantContext;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Acts on behalf of another organisation inside the current transaction (e.g. creating the
 * first administrator of a new association), switching the database setting too and restoring
 * it afterwards.
 */
@Component
public class TenantScope {

    private final JdbcClient jdbc;

    TenantScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public <T> T callAs(UUID organisationId, Supplier<T> work) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        UUID previous = TenantContext.currentOrganisationId().orElse(null);
        return TenantContext.callAs(organisationId, () -> {
            if (inTransaction) {
                set(organisationId);
            }
            try {
                return work.get();
            } finally {
                if (inTransaction) {
                    set(previous);
                }
            }
        });
    }

    private void set(UUID organisationId) {
        jdbc.sql("select set_config('" + TenantAwareTransactionManager.ORGANISATION_SETTING + "', ?, true)")
                .param(organisationId == null ? "" : organisationId.toString())
                .query(String.class)
                .single();
    }
}
