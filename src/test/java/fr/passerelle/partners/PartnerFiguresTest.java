package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.partners.PartnerFigures.LevelsOfType;
import fr.passerelle.partners.PartnerFigures.Occupancy;
import fr.passerelle.partners.PartnerFigures.SiteOccupancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership figures of an association, from given places, periods out of service, bookings
 * and assessments: exact occupancy rates by site and month, partners by type and current level,
 * and nothing of another association. Each test works in a new association of its own, in a
 * transaction rolled back at its end.
 */
@PasserelleIntegrationTest
@Transactional
class PartnerFiguresTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    @Autowired PartnerFigures figures;
    @Autowired JdbcClient jdbc;

    GivenPartners given;
    UUID association;

    @BeforeEach
    void givenANewAssociation() {
        given = new GivenPartners(jdbc);
        association = given.association("Association chiffres " + UUID.randomUUID(), "T16-A");
        given.actAs(association);
    }

    @Test
    void occupancyIsTheBookedPlaceDaysOverTheAvailableOnesLessOutOfServiceByMonth() {
        UUID partner = given.partner("CHRS Les Tilleuls", "CHRS");
        UUID site = given.site(partner, "Tilleuls – centre");
        UUID first = given.place(site, "1", false);
        UUID second = given.place(site, "2", false);
        UUID archived = given.place(site, "3", true);
        given.outOfService(first, "2026-03-10", "2026-03-20");
        // Held from the 1st to the departure on the 5th: 4 days, whatever the planned end.
        given.booking(first, "DEPARTED", "2026-03-01", "2026-03-31", "2026-03-01", "2026-03-05");
        // 7 days of March, 4 of April.
        given.booking(first, "CONFIRMED", "2026-03-25", "2026-04-05", null, null);
        // 10 days of March (arrived in February).
        given.booking(second, "ARRIVED", "2026-02-20", "2026-03-11", "2026-02-20", null);
        // Neither a cancelled booking, nor a request, nor a person who did not arrive holds the place.
        given.booking(second, "CANCELLED", "2026-03-15", "2026-03-20", null, null);
        given.booking(second, "REQUESTED", "2026-04-10", "2026-04-20", null, null);
        given.booking(second, "DID_NOT_ARRIVE", "2026-04-20", "2026-04-25", null, null);
        // An archived place counts neither its days nor its bookings.
        given.booking(archived, "ARRIVED", "2026-03-01", "2026-05-01", "2026-03-01", null);

        List<SiteOccupancy> sites = figures.occupancy(MARCH, LocalDate.of(2026, 4, 30));

        assertThat(sites).singleElement().satisfies(s -> {
            assertThat(s.siteId()).isEqualTo(site);
            assertThat(s.partnerName()).isEqualTo("CHRS Les Tilleuls");
            assertThat(s.partnerType()).isEqualTo("CHRS");
            assertThat(s.months()).containsExactly(
                    java.util.Map.entry(YearMonth.of(2026, 3), new Occupancy(2 * 31 - 10, 4 + 7 + 10)),
                    java.util.Map.entry(YearMonth.of(2026, 4), new Occupancy(2 * 30, 4)));
            assertThat(s.months().get(YearMonth.of(2026, 3)).rate()).isEqualByComparingTo("40.4");
            assertThat(s.months().get(YearMonth.of(2026, 4)).rate()).isEqualByComparingTo("6.7");
            assertThat(s.total()).isEqualTo(new Occupancy(112, 25));
            assertThat(s.total().rate()).isEqualByComparingTo("22.3");
        });
    }

    @Test
    void aPeriodCountsOnlyItsOwnDaysOfItsFirstAndLastMonths() {
        UUID site = given.site(given.partner("CHU Nuit", "CHU"), "Nuit");
        UUID first = given.place(site, "A", false);
        UUID second = given.place(site, "B", false);
        given.outOfService(first, "2026-03-10", "2026-03-20");
        given.booking(first, "CONFIRMED", "2026-03-25", "2026-04-05", null, null);
        given.booking(second, "ARRIVED", "2026-02-20", "2026-03-11", "2026-02-20", null);

        SiteOccupancy s = figures.occupancy(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 2)).get(0);

        // 15–31 March: 2 × 17 place-days less 5 out of service, 7 booked; 1–2 April: 4 available, 2 booked.
        assertThat(s.months().get(YearMonth.of(2026, 3))).isEqualTo(new Occupancy(29, 7));
        assertThat(s.months().get(YearMonth.of(2026, 4))).isEqualTo(new Occupancy(4, 2));
        assertThat(figures.occupancyByMonth(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 2)))
                .containsEntry(YearMonth.of(2026, 3), new Occupancy(29, 7));
    }

    @Test
    void aSiteWithoutAnyBookingIsAtZeroAndAMonthWithoutPlaceHasNoRate() {
        UUID site = given.site(given.partner("ACT Rive", "ACT"), "Rive");
        given.place(site, "Unique", false);
        given.outOfService(given.place(site, "Travaux", false), "2026-03-01", "2026-04-01");

        SiteOccupancy s = figures.occupancy(MARCH, LocalDate.of(2026, 3, 31)).get(0);

        assertThat(s.total()).isEqualTo(new Occupancy(31, 0));
        assertThat(s.total().rate()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Occupancy.NONE.rate()).isNull();
    }

    @Test
    void partnersAreCountedByTypeAndCurrentLevelTheLatestAssessment() {
        UUID reassessed = given.partner("CHRS Un", "CHRS");
        // The assessment of January is the latest, although recorded before the older one.
        given.level(reassessed, 4, "2026-01-10");
        given.level(reassessed, 3, "2025-06-01");
        given.partner("CHRS Deux", "CHRS");
        given.level(given.partner("CSAPA Trois", "CSAPA"), 2, "2026-02-01");
        UUID archived = given.partner("SPIP Quatre", "SPIP");
        given.level(archived, 1, "2026-02-01");
        given.archive(archived);

        assertThat(figures.levelsByType()).containsExactly(
                new LevelsOfType("CHRS", 1, 0, 0, 0, 1),
                new LevelsOfType("CSAPA", 0, 0, 1, 0, 0));
        assertThat(figures.partnerLevels()).hasSize(3).extracting(PartnerFigures.PartnerLevel::level)
                .containsExactlyInAnyOrder(4, null, 2);
    }

    @Test
    void anotherAssociationsPartnersPlacesAndBookingsAreNeverCounted() {
        UUID other = given.association("Autre association " + UUID.randomUUID(), "T16-A");
        given.actAs(other);
        UUID site = given.site(given.partner("CHRS Ailleurs", "CHRS"), "Ailleurs");
        UUID place = given.place(site, "1", false);
        given.booking(place, "CONFIRMED", "2026-03-01", "2026-03-10", null, null);
        given.level(given.partner("CSAPA Ailleurs", "CSAPA"), 3, "2026-01-01");

        given.actAs(association);
        given.place(given.site(given.partner("CHU Ici", "CHU"), "Ici"), "1", false);

        assertThat(figures.occupancy(MARCH, LocalDate.of(2026, 3, 31))).extracting(SiteOccupancy::partnerName)
                .containsExactly("CHU Ici");
        assertThat(figures.levelsByType()).containsExactly(new LevelsOfType("CHU", 1, 0, 0, 0, 0));
    }
}
