package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The checks of a measure type's settings as typed in the catalogue form. */
class MeasureTypeSettingsTest {

    private static MeasureCatalogue.Settings tig(String min, String max, String days, String billing, String tariff) {
        return new MeasureCatalogue.Settings("Travail d’intérêt général", "tribunal, JAP", "HOURS", min, max, days,
                "de fin", billing, tariff);
    }

    @Test
    void acceptsAFrenchDecimalCommaAndSpacesInTheTariff() {
        assertThat(MeasureCatalogue.validate(tig("20", "400", "15", "PER_MEASURE", "1 200,5")).tariff())
                .isEqualTo(new BigDecimal("1200.50"));
        assertThat(MeasureCatalogue.validate(tig("20", "400", "15", "PER_HOUR", "18.33 €")).tariff())
                .isEqualTo(new BigDecimal("18.33"));
        assertThat(MeasureCatalogue.validate(tig(null, null, "0", "PER_MEASURE", "0")).tariff())
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void refusesANegativeTariffOrMoreThanTwoDecimals() {
        for (String bad : new String[] {"-5", "12,345", "douze", "1,2,3", "€"}) {
            assertRefused(tig("20", "400", "15", "PER_MEASURE", bad), "tariff", "catalogue.tariff.invalid");
        }
        assertRefused(tig("20", "400", "15", "PER_MEASURE", " "), "tariff", "catalogue.tariff.required");
    }

    @Test
    void needsNoTariffForATypeThatIsNotBilled() {
        assertThat(MeasureCatalogue.validate(tig("20", "400", "15", "NONE", null)).tariff()).isNull();
        assertThat(MeasureCatalogue.validate(tig("20", "400", "15", "NONE", "whatever")).tariff()).isNull();
    }

    @Test
    void refusesNegativeDaysAndAMinimumAboveTheMaximum() {
        assertRefused(tig("20", "400", "-1", "NONE", null), "firstInterviewDays", "catalogue.count.invalid");
        assertRefused(tig("20", "400", "", "NONE", null), "firstInterviewDays", "catalogue.count.invalid");
        assertRefused(tig("2,5", "400", "15", "NONE", null), "quantityMin", "catalogue.count.invalid");
        assertRefused(tig("401", "400", "15", "NONE", null), "quantityMax", "catalogue.quantity.minAboveMax");
        assertThat(MeasureCatalogue.validate(tig("400", "400", "0", "NONE", null)).quantityMin()).isEqualTo(400);
    }

    @Test
    void billsPerDayOrPerHourOnlyTheUnitTheTypeCounts() {
        assertRefused(tig("20", "400", "15", "PER_DAY", "40"), "billingMode", "catalogue.billingMode.unit.PER_DAY");
        MeasureCatalogue.Settings nights = new MeasureCatalogue.Settings("Éviction", "parquet", "NIGHTS", null, null,
                "2", "de fin", "PER_DAY", "35");
        assertThat(MeasureCatalogue.validate(nights).billingMode()).isEqualTo("PER_DAY");
        MeasureCatalogue.Settings untracked = new MeasureCatalogue.Settings("EP", "juge", "NONE", "1", null, "15",
                "rapport", "PER_MEASURE", "500");
        assertRefused(untracked, "quantityMin", "catalogue.quantity.notTracked");
    }

    @Test
    void refusesMissingTextsAndUnknownChoices() {
        assertRefused(new MeasureCatalogue.Settings(" ", "x", "HOURS", null, null, "1", "r", "NONE", null), "label",
                "catalogue.label.invalid");
        assertRefused(new MeasureCatalogue.Settings("l", "x", "LITRES", null, null, "1", "r", "NONE", null),
                "trackedQuantity", "catalogue.trackedQuantity.invalid");
        assertRefused(new MeasureCatalogue.Settings("l", "x", "HOURS", null, null, "1", "r", "FREE", null),
                "billingMode", "catalogue.billingMode.invalid");
    }

    private static void assertRefused(MeasureCatalogue.Settings settings, String field, String key) {
        assertThatThrownBy(() -> MeasureCatalogue.validate(settings)).isInstanceOfSatisfying(FieldRefusal.class, r -> {
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.messageKey()).isEqualTo(key);
        });
    }
}
