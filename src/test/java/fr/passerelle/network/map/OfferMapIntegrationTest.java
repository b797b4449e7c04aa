package fr.passerelle.network.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.network.map.Offer.Provider;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offer read from the database: only the test's own published profiles exist during each test
 * (the others are removed in the test's transaction, which is rolled back).
 */
@PasserelleIntegrationTest
@Transactional
class OfferMapIntegrationTest {

    @Autowired OfferMap offerMap;
    @Autowired JdbcClient jdbc;

    /**
     * Acts as the federation for the rest of the (rolled-back) transaction: only the federation
     * writes published profiles, by row-level security.
     */
    static void asFederation(JdbcClient jdbc) {
        jdbc.sql("select set_config('passerelle.organisation_id',"
                + " (select cast(id as text) from organisation where kind = 'FEDERATION' order by created_at limit 1), true)")
                .query().singleRow();
    }

    /** Inserts a member association and its published profile; returns its id. */
    static UUID profile(JdbcClient jdbc, String name, boolean active, String field, List<String> courts,
            List<String> types) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, kind, name, city, active) values (?, 'ASSOCIATION', ?, 'Lyon', ?)")
                .params(id, name, active).update();
        jdbc.sql("""
                insert into association_profile (organisation_id, city, latitude, longitude, main_field)
                values (?, 'Lyon', 45.76, 4.83, ?)""").params(id, field).update();
        courts.forEach(c -> jdbc.sql("insert into association_profile_court (organisation_id, court_code) values (?, ?)")
                .params(id, c).update());
        types.forEach(t -> jdbc.sql(
                "insert into association_profile_activity (organisation_id, measure_type_code) values (?, ?)")
                .params(id, t).update());
        return id;
    }

    @Test
    void theOfferComesFromTheActiveMembersPublishedProfiles() {
        asFederation(jdbc);
        jdbc.sql("delete from association_profile").update();
        UUID alpha = profile(jdbc, "Alpha Carte", true, "PRE_SENTENCE", List.of("TJ-LYON", "TJ-VIENNE"), List.of("ESR", "TIG"));
        UUID beta = profile(jdbc, "Beta Carte", true, "RESTORATIVE", List.of("TJ-LYON"), List.of("ESR", "JUSTICE_RESTAURATIVE"));
        profile(jdbc, "Gamma partie", false, "MINORS", List.of("TJ-SAINT-ETIENNE"), List.of("MJIE"));

        Offer offer = offerMap.offer();
        long courts = jdbc.sql("select count(*) from judicial_court").query(Long.class).single();
        long types = jdbc.sql("select count(*) from default_measure_type").query(Long.class).single();
        assertThat(offer.courts()).hasSize((int) courts);
        assertThat(offer.types()).hasSize((int) types);

        Offer.CourtOffer lyon = offer.court("TJ-LYON").orElseThrow();
        assertThat(lyon.offered()).extracting(o -> o.type().code()).containsExactly("ESR", "TIG", "JUSTICE_RESTAURATIVE");
        assertThat(lyon.offered().get(0).providers()).extracting(Provider::organisationId).containsExactly(alpha, beta);
        assertThat(lyon.zonesBlanches()).hasSize((int) types - 3);
        assertThat(lyon.court().courtOfAppealName()).isEqualTo("Cour d'appel de Lyon");
        assertThat(offer.court("TJ-VIENNE").orElseThrow().zonesBlanches()).extracting(Offer.MeasureTypeRef::code)
                .contains("JUSTICE_RESTAURATIVE").doesNotContain("ESR", "TIG");
        // The association that left the network (inactive) provides nothing any more.
        assertThat(offer.court("TJ-SAINT-ETIENNE").orElseThrow().offered()).isEmpty();
        assertThat(offer.withoutProvider("MJIE")).hasSize((int) courts);
        assertThat(offer.withoutProvider("ESR")).extracting(c -> c.court().code())
                .doesNotContain("TJ-LYON", "TJ-VIENNE").hasSize((int) courts - 2);
        assertThat(offer.zonesBlanchesCount()).isEqualTo((int) (courts * types) - 5);
        assertThat(offer.courtsWithOffer()).isEqualTo(2);
        assertThat(offer.members()).extracting(Offer.Member::name).containsExactly("Alpha Carte", "Beta Carte");
    }

    @Test
    void theWholeNetworkIsComputedQuickly() {
        // 150 associations, each covering 3 courts with 6 measure types.
        List<String> courts = jdbc.sql("select code from judicial_court order by code").query(String.class).list();
        List<String> types = jdbc.sql("select code from default_measure_type order by code").query(String.class).list();
        asFederation(jdbc);
        jdbc.sql("delete from association_profile").update();
        for (int i = 0; i < 150; i++) {
            int first = i;
            profile(jdbc, "Association " + i, true, "POST_SENTENCE",
                    List.of(courts.get(first % courts.size()), courts.get((first + 50) % courts.size()),
                            courts.get((first + 100) % courts.size())),
                    List.of(types.get(first % types.size()), types.get((first + 3) % types.size()),
                            types.get((first + 6) % types.size()), types.get((first + 9) % types.size()),
                            types.get((first + 12) % types.size()), types.get((first + 15) % types.size())));
        }
        offerMap.offer();
        long start = System.nanoTime();
        Offer offer = offerMap.offer();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(offer.members()).hasSize(150);
        assertThat(offer.courtsWithOffer()).isEqualTo(courts.size());
        assertThat(offer.courts().stream().mapToInt(c -> c.offered().size()).sum()).isPositive();
        assertThat(millis).as("time to compute the whole offer, ms").isLessThan(1000);
    }
}
