package fr.passerelle.partners;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "given" helpers of the partnership figures' tests: a new association, and its partners, sites,
 * places, periods out of service, bookings and assessments written as rows under the application
 * role and the association's row-level security, inside the test's own (rolled-back) transaction.
 * {@link #actAs} switches the association the transaction acts for. {@link #owner} writes them as
 * the database owner for one association instead, committed (for tests of pages).
 */
public final class GivenPartners {

    private final JdbcClient jdbc;
    private final UUID fixed;

    public GivenPartners(JdbcClient jdbc) {
        this(jdbc, null);
    }

    private GivenPartners(JdbcClient jdbc, UUID fixed) {
        this.jdbc = jdbc;
        this.fixed = fixed;
    }

    /** The helpers writing as the database owner (see {@code OwnerSql}), every row in the association. */
    public static GivenPartners owner(JdbcClient owner, UUID association) {
        return new GivenPartners(owner, association);
    }

    /** A new active association of a region (created if new, named after its code), sharing its statistics. */
    public UUID association(String name, String region) {
        jdbc.sql("insert into network_region (code, name) values (?, ?) on conflict (code) do nothing")
                .params(region, "Région " + region).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into organisation (id, kind, name, city, active, region_code, shares_statistics)
                values (?, 'ASSOCIATION', ?, 'Lyon', true, ?, true)""").params(id, name, region).update();
        return id;
    }

    /** The rest of the transaction acts for this association (row-level security). */
    public void actAs(UUID organisation) {
        jdbc.sql("select set_config('passerelle.organisation_id', ?, true)").param(organisation.toString())
                .query().singleRow();
    }

    private UUID organisation() {
        if (fixed != null) {
            return fixed;
        }
        return jdbc.sql("select current_organisation_id()").query(UUID.class).single();
    }

    public UUID partner(String name, String type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner (id, organisation_id, name, partner_type, created_at, created_by, updated_at)
                values (?, ?, ?, ?, now(), ?, now())""").params(id, organisation(), name, type, UUID.randomUUID())
                .update();
        return id;
    }

    public void archive(UUID partner) {
        jdbc.sql("update partner set archived = true where id = ?").param(partner).update();
    }

    /** A site of the partner at a point of Lyon. */
    public UUID site(UUID partner, String name) {
        return site(partner, name, "12 rue de la République", 45.76, 4.835);
    }

    public UUID site(UUID partner, String name, String address, Double lat, Double lon) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_site (id, organisation_id, partner_id, name, address, postcode, city, departement_code,
                                          latitude, longitude, created_at)
                values (?, ?, ?, ?, ?, '69001', 'Lyon', '69', ?, ?, now())""")
                .params(id, organisation(), partner, name, address, lat, lon).update();
        return id;
    }

    public UUID place(UUID site, String label, boolean archived) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_place (id, organisation_id, site_id, label, kind, archived, created_at, created_by)
                values (?, ?, ?, ?, 'INDIVIDUAL', ?, now(), ?)""")
                .params(id, organisation(), site, label, archived, UUID.randomUUID()).update();
        return id;
    }

    /** A period [from, until) out of service. */
    public void outOfService(UUID place, String from, String until) {
        jdbc.sql("""
                insert into place_out_of_service (id, organisation_id, place_id, starts_on, ends_on, reason, created_at,
                                                  created_by)
                values (?, ?, ?, ?, ?, 'Travaux', now(), ?)""")
                .params(UUID.randomUUID(), organisation(), place, LocalDate.parse(from), LocalDate.parse(until),
                        UUID.randomUUID()).update();
    }

    /** A booking of [from, until) in a status, with its arrival and departure dates (null when none). */
    public void booking(UUID place, String status, String from, String until, String arrived, String departed) {
        jdbc.sql("""
                insert into place_booking (id, organisation_id, place_id, person_id, starts_on, ends_on, status, arrived_on,
                                           departed_on, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)""")
                .params(UUID.randomUUID(), organisation(), place, UUID.randomUUID(), LocalDate.parse(from),
                        LocalDate.parse(until), status, date(arrived), date(departed), UUID.randomUUID()).update();
    }

    /** An assessment of the partner's level on a date. */
    public void level(UUID partner, int level, String on) {
        jdbc.sql("""
                insert into partner_level_assessment (id, organisation_id, partner_id, level, assessed_on, assessed_by,
                                                      assessed_by_name, created_at)
                values (?, ?, ?, ?, ?, ?, 'Test', clock_timestamp())""")
                .params(UUID.randomUUID(), organisation(), partner, level, LocalDate.parse(on), UUID.randomUUID())
                .update();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
