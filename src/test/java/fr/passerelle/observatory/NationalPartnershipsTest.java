package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.observatory.NationalPartnerships.RegionOccupancy;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.partners.GivenPartners;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national partnership figures from given facts (the only facts during each test: the others are
 * removed in its transaction, which is rolled back): exact occupancy rates by region of the sharing
 * associations over the months asked, a region of too few associations not listed, and partners by
 * type and level through the cell-key perturbation, a type of too few partners not listed.
 *
 * <pre>
 * region   associations (sharing)   March 2026 place-days (available / booked)
 * T16-NORD 8 (+1 not sharing)       100 each / 10, 20 ... 80 (the one not sharing: 100 / 100)
 * T16-SUD  2                        50 each / 50
 * </pre>
 */
@PasserelleIntegrationTest
@Transactional
class NationalPartnershipsTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Autowired NationalPartnerships partnerships;
    @Autowired RecordKeySecret secret;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgresServer server;

    List<UUID> north = new ArrayList<>();
    List<UUID> south = new ArrayList<>();
    UUID notSharing;
    CellKeyPerturbation perturbation = new CellKeyPerturbation();

    @BeforeEach
    void givenTheFactsOfTwoRegions() {
        // Every other test's facts out (the owner: row-level security keeps each association to its own).
        OwnerSql.of(server).sql("delete from obs_partner_level").update();
        OwnerSql.of(server).sql("delete from obs_partner_occupancy").update();
        notSharing = givenTheFactsOfTwoRegions(jdbc, north, south);
    }

    /**
     * The associations and facts of the table above, written with the given client; the sharing
     * associations of each region are added to the lists, the one not sharing is returned.
     */
    static UUID givenTheFactsOfTwoRegions(JdbcClient jdbc, List<UUID> north, List<UUID> south) {
        GivenPartners given = new GivenPartners(jdbc);
        for (int i = 1; i <= 8; i++) {
            UUID a = given.association("Nord " + i + " " + UUID.randomUUID(), "T16-NORD");
            north.add(a);
            occupancy(jdbc, a, MARCH, 100, 10L * i);
            // Outside the period asked: not counted.
            occupancy(jdbc, a, MARCH.plusMonths(2), 100, 0);
        }
        UUID notSharing = given.association("Nord discret " + UUID.randomUUID(), "T16-NORD");
        jdbc.sql("update organisation set shares_statistics = false where id = ?").param(notSharing).update();
        occupancy(jdbc, notSharing, MARCH, 100, 100);
        for (int i = 1; i <= 2; i++) {
            UUID a = given.association("Sud " + i + " " + UUID.randomUUID(), "T16-SUD");
            south.add(a);
            occupancy(jdbc, a, MARCH, 50, 50);
        }
        return notSharing;
    }

    @Test
    void theOccupancyOfARegionIsExactAndARegionOfTooFewAssociationsIsNotListed() {
        NationalPartnerships.Result result = partnerships.compute(MARCH, MARCH.plusMonths(1));

        RegionOccupancy nord = result.regions().stream().filter(r -> r.code().equals("T16-NORD")).findFirst()
                .orElseThrow();
        // (10 + 20 + ... + 80) / 800, the association that does not share left out.
        assertThat(nord.rate()).isEqualByComparingTo("45.0");
        assertThat(nord.name()).isEqualTo("Région T16-NORD");
        assertThat(nord.associations()).isEqualTo(perturbation.publish(8, keys(north))).isBetween(6L, 10L);
        // Two associations: whatever the noise, fewer than the threshold; the region is not listed at all.
        assertThat(result.regions()).extracting(RegionOccupancy::code).doesNotContain("T16-SUD");
        // The whole network: ten sharing associations, (360 + 100) / (800 + 100).
        assertThat(result.network().rate()).isEqualByComparingTo("51.1");
        List<UUID> all = new ArrayList<>(north);
        all.addAll(south);
        assertThat(result.network().associations()).isEqualTo(perturbation.publish(10, keys(all)));
    }

    @Test
    void partnersByTypeAndLevelArePerturbedAndATypeOfTooFewPartnersIsNotListed() {
        long chrsKeys = 0;
        for (int i = 0; i < 4; i++) {
            long k = 1000L * (i + 1);
            chrsKeys += k;
            level(north.get(i), "CHRS", 4, 3, k);
        }
        level(north.get(5), "LAM", 1, 2, 77);

        NationalPartnerships.Result result = partnerships.compute(MARCH, MARCH);

        assertThat(result.types()).containsExactly("CHRS");
        int four = NationalPartnerships.LEVELS.indexOf(4);
        assertThat(result.levels().cell(0, four)).isEqualTo(perturbation.publish(12, CellKeyPerturbation.cellKey(chrsKeys)))
                .isBetween(10L, 14L);
        assertThat(result.levels().cell(0, NationalPartnerships.LEVELS.indexOf(1))).isNull();
        assertThat(result.levels().count(0, four)).isEqualTo(12);
    }

    @Test
    void withoutAnyFactNothingIsPublished() {
        List<UUID> all = new ArrayList<>(north);
        all.addAll(south);
        all.add(notSharing);
        for (UUID a : all) {
            actAs(jdbc, a);
            jdbc.sql("delete from obs_partner_occupancy where organisation_id = ?").param(a).update();
        }

        NationalPartnerships.Result result = partnerships.compute(MARCH, MARCH);

        assertThat(result.regions()).isEmpty();
        assertThat(result.network()).isNull();
        assertThat(result.levels()).isNull();
    }

    long keys(List<UUID> associations) {
        return keys(secret, associations);
    }

    static long keys(RecordKeySecret secret, List<UUID> associations) {
        byte[] key = secret.derived();
        return CellKeyPerturbation.cellKey(associations.stream()
                .mapToLong(a -> CellKeyPerturbation.recordKey(key, a)).toArray());
    }

    private static void occupancy(JdbcClient jdbc, UUID association, YearMonth month, long available, long booked) {
        actAs(jdbc, association);
        jdbc.sql("insert into obs_partner_occupancy (organisation_id, month, available_days, booked_days) values (?, ?, ?, ?)")
                .params(association, month.atDay(1), available, booked).update();
    }

    void level(UUID association, String type, int level, int partners, long keySum) {
        level(jdbc, association, type, level, partners, keySum);
    }

    static void level(JdbcClient jdbc, UUID association, String type, int level, int partners, long keySum) {
        actAs(jdbc, association);
        jdbc.sql("insert into obs_partner_level (organisation_id, partner_type, level, partners, key_sum) values (?, ?, ?, ?, ?)")
                .params(association, type, level, partners, keySum).update();
    }

    /** The facts are written as their association's (row-level security), as the feed writes them. */
    private static void actAs(JdbcClient jdbc, UUID association) {
        jdbc.sql("select set_config('passerelle.organisation_id', ?, true)").param(association.toString())
                .query(String.class).single();
    }
}
