package fr.passerelle.partners;

import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Partners written directly under the application role and the association's tenant, for the conventions' tests. */
public final class PartnerFixtures {

    private PartnerFixtures() {}

    /** A partner of the association, as the directory would hold it. */
    public static UUID givenAPartner(JdbcClient jdbc, TransactionTemplate tx, UUID organisation, String name, String type) {
        UUID id = Ids.newId();
        TenantContext.runAs(organisation, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, ?, now(), ?, now())""").params(id, organisation, name, type, UUID.randomUUID()).update()));
        return id;
    }
}
