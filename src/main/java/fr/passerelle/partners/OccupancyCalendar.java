package fr.passerelle.partners;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The occupancy of a site's places week by week: for each place and each week (Monday to Sunday),
 * the bookings (not cancelled, not "did not arrive") and the periods out of service that meet
 * it. Persons are not named here: a booking's page names them, to whom may read it.
 */
@Service
public class OccupancyCalendar {

    public static final int WEEKS = 6;

    private final PartnerPlaces places;
    private final PlaceBookings bookings;

    OccupancyCalendar(PartnerPlaces places, PlaceBookings bookings) {
        this.places = places;
        this.bookings = bookings;
    }

    /** What a cell shows: a booking (its id, status, dates) or a period out of service (no id, its reason). */
    public record Entry(UUID bookingId, BookingStatus status, LocalDate startsOn, LocalDate endsOn, String reason) {

        public boolean outOfService() {
            return bookingId == null;
        }
    }

    public record Row(PartnerPlaces.Place place, List<List<Entry>> weeks) {}

    /** The weeks from the Monday of {@code from}'s week, and a row per place not archived. */
    public record Calendar(PartnerPlaces.Site site, List<LocalDate> mondays, List<Row> rows) {

        public LocalDate previous() {
            return mondays.get(0).minusWeeks(WEEKS);
        }

        public LocalDate next() {
            return mondays.get(0).plusWeeks(WEEKS);
        }

        /** The Sunday ending a week. */
        public LocalDate sunday(LocalDate monday) {
            return monday.plusDays(6);
        }
    }

    @Transactional(readOnly = true)
    public Calendar of(UUID siteId, LocalDate from) {
        PartnerPlaces.Site site = places.site(siteId);
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = first.plusWeeks(WEEKS);
        List<LocalDate> mondays = first.datesUntil(end, java.time.Period.ofWeeks(1)).toList();
        List<PlaceBookings.Booking> booked = bookings.ofSite(siteId, first, end);
        List<PartnerPlaces.OutOfService> closed = places.outOfService(siteId, first);
        List<Row> rows = new ArrayList<>();
        for (PartnerPlaces.Place place : places.places(siteId)) {
            if (place.archived()) {
                continue;
            }
            List<List<Entry>> weeks = new ArrayList<>();
            for (LocalDate monday : mondays) {
                LocalDate nextMonday = monday.plusWeeks(1);
                List<Entry> cell = new ArrayList<>();
                closed.stream().filter(o -> o.placeId().equals(place.id()))
                        .filter(o -> o.startsOn().isBefore(nextMonday) && o.endsOn().isAfter(monday))
                        .forEach(o -> cell.add(new Entry(null, null, o.startsOn(), o.endsOn(), o.reason())));
                booked.stream().filter(b -> b.placeId().equals(place.id()))
                        .filter(b -> b.startsOn().isBefore(nextMonday) && occupiedUntil(b).isAfter(monday))
                        .forEach(b -> cell.add(new Entry(b.id(), b.status(), b.startsOn(), occupiedUntil(b), null)));
                weeks.add(cell);
            }
            rows.add(new Row(place, weeks));
        }
        return new Calendar(site, mondays, rows);
    }

    private static LocalDate occupiedUntil(PlaceBookings.Booking booking) {
        return booking.departedOn() != null ? booking.departedOn() : booking.endsOn();
    }
}
