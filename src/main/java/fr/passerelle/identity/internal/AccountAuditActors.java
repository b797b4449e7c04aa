package fr.passerelle.identity.internal;

import fr.passerelle.audit.AuditActors;
import fr.passerelle.audit.AuditTrail;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The audit page's user filter: the accounts of the current organisation (row-level security). */
@Component
class AccountAuditActors implements AuditActors {

    private final JdbcClient jdbc;

    AccountAuditActors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditTrail.Actor> ofCurrentOrganisation() {
        return jdbc.sql("select id, display_name from app_user order by lower(display_name), id")
                .query((rs, n) -> new AuditTrail.Actor(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }
}
