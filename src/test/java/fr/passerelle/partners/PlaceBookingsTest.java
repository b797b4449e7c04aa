package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings of a partner's places: the transitions and their events, overlaps refused by the
 * database whatever the concurrency, bad input refused with nothing changed, and for a placement
 * à l'extérieur the days of presence and the urgent incident on the measure.
 */
@PasserelleIntegrationTest
class PlaceBookingsTest {

    @Autowired
    PlaceBookings bookings;

    @Autowired
    PartnerPlaces places;

    @Autowired
    PartnerConventions conventions;

    @Autowired
    FollowUp followUp;

    @Autowired
    PlacesDemoData demo;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    GivenPlaces given;
    PasserelleUser worker;
    LocalDate today;
    UUID site;

    @BeforeEach
    void givenACaseWorkerAndAChrsSite() {
        given = new GivenPlaces(server, places, persons, measures, catalogue);
        worker = SignedIn.as(users, "intervenant");
        today = LocalDate.now(TestDates.PARIS);
        site = given.site(worker.organisationId(), "CHRS Test " + UUID.randomUUID(), "CHRS", "69", 45.75, 4.84, 3);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlaceIsReservedUnderAConventionOfItsOwnPartnerOnly() {
        UUID other = given.site(worker.organisationId(), "CHRS Autre " + UUID.randomUUID(), "CHRS", "69", 45.7, 4.8, 2);
        UUID place = given.place(site, "PE 1", "PE_RESERVED");
        SignedIn.as(users, "cheffe.service");
        UUID own = conventions.create(convention(places.site(site).partnerId()));
        UUID foreign = conventions.create(convention(places.site(other).partnerId()));

        assertThatThrownBy(() -> places.setConvention(place, foreign))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("place.convention.invalid"));
        assertThat(places.place(place).conventionId()).isNull();

        places.setConvention(place, own);
        assertThat(places.place(place).conventionId()).isEqualTo(own);
        places.setConvention(place, null);
        assertThat(places.place(place).conventionId()).isNull();
    }

    private PartnerConventions.ConventionData convention(UUID partner) {
        return new PartnerConventions.ConventionData(partner, ConventionObject.PLACEMENT_EXTERIEUR,
                "PE-" + UUID.randomUUID().toString().substring(0, 6), "Places PE", null, today.minusMonths(1),
                today.minusMonths(1), today.plusYears(1), 6, new java.math.BigDecimal("33.00"), null);
    }

    @Test
    void twoWorkersConfirmingTheLastFreePlaceAtTheSameMomentOneIsConfirmedAndTheOtherIsToldClearly() throws Exception {
        UUID taken = given.place(site, "1", "INDIVIDUAL");
        UUID last = given.place(site, "2", "INDIVIDUAL");
        bookings.book(new PlaceBookings.Request(taken, given.person("Occupe"), null, today, today.plusDays(30)));
        UUID first = bookings.request(new PlaceBookings.Request(last, given.person("Premier"), null, today.plusDays(2),
                today.plusDays(20)));
        UUID second = bookings.request(new PlaceBookings.Request(last, given.person("Second"), null, today,
                today.plusDays(10)));
        CountDownLatch confirmedNotCommitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> {
            SignedIn.as(users, "intervenant");
            try {
                tx.executeWithoutResult(s -> {
                    bookings.confirm(first);
                    confirmedNotCommitted.countDown();
                    await(release);
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(confirmedNotCommitted.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
            SignedIn.as(users, "cheffe.service");
            try {
                bookings.confirm(second);
                return null;
            } catch (RuntimeException refused) {
                return refused;
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        Awaitility.await().pollInSameThread().alias("the second confirmation waits for the first")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> given.owner().sql("select count(*) from pg_locks where not granted").query(Long.class)
                        .single() > 0);
        release.countDown();
        one.get(30, TimeUnit.SECONDS);
        Throwable refusal = other.get(30, TimeUnit.SECONDS);

        assertThat(refusal).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "booking.place.taken");
        assertThat(statusOf(first)).isEqualTo("CONFIRMED");
        assertThat(statusOf(second)).isEqualTo("REQUESTED");
    }

    @Test
    void theDatabaseRefusesTwoBookingsHoldingOnePlaceOverOverlappingDatesWhateverTheWriter() {
        UUID place = given.place(site, "1", "INDIVIDUAL");
        UUID person = given.person("Constraint");
        String insert = """
                insert into place_booking (id, organisation_id, place_id, person_id, starts_on, ends_on, status, created_at,
                                           created_by)
                values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now(), ?)""";
        given.owner().sql(insert).params(worker.organisationId(), place, person, today, today.plusDays(10), "CONFIRMED",
                worker.userId()).update();
        given.owner().sql(insert).params(worker.organisationId(), place, person, today.plusDays(5), today.plusDays(8),
                "REQUESTED", worker.userId()).update();
        given.owner().sql(insert).params(worker.organisationId(), place, person, today.plusDays(10), today.plusDays(12),
                "CONFIRMED", worker.userId()).update();

        assertThatThrownBy(() -> given.owner().sql(insert).params(worker.organisationId(), place, person,
                today.plusDays(9), today.plusDays(11), "CONFIRMED", worker.userId()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .hasMessageContaining("place_booking_place_id_held_excl");
    }

    @Test
    void refusesOverlapsAndBadDatesWithAClearMessageAndChangesNothing() {
        UUID place = given.place(site, "1", "INDIVIDUAL");
        UUID person = given.person("Dates");
        UUID held = bookings.book(new PlaceBookings.Request(place, person, null, today.minusDays(5), today.plusDays(5)));
        long before = count();

        assertRefused(() -> bookings.book(new PlaceBookings.Request(place, person, null, today.plusDays(4),
                today.plusDays(9))), "booking.place.taken");
        assertRefused(() -> bookings.request(new PlaceBookings.Request(place, person, null, today.plusDays(9),
                today.plusDays(9))), "booking.endsOn.beforeStart");
        assertRefused(() -> bookings.request(new PlaceBookings.Request(place, person, null, today.plusDays(9),
                today.plusDays(3))), "booking.endsOn.beforeStart");
        assertThat(count()).isEqualTo(before);

        bookings.arrive(held, today.minusDays(3));
        assertRefused(() -> bookings.depart(held, today.minusDays(4), "Fin de prise en charge"),
                "booking.departure.beforeArrival");
        assertRefused(() -> bookings.depart(held, today.plusDays(1), "Fin"), "booking.date.future");
        assertRefused(() -> bookings.depart(held, today, " "), "booking.reason.required");
        assertRefused(() -> bookings.arrive(held, today), "booking.transition.refused");
        assertThat(statusOf(held)).isEqualTo("ARRIVED");
        assertThat(bookings.events(held)).extracting(PlaceBookings.Event::kind)
                .containsExactly("REQUESTED", "CONFIRMED", "ARRIVED");
    }

    @Test
    void keepsEveryChangeAsAnEventAndReleasesThePlaceOnCancellationAndOnDeparture() {
        UUID place = given.place(site, "1", "SHARED");
        UUID person = given.person("Evenements");
        UUID booking = bookings.book(new PlaceBookings.Request(place, person, null, today.minusDays(2), today.plusDays(5)));
        UUID next = bookings.request(new PlaceBookings.Request(place, given.person("Suivant"), null, today.plusDays(7),
                today.plusDays(14)));
        bookings.extend(booking, today.plusDays(7), "Prolongation accordée par le JAP");
        assertRefused(() -> bookings.extend(booking, today.plusDays(6), "Plus tôt"), "booking.extension.notLater");
        bookings.confirm(next);
        assertRefused(() -> bookings.extend(booking, today.plusDays(8), "Encore"), "booking.place.taken");
        bookings.arrive(booking, today.minusDays(1));
        bookings.depart(booking, today, "Relogement");

        assertThat(bookings.events(booking)).extracting(PlaceBookings.Event::kind, PlaceBookings.Event::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REQUESTED", null),
                        org.assertj.core.groups.Tuple.tuple("CONFIRMED", null),
                        org.assertj.core.groups.Tuple.tuple("EXTENDED", "Prolongation accordée par le JAP"),
                        org.assertj.core.groups.Tuple.tuple("ARRIVED", null),
                        org.assertj.core.groups.Tuple.tuple("DEPARTED", "Relogement"));
        assertThat(bookings.events(booking)).allSatisfy(e -> assertThat(e.actorName()).isEqualTo("Camille Martin"));
        PlaceBookings.Event extension = bookings.events(booking).get(2);
        assertThat(extension.previousEndsOn()).isEqualTo(today.plusDays(5));
        assertThat(extension.effectiveOn()).isEqualTo(today.plusDays(7));

        UUID after = bookings.book(new PlaceBookings.Request(place, person, null, today.plusDays(1), today.plusDays(7)));
        bookings.cancel(after, "La personne a trouvé une autre solution");
        bookings.book(new PlaceBookings.Request(place, person, null, today.plusDays(1), today.plusDays(7)));
        assertThat(auditCount(booking)).isEqualTo(5);
    }

    @Test
    void aPlaceOutOfServiceCannotBeConfirmedAndCannotBePutOutOfServiceOverABooking() {
        UUID place = given.place(site, "1", "INDIVIDUAL");
        UUID person = given.person("Travaux");
        places.addOutOfService(place, today.plusDays(10), today.plusDays(20), "Travaux de peinture");
        assertRefused(() -> bookings.book(new PlaceBookings.Request(place, person, null, today.plusDays(15),
                today.plusDays(25))), "booking.place.outOfService");
        assertRefused(() -> places.addOutOfService(place, today.plusDays(19), today.plusDays(22), "Autre"),
                "place.outOfService.overlap");
        bookings.book(new PlaceBookings.Request(place, person, null, today, today.plusDays(10)));
        assertRefused(() -> places.addOutOfService(place, today.plusDays(5), today.plusDays(6), "Fuite"),
                "place.outOfService.booked");
        assertThat(places.outOfService(site, today)).extracting(PartnerPlaces.OutOfService::reason)
                .containsExactly("Travaux de peinture");
    }

    @Test
    void refusesAMeasureOfAnotherPersonAndAnUnknownPerson() {
        UUID place = given.place(site, "1", "PE_RESERVED");
        UUID measure = given.startedMeasure(users, given.person("Autre"), "PLACEMENT_EXTERIEUR", today.minusDays(30));
        assertRefused(() -> bookings.request(new PlaceBookings.Request(place, given.person("Moi"), measure, today,
                today.plusDays(3))), "booking.measure.otherPerson");
        assertRefused(() -> bookings.request(new PlaceBookings.Request(place, UUID.randomUUID(), null, today,
                today.plusDays(3))), "error.notFound");
    }

    @Test
    void theDepartureOfAPlacementLogsItsDaysOnTheMeasureSkippingTheDaysLoggedByHand() {
        UUID place = given.place(site, "PE 1", "PE_RESERVED");
        UUID person = given.person("Placement");
        UUID measure = given.startedMeasure(users, person, "PLACEMENT_EXTERIEUR", today.minusDays(40));
        followUp.logQuantity(measure, today.minusDays(6), null, null, "Saisi à la main");
        UUID booking = bookings.book(new PlaceBookings.Request(place, person, measure, today.minusDays(10),
                today.plusDays(80)));
        bookings.arrive(booking, today.minusDays(10));
        assertThat(followUp.progress(measure).entries()).hasSize(1);

        bookings.depart(booking, today.minusDays(1), "Fin de la mesure");

        FollowUp.Progress progress = followUp.progress(measure);
        assertThat(progress.entries()).extracting(FollowUp.QuantityEntry::entryDate)
                .containsExactlyElementsOf(today.minusDays(10).datesUntil(today.minusDays(1)).toList());
        assertThat(progress.done()).isEqualByComparingTo(BigDecimal.valueOf(9));
        assertThat(progress.entries()).filteredOn(e -> "Saisi à la main".equals(e.notes())).hasSize(1);
    }

    @Test
    void anUnauthorisedAbsenceFromAPlacementRaisesTheUrgentIncident() {
        UUID place = given.place(site, "PE 1", "PE_RESERVED");
        UUID person = given.person("Absence");
        UUID measure = given.startedMeasure(users, person, "PLACEMENT_EXTERIEUR", today.minusDays(40));
        UUID booking = bookings.book(new PlaceBookings.Request(place, person, measure, today.minusDays(3),
                today.plusDays(60)));
        assertRefused(() -> bookings.recordAbsence(booking, today, "Pas rentré"), "booking.transition.refused");
        bookings.arrive(booking, today.minusDays(3));

        bookings.recordAbsence(booking, today, "N’a pas réintégré le CHRS à 21 h.");

        List<FollowUp.Incident> incidents = followUp.incidents(measure);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).kind()).isEqualTo(IncidentKind.LEFT_PLACEMENT);
        assertThat(incidents.get(0).urgent()).isTrue();
        assertThat(bookings.events(booking)).extracting(PlaceBookings.Event::kind).endsWith("ABSENCE");
    }

    @Test
    void rowLevelSecurityKeepsPlacesAndBookingsWithinTheirAssociation() {
        UUID place = given.place(site, "1", "INDIVIDUAL");
        UUID booking = bookings.book(new PlaceBookings.Request(place, given.person("Secret"), null, today,
                today.plusDays(3)));
        UUID other = given.owner().sql("select id from organisation where kind = 'ASSOCIATION' and id <> ? limit 1")
                .param(worker.organisationId()).query(UUID.class).single();
        String asOther = "select set_config('passerelle.organisation_id', '" + other + "', true)";

        long seen = tx.execute(s -> {
            jdbc.sql(asOther).query(String.class).single();
            return jdbc.sql("select count(*) from place_booking where id = ?").param(booking).query(Long.class).single()
                    + jdbc.sql("select count(*) from partner_place where id = ?").param(place).query(Long.class).single()
                    + jdbc.sql("select count(*) from place_booking_event where booking_id = ?").param(booking)
                            .query(Long.class).single();
        });
        int changed = tx.execute(s -> {
            jdbc.sql(asOther).query(String.class).single();
            return jdbc.sql("update place_booking set status = 'CANCELLED' where id = ?").param(booking).update()
                    + jdbc.sql("delete from partner_place where id = ?").param(place).update();
        });
        assertThat(seen).isZero();
        assertThat(changed).isZero();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql(asOther).query(String.class).single();
            jdbc.sql("""
                    insert into place_out_of_service (id, organisation_id, place_id, starts_on, ends_on, reason, created_at,
                                                      created_by)
                    values (gen_random_uuid(), ?, ?, current_date, current_date + 1, 'x', now(), gen_random_uuid())""")
                    .param(worker.organisationId()).param(place).update();
        })).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(statusOf(booking)).isEqualTo("CONFIRMED");
    }

    @Test
    void theLyonDemoChrsHasSixPePlacesAndAYearOfBookingsInEveryStatus() {
        for (int i = 0; i < 12; i++) {
            given.person("Demo" + i);
        }
        demo.seed(today, 16);
        UUID chrs = given.owner().sql("""
                select s.id from partner_site s join partner p on p.id = s.partner_id
                where p.organisation_id = ? and p.partner_type = 'CHRS' and exists (select 1 from partner_place pl where pl.site_id = s.id)
                order by (p.name = ?) desc limit 1""")
                .params(worker.organisationId(), PlacesDemoData.CHRS_NAME).query(UUID.class).single();
        assertThat(places.places(chrs)).filteredOn(p -> p.kind().equals("PE_RESERVED")).hasSize(6);
        List<String> aYearAgo = given.owner().sql("""
                select distinct b.status from place_booking b join partner_place pl on pl.id = b.place_id
                where pl.site_id = ? and b.starts_on < ?""")
                .params(chrs, today.minusDays(300)).query(String.class).list();
        List<String> all = given.owner().sql("""
                select distinct b.status from place_booking b join partner_place pl on pl.id = b.place_id where pl.site_id = ?""")
                .param(chrs).query(String.class).list();
        assertThat(aYearAgo).isNotEmpty();
        assertThat(all).containsExactlyInAnyOrder("REQUESTED", "CONFIRMED", "ARRIVED", "DID_NOT_ARRIVE", "DEPARTED",
                "CANCELLED");
        assertThat(places.outOfService(chrs, today)).hasSize(1);
    }

    private String statusOf(UUID booking) {
        return given.owner().sql("select status from place_booking where id = ?").param(booking).query(String.class)
                .single();
    }

    private long count() {
        return given.owner().sql("select count(*) from place_booking").query(Long.class).single();
    }

    private long auditCount(UUID booking) {
        return given.owner().sql("select count(*) from audit_event where object_id = ? and action like 'booking.%'")
                .param(booking.toString()).query(Long.class).single();
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).hasFieldOrPropertyWithValue("messageKey", key);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
