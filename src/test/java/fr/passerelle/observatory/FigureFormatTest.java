package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.observatory.KeyFiguresReport.FigureRow;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Figures as read in French and English, and their comparison with the previous period, nulls and zeros included. */
class FigureFormatTest {

    private static final FigureFormat FRENCH = format(Locale.FRENCH);
    private static final FigureFormat ENGLISH = format(Locale.ENGLISH);

    @Test
    void valuesAreWrittenWithTheLanguagesSeparatorsAndTheirUnit() {
        assertThat(FRENCH.value(new BigDecimal("1234.56"), Indicator.Unit.EUROS)).isEqualTo("1\u00a0234,56 €");
        assertThat(FRENCH.value(new BigDecimal("12.25"), Indicator.Unit.PERCENT)).isEqualTo("12,3 %");
        assertThat(FRENCH.value(new BigDecimal("50.0"), Indicator.Unit.DAYS)).isEqualTo("50 j");
        assertThat(FRENCH.value(BigDecimal.ZERO, Indicator.Unit.COUNT)).isEqualTo("0");
        assertThat(FRENCH.value(null, Indicator.Unit.COUNT)).isEqualTo("Non calculable");
        assertThat(ENGLISH.value(new BigDecimal("1234.5"), Indicator.Unit.HOURS)).isEqualTo("1,234.5 h");
    }

    @Test
    void aFigureIsComparedWithThePreviousPeriod() {
        FigureRow up = FRENCH.row(Indicator.MEASURES_RECEIVED, new BigDecimal("30"), new BigDecimal("20"));
        assertThat(up.difference()).isEqualByComparingTo("10");
        assertThat(up.evolution()).isEqualByComparingTo("50");
        assertThat(up.differenceText()).isEqualTo("+10");
        assertThat(up.evolutionText()).isEqualTo("+50 %");
        assertThat(up.note()).isNull();
        assertThat(up.label()).isEqualTo("Mesures reçues");
        assertThat(up.definition()).startsWith("Nombre de mesures dont la saisine a été reçue");

        FigureRow down = FRENCH.row(Indicator.MEDIAN_DURATION, new BigDecimal("45.5"), new BigDecimal("60"));
        assertThat(down.differenceText()).isEqualTo("-14,5 j");
        assertThat(down.evolutionText()).isEqualTo("-24,2 %");

        // A percentage moves by points; its evolution in percent would mislead.
        FigureRow share = FRENCH.row(Indicator.REPORTS_ON_TIME, new BigDecimal("80.0"), new BigDecimal("75.5"));
        assertThat(share.differenceText()).isEqualTo("+4,5 points");
        assertThat(share.evolution()).isNull();
        assertThat(share.evolutionText()).isEqualTo("—");
        assertThat(share.note()).isNull();
    }

    @Test
    void missingOrZeroValuesAreExplainedRatherThanComputed() {
        FigureRow fromZero = FRENCH.row(Indicator.MEASURES_ENDED, new BigDecimal("4"), BigDecimal.ZERO);
        assertThat(fromZero.differenceText()).isEqualTo("+4");
        assertThat(fromZero.evolution()).isNull();
        assertThat(fromZero.note()).contains("valeur de la période précédente est nulle");

        FigureRow nothingNow = FRENCH.row(Indicator.PAYMENT_MEDIAN_DELAY, null, new BigDecimal("20"));
        assertThat(nothingNow.valueText()).isEqualTo("Non calculable");
        assertThat(nothingNow.difference()).isNull();
        assertThat(nothingNow.differenceText()).isEqualTo("—");
        assertThat(nothingNow.note()).isEqualTo("Non calculable : aucun mémoire concerné pendant la période.");

        FigureRow nothingBefore = FRENCH.row(Indicator.FIRST_INTERVIEW_MEDIAN_DELAY, new BigDecimal("12"), null);
        assertThat(nothingBefore.previousText()).isEqualTo("Non calculable");
        assertThat(nothingBefore.note()).startsWith("Pas de comparaison");

        FigureRow same = FRENCH.row(Indicator.MEASURES_ACTIVE, new BigDecimal("7"), new BigDecimal("7"));
        assertThat(same.differenceText()).isEqualTo("0");
        assertThat(same.evolutionText()).isEqualTo("0 %");
    }

    private static FigureFormat format(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new FigureFormat(messages, locale);
    }
}
