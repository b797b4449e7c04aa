package fr.passerelle.partners;

import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "A free place of kind K from D1 to D2 in département X / within N km of a point": a place is
 * free when no booking holds it and no period out of service meets [D1, D2). Ranked by distance
 * from the point (when one is given), then by the partner's current partnership level (the latest
 * assessment; higher first), then by name.
 */
@Service
public class PlaceSearch {

    public static final int LIMIT = 50;
    public static final int MAX_KM = 500;

    private final JdbcClient jdbc;

    PlaceSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What is searched. The point is either one of the association's partner sites ({@code nearSiteId})
     * or coordinates; {@code withinKm} needs a point.
     */
    public record Criteria(String kind, LocalDate from, LocalDate until, String departementCode, UUID nearSiteId,
            Double latitude, Double longitude, Integer withinKm) {}

    /** A free place, with its distance from the point in km (null without a point or coordinates). */
    public record FreePlace(UUID placeId, String label, String kind, UUID siteId, String siteName, String partnerName,
            String partnerType, String city, String departementCode, Integer level, Double distanceKm) {}

    @Transactional(readOnly = true)
    public List<FreePlace> search(Criteria criteria) {
        if (criteria.kind() != null && !PartnerPlaces.KINDS.contains(criteria.kind())) {
            throw new FieldRefusal("kind", "place.kind.invalid");
        }
        Dates.requirePeriod(criteria.from(), criteria.until());
        String departement = criteria.departementCode() == null || criteria.departementCode().isBlank() ? null
                : criteria.departementCode().trim().toUpperCase(java.util.Locale.ROOT);
        if (departement != null && !departement.matches("[0-9]{2,3}|2[AB]")) {
            throw new FieldRefusal("departementCode", "place.search.departement.invalid");
        }
        double[] point = point(criteria);
        if (criteria.withinKm() != null && (criteria.withinKm() < 1 || criteria.withinKm() > MAX_KM)) {
            throw new FieldRefusal("withinKm", "place.search.km.invalid", MAX_KM);
        }
        if (criteria.withinKm() != null && point == null) {
            throw new FieldRefusal("withinKm", "place.search.km.needsPoint");
        }
        // Only the criteria given become predicates (a generic "param is null or ..." plan cannot use
        // the indexes), and a distance first bounds the sites by a latitude/longitude box.
        StringBuilder where = new StringBuilder("not pl.archived and not p.archived");
        if (criteria.kind() != null) {
            where.append(" and pl.kind = :kind");
        }
        if (departement != null) {
            where.append(" and s.departement_code = :dep");
        }
        double[] box = criteria.withinKm() == null ? null : box(point, criteria.withinKm());
        if (box != null) {
            where.append(" and s.latitude between :latMin and :latMax");
            if (!Double.isNaN(box[2])) {
                where.append(" and s.longitude between :lonMin and :lonMax");
            }
        }
        String distance = point == null ? "cast(null as double precision)" : """
                2 * 6371 * asin(sqrt(power(sin(radians(s.latitude - :lat) / 2), 2)
                    + cos(radians(:lat)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - :lon) / 2), 2)))""";
        // Without a point there is no distance to rank by (a constant sort key would hide from the
        // planner that the outer order is the subquery's).
        String order = (point == null ? "" : "distance_km nulls last, ") + "level desc nulls last, partner_name, site_name, label_key";
        // The candidates are ranked first (no booking read), then the availability is checked in that
        // order until LIMIT free places are found: "offset 0" keeps the two checks out of the ranked
        // subquery, and the outer order is the subquery's own (no second sort), so the probes stop early.
        var sql = jdbc.sql("""
                with latest_level as (
                    select distinct on (a.partner_id) a.partner_id, a.level from partner_level_assessment a
                    order by a.partner_id, a.assessed_on desc, a.created_at desc
                ), ranked as (
                    select * from (
                        select pl.id, pl.label, lower(pl.label) as label_key, pl.kind, s.id as site_id,
                               s.name as site_name, p.name as partner_name, p.partner_type, s.city,
                               s.departement_code, lv.level, %s as distance_km
                        from partner_place pl join partner_site s on s.id = pl.site_id join partner p on p.id = s.partner_id
                        left join latest_level lv on lv.partner_id = p.id
                        where %s
                    ) c
                    where %s
                    order by %s
                    offset 0
                )
                select * from ranked r
                where not exists (select 1 from place_booking b
                                  where b.place_id = r.id and b.held && daterange(:from, :until))
                  and not exists (select 1 from place_out_of_service o
                                  where o.place_id = r.id and daterange(o.starts_on, o.ends_on) && daterange(:from, :until))
                order by %s
                limit :limit""".formatted(distance, where, criteria.withinKm() == null ? "true" : "distance_km <= :km", order,
                order))
                .param("from", criteria.from()).param("until", criteria.until()).param("limit", LIMIT);
        if (criteria.kind() != null) {
            sql = sql.param("kind", criteria.kind());
        }
        if (departement != null) {
            sql = sql.param("dep", departement);
        }
        if (point != null) {
            sql = sql.param("lat", point[0]).param("lon", point[1]);
        }
        if (box != null) {
            sql = sql.param("latMin", box[0]).param("latMax", box[1]).param("km", criteria.withinKm());
            if (!Double.isNaN(box[2])) {
                sql = sql.param("lonMin", box[2]).param("lonMax", box[3]);
            }
        }
        return sql.query((rs, n) -> new FreePlace(rs.getObject("id", UUID.class), rs.getString("label"),
                        rs.getString("kind"), rs.getObject("site_id", UUID.class), rs.getString("site_name"),
                        rs.getString("partner_name"), rs.getString("partner_type"), rs.getString("city"),
                        rs.getString("departement_code"), rs.getObject("level", Integer.class),
                        rs.getObject("distance_km", Double.class)))
                .list();
    }

    /**
     * The latitude/longitude box holding every point within {@code km} of {@code point} on the
     * sphere the distance uses (radius 6,371 km), widened by 1 %: {latMin, latMax, lonMin, lonMax},
     * the longitudes NaN when the circle reaches a pole or crosses the antimeridian.
     */
    static double[] box(double[] point, int km) {
        double angle = 1.01 * km / 6371.0;
        double lat = Math.toRadians(point[0]);
        double latMin = Math.toDegrees(lat - angle);
        double latMax = Math.toDegrees(lat + angle);
        double ratio = Math.sin(angle) / Math.cos(lat);
        if (latMin <= -90 || latMax >= 90 || ratio >= 1) {
            return new double[] {latMin, latMax, Double.NaN, Double.NaN};
        }
        double dLon = Math.toDegrees(Math.asin(ratio));
        double lonMin = point[1] - dLon;
        double lonMax = point[1] + dLon;
        if (lonMin < -180 || lonMax > 180) {
            return new double[] {latMin, latMax, Double.NaN, Double.NaN};
        }
        return new double[] {latMin, latMax, lonMin, lonMax};
    }

    private double[] point(Criteria criteria) {
        if (criteria.nearSiteId() != null) {
            double[] site = jdbc.sql("select latitude, longitude from partner_site where id = ?")
                    .param(criteria.nearSiteId())
                    .query((rs, n) -> rs.getObject(1) == null ? new double[0] : new double[] {rs.getDouble(1), rs.getDouble(2)})
                    .optional().orElseThrow(BusinessException::notFound);
            if (site.length == 0) {
                throw new FieldRefusal("nearSiteId", "place.search.site.noCoordinates");
            }
            return site;
        }
        if ((criteria.latitude() == null) != (criteria.longitude() == null)) {
            throw new FieldRefusal("latitude", "place.search.point.incomplete");
        }
        if (criteria.latitude() == null) {
            return null;
        }
        if (Math.abs(criteria.latitude()) > 90 || Math.abs(criteria.longitude()) > 180) {
            throw new FieldRefusal("latitude", "place.search.point.invalid");
        }
        return new double[] {criteria.latitude(), criteria.longitude()};
    }
}
