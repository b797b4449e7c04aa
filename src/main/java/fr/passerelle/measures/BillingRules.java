package fr.passerelle.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * What a court is billed for (mémoire de frais de justice), from the tariff of the measure's type
 * in the association's catalogue. The one place that states the rules:
 * <ul>
 * <li><b>PER_MEASURE</b>: once per measure, at its end. A measure is billable in the statement of
 * month M when it is ended or closed with an end date (the effective date of its END or CANCEL
 * transition) on or before the last day of M, was not cancelled by the magistrate, and is in no
 * statement yet — so a measure whose end was recorded after the statement of its month went out is
 * billed in the next one rather than never. Quantity 1.</li>
 * <li><b>PER_DAY</b>: the days (or nights) logged in the measure's follow-up log, per calendar month
 * of their date: each day logged counts as a day of placement served (DOMAIN.md). Months up to M not
 * billed yet for that measure are billed in the statement of M, one line per month.</li>
 * <li><b>PER_HOUR</b>: the same with the hours logged.</li>
 * <li><b>NONE</b>: never billed.</li>
 * </ul>
 * Amount = quantity × unit tariff, rounded to the cent (half up). A line is frozen once its
 * statement is sent: later tariff changes do not touch it.
 */
public final class BillingRules {

    private BillingRules() {}

    /** Whether a type billed in {@code billingMode} counts the unit it is billed in. */
    public static boolean countsTheBilledUnit(String billingMode, String trackedQuantity) {
        return switch (billingMode) {
            case "PER_DAY" -> QuantityRules.perDate(trackedQuantity);
            case "PER_HOUR" -> "HOURS".equals(trackedQuantity);
            default -> true;
        };
    }

    /** Whether a measure billed per measure belongs in the statement of {@code month} (if not billed yet). */
    public static boolean billablePerMeasure(MeasureStatus status, MeasureOutcome outcome, LocalDate endedOn,
            YearMonth month) {
        return (status == MeasureStatus.ENDED || status == MeasureStatus.CLOSED)
                && outcome != MeasureOutcome.CANCELLED_BY_MAGISTRATE
                && endedOn != null && !endedOn.isAfter(month.atEndOfMonth());
    }

    /** Why a line of an earlier month is billed only now (see {@link #lateReason}). */
    public enum Late {
        /** The statement that could have billed it left it out: its type's tariff was to be set. */
        TARIFF_TO_BE_SET,
        /** The end (or the days) was recorded after the statement of its month was computed. */
        RECORDED_AFTER_STATEMENT,
        /** No statement of its month with this court existed when this one was computed (one may come later). */
        NO_STATEMENT,
        /** The statement of its month, computed after it was recorded, did not have it (e.g. another court then). */
        NOT_IN_STATEMENT
    }

    /**
     * Why a line of {@code period} is in the statement of a later {@code month}; null when it is of
     * that month (nothing to explain). By order of precedence: an earlier statement left it out for
     * want of a tariff; there is no statement of its period; the statement of its period (computed at
     * {@code periodStatementAt}) was computed before it was recorded ({@code recordedAt}); otherwise
     * that statement did not have it.
     */
    public static Late lateReason(YearMonth month, YearMonth period, boolean leftOutForWantOfTariff,
            Instant periodStatementAt, Instant recordedAt) {
        if (!period.isBefore(month)) {
            return null;
        }
        if (leftOutForWantOfTariff) {
            return Late.TARIFF_TO_BE_SET;
        }
        if (periodStatementAt == null) {
            return Late.NO_STATEMENT;
        }
        if (recordedAt != null && recordedAt.isAfter(periodStatementAt)) {
            return Late.RECORDED_AFTER_STATEMENT;
        }
        return Late.NOT_IN_STATEMENT;
    }

    /** Quantity × unit tariff, to the cent. */
    public static BigDecimal amount(BigDecimal quantity, BigDecimal unitTariff) {
        return quantity.multiply(unitTariff).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Days the court took to pay: from sending to payment, or to {@code today} while unpaid; none
     * before the statement is sent.
     */
    public static Long paymentDelayDays(LocalDate sentOn, LocalDate paidOn, LocalDate today) {
        if (sentOn == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(sentOn, paidOn != null ? paidOn : today);
    }

    /** An amount as written on a French document: "1 234,50" (plain spaces, so every PDF font has them). */
    public static String french(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(amount);
    }

    /** A quantity as written on a French document: "12" or "7,5". */
    public static String frenchQuantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
