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
        return jdbc.sql("""
                with candidate as (
                    select pl.id, pl.label, pl.kind, s.id as site_id, s.name as site_name, p.name as partner_name,
                           p.partner_type, s.city, s.departement_code,
                           (select a.level from partner_level_assessment a where a.partner_id = p.id
                            order by a.assessed_on desc, a.created_at desc limit 1) as level,
                           case when cast(:lat as double precision) is null or s.latitude is null then null
                                else 2 * 6371 * asin(sqrt(power(sin(radians(s.latitude - :lat) / 2), 2)
                                    + cos(radians(:lat)) * cos(radians(s.latitude))
                                      * power(sin(radians(s.longitude - :lon) / 2), 2))) end as distance_km
                    from partner_place pl join partner_site s on s.id = pl.site_id join partner p on p.id = s.partner_id
                    where not pl.archived and not p.archived
                      and (cast(:kind as varchar) is null or pl.kind = :kind)
                      and (cast(:dep as varchar) is null or s.departement_code = :dep)
                      and not exists (select 1 from place_booking b
                                      where b.place_id = pl.id and b.held && daterange(:from, :until))
                      and not exists (select 1 from place_out_of_service o
                                      where o.place_id = pl.id and daterange(o.starts_on, o.ends_on) && daterange(:from, :until))
                )
                select * from candidate
                where cast(:km as int) is null or distance_km <= :km
                order by distance_km nulls last, level desc nulls last, partner_name, site_name, lower(label)
                limit :limit""")
                .param("lat", point == null ? null : point[0]).param("lon", point == null ? null : point[1])
                .param("kind", criteria.kind()).param("dep", departement).param("from", criteria.from())
                .param("until", criteria.until()).param("km", criteria.withinKm()).param("limit", LIMIT)
                .query((rs, n) -> new FreePlace(rs.getObject("id", UUID.class), rs.getString("label"),
                        rs.getString("kind"), rs.getObject("site_id", UUID.class), rs.getString("site_name"),
                        rs.getString("partner_name"), rs.getString("partner_type"), rs.getString("city"),
                        rs.getString("departement_code"), rs.getObject("level", Integer.class),
                        rs.getObject("distance_km", Double.class)))
                .list();
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
