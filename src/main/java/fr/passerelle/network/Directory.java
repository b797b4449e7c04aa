package fr.passerelle.network;

import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.db.Like;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network directory as the public sees it: the member associations (active organisations of
 * kind ASSOCIATION) that have a published profile, and nothing else — never a pending change, never
 * a user. Reads only the published tables and the organisation registry, both public by design.
 */
@Service
public class Directory {

    public static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final Courts courts;

    Directory(JdbcClient jdbc, Courts courts) {
        this.jdbc = jdbc;
        this.courts = courts;
    }

    /** One association in the directory list. */
    public record Entry(UUID id, String name, String city, String postcode, String regionName, MainField mainField) {}

    /** A measure type of the national catalogue, as an activity an association may offer. */
    public record Activity(String code, String label, MainField field) {}

    /** A network region (for the filter). */
    public record Region(String code, String name) {}

    /** The public page of an association. */
    public record PublicProfile(UUID id, String name, String regionName, Profile profile,
            List<Courts.JudicialCourt> courts, List<Activity> activities, Instant publishedAt) {}

    /** The covered courts and offered measure types of the published profile {@code p}, as arrays. */
    static final String PUBLISHED_LISTS = """
            array(select c.court_code from association_profile_court c where c.organisation_id = p.organisation_id
                  order by 1) as courts,
            array(select a.measure_type_code from association_profile_activity a where a.organisation_id = p.organisation_id
                  order by 1) as activities
            """;

    private static final String MEMBERS = """
            from association_profile p
            join identity_organisation_v o on o.id = p.organisation_id and o.kind = 'ASSOCIATION' and o.active
            left join identity_network_region_v r on r.code = o.region_code
            """;

    /**
     * Published associations matching a search on name or city (accent- and case-insensitive), a
     * network region and a main field (each optional), by name.
     */
    @Transactional(readOnly = true)
    public ResultPage<Entry> search(String query, String regionCode, MainField field, int page) {
        String q = query == null ? "" : query.strip();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("q", q);
        params.put("like", "%" + Like.literal(q) + "%");
        params.put("region", regionCode == null ? "" : regionCode);
        params.put("field", field == null ? "" : field.name());
        String where = """
                 where (:q = '' or unaccent(lower(o.name)) like unaccent(lower(:like))
                        or unaccent(lower(coalesce(p.city, o.city, ''))) like unaccent(lower(:like)))
                   and (:region = '' or o.region_code = :region)
                   and (:field = '' or p.main_field = :field)""";
        long total = jdbc.sql("select count(*) " + MEMBERS + where).params(params).query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", page * PAGE_SIZE);
        List<Entry> items = jdbc.sql("select o.id, o.name, coalesce(p.city, o.city) as city, p.postcode, r.name as region,"
                        + " p.main_field " + MEMBERS + where + " order by unaccent(lower(o.name)), o.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("city"),
                        rs.getString("postcode"), rs.getString("region"), field(rs.getString("main_field"))))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** The public page of a member association, if it has a published profile. */
    @Transactional(readOnly = true)
    public Optional<PublicProfile> publicProfile(UUID id) {
        return jdbc.sql("select o.id, o.name, r.name as region, p.*, " + PUBLISHED_LISTS + MEMBERS + " where o.id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getString("name"), rs.getString("region"), map(rs),
                        rs.getTimestamp("published_at").toInstant()})
                .optional()
                .map(row -> {
                    Profile profile = (Profile) row[2];
                    return new PublicProfile(id, (String) row[0], (String) row[1], profile,
                            courts.judicialCourts(profile.courts()), activities(profile.activities()), (Instant) row[3]);
                });
    }

    /** The published profile of an association (whatever its state), if any. */
    @Transactional(readOnly = true)
    public Optional<Profile> published(UUID organisationId) {
        return jdbc.sql("select p.*, " + PUBLISHED_LISTS + " from association_profile p where p.organisation_id = ?")
                .param(organisationId).query((rs, n) -> map(rs)).optional();
    }

    /** When the profile of an association was last published, if it was. */
    @Transactional(readOnly = true)
    public Optional<Instant> publishedAt(UUID organisationId) {
        return jdbc.sql("select published_at from association_profile where organisation_id = ?")
                .param(organisationId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** The national catalogue of measure types, in its order. */
    @Transactional(readOnly = true)
    public List<Activity> catalogue() {
        return jdbc.sql("select code, label, field from network_measure_catalogue_v order by position")
                .query((rs, n) -> new Activity(rs.getString(1), rs.getString(2), field(rs.getString(3))))
                .list();
    }

    /** The activities of the given codes, in the catalogue's order. */
    @Transactional(readOnly = true)
    public List<Activity> activities(List<String> codes) {
        return catalogue().stream().filter(a -> codes.contains(a.code())).toList();
    }

    @Transactional(readOnly = true)
    public List<Region> regions() {
        return jdbc.sql("select code, name from identity_network_region_v order by name")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2))).list();
    }

    /** Reads the profile columns (of a published profile or a change) of the current row. */
    static Profile map(ResultSet rs) throws SQLException {
        return new Profile(rs.getString("address"), rs.getString("postcode"), rs.getString("city"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("phone"),
                rs.getString("email"), rs.getString("website"), rs.getString("description"),
                field(rs.getString("main_field")), codes(rs, "courts"), codes(rs, "activities"));
    }

    private static List<String> codes(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    static MainField field(String value) {
        return value == null ? null : MainField.valueOf(value);
    }
}
