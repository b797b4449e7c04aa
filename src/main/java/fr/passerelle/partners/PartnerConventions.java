package fr.passerelle.partners;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conventions of the current association with its partners: what they are about (hébergement,
 * placement à l'extérieur, soins, insertion), their parties, dates, places reserved and price per
 * day. Their signed documents are kept by {@link ConventionDocuments}. Every write is audited.
 */
@Service
public class PartnerConventions {

    public static final int REFERENCE_MAX = 60;
    public static final int TITLE_MAX = 200;
    public static final int OTHER_PARTIES_MAX = 1000;
    public static final int NOTES_MAX = 4000;
    public static final int PLACES_MAX = 10_000;
    public static final BigDecimal PRICE_MAX = new BigDecimal("99999999.99");
    /** The longest horizon of the "expiring within N days" filter. */
    public static final int EXPIRING_MAX_DAYS = 3650;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ConventionProperties properties;

    PartnerConventions(JdbcClient jdbc, AuditLog audit, Clock clock, ConventionProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** A convention as listed and shown (with its partner's name). */
    public record Convention(UUID id, UUID partnerId, String partnerName, ConventionObject object, String reference,
            String title, String otherParties, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn,
            int placesReserved, BigDecimal pricePerDay, String notes, boolean archived, int version,
            Integer documentVersion) {

        /** Days left until its end date (negative once it has ended). */
        public long daysLeft(LocalDate today) {
            return java.time.temporal.ChronoUnit.DAYS.between(today, endsOn);
        }

        public boolean hasDocument() {
            return documentVersion != null;
        }
    }

    /** What a user enters to create or change a convention. */
    public record ConventionData(UUID partnerId, ConventionObject object, String reference, String title,
            String otherParties, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn, Integer placesReserved,
            BigDecimal pricePerDay, String notes) {}

    /** The list's filters: all optional; {@code expiringWithinDays} keeps those ending from today to today + N. */
    public record Filter(ConventionObject object, UUID partnerId, Integer expiringWithinDays, boolean includeArchived) {

        public static Filter all() {
            return new Filter(null, null, null, false);
        }
    }

    /** A partner that a convention can name (its choice in the form). */
    public record PartnerChoice(UUID id, String name, String type) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** How many days before its end a convention is announced (deadlines page, daily digest). */
    public int alertDays() {
        return properties.conventionAlertDays();
    }

    @Transactional
    public UUID create(ConventionData data) {
        validate(data);
        UUID id = Ids.newId();
        UUID me = TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElseThrow();
        jdbc.sql("""
                insert into partner_convention (id, organisation_id, partner_id, object, reference, title, other_parties,
                    signed_on, starts_on, ends_on, places_reserved, price_per_day, notes, created_at, created_by, updated_at)
                values (:id, :org, :partner, :object, :reference, :title, :others, :signed, :starts, :ends, :places, :price,
                    :notes, :now, :by, :now)""")
                .param("id", id).param("org", TenantContext.currentOrganisationId().orElseThrow())
                .params(columns(data)).param("now", Timestamp.from(clock.instant())).param("by", me)
                .update();
        audit.record("convention.created", "partner_convention", id, details(data));
        return id;
    }

    /** Changes a convention; {@code expectedVersion} refuses an edit made over someone else's. */
    @Transactional
    public void update(UUID id, int expectedVersion, ConventionData data) {
        get(id);
        validate(data);
        int changed = jdbc.sql("""
                update partner_convention set partner_id = :partner, object = :object, reference = :reference,
                    title = :title, other_parties = :others, signed_on = :signed, starts_on = :starts, ends_on = :ends,
                    places_reserved = :places, price_per_day = :price, notes = :notes, updated_at = :now,
                    version = version + 1
                where id = :id and version = :version""")
                .params(columns(data)).param("now", Timestamp.from(clock.instant())).param("id", id)
                .param("version", expectedVersion).update();
        if (changed == 0) {
            throw BusinessException.conflict("convention.changedMeanwhile");
        }
        audit.record("convention.updated", "partner_convention", id, details(data));
    }

    /** Archives a convention (it leaves the lists and alerts) or brings it back. */
    @Transactional
    public void setArchived(UUID id, boolean archived) {
        get(id);
        jdbc.sql("update partner_convention set archived = ?, updated_at = ?, version = version + 1 where id = ?")
                .param(archived).param(Timestamp.from(clock.instant())).param(id).update();
        audit.record(archived ? "convention.archived" : "convention.restored", "partner_convention", id, Map.of());
    }

    @Transactional(readOnly = true)
    public Convention get(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(PartnerConventions::map).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** The association's conventions matching the filter, those ending first first. */
    @Transactional(readOnly = true)
    public List<Convention> list(Filter filter) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filter.includeArchived()) {
            where.append(" and not c.archived");
        }
        if (filter.object() != null) {
            where.append(" and c.object = :object");
            params.put("object", filter.object().name());
        }
        if (filter.partnerId() != null) {
            where.append(" and c.partner_id = :partner");
            params.put("partner", filter.partnerId());
        }
        if (filter.expiringWithinDays() != null) {
            if (filter.expiringWithinDays() < 0 || filter.expiringWithinDays() > EXPIRING_MAX_DAYS) {
                throw new FieldRefusal("within", "convention.filter.within.invalid", EXPIRING_MAX_DAYS);
            }
            LocalDate today = today();
            where.append(" and c.ends_on between :today and :until");
            params.put("today", today);
            params.put("until", today.plusDays(filter.expiringWithinDays()));
        }
        return jdbc.sql(SELECT + where + " order by c.ends_on, p.name, c.reference").params(params)
                .query(PartnerConventions::map).list();
    }

    /** The conventions of one partner of the association (archived ones included), those ending first first. */
    @Transactional(readOnly = true)
    public List<Convention> ofPartner(UUID partnerId) {
        if (!partnerExists(partnerId)) {
            throw BusinessException.notFound();
        }
        return list(new Filter(null, partnerId, null, true));
    }

    /**
     * The conventions not archived that end from today to today + {@link #alertDays()} (the deadlines page
     * and the daily digest announce them).
     */
    @Transactional(readOnly = true)
    public List<Convention> expiringSoon() {
        return list(new Filter(null, null, alertDays(), false));
    }

    /** The association's partners that are not archived, by name (the form's choice). */
    @Transactional(readOnly = true)
    public List<PartnerChoice> partnerChoices() {
        return jdbc.sql("select id, name, partner_type from partner where not archived order by name")
                .query((rs, n) -> new PartnerChoice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The association's partner of that name (accents and case aside, as the directory's unique index), added to the directory with its type when it is not
     * there (the demo data names the partners of its conventions this way).
     */
    @Transactional
    public UUID partnerNamed(String name, String partnerType) {
        UUID existing = jdbc.sql("""
                select id from partner where immutable_unaccent(lower(btrim(name))) = immutable_unaccent(lower(btrim(?)))""")
                .param(name).query(UUID.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.currentOrganisationId().orElseThrow(), name, partnerType, now,
                        TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElseThrow(), now)
                .update();
        audit.record("partner.created", "partner", id, Map.of("name", name, "type", partnerType));
        return id;
    }

    private void validate(ConventionData data) {
        if (data.partnerId() == null) {
            throw new FieldRefusal("partnerId", "convention.partner.required");
        }
        if (!partnerExists(data.partnerId())) {
            throw new FieldRefusal("partnerId", "convention.partner.unknown");
        }
        if (data.object() == null) {
            throw new FieldRefusal("object", "convention.object.required");
        }
        required("reference", data.reference(), REFERENCE_MAX);
        required("title", data.title(), TITLE_MAX);
        FieldRefusal.requireAtMost("otherParties", data.otherParties(), OTHER_PARTIES_MAX);
        FieldRefusal.requireAtMost("notes", data.notes(), NOTES_MAX);
        if (data.startsOn() == null) {
            throw new FieldRefusal("startsOn", "convention.startsOn.required");
        }
        if (data.endsOn() == null) {
            throw new FieldRefusal("endsOn", "convention.endsOn.required");
        }
        if (data.endsOn().isBefore(data.startsOn())) {
            throw new FieldRefusal("endsOn", "convention.endsOn.beforeStart");
        }
        if (data.placesReserved() != null && (data.placesReserved() < 0 || data.placesReserved() > PLACES_MAX)) {
            throw new FieldRefusal("placesReserved", "convention.places.invalid", PLACES_MAX);
        }
        if (data.pricePerDay() != null && (data.pricePerDay().signum() < 0 || data.pricePerDay().compareTo(PRICE_MAX) > 0
                || data.pricePerDay().stripTrailingZeros().scale() > 2)) {
            throw new FieldRefusal("pricePerDay", "convention.price.invalid");
        }
    }

    private boolean partnerExists(UUID partnerId) {
        return jdbc.sql("select exists (select 1 from partner where id = ?)").param(partnerId).query(Boolean.class).single();
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new FieldRefusal(field, "convention." + field + ".required");
        }
        FieldRefusal.requireAtMost(field, value, max);
    }

    private static Map<String, Object> columns(ConventionData data) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("partner", data.partnerId());
        columns.put("object", data.object().name());
        columns.put("reference", data.reference().trim());
        columns.put("title", data.title().trim());
        columns.put("others", blankToNull(data.otherParties()));
        columns.put("signed", data.signedOn());
        columns.put("starts", data.startsOn());
        columns.put("ends", data.endsOn());
        columns.put("places", data.placesReserved() == null ? 0 : data.placesReserved());
        columns.put("price", data.pricePerDay());
        columns.put("notes", blankToNull(data.notes()));
        return columns;
    }

    private static Map<String, Object> details(ConventionData data) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partner", data.partnerId().toString());
        details.put("object", data.object().name());
        details.put("startsOn", data.startsOn().toString());
        details.put("endsOn", data.endsOn().toString());
        details.put("places", data.placesReserved() == null ? 0 : data.placesReserved());
        return details;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static final String SELECT = """
            select c.*, p.name as partner_name,
                   (select max(d.version) from partner_convention_document d where d.convention_id = c.id) as document_version
            from partner_convention c join partner p on p.id = c.partner_id""";

    private static Convention map(ResultSet rs, int n) throws SQLException {
        return new Convention(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"), ConventionObject.valueOf(rs.getString("object")), rs.getString("reference"),
                rs.getString("title"), rs.getString("other_parties"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getInt("places_reserved"), rs.getBigDecimal("price_per_day"), rs.getString("notes"),
                rs.getBoolean("archived"), rs.getInt("version"), (Integer) rs.getObject("document_version"));
    }
}
