package fr.passerelle.partners;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The places of a partner's site (individual, shared, or a placement à l'extérieur place reserved
 * under a convention) and the periods a place is out of service. A period out of service never
 * overlaps a booking that holds the place: both are written under a lock of the place's row.
 */
@Service
public class PartnerPlaces {

    public static final List<String> KINDS = List.of("INDIVIDUAL", "SHARED", "PE_RESERVED");
    public static final int LABEL_MAX = 80;
    public static final int NOTES_MAX = 1000;
    public static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PartnerPlaces(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A partner's site as its places pages show it, with the partner's current partnership level (null if never assessed). */
    public record Site(UUID id, String name, UUID partnerId, String partnerName, String partnerType, String city,
            String departementCode, Double latitude, Double longitude, Integer level) {}

    public record Place(UUID id, UUID siteId, String label, String kind, UUID conventionId, String notes,
            boolean archived) {}

    /** A period [startsOn, endsOn) the place cannot be booked. */
    public record OutOfService(UUID id, UUID placeId, String placeLabel, LocalDate startsOn, LocalDate endsOn,
            String reason) {}

    /** What a user gives for a place. */
    public record PlaceInput(String label, String kind, String notes) {}

    static final String SITE_SELECT = """
            select s.id, s.name, p.id as partner_id, p.name as partner_name, p.partner_type, s.city, s.departement_code,
                   s.latitude, s.longitude,
                   (select a.level from partner_level_assessment a where a.partner_id = p.id
                    order by a.assessed_on desc, a.created_at desc limit 1) as level
            from partner_site s join partner p on p.id = s.partner_id""";

    static Site mapSite(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Site(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"), rs.getString("partner_type"), rs.getString("city"),
                rs.getString("departement_code"), rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class), rs.getObject("level", Integer.class));
    }

    @Transactional(readOnly = true)
    public Site site(UUID siteId) {
        return jdbc.sql(SITE_SELECT + " where s.id = ?").param(siteId).query(PartnerPlaces::mapSite).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** The sites of the association that have places, by partner and site name. */
    @Transactional(readOnly = true)
    public List<Site> sitesWithPlaces() {
        return jdbc.sql(SITE_SELECT + " where exists (select 1 from partner_place pl where pl.site_id = s.id and not pl.archived)"
                + " order by p.name, s.name").query(PartnerPlaces::mapSite).list();
    }

    /** A site offered as the point of a search: its id and "partner – site". */
    public record SiteChoice(UUID id, String label) {}

    /** The sites with places and coordinates, by partner then site name: the points a search may start from. */
    @Transactional(readOnly = true)
    public List<SiteChoice> locatedSitesWithPlaces() {
        return jdbc.sql("""
                select s.id, p.name || ' – ' || s.name from partner_site s join partner p on p.id = s.partner_id
                where s.latitude is not null
                  and exists (select 1 from partner_place pl where pl.site_id = s.id and not pl.archived)
                order by p.name, s.name""")
                .query((rs, n) -> new SiteChoice(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The places of a site (archived ones last), by label. */
    @Transactional(readOnly = true)
    public List<Place> places(UUID siteId) {
        return jdbc.sql("""
                select id, site_id, label, kind, convention_id, notes, archived from partner_place where site_id = ?
                order by archived, lower(label)""").param(siteId).query(PartnerPlaces::mapPlace).list();
    }

    @Transactional(readOnly = true)
    public Place place(UUID placeId) {
        return jdbc.sql("select id, site_id, label, kind, convention_id, notes, archived from partner_place where id = ?")
                .param(placeId).query(PartnerPlaces::mapPlace).optional().orElseThrow(BusinessException::notFound);
    }

    private static Place mapPlace(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Place(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getBoolean(7));
    }

    @Transactional
    public UUID addPlace(UUID siteId, PlaceInput input) {
        site(siteId);
        PlaceInput valid = check(input);
        requireLabelFree(siteId, valid.label(), null);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into partner_place (id, organisation_id, site_id, label, kind, notes, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(organisation()).param(siteId).param(valid.label()).param(valid.kind())
                .param(valid.notes()).param(Timestamp.from(clock.instant())).param(me()).update();
        audit.record("place.added", "place", id, Map.of("site", siteId.toString(), "kind", valid.kind()));
        return id;
    }

    @Transactional
    public void updatePlace(UUID placeId, PlaceInput input) {
        Place place = place(placeId);
        PlaceInput valid = check(input);
        requireLabelFree(place.siteId(), valid.label(), placeId);
        jdbc.sql("update partner_place set label = ?, kind = ?, notes = ? where id = ?")
                .param(valid.label()).param(valid.kind()).param(valid.notes()).param(placeId).update();
        audit.record("place.updated", "place", placeId, Map.of("kind", valid.kind()));
    }

    /** Archives a place (kept for its bookings' history, no longer offered) or brings it back. */
    @Transactional
    public void setArchived(UUID placeId, boolean archived) {
        place(placeId);
        jdbc.sql("update partner_place set archived = ? where id = ?").param(archived).param(placeId).update();
        audit.record(archived ? "place.archived" : "place.restored", "place", placeId, Map.of());
    }

    /** Links a reserved place to the convention it is reserved under (null to unlink). */
    @Transactional
    public void setConvention(UUID placeId, UUID conventionId) {
        place(placeId);
        if (conventionId != null && jdbc.sql("""
                select count(*) from partner_place pl
                join partner_site s on s.id = pl.site_id
                join partner_convention c on c.partner_id = s.partner_id
                where pl.id = ? and c.id = ? and not c.archived""").param(placeId).param(conventionId)
                .query(Long.class).single() == 0) {
            throw new FieldRefusal("convention", "place.convention.invalid");
        }
        jdbc.sql("update partner_place set convention_id = ? where id = ?").param(conventionId).param(placeId).update();
        audit.record("place.convention", "place", placeId,
                Map.of("convention", conventionId == null ? "" : conventionId.toString()));
    }

    private PlaceInput check(PlaceInput input) {
        String label = input.label() == null ? "" : input.label().trim();
        if (label.isEmpty()) {
            throw new FieldRefusal("label", "place.label.required");
        }
        FieldRefusal.requireAtMost("label", label, LABEL_MAX);
        if (input.kind() == null || !KINDS.contains(input.kind())) {
            throw new FieldRefusal("kind", "place.kind.invalid");
        }
        FieldRefusal.requireAtMost("notes", input.notes(), NOTES_MAX);
        return new PlaceInput(label, input.kind(), input.notes() == null || input.notes().isBlank() ? null
                : input.notes().trim());
    }

    private void requireLabelFree(UUID siteId, String label, UUID except) {
        if (jdbc.sql("select count(*) from partner_place where site_id = ? and lower(btrim(label)) = lower(?) and id is distinct from ?")
                .param(siteId).param(label).param(except).query(Long.class).single() > 0) {
            throw new FieldRefusal("label", "place.label.taken", label);
        }
    }

    // Out of service

    /** The periods out of service of a site's places ending after {@code from}, by date. */
    @Transactional(readOnly = true)
    public List<OutOfService> outOfService(UUID siteId, LocalDate from) {
        return jdbc.sql("""
                select o.id, o.place_id, p.label, o.starts_on, o.ends_on, o.reason
                from place_out_of_service o join partner_place p on p.id = o.place_id
                where p.site_id = ? and o.ends_on > ? order by o.starts_on, lower(p.label)""")
                .param(siteId).param(from).query((rs, n) -> new OutOfService(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    /**
     * Puts a place out of service over [startsOn, endsOn) for a reason; refused when it overlaps
     * another period out of service of the place or a booking that holds it.
     */
    @Transactional
    public UUID addOutOfService(UUID placeId, LocalDate startsOn, LocalDate endsOn, String reason) {
        lockPlace(jdbc, placeId);
        Dates.requirePeriod(startsOn, endsOn);
        String why = requireReason(reason);
        jdbc.sql("""
                select starts_on, ends_on from place_out_of_service
                where place_id = ? and daterange(starts_on, ends_on) && daterange(?, ?) limit 1""")
                .param(placeId).param(startsOn).param(endsOn)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .optional().ifPresent(other -> {
                    throw new FieldRefusal("startsOn", "place.outOfService.overlap", Dates.argument(other[0]),
                            Dates.argument(other[1]));
                });
        jdbc.sql("select starts_on, ends_on from place_booking where place_id = ? and held && daterange(?, ?) limit 1")
                .param(placeId).param(startsOn).param(endsOn)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .optional().ifPresent(booking -> {
                    throw BusinessException.conflict("place.outOfService.booked", Dates.argument(booking[0]),
                            Dates.argument(booking[1]));
                });
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into place_out_of_service (id, organisation_id, place_id, starts_on, ends_on, reason, created_at,
                                                  created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(organisation()).param(placeId).param(startsOn).param(endsOn).param(why)
                .param(Timestamp.from(clock.instant())).param(me()).update();
        audit.record("place.outOfService.added", "place", placeId, Map.of("from", startsOn.toString(),
                "until", endsOn.toString(), "reason", why));
        return id;
    }

    /** Ends a period out of service early by removing it; the place is bookable again over it. */
    @Transactional
    public UUID removeOutOfService(UUID periodId) {
        UUID placeId = jdbc.sql("delete from place_out_of_service where id = ? returning place_id").param(periodId)
                .query(UUID.class).optional().orElseThrow(BusinessException::notFound);
        audit.record("place.outOfService.removed", "place", placeId, Map.of("period", periodId.toString()));
        return placeId;
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new FieldRefusal("reason", "booking.reason.required");
        }
        FieldRefusal.requireAtMost("reason", reason, REASON_MAX);
        return reason.trim();
    }

    /**
     * Locks the place's row until the end of the transaction: what holds a place (a confirmation,
     * an extension, a period out of service) is checked and written one after the other.
     */
    static void lockPlace(JdbcClient jdbc, UUID placeId) {
        jdbc.sql("select id from partner_place where id = ? for update").param(placeId).query(UUID.class).optional()
                .orElseThrow(BusinessException::notFound);
    }

    static UUID organisation() {
        return TenantContext.currentOrganisationId().orElseThrow();
    }

    static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElseThrow();
    }
}
