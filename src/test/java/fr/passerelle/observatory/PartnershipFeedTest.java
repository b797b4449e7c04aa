package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.TestDates;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.partners.GivenPartners;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partnership facts an association's partners module gives the national observatory: its
 * partners by type and current level as counts with their record keys' sums, and the place-days of
 * its partners' sites by month, nothing else; the facts are replaced at each refresh. The test's
 * association is removed afterwards.
 */
@PasserelleIntegrationTest
class PartnershipFeedTest {

    @Autowired PartnershipFeed feed;
    @Autowired RecordKeySecret secret;
    @Autowired EmbeddedPostgresServer server;

    JdbcClient owner;
    UUID association;
    YearMonth month;

    @BeforeEach
    void givenAnAssociationWithPartnersAndABookedPlace() {
        owner = OwnerSql.of(server);
        association = UUID.randomUUID();
        owner.sql("insert into organisation (id, kind, name, city, active, shares_statistics) values (?, 'ASSOCIATION', ?, 'Lyon', true, true)")
                .params(association, "Association flux " + association).update();
        month = YearMonth.now(TestDates.PARIS).minusMonths(2);
    }

    @AfterEach
    void removeTheAssociation() {
        owner.sql("delete from obs_partner_level where organisation_id = ?").param(association).update();
        owner.sql("delete from obs_partner_occupancy where organisation_id = ?").param(association).update();
        owner.sql("delete from partner where organisation_id = ?").param(association).update();
        owner.sql("delete from organisation where id = ?").param(association).update();
    }

    @Test
    void theFactsAreCountsKeySumsAndPlaceDaysByMonthReplacedAtEachRefresh() {
        GivenPartners given = GivenPartners.owner(owner, association);
        UUID chrs = given.partner("CHRS Flux", "CHRS");
        given.level(chrs, 4, "2026-01-10");
        UUID other = given.partner("CHRS Flux deux", "CHRS");
        given.level(other, 4, "2026-01-10");
        UUID csapa = given.partner("CSAPA Flux", "CSAPA");
        UUID place = given.place(given.site(chrs, "Foyer"), "1", false);
        LocalDate first = month.atDay(1);
        given.booking(place, "ARRIVED", first.toString(), first.plusDays(6).toString(), first.toString(), null);

        feed.refresh(association);

        byte[] key = secret.derived();
        assertThat(levels()).containsExactlyInAnyOrder(
                List.of("CHRS", 4, 2, (long) CellKeyPerturbation.recordKey(key, chrs) + CellKeyPerturbation.recordKey(key, other)),
                List.of("CSAPA", 0, 1, (long) CellKeyPerturbation.recordKey(key, csapa)));
        Map<LocalDate, List<Long>> occupancy = occupancy();
        assertThat(occupancy.get(first)).containsExactly((long) month.lengthOfMonth(), 6L);
        assertThat(occupancy).hasSize(PartnershipFeed.MONTHS);

        given.archive(csapa);
        feed.refresh(association);
        assertThat(levels()).extracting(l -> l.get(0)).containsExactly("CHRS");
    }

    private List<List<Object>> levels() {
        return owner.sql("select partner_type, level, partners, key_sum from obs_partner_level where organisation_id = ?")
                .param(association)
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4))).list();
    }

    private Map<LocalDate, List<Long>> occupancy() {
        Map<LocalDate, List<Long>> months = new java.util.TreeMap<>();
        owner.sql("select month, available_days, booked_days from obs_partner_occupancy where organisation_id = ?")
                .param(association)
                .query((rs, n) -> months.put(rs.getObject(1, LocalDate.class), List.of(rs.getLong(2), rs.getLong(3))))
                .list();
        return months;
    }
}
