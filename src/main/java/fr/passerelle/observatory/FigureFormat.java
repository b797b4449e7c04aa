package fr.passerelle.observatory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Writes figures as readers read them, in one language: numbers with the language's separators
 * (a no-break space between thousands in French, which PDF fonts also have), the unit, and the
 * comparison with the previous period: the signed difference (in points for a percentage) and the
 * evolution in percent, or why there is none.
 */
public final class FigureFormat {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MessageSource messages;
    private final Locale locale;

    public FigureFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A number without its unit: two decimals for euros, at most one otherwise; empty when null. */
    public String number(BigDecimal value, Indicator.Unit unit) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if ("fr".equals(locale.getLanguage())) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat(unit == Indicator.Unit.EUROS ? "#,##0.00" : "#,##0.#", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** The value with its unit ("12,5 %", "1 250,00 €"), or "not computable". */
    public String value(BigDecimal value, Indicator.Unit unit) {
        if (value == null) {
            return message("observatory.figure.noValue");
        }
        return message("observatory.value." + unit.name(), number(value, unit));
    }

    /** A signed value with its unit, points for a percentage ("+3", "-2,5 points"). */
    public String signed(BigDecimal difference, Indicator.Unit unit) {
        String sign = difference.signum() > 0 ? "+" : difference.signum() < 0 ? "-" : "";
        String number = number(difference.abs(), unit);
        return unit == Indicator.Unit.PERCENT ? message("observatory.difference.points", sign + number)
                : message("observatory.value." + unit.name(), sign + number);
    }

    /** The row of an indicator's figure compared with the previous period's. */
    public KeyFiguresReport.FigureRow row(Indicator indicator, BigDecimal value, BigDecimal previous) {
        Indicator.Unit unit = indicator.unit();
        BigDecimal difference = value == null || previous == null ? null : value.subtract(previous);
        BigDecimal evolution = difference == null || unit == Indicator.Unit.PERCENT || previous.signum() == 0 ? null
                : difference.multiply(HUNDRED).divide(previous.abs(), 1, RoundingMode.HALF_UP);
        String note = null;
        if (value == null) {
            note = message("observatory.figure.noValue." + indicator.population().name());
        } else if (previous == null) {
            note = message("observatory.comparison.noPrevious");
        } else if (evolution == null && unit != Indicator.Unit.PERCENT) {
            note = message("observatory.comparison.fromZero");
        }
        return new KeyFiguresReport.FigureRow(indicator.id(), message(indicator.labelKey()),
                message(indicator.definitionKey()), message(unit.labelKey()), value, previous, difference, evolution,
                value(value, unit), value(previous, unit), difference == null ? "—" : signed(difference, unit),
                evolution == null ? "—" : signedPercent(evolution), note);
    }

    private String signedPercent(BigDecimal evolution) {
        String sign = evolution.signum() > 0 ? "+" : evolution.signum() < 0 ? "-" : "";
        return message("observatory.value.PERCENT", sign + number(evolution.abs(), Indicator.Unit.PERCENT));
    }
}
