package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.OrganisationCreated;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Permissions;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.TenantScope;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of measure types of the current association: seeded from the default catalogue
 * of DOMAIN.md when the association is created, then the association's own, set by users with
 * {@code catalogue:manage}. A deactivated type is no longer offered for new mandates; the measures
 * that have it keep it. A type in use cannot be deleted.
 */
@Service
public class MeasureCatalogue {

    /** What a type may count (its tracked quantity). */
    public static final List<String> TRACKED_QUANTITIES = List.of("NONE", "HOURS", "DAYS", "SESSIONS", "MONTHS",
            "NIGHTS", "MEETINGS");
    /** How a type is billed to the court (see {@link BillingRules}). */
    public static final List<String> BILLING_MODES = List.of("PER_MEASURE", "PER_DAY", "PER_HOUR", "NONE");

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,5}");

    private final JdbcClient jdbc;
    private final TenantScope tenantScope;
    private final AuditLog audit;

    MeasureCatalogue(JdbcClient jdbc, TenantScope tenantScope, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.audit = audit;
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

    /** A type with the number of measures that have it. */
    public record Entry(MeasureType type, long measures) {}

    /**
     * The settings of a type as typed in the form: numbers are text, so that "120,50" (French
     * decimal comma) or a wrong value gets a clear message rather than a binding error.
     */
    public record Settings(String label, String orderedBy, String trackedQuantity, String quantityMin,
            String quantityMax, String firstInterviewDays, String reportTypes, String billingMode, String tariff) {

        public static Settings of(MeasureType t) {
            return new Settings(t.label(), t.orderedBy(), t.trackedQuantity(), text(t.quantityMin()),
                    text(t.quantityMax()), String.valueOf(t.firstInterviewDays()), t.reportTypes(), t.billingMode(),
                    t.tariff() == null ? null : t.tariff().toPlainString().replace('.', ','));
        }

        private static String text(Integer value) {
            return value == null ? null : value.toString();
        }
    }

    /** Settings once checked, as they are stored. */
    public record Valid(String label, String orderedBy, String trackedQuantity, Integer quantityMin,
            Integer quantityMax, int firstInterviewDays, String reportTypes, String billingMode, BigDecimal tariff) {}

    /** The catalogue for its settings page, filtered by label or code (accents and case ignored). */
    @Transactional(readOnly = true)
    public List<Entry> search(String query) {
        requireManager();
        String q = query == null ? "" : query.strip();
        return jdbc.sql("""
                select t.*, (select count(*) from measure m where m.measure_type_id = t.id) as measures
                from measure_type t
                where immutable_unaccent(lower(t.label || ' ' || t.code)) like
                      '%' || immutable_unaccent(lower(:q)) || '%'
                order by t.position, t.label""")
                .param("q", q.length() > 100 ? q.substring(0, 100) : q)
                .query((rs, n) -> new Entry(map(rs, n), rs.getLong("measures"))).list();
    }

    /** Changes a type's settings; every changed field is audited with its value before and after. */
    @Transactional
    public void update(UUID id, Settings settings) {
        requireManager();
        MeasureType before = lock(id);
        Valid after = validate(settings);
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "label", before.label(), after.label());
        change(changes, "orderedBy", before.orderedBy(), after.orderedBy());
        change(changes, "trackedQuantity", before.trackedQuantity(), after.trackedQuantity());
        change(changes, "quantityMin", before.quantityMin(), after.quantityMin());
        change(changes, "quantityMax", before.quantityMax(), after.quantityMax());
        change(changes, "firstInterviewDays", before.firstInterviewDays(), after.firstInterviewDays());
        change(changes, "reportTypes", before.reportTypes(), after.reportTypes());
        change(changes, "billingMode", before.billingMode(), after.billingMode());
        change(changes, "tariff", before.tariff() == null ? null : before.tariff().toPlainString(),
                after.tariff() == null ? null : after.tariff().toPlainString());
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update measure_type set label = :label, ordered_by = :orderedBy, tracked_quantity = :tracked,
                       quantity_min = :min, quantity_max = :max, first_interview_days = :days,
                       report_types = :reports, billing_mode = :billing, tariff = :tariff
                where id = :id""")
                .param("label", after.label()).param("orderedBy", after.orderedBy())
                .param("tracked", after.trackedQuantity()).param("min", after.quantityMin())
                .param("max", after.quantityMax()).param("days", after.firstInterviewDays())
                .param("reports", after.reportTypes()).param("billing", after.billingMode())
                .param("tariff", after.tariff()).param("id", id)
                .update();
        audit.record("catalogue.type.updated", "measure_type", id, Map.of("code", before.code(), "changes", changes));
    }

    /**
     * Puts a billed type's tariff back to "to be set" (for instance a tariff typed by mistake, or one
     * the court has not confirmed yet): its measures are left out of the next statements, which say
     * so, until a tariff is set again. Statements already computed keep their lines. Audited with
     * the tariff before.
     */
    @Transactional
    public void resetTariff(UUID id) {
        requireManager();
        MeasureType before = lock(id);
        if (before.tariff() == null) {
            return;
        }
        jdbc.sql("update measure_type set tariff = null where id = ?").param(id).update();
        audit.record("catalogue.type.tariff_reset", "measure_type", id, Map.of("code", before.code(),
                "changes", Map.of("tariff", change(before.tariff().toPlainString(), null))));
    }

    /**
     * Sets, by type code, the tariff of the billed types that have none yet (the default catalogue
     * comes without tariffs); types already priced, or not billed, are left as they are. Returns how
     * many types got a tariff; audited once with them.
     */
    @Transactional
    public int setMissingTariffs(Map<String, BigDecimal> tariffsByCode) {
        requireManager();
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        tariffsByCode.forEach((code, tariff) -> {
            if (tariff != null && tariff.signum() >= 0) {
                int i = params.size() / 2;
                values.append(values.isEmpty() ? "" : ", ").append("(:code").append(i).append(", cast(:tariff").append(i)
                        .append(" as numeric(12,2)))");
                params.put("code" + i, code);
                params.put("tariff" + i, tariff.setScale(2, java.math.RoundingMode.UNNECESSARY));
            }
        });
        if (params.isEmpty()) {
            return 0;
        }
        Map<String, Object> set = new java.util.TreeMap<>();
        jdbc.sql("update measure_type t set tariff = v.tariff from (values " + values + ") as v (code, tariff)"
                        + " where t.code = v.code and t.tariff is null and t.billing_mode <> 'NONE'"
                        + " returning t.code, t.tariff")
                .params(params)
                .query((rs, n) -> set.put(rs.getString(1), rs.getBigDecimal(2).toPlainString())).list();
        if (!set.isEmpty()) {
            audit.record("catalogue.tariffs.set", "organisation", TenantContext.currentOrganisationId().orElseThrow(),
                    Map.of("tariffs", set));
        }
        return set.size();
    }

    /** Offers the type for new mandates again, or stops offering it (existing measures keep it). */
    @Transactional
    public void setActive(UUID id, boolean active) {
        requireManager();
        MeasureType before = lock(id);
        if (before.active() == active) {
            return;
        }
        jdbc.sql("update measure_type set active = ? where id = ?").param(active).param(id).update();
        audit.record(active ? "catalogue.type.activated" : "catalogue.type.deactivated", "measure_type", id,
                Map.of("code", before.code(), "changes", Map.of("active", change(before.active(), active))));
    }

    /** Deletes a type no measure has; a type in use is refused (deactivate it instead). */
    @Transactional
    public void delete(UUID id) {
        requireManager();
        MeasureType before = lock(id);
        long used = jdbc.sql("select count(*) from measure where measure_type_id = ?").param(id).query(Long.class).single();
        if (used > 0) {
            throw BusinessException.conflict("catalogue.type.inUse", used);
        }
        jdbc.sql("delete from measure_type where id = ?").param(id).update();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", before.code());
        state.put("label", before.label());
        state.put("billingMode", before.billingMode());
        state.put("tariff", before.tariff() == null ? null : before.tariff().toPlainString());
        state.put("active", before.active());
        audit.record("catalogue.type.deleted", "measure_type", id, Map.of("code", before.code(), "before", state));
    }

    /**
     * Checks the settings typed in the form: texts required, counts whole and not negative, the
     * minimum not above the maximum, a billing unit the type counts, and a tariff (not negative,
     * two decimals at most, French comma accepted) unless the type is not billed.
     */
    public static Valid validate(Settings s) {
        String label = required(s.label(), 200, "label", "catalogue.label.invalid");
        String orderedBy = required(s.orderedBy(), 300, "orderedBy", "catalogue.orderedBy.invalid");
        String reportTypes = required(s.reportTypes(), 300, "reportTypes", "catalogue.reportTypes.invalid");
        if (s.trackedQuantity() == null || !TRACKED_QUANTITIES.contains(s.trackedQuantity())) {
            throw new FieldRefusal("trackedQuantity", "catalogue.trackedQuantity.invalid");
        }
        Integer min = count(s.quantityMin(), "quantityMin");
        Integer max = count(s.quantityMax(), "quantityMax");
        if ("NONE".equals(s.trackedQuantity()) && (min != null || max != null)) {
            throw new FieldRefusal(min != null ? "quantityMin" : "quantityMax", "catalogue.quantity.notTracked");
        }
        if (min != null && max != null && min > max) {
            throw new FieldRefusal("quantityMax", "catalogue.quantity.minAboveMax");
        }
        Integer days = count(s.firstInterviewDays(), "firstInterviewDays");
        if (days == null) {
            throw new FieldRefusal("firstInterviewDays", "catalogue.count.invalid");
        }
        if (s.billingMode() == null || !BILLING_MODES.contains(s.billingMode())) {
            throw new FieldRefusal("billingMode", "catalogue.billingMode.invalid");
        }
        if (!BillingRules.countsTheBilledUnit(s.billingMode(), s.trackedQuantity())) {
            throw new FieldRefusal("billingMode", "catalogue.billingMode.unit." + s.billingMode());
        }
        BigDecimal tariff = null;
        if (!"NONE".equals(s.billingMode())) {
            if (s.tariff() == null || s.tariff().isBlank()) {
                throw new FieldRefusal("tariff", "catalogue.tariff.required");
            }
            tariff = parseAmount(s.tariff()).orElseThrow(() -> new FieldRefusal("tariff", "catalogue.tariff.invalid"));
        }
        return new Valid(label, orderedBy, s.trackedQuantity(), min, max, days, reportTypes, s.billingMode(), tariff);
    }

    /**
     * An amount in euros as typed by a French user: "120,5", "1 200,00", "95.00 €"; empty when it is
     * not a number, negative or has more than two decimals.
     */
    public static Optional<BigDecimal> parseAmount(String text) {
        String cleaned = text.strip().replace("€", "").replaceAll("[\\s\\u00A0\\u202F]", "").replace(',', '.');
        if (!AMOUNT.matcher(cleaned).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(cleaned).setScale(2));
    }

    private static String required(String value, int max, String field, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new FieldRefusal(field, key, max);
        }
        return value.strip();
    }

    private static Integer count(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COUNT.matcher(value.strip()).matches()) {
            throw new FieldRefusal(field, "catalogue.count.invalid");
        }
        return Integer.valueOf(value.strip());
    }

    private static void change(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, change(before, after));
        }
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private MeasureType lock(UUID id) {
        return jdbc.sql("select * from measure_type where id = ? for update").param(id).query(MeasureCatalogue::map)
                .optional().orElseThrow(BusinessException::notFound);
    }

    private static void requireManager() {
        if (!TenantContext.hasAuthority(Permissions.CATALOGUE_MANAGE)) {
            throw new AccessDeniedException(Permissions.CATALOGUE_MANAGE + " required");
        }
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
                from network_measure_catalogue_v""")
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
