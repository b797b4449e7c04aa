package fr.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The Lyon CHRS's demo bookings and the measures (issue 16, demo data): the six PE places are
 * reserved under its PE convention, a year of their bookings in every outcome is tied to placement
 * à l'extérieur measures, and the days counted on each measure — what billing bills per day — are
 * exactly the days of presence of its departed bookings, counted once.
 */
@PasserelleIntegrationTest
class DemoPlacesTest {

    @Autowired
    DemoPlaces demoPlaces;

    @Autowired
    Persons persons;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theChrsPePlacesHaveAYearOfBookingsForPlacementMeasuresWhoseDaysComeFromTheDeparturesOnly() {
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        JdbcClient owner = OwnerSql.of(server);
        LocalDate today = LocalDate.now(clock);
        // The places are written once: start again from the CHRS without places (another test may have seeded them).
        owner.sql("""
                delete from partner_place where site_id in (select s.id from partner_site s join partner p on p.id = s.partner_id
                                                            where p.organisation_id = ? and p.name = ?)""")
                .params(worker.organisationId(), DemoPartners.CHRS_NAME).update();
        for (int i = 0; i < 12; i++) {
            persons.create(new Persons.PersonData("Hébergé" + i, "Demo", LocalDate.of(1980, 1, 1 + i), null, null,
                    null, null, null, null, null, null), true);
        }

        assertThat(demoPlaces.seedAs("intervenant", today)).isPositive();

        UUID site = owner.sql("""
                select s.id from partner_site s join partner p on p.id = s.partner_id
                where p.organisation_id = ? and p.name = ? and exists (select 1 from partner_place pl where pl.site_id = s.id)""")
                .params(worker.organisationId(), DemoPartners.CHRS_NAME).query(UUID.class).single();
        assertThat(owner.sql("""
                select coalesce(c.reference, '-') from partner_place pl left join partner_convention c on c.id = pl.convention_id
                where pl.site_id = ? and pl.kind = 'PE_RESERVED'""").param(site).query(String.class).list())
                .hasSize(6).containsOnly(DemoConventions.RELAIS_REFERENCE);

        String peBookings = """
                from place_booking b join partner_place pl on pl.id = b.place_id
                where pl.site_id = ? and pl.kind = 'PE_RESERVED'""";
        assertThat(owner.sql("select count(*) " + peBookings + " and b.measure_id is null").param(site)
                .query(Long.class).single()).as("every PE booking is tied to a measure").isZero();
        assertThat(owner.sql("select distinct t.code " + peBookings.replace("where", """
                join measure m on m.id = b.measure_id join measure_type t on t.id = m.measure_type_id
                join person pe on pe.id = b.person_id and pe.id = m.person_id where""")).param(site)
                .query(String.class).list()).containsExactly(DemoPlaces.PE_TYPE);
        Map<String, Long> statuses = new java.util.HashMap<>();
        owner.sql("select b.status, count(*) " + peBookings + " group by b.status").param(site)
                .query((rs, n) -> statuses.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(statuses).containsEntry("CANCELLED", 1L).containsEntry("DID_NOT_ARRIVE", 1L)
                .containsKeys("CONFIRMED", "ARRIVED", "DEPARTED");
        assertThat(statuses.get("DEPARTED")).isGreaterThanOrEqualTo(12);
        assertThat(owner.sql("select min(b.starts_on) " + peBookings).param(site).query(LocalDate.class).single())
                .isBeforeOrEqualTo(today.minusDays(350));
        assertThat(owner.sql("select count(*) " + peBookings + " and b.status = 'DEPARTED' and b.departure_reason is null")
                .param(site).query(Long.class).single()).isZero();
        assertThat(owner.sql("""
                select e.kind from place_booking_event e join place_booking b on b.id = e.booking_id
                join partner_place pl on pl.id = b.place_id
                where pl.site_id = ? and pl.kind = 'PE_RESERVED' and e.kind in ('EXTENDED', 'ABSENCE')""")
                .param(site).query(String.class).list()).containsExactlyInAnyOrder("EXTENDED", "ABSENCE");
        assertThat(owner.sql("select count(*) from measure_incident i where i.urgent and i.measure_id in (select b.measure_id "
                + peBookings + ")").param(site).query(Long.class).single()).isEqualTo(1);

        // The days on each measure are the nights of its departed bookings: [arrival, departure), once.
        List<Object[]> days = owner.sql("""
                select m.id,
                       (select coalesce(sum(b.departed_on - b.arrived_on), 0) from place_booking b
                        where b.measure_id = m.id and b.status = 'DEPARTED') as booked,
                       (select coalesce(sum(e.quantity), 0) from measure_quantity_entry e where e.measure_id = m.id) as counted,
                       (select count(*) - count(distinct e.entry_date) from measure_quantity_entry e where e.measure_id = m.id)
                           as twice
                from measure m where m.id in (select b.measure_id""" + " " + peBookings + ")")
                .param(site).query((rs, n) -> new Object[] {rs.getObject(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getLong(4)}).list();
        assertThat(days).hasSizeGreaterThanOrEqualTo(statuses.values().stream().mapToInt(Long::intValue).sum());
        assertThat(days).allSatisfy(row -> {
            assertThat((BigDecimal) row[2]).as("days counted on measure %s", row[0]).isEqualByComparingTo((BigDecimal) row[1]);
            assertThat((Long) row[3]).as("a date counted twice on measure %s", row[0]).isZero();
        });
        assertThat(days.stream().map(row -> (BigDecimal) row[2]).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isGreaterThan(new BigDecimal("500"));
    }
}
