package fr.passerelle.measures;

import fr.passerelle.identity.OrganisationCreated;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.shared.db.TenantScope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of measure types of the current association: seeded from the default catalogue
 * of DOMAIN.md when the association is created, then the association's own.
 */
@Service
public class MeasureCatalogue {

    private final JdbcClient jdbc;
    private final TenantScope tenantScope;

    MeasureCatalogue(JdbcClient jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    /** One type of measure (e.g. CJSE, TIG) with its field, tracked quantity and billing. */
    public record MeasureType(UUID id, String code, String field, String label, String orderedBy,
            String trackedQuantity, Integer quantityMin, Integer quantityMax, int firstInterviewDays,
            String reportTypes, String billingMode, BigDecimal tariff, boolean active) {}

    @Transactional(readOnly = true)
    public List<MeasureType> types() {
        return jdbc.sql("select * from measure_type order by position, label").query(MeasureCatalogue::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<MeasureType> type(UUID id) {
        return jdbc.sql("select * from measure_type where id = ?").param(id).query(MeasureCatalogue::map).optional();
    }

    /** A new association starts with the default catalogue, in the transaction that creates it. */
    @EventListener
    void seedDefaultCatalogue(OrganisationCreated event) {
        if (event.kind() != OrganisationKind.ASSOCIATION) {
            return;
        }
        tenantScope.callAs(event.organisationId(), () -> jdbc.sql("""
                insert into measure_type (id, organisation_id, code, position, field, label, ordered_by, tracked_quantity,
                                          quantity_min, quantity_max, first_interview_days, report_types, billing_mode)
                select gen_random_uuid(), :org, code, position, field, label, ordered_by, tracked_quantity,
                       quantity_min, quantity_max, first_interview_days, report_types, billing_mode
                from default_measure_type""")
                .param("org", event.organisationId())
                .update());
    }

    private static MeasureType map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MeasureType(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("field"),
                rs.getString("label"), rs.getString("ordered_by"), rs.getString("tracked_quantity"),
                (Integer) rs.getObject("quantity_min"), (Integer) rs.getObject("quantity_max"),
                rs.getInt("first_interview_days"), rs.getString("report_types"), rs.getString("billing_mode"),
                rs.getBigDecimal("tariff"), rs.getBoolean("active"));
    }
}
