package fr.passerelle.measures;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The calendar rules of the hours and days log, in one place. A days entry is one date of
 * placement and counts 1: a period is logged as one entry per date, and a date is logged at most
 * once per measure. Hours are at most 24 per date, all entries of the date together. No entry is
 * in the future (Europe/Paris) or outside the measure's dates (from its reception to its end).
 * Each unit has its own refusals: a days measure is never told about hours.
 */
public final class QuantityRules {

    /** Hours a person may do on one date. */
    static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    private QuantityRules() {}

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
            throw new FieldRefusal(field, "quantity.date.outsideMeasure", french(span.receivedOn()),
                    french(span.endedOn() == null ? today : span.endedOn()));
        }
    }

    /**
     * The dates a days entry from {@code from} to {@code to} (inclusive; {@code to} null for one
     * date) covers, refused when a date is already logged for the measure ({@code logged}).
     */
    static java.util.List<LocalDate> days(LocalDate from, LocalDate to, Span span, LocalDate today,
            Collection<LocalDate> logged) {
        checkDate(from, span, today, "entryDate");
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw new FieldRefusal("toDate", "quantity.days.toBeforeFrom");
        }
        checkDate(last, span, today, "toDate");
        java.util.List<LocalDate> dates = from.datesUntil(last.plusDays(1)).toList();
        Optional<LocalDate> twice = dates.stream().filter(logged::contains).findFirst();
        if (twice.isPresent()) {
            throw new FieldRefusal("entryDate", "quantity.days.alreadyLogged", french(twice.get()));
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

    /** A date as the refusals show it (dd/MM/yyyy). */
    static String french(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** Whether what is done exceeds what was ordered (a warning, never a refusal). */
    public static boolean aboveOrdered(BigDecimal done, BigDecimal ordered) {
        return ordered != null && done.compareTo(ordered) > 0;
    }
}
