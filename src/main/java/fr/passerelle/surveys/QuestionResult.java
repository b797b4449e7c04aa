package fr.passerelle.surveys;

import java.math.BigDecimal;
import java.util.List;

/**
 * The submitted answers to one item, summed up: how many answered; for choices and scales the count
 * of each option (a multiple choice's counts do not add up to the answers); for a grid the counts
 * of each row; for numbers their statistics (and how many pre-filled figures were kept or
 * corrected); for dates the earliest and latest; for free text the texts with their association.
 */
public record QuestionResult(Question question, long answered, List<Count> counts, List<GridRow> grid,
        NumberStats numbers, BigDecimal scaleMean, String earliest, String latest, List<Text> texts) {

    /** An option and how many chose it. */
    public record Count(String label, long count) {}

    /** A grid's row and the count of each column. */
    public record GridRow(String label, List<Long> counts) {}

    /** A number question's statistics; {@code confirmed} and {@code corrected} count the pre-filled figures. */
    public record NumberStats(BigDecimal sum, BigDecimal mean, BigDecimal median, BigDecimal min, BigDecimal max,
            long confirmed, long corrected) {}

    /** A free-text answer and the association that gave it. */
    public record Text(String organisationName, String text) {}

    /** The largest count, for the bars' scale (at least 1). */
    public long maxCount() {
        return Math.max(1, counts.stream().mapToLong(Count::count).max().orElse(0));
    }
}
