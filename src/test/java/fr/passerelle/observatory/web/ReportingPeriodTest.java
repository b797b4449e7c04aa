package fr.passerelle.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.observatory.web.ReportingPeriod.Preset;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void presetsAreTheCalendarPeriodsAroundToday() {
        assertThat(ReportingPeriod.of(Preset.THIS_YEAR, TODAY)).isEqualTo(period("2026-01-01", "2026-12-31"));
        assertThat(ReportingPeriod.of(Preset.LAST_YEAR, TODAY)).isEqualTo(period("2025-01-01", "2025-12-31"));
        assertThat(ReportingPeriod.of(Preset.LAST_QUARTER, TODAY)).isEqualTo(period("2026-07-01", "2026-09-30"));
        assertThat(ReportingPeriod.of(Preset.LAST_QUARTER, LocalDate.of(2026, 2, 10)))
                .isEqualTo(period("2025-10-01", "2025-12-31"));
        assertThat(ReportingPeriod.of(Preset.LAST_12_MONTHS, TODAY)).isEqualTo(period("2025-12-04", "2026-12-03"));
    }

    @Test
    void thePreviousPeriodHasTheSameLength() {
        // Whole months: the same number of months before (a year, a quarter, February of a leap year).
        assertThat(period("2025-01-01", "2025-12-31").previous()).isEqualTo(period("2024-01-01", "2024-12-31"));
        assertThat(period("2026-04-01", "2026-06-30").previous()).isEqualTo(period("2026-01-01", "2026-03-31"));
        assertThat(period("2024-03-01", "2024-03-31").previous()).isEqualTo(period("2024-02-01", "2024-02-29"));
        // Otherwise the same number of days just before.
        assertThat(period("2026-01-10", "2026-01-19").previous()).isEqualTo(period("2025-12-31", "2026-01-09"));
        assertThat(period("2026-05-05", "2026-05-05").previous()).isEqualTo(period("2026-05-04", "2026-05-04"));
        assertThat(period("2025-01-01", "2025-12-31").isYear()).isTrue();
        assertThat(period("2025-01-01", "2025-12-30").isYear()).isFalse();
    }

    @Test
    void theTypedPeriodIsCheckedFieldByField() {
        assertThat(ReportingPeriod.parse(null, " ", TODAY)).isEqualTo(period("2026-01-01", "2026-12-31"));
        assertThat(ReportingPeriod.parse("2026-02-01", " 2026-02-28 ", TODAY)).isEqualTo(period("2026-02-01", "2026-02-28"));
        assertRefused("2026-02-01", "", "to", "observatory.period.missing");
        assertRefused("", "2026-02-01", "from", "observatory.period.missing");
        assertRefused("01/02/2026", "2026-02-28", "from", "observatory.period.unreadable");
        assertRefused("2026-02-01", "2026-02-30", "to", "observatory.period.unreadable");
        assertRefused("2026-03-01", "2026-02-28", "to", "observatory.period.invalid");
        assertRefused("2010-01-01", "2020-01-02", "to", "observatory.period.tooLong");
        assertRefused("1850-01-01", "1850-12-31", "from", "observatory.period.outOfRange");
        assertThat(ReportingPeriod.parse("2010-01-01", "2020-01-01", TODAY)).isEqualTo(period("2010-01-01", "2020-01-01"));
    }

    private static void assertRefused(String from, String to, String field, String key) {
        assertThatThrownBy(() -> ReportingPeriod.parse(from, to, TODAY))
                .hasFieldOrPropertyWithValue("field", field)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    private static ReportingPeriod period(String from, String to) {
        return new ReportingPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }
}
