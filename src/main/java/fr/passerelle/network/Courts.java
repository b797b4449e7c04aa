package fr.passerelle.network;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference tables of the 36 cours d'appel and the tribunaux judiciaires (seat, département,
 * cour d'appel, coordinates, source), readable by every module and editable by the federation.
 */
@Service
public class Courts {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Courts(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A cour d'appel, with the number of tribunaux judiciaires in its jurisdiction. */
    public record CourtOfAppeal(String code, String name, String seatCity, BigDecimal latitude, BigDecimal longitude,
            long judicialCourts, String source) {}

    /** What may be corrected on a cour d'appel. */
    public record CourtOfAppealCorrection(String name, String seatCity, BigDecimal latitude, BigDecimal longitude) {}

    /** A tribunal judiciaire (or tribunal de première instance overseas). */
    public record JudicialCourt(String code, String name, String seatCity, String departementCode,
            String departementName, String courtOfAppealCode, String courtOfAppealName, BigDecimal latitude,
            BigDecimal longitude, String source) {}

    /** What may be corrected on a tribunal judiciaire. */
    public record CourtCorrection(String name, String seatCity, String departementCode, String departementName,
            String courtOfAppealCode, BigDecimal latitude, BigDecimal longitude) {}

    @Transactional(readOnly = true)
    public List<CourtOfAppeal> courtsOfAppeal() {
        return jdbc.sql(SELECT_COURT_OF_APPEAL + " order by c.seat_city").query(Courts::mapCourtOfAppeal).list();
    }

    @Transactional(readOnly = true)
    public Optional<CourtOfAppeal> courtOfAppeal(String code) {
        return jdbc.sql(SELECT_COURT_OF_APPEAL + " where c.code = ?").param(code).query(Courts::mapCourtOfAppeal)
                .optional();
    }

    /** Corrects a cour d'appel; the change is attributed and audited. */
    @Transactional
    public void correct(String code, CourtOfAppealCorrection correction) {
        courtOfAppeal(code).orElseThrow(BusinessException::notFound);
        checkName(correction.name());
        checkSeat(correction.seatCity(), correction.latitude(), correction.longitude());
        jdbc.sql("""
                update court_of_appeal set name = :name, seat_city = :city, latitude = :lat, longitude = :lon,
                       updated_at = now(), updated_by = :by
                where code = :code""")
                .param("name", correction.name().trim()).param("city", correction.seatCity().trim())
                .param("lat", correction.latitude()).param("lon", correction.longitude())
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .param("code", code)
                .update();
        audit.record("court_of_appeal.corrected", "court_of_appeal", code, Map.of("name", correction.name().trim()));
    }

    /** Tribunaux judiciaires matching a free-text search (name, city, département) and a cour d'appel. */
    @Transactional(readOnly = true)
    public List<JudicialCourt> judicialCourts(String query, String courtOfAppealCode) {
        String q = query == null ? "" : query.trim();
        String ca = courtOfAppealCode == null ? "" : courtOfAppealCode;
        return jdbc.sql(SELECT_COURT + """
                 where (:ca = '' or j.court_of_appeal_code = :ca)
                   and (:q = '' or unaccent(lower(j.name || ' ' || j.seat_city || ' ' || j.departement_name || ' '
                        || j.departement_code)) like unaccent(lower(:like)))
                 order by j.seat_city""")
                .param("ca", ca).param("q", q).param("like", "%" + q + "%")
                .query(Courts::map)
                .list();
    }

    /** The tribunaux judiciaires of the given codes (unknown codes are ignored), by seat city. */
    @Transactional(readOnly = true)
    public List<JudicialCourt> judicialCourts(java.util.Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_COURT + " where j.code in (:codes) order by j.seat_city")
                .param("codes", codes)
                .query(Courts::map)
                .list();
    }

    /** Courts of one cour d'appel in a picker. */
    public record CourtGroup(String courtOfAppealCode, String courtOfAppealName, List<JudicialCourt> courts) {}

    /**
     * Tribunaux judiciaires as a picker offers them: the association's own courts first (by seat
     * city), then the others grouped by cour d'appel (by the cour's seat city, then by seat city).
     */
    public record CourtChoices(List<JudicialCourt> own, List<CourtGroup> groups) {

        public boolean isEmpty() {
            return own.isEmpty() && groups.isEmpty();
        }
    }

    /**
     * The courts to offer in a picker: {@code only} those codes (null: every court), with the codes in
     * {@code own} first, the others grouped by cour d'appel.
     */
    @Transactional(readOnly = true)
    public CourtChoices choices(java.util.Collection<String> only, java.util.Collection<String> own) {
        if (only != null && only.isEmpty()) {
            return new CourtChoices(List.of(), List.of());
        }
        List<JudicialCourt> courts = jdbc.sql(SELECT_COURT + (only == null ? "" : " where j.code in (:codes)")
                        + " order by c.seat_city, c.code, j.seat_city, j.code")
                .params(only == null ? Map.of() : Map.of("codes", only))
                .query(Courts::map)
                .list();
        java.util.Set<String> mine = new java.util.HashSet<>(own);
        List<JudicialCourt> first = courts.stream().filter(c -> mine.contains(c.code()))
                .sorted(java.util.Comparator.comparing(JudicialCourt::seatCity).thenComparing(JudicialCourt::code))
                .toList();
        Map<String, List<JudicialCourt>> byCourtOfAppeal = new java.util.LinkedHashMap<>();
        courts.stream().filter(c -> !mine.contains(c.code()))
                .forEach(c -> byCourtOfAppeal.computeIfAbsent(c.courtOfAppealCode(), k -> new java.util.ArrayList<>()).add(c));
        List<CourtGroup> groups = byCourtOfAppeal.values().stream()
                .map(list -> new CourtGroup(list.get(0).courtOfAppealCode(), list.get(0).courtOfAppealName(), List.copyOf(list)))
                .toList();
        return new CourtChoices(first, groups);
    }

    /** The courts the current association declares it covers on its network profile (none without one). */
    @Transactional(readOnly = true)
    public List<String> profileCourts() {
        return TenantContext.currentOrganisationId()
                .map(org -> jdbc.sql("select court_code from association_profile_court where organisation_id = ?")
                        .param(org).query(String.class).list())
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Optional<JudicialCourt> judicialCourt(String code) {
        return jdbc.sql(SELECT_COURT + " where j.code = ?").param(code).query(Courts::map).optional();
    }

    /** Corrects a tribunal judiciaire; the change is attributed and audited. */
    @Transactional
    public void correct(String code, CourtCorrection correction) {
        judicialCourt(code).orElseThrow(BusinessException::notFound);
        check(correction);
        jdbc.sql("""
                update judicial_court set name = :name, seat_city = :city, departement_code = :dept,
                       departement_name = :deptName, court_of_appeal_code = :ca, latitude = :lat, longitude = :lon,
                       updated_at = now(), updated_by = :by
                where code = :code""")
                .param("name", correction.name().trim()).param("city", correction.seatCity().trim())
                .param("dept", correction.departementCode().trim()).param("deptName", correction.departementName().trim())
                .param("ca", correction.courtOfAppealCode()).param("lat", correction.latitude())
                .param("lon", correction.longitude())
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .param("code", code)
                .update();
        audit.record("court.corrected", "judicial_court", code, Map.of("name", correction.name().trim()));
    }

    private void check(CourtCorrection c) {
        checkName(c.name());
        if (c.departementCode() == null || !c.departementCode().trim().matches("[0-9]{2,3}|2A|2B")) {
            throw new FieldRefusal("departementCode", "court.departement.invalid");
        }
        if (c.departementName() == null || c.departementName().isBlank()) {
            throw new FieldRefusal("departementName", "court.departementName.invalid");
        }
        if (c.courtOfAppealCode() == null || courtsOfAppeal().stream().noneMatch(ca -> ca.code().equals(c.courtOfAppealCode()))) {
            throw new FieldRefusal("courtOfAppealCode", "court.courtOfAppeal.invalid");
        }
        checkSeat(c.seatCity(), c.latitude(), c.longitude());
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new FieldRefusal("name", "court.name.invalid");
        }
    }

    private static void checkSeat(String seatCity, BigDecimal latitude, BigDecimal longitude) {
        if (seatCity == null || seatCity.isBlank() || seatCity.length() > 120) {
            throw new FieldRefusal("seatCity", "court.seatCity.invalid");
        }
        if (latitude == null || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw new FieldRefusal("latitude", "court.latitude.invalid");
        }
        if (longitude == null || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new FieldRefusal("longitude", "court.longitude.invalid");
        }
    }

    private static final String SELECT_COURT = """
            select j.code, j.name, j.seat_city, j.departement_code, j.departement_name, j.court_of_appeal_code,
                   c.name as ca_name, j.latitude, j.longitude, j.source
            from judicial_court j join court_of_appeal c on c.code = j.court_of_appeal_code
            """;

    private static final String SELECT_COURT_OF_APPEAL = """
            select c.code, c.name, c.seat_city, c.latitude, c.longitude, c.source,
                   (select count(*) from judicial_court j where j.court_of_appeal_code = c.code) as courts
            from court_of_appeal c
            """;

    private static CourtOfAppeal mapCourtOfAppeal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CourtOfAppeal(rs.getString("code"), rs.getString("name"), rs.getString("seat_city"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getLong("courts"), rs.getString("source"));
    }

    private static JudicialCourt map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new JudicialCourt(rs.getString("code"), rs.getString("name"), rs.getString("seat_city"),
                rs.getString("departement_code"), rs.getString("departement_name"),
                rs.getString("court_of_appeal_code"), rs.getString("ca_name"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getString("source"));
    }
}
