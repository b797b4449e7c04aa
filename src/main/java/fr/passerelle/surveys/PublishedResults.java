package fr.passerelle.surveys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A survey's results as published beyond the federation, after small-cell suppression: a count
 * from 1 to {@code threshold − 1} associations, and whatever would give it away, is blank
 * ({@code null}); a number question's sum and mean are given only when at least {@code threshold}
 * associations answered it. Free texts and dates are never published.
 */
public record PublishedResults(UUID surveyId, String title, Instant publishedAt, int threshold, long respondents,
        long targets, List<Item> items) {

    /** An item's published figures. */
    public record Item(String label, QuestionKind kind, Long answered, List<String> labels, List<Long> counts,
            List<String> rows, List<List<Long>> grid, BigDecimal sum, BigDecimal mean) {}

    /** A line of the list of published results. */
    public record Line(UUID surveyId, String title, Instant publishedAt, long respondents) {}
}
