package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.observatory.Indicator.Aggregation;
import fr.passerelle.observatory.Indicator.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue is complete and every figure can be explained to its reader in both languages. */
class IndicatorCatalogueTest {

    private static final Properties FRENCH = load("messages.properties");
    private static final Properties ENGLISH = load("messages_en.properties");

    @Test
    void idsAreUniqueAndFitForMessageKeysAndAddresses() {
        Set<String> ids = new HashSet<>();
        for (Indicator indicator : Indicator.values()) {
            assertThat(ids.add(indicator.id())).as("duplicate id %s", indicator.id()).isTrue();
            assertThat(indicator.id()).matches("[a-z][a-zA-Z0-9]*");
            assertThat(Indicator.byId(indicator.id())).contains(indicator);
        }
        assertThat(Indicator.byId("nothing")).isEmpty();
    }

    @Test
    void everyIndicatorHasALabelAndADefinitionInBothLanguages() {
        for (Indicator indicator : Indicator.values()) {
            for (String key : List.of(indicator.labelKey(), indicator.definitionKey())) {
                String french = FRENCH.getProperty(key);
                String english = ENGLISH.getProperty(key);
                assertThat(french).as("French %s", key).isNotBlank();
                assertThat(english).as("English %s", key).isNotBlank();
                assertThat(french).as("%s is translated", key).isNotEqualTo(english);
            }
            // A definition says what is counted, from which date, and what is left out: a sentence, not a label.
            assertThat(FRENCH.getProperty(indicator.definitionKey()).length()).isGreaterThan(120);
            assertThat(FRENCH.getProperty(indicator.definitionKey())).containsAnyOf("période", "date");
        }
    }

    @Test
    void everyDimensionUnitAndAgeBandHasALabelInBothLanguages() {
        Stream.of(Stream.of(Dimension.values()).map(Dimension::labelKey), Stream.of(Unit.values()).map(Unit::labelKey),
                Stream.of(AgeBand.values()).map(AgeBand::labelKey)).flatMap(s -> s).forEach(key -> {
                    assertThat(FRENCH.getProperty(key)).as("French %s", key).isNotBlank();
                    assertThat(ENGLISH.getProperty(key)).as("English %s", key).isNotBlank();
                });
    }

    @Test
    void everyIndicatorCanBeBrokenDownAndNationallyNeverByWorkerOrService() {
        for (Indicator indicator : Indicator.values()) {
            assertThat(indicator.dimensions()).as("%s", indicator).isNotEmpty();
            assertThat(indicator.nationalDimensions()).as("%s", indicator)
                    .contains(Dimension.PERIOD, Dimension.TRIBUNAL)
                    .doesNotContain(Dimension.WORKER, Dimension.SERVICE);
            assertThat(indicator.dimensions()).containsAll(indicator.nationalDimensions());
        }
        assertThat(Indicator.MEASURES_ENDED.allows(Dimension.OUTCOME)).isTrue();
        assertThat(Indicator.MEASURES_RECEIVED.allows(Dimension.OUTCOME)).isFalse();
        assertThat(Indicator.PEOPLE_ACCOMPANIED.dimensions()).contains(Dimension.SEX, Dimension.AGE_BAND);
        assertThat(Indicator.MEASURES_RECEIVED.allows(Dimension.WORKER)).isTrue();
    }

    @Test
    void theFiguresAskedForAreAllThere() {
        assertThat(Indicator.values()).contains(Indicator.MEASURES_RECEIVED, Indicator.MEASURES_ACTIVE,
                Indicator.MEASURES_ENDED, Indicator.MEDIAN_DURATION, Indicator.FIRST_INTERVIEW_MEDIAN_DELAY,
                Indicator.FIRST_INTERVIEW_WITHIN_DEADLINE, Indicator.REPORTS_ON_TIME, Indicator.HOURS_COMPLETED,
                Indicator.HOURS_COMPLETED_VS_ORDERED, Indicator.DAYS_COMPLETED, Indicator.DAYS_COMPLETED_VS_ORDERED,
                Indicator.INCIDENTS_PER_100_MEASURES, Indicator.PEOPLE_ACCOMPANIED, Indicator.AMOUNT_BILLED,
                Indicator.PAYMENT_MEDIAN_DELAY);
        assertThat(Arrays.stream(Indicator.values()).map(Indicator::unit)).contains(Unit.values());
    }

    @Test
    void unitsAndAggregationsAgree() {
        for (Indicator indicator : Indicator.values()) {
            switch (indicator.aggregation()) {
                case COUNT -> assertThat(indicator.unit()).as("%s", indicator).isEqualTo(Unit.COUNT);
                case SHARE -> assertThat(indicator.unit()).as("%s", indicator).isEqualTo(Unit.PERCENT);
                case MEDIAN -> assertThat(indicator.unit()).as("%s", indicator).isEqualTo(Unit.DAYS);
                case RATE -> assertThat(indicator.unit()).as("%s", indicator).isEqualTo(Unit.PER_100_MEASURES);
                case SUM -> assertThat(indicator.unit()).as("%s", indicator).isIn(Unit.HOURS, Unit.DAYS, Unit.EUROS);
            }
        }
        assertThat(Arrays.stream(Indicator.values()).map(Indicator::aggregation)).contains(Aggregation.values());
    }

    @Test
    void ageBandsFollowBirthdays() {
        LocalDate on = LocalDate.of(2026, 12, 31);
        assertThat(AgeBand.of(LocalDate.of(2014, 1, 1), on)).isEqualTo(AgeBand.UNDER_13); // 12
        assertThat(AgeBand.of(LocalDate.of(2013, 12, 31), on)).isEqualTo(AgeBand.FROM_13_TO_15); // 13 today
        assertThat(AgeBand.of(LocalDate.of(2010, 12, 31), on)).isEqualTo(AgeBand.FROM_16_TO_17);
        assertThat(AgeBand.of(LocalDate.of(2009, 1, 1), on)).isEqualTo(AgeBand.FROM_16_TO_17); // 17
        assertThat(AgeBand.of(LocalDate.of(2008, 12, 31), on)).isEqualTo(AgeBand.FROM_18_TO_24);
        assertThat(AgeBand.of(LocalDate.of(1992, 1, 1), on)).isEqualTo(AgeBand.FROM_25_TO_34);
        assertThat(AgeBand.of(LocalDate.of(1977, 6, 1), on)).isEqualTo(AgeBand.FROM_35_TO_49);
        assertThat(AgeBand.of(LocalDate.of(1962, 1, 1), on)).isEqualTo(AgeBand.FROM_50_TO_64); // 64
        assertThat(AgeBand.of(LocalDate.of(1961, 12, 31), on)).isEqualTo(AgeBand.FROM_65);
        assertThat(AgeBand.of(null, on)).isEqualTo(AgeBand.UNKNOWN);
        assertThat(AgeBand.of(LocalDate.of(2027, 1, 1), on)).isEqualTo(AgeBand.UNKNOWN);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = IndicatorCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
