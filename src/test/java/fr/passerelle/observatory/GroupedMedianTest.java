package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The grouped median of the national observatory's classes of days, worked out by hand. */
class GroupedMedianTest {

    private static NationalObservatory.Histogram histogram(int[] bounds, long... counts) {
        NationalObservatory.Histogram h = new NationalObservatory.Histogram(bounds);
        System.arraycopy(counts, 0, h.counts, 0, counts.length);
        return h;
    }

    @Test
    void interpolatesInsideTheClassWhereHalfTheCountIsReached() {
        int[] bounds = {0, 10, 20, 40};
        // 10 values: 2 in [0, 10), 4 in [10, 20), 4 in [20, 40). Half (5) is reached in [10, 20),
        // 3 into its 4: 10 + 3 / 4 × 10 = 17.5.
        assertThat(histogram(bounds, 2, 4, 4, 0).median()).isEqualByComparingTo("17.5");
        // Half exactly at the end of a class: its upper bound.
        assertThat(histogram(bounds, 5, 5, 0, 0).median()).isEqualByComparingTo("10.0");
        // A single value: the middle of its class.
        assertThat(histogram(bounds, 0, 0, 1, 0).median()).isEqualByComparingTo("30.0");
    }

    @Test
    void theOpenLastClassGivesItsLowerBoundAndNothingGivesNoMedian() {
        int[] bounds = {0, 10, 20, 40};
        assertThat(histogram(bounds, 1, 0, 0, 3).median()).isEqualByComparingTo("40.0");
        assertThat(histogram(bounds, 0, 0, 0, 0).median()).isNull();
    }
}
