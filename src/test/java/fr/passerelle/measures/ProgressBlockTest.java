package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the measure page shows the follow-up quantity block: never empty, never for months nobody logs. */
class ProgressBlockTest {

    private static final List<FollowUp.QuantityEntry> NONE = List.of();

    @Test
    void aCjseWithNothingOrderedNorLoggedShowsNoMonthsBlockEvenToItsWorker() {
        assertThat(progress("MONTHS", null, NONE, true).shown(true)).isFalse();
        assertThat(progress("MONTHS", new BigDecimal("6"), NONE, true).shown(true)).isTrue();
        assertThat(progress("MONTHS", null, List.of(entry()), true).shown(false)).isTrue();
    }

    @Test
    void hoursAreShownToWhoMayLogThemOrOnceThereIsSomethingToShow() {
        assertThat(progress("HOURS", null, NONE, true).shown(true)).isTrue();
        assertThat(progress("HOURS", null, NONE, true).shown(false)).isFalse();
        assertThat(progress("HOURS", null, NONE, false).shown(true)).as("not loggable in this status").isFalse();
        assertThat(progress("HOURS", new BigDecimal("120"), NONE, false).shown(false)).isTrue();
        assertThat(progress("NONE", null, NONE, true).shown(true)).isFalse();
    }

    private static FollowUp.Progress progress(String unit, BigDecimal ordered, List<FollowUp.QuantityEntry> entries,
            boolean loggable) {
        BigDecimal done = entries.stream().map(FollowUp.QuantityEntry::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FollowUp.Progress(unit, done, ordered, entries, loggable, loggable);
    }

    private static FollowUp.QuantityEntry entry() {
        return new FollowUp.QuantityEntry(UUID.randomUUID(), LocalDate.of(2026, 3, 1), BigDecimal.ONE, null, false);
    }
}
