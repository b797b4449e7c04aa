package fr.passerelle.partners;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import fr.passerelle.shared.TenantContext;

/**
 * The current association's partner sites that have coordinates, for the private layer of the map:
 * each with its partner's name, type and current partnership level, and its address. Read under the
 * association's row-level security by a reader of partners; archived partners are left out.
 */
@Service
public class PartnerSitesMap {

    /** A located site of a partner; {@code level} is null when the partner was never assessed. */
    public record LocatedSite(UUID siteId, String siteName, UUID partnerId, String partnerName, String partnerType,
            Integer level, String address, String postcode, String city, double latitude, double longitude) {}

    private final JdbcClient jdbc;

    PartnerSitesMap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The located sites of the association's partners (not archived), by partner then site name. */
    @Transactional(readOnly = true)
    public List<LocatedSite> sites() {
        if (!TenantContext.hasAuthority(PartnerDirectory.READ)) {
            throw new AccessDeniedException(PartnerDirectory.READ + " required");
        }
        return jdbc.sql("""
                        select s.id, s.name, p.id as partner_id, p.name as partner_name, p.partner_type,
                               (select a.level from partner_level_assessment a where a.partner_id = p.id
                                order by a.assessed_on desc, a.created_at desc, a.id desc limit 1) as level,
                               s.address, s.postcode, s.city, s.latitude, s.longitude
                        from partner_site s join partner p on p.id = s.partner_id
                        where not p.archived and s.latitude is not null and s.longitude is not null
                        order by lower(p.name), p.id, lower(s.name), s.id""")
                .query((rs, n) -> new LocatedSite(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("partner_id", UUID.class), rs.getString("partner_name"),
                        rs.getString("partner_type"), rs.getObject("level", Integer.class), rs.getString("address"),
                        rs.getString("postcode"), rs.getString("city"), rs.getDouble("latitude"),
                        rs.getDouble("longitude")))
                .list();
    }
}
