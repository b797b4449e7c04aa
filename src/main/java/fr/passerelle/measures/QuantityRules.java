package fr.passerelle.measures;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The calendar rules of the hours and days log, in one place. A per-date unit (days of placement,
 * nights of an eviction) is counted one per date: a period is logged as one entry per date
 * counting 1, and a date is logged at most once per measure. Hours are at most 24 per date, all
 * entries of the date together. No entry is in the future (Europe/Paris) or outside the measure's
 * dates (from its reception to its end). Each unit has its own refusals: a days measure is never
 * told about hours, nor a nights measure about days.
 */
public final class QuantityRules {

    /** Hours a person may do on one date. */
    static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    /** The units counted one per date (billed per day when the type is billed {@code PER_DAY}). */
    public static final java.util.Set<String> PER_DATE_UNITS = java.util.Set.of("DAYS", "NIGHTS");

    private QuantityRules() {}

    /** Whether a unit is counted one per date. */
    public static boolean perDate(String unit) {
        return PER_DATE_UNITS.contains(unit);
    }

    /** The message key of a per-date refusal in the unit's own words ({@code quantity.days.x}, {@code quantity.nights.x}). */
    static String perDateKey(String unit, String refusal) {
        return "quantity." + unit.toLowerCase(java.util.Locale.ROOT) + "." + refusal;
    }

    /** Refuses a per-date quantity other than 1 (none given means 1). */
    static void checkOnePerDate(String unit, BigDecimal quantity) {
        if (quantity != null && quantity.compareTo(BigDecimal.ONE) != 0) {
            throw new FieldRefusal("quantity", perDateKey(unit, "onePerDate"));
        }
    }

    /**
     * The measure's dates an entry must fall within.
     *
     * @param receivedOn the reception of the mandate
     * @param endedOn the end of the measure (null while it runs)
     */
    public record Span(LocalDate receivedOn, LocalDate endedOn) {}

    /** Refuses a date in the future or outside the measure's dates. */
    static void checkDate(LocalDate date, Span span, LocalDate today, String field) {
        if (date == null) {
            throw new FieldRefusal(field, "quantity.date.required");
        }
        if (date.isAfter(today)) {
            throw new FieldRefusal(field, "quantity.date.future");
        }
        if (date.isBefore(span.receivedOn()) || span.endedOn() != null && date.isAfter(span.endedOn())) {
            throw new FieldRefusal(field, "quantity.date.outsideMeasure", argument(span.receivedOn()),
                    argument(span.endedOn() == null ? today : span.endedOn()));
        }
    }

    /**
     * The dates a per-date entry in {@code unit} from {@code from} to {@code to} (inclusive;
     * {@code to} null for one date) covers, refused when a date is already logged for the measure
     * ({@code logged}).
     */
    static java.util.List<LocalDate> days(String unit, LocalDate from, LocalDate to, Span span, LocalDate today,
            Collection<LocalDate> logged) {
        checkDate(from, span, today, "entryDate");
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw new FieldRefusal("toDate", perDateKey(unit, "toBeforeFrom"));
        }
        checkDate(last, span, today, "toDate");
        java.util.List<LocalDate> dates = from.datesUntil(last.plusDays(1)).toList();
        Optional<LocalDate> twice = dates.stream().filter(logged::contains).findFirst();
        if (twice.isPresent()) {
            throw alreadyLogged(unit, twice.get());
        }
        return dates;
    }

    /** Refuses hours that are not positive or that make the date's total exceed 24. */
    static void checkHours(BigDecimal hours, BigDecimal otherHoursOfTheDate) {
        if (hours == null || hours.signum() <= 0) {
            throw new FieldRefusal("quantity", "quantity.hours.invalid");
        }
        if (hours.add(otherHoursOfTheDate).compareTo(HOURS_PER_DAY) > 0) {
            throw new FieldRefusal("quantity", "quantity.hours.perDay", otherHoursOfTheDate.stripTrailingZeros()
                    .toPlainString());
        }
    }

    /** Refuses a quantity that is not positive, for units other than hours and days (sessions, nights...). */
    static void checkCount(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new FieldRefusal("quantity", "quantity.count.invalid");
        }
    }

    /** The refusal of a date already logged for a per-date unit, naming the date. */
    static FieldRefusal alreadyLogged(String unit, LocalDate date) {
        return new FieldRefusal("entryDate", perDateKey(unit, "alreadyLogged"), argument(date));
    }

    /**
     * A date as a message argument: the message formats it for the reader's language
     * ({@code {0,date,...}}). The day is kept whatever the server's zone, since the message
     * formats in that same zone.
     */
    public static java.util.Date argument(LocalDate date) {
        return java.util.Date.from(date.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
    }

    /** Whether what is done exceeds what was ordered (a warning, never a refusal). */
    public static boolean aboveOrdered(BigDecimal done, BigDecimal ordered) {
        return ordered != null && done.compareTo(ordered) > 0;
    }
}
