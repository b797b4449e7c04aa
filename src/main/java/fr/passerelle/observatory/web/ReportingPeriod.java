package fr.passerelle.observatory.web;

import fr.passerelle.shared.FieldRefusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The period of a dashboard (both days included), and the previous period of the same length it
 * is compared with: the same number of whole months before it when it is made of whole months (a
 * year against the year before, a quarter against the quarter before), else the same number of
 * days just before it.
 */
record ReportingPeriod(LocalDate from, LocalDate to) {

    /** Longest period accepted: beyond, the figures mean little and cost a lot. */
    static final int MAX_YEARS = 10;
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    /** The shortcuts offered above the date fields. */
    enum Preset { THIS_YEAR, LAST_YEAR, LAST_QUARTER, LAST_12_MONTHS }

    /** A shortcut with its period, and whether it is the period shown. */
    record Shortcut(Preset preset, ReportingPeriod period, boolean current) {}

    static ReportingPeriod of(Preset preset, LocalDate today) {
        return switch (preset) {
            case THIS_YEAR -> year(today.getYear());
            case LAST_YEAR -> year(today.getYear() - 1);
            case LAST_QUARTER -> {
                int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
                LocalDate start = LocalDate.of(today.getYear(), (quarter - 1) * 3 + 1, 1).minusMonths(3);
                yield new ReportingPeriod(start, start.plusMonths(3).minusDays(1));
            }
            case LAST_12_MONTHS -> new ReportingPeriod(today.minusMonths(12).plusDays(1), today);
        };
    }

    static ReportingPeriod year(int year) {
        return new ReportingPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    static List<Shortcut> shortcuts(ReportingPeriod shown, LocalDate today) {
        return java.util.Arrays.stream(Preset.values()).map(p -> {
            ReportingPeriod period = of(p, today);
            return new Shortcut(p, period, period.equals(shown));
        }).toList();
    }

    /**
     * The period typed in the form: none at all is the current year; otherwise both dates are
     * needed, readable, in order, and at most {@link #MAX_YEARS} years apart.
     */
    static ReportingPeriod parse(String from, String to, LocalDate today) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return of(Preset.THIS_YEAR, today);
        }
        if (noFrom || noTo) {
            throw new FieldRefusal(noFrom ? "from" : "to", "observatory.period.missing");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new FieldRefusal("to", "observatory.period.invalid");
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw new FieldRefusal("to", "observatory.period.tooLong", MAX_YEARS);
        }
        return new ReportingPeriod(start, end);
    }

    private static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FieldRefusal(field, "observatory.period.unreadable");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new FieldRefusal(field, "observatory.period.outOfRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
        return date;
    }

    boolean wholeMonths() {
        return from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1;
    }

    /** The previous period of the same length. */
    ReportingPeriod previous() {
        if (wholeMonths()) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new ReportingPeriod(from.minusMonths(months), from.minusDays(1));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new ReportingPeriod(from.minusDays(days), from.minusDays(1));
    }

    /** A whole calendar year. */
    boolean isYear() {
        return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
    }
}
