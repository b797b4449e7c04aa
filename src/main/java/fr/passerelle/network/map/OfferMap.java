package fr.passerelle.network.map;

import fr.passerelle.network.Courts;
import fr.passerelle.network.map.Offer.MeasureTypeRef;
import fr.passerelle.network.map.Offer.Member;
import fr.passerelle.network.map.Offer.Provision;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the offer of measures by court from the published association profiles and the reference
 * data only (courts, national catalogue): three small queries whatever the size of the network.
 * Only active member associations count.
 */
@Service
public class OfferMap {

    private final JdbcClient jdbc;
    private final Courts courts;

    OfferMap(JdbcClient jdbc, Courts courts) {
        this.jdbc = jdbc;
        this.courts = courts;
    }

    @Transactional(readOnly = true)
    public Offer offer() {
        List<MeasureTypeRef> types = jdbc.sql("select code, label, field from network_measure_catalogue_v order by position, code")
                .query((rs, n) -> new MeasureTypeRef(rs.getString("code"), rs.getString("label"), rs.getString("field")))
                .list();
        List<Provision> provisions = jdbc.sql("""
                select c.court_code, a.measure_type_code, o.id, o.name
                from association_profile_court c
                join association_profile_activity a on a.organisation_id = c.organisation_id
                join identity_organisation_v o on o.id = c.organisation_id
                where o.active and o.kind = 'ASSOCIATION'""")
                .query((rs, n) -> new Provision(rs.getString("court_code"), rs.getString("measure_type_code"),
                        rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        List<Member> members = jdbc.sql("""
                select o.id, o.name, coalesce(p.city, o.city) as city, p.latitude, p.longitude, p.main_field
                from association_profile p join identity_organisation_v o on o.id = p.organisation_id
                where o.active and o.kind = 'ASSOCIATION'
                order by lower(o.name), o.id""")
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("city"),
                        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("main_field")))
                .list();
        return Offer.compute(courts.judicialCourts("", ""), types, provisions, members);
    }
}
