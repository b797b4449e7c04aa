package fr.passerelle.partners;

import fr.passerelle.shared.FieldRefusal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** Periods of places and bookings: half-open [from, until), checked the same way everywhere. */
final class Dates {

    /** The longest period a booking or a period out of service may span. */
    static final int MAX_DAYS = 3 * 366;

    private Dates() {}

    static void requirePeriod(LocalDate startsOn, LocalDate endsOn) {
        if (startsOn == null) {
            throw new FieldRefusal("startsOn", "booking.startsOn.required");
        }
        if (endsOn == null) {
            throw new FieldRefusal("endsOn", "booking.endsOn.required");
        }
        if (!endsOn.isAfter(startsOn)) {
            throw new FieldRefusal("endsOn", "booking.endsOn.beforeStart");
        }
        if (startsOn.plusDays(MAX_DAYS).isBefore(endsOn)) {
            throw new FieldRefusal("endsOn", "booking.period.tooLong", MAX_DAYS);
        }
    }

    /** A date as a message argument ({@code {0,date,...}} formats it in the reader's language). */
    static Date argument(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
