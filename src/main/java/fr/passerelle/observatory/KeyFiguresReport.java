package fr.passerelle.observatory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Key figures of a period compared with the previous one, with every text already written in the
 * reader's language: what the association dashboard shows, what its exports contain and what the
 * "chiffres clés" PDF prints. It says nothing of where the figures come from, so that the same
 * pages and renderer serve an association's own figures and the federation's national aggregates
 * ({@link NationalKeyFigures}), where a figure hidden by the small-cell suppression is a null value
 * shown as "s".
 *
 * @param title title of the document or page
 * @param subject who the figures are about (an association, the network)
 * @param period the period, as read ("du 01/01/2025 au 31/12/2025", "2025")
 * @param previousPeriod the period compared with, as read
 * @param criteria the filters applied, as (name, value) pairs; empty when none
 * @param figures one row per figure, in catalogue order
 * @param unavailable the indicators that cannot be given for these criteria, and why
 * @param breakdowns the breakdown tables (each also drawn as a chart)
 * @param generatedOn the day the figures were computed
 * @param notes sentences printed under the header, about the whole report (who is counted, what a
 *     hidden figure means); empty when none
 */
public record KeyFiguresReport(String title, String subject, String period, String previousPeriod,
        List<Criterion> criteria, List<FigureRow> figures, List<Unavailable> unavailable,
        List<BreakdownTable> breakdowns, LocalDate generatedOn, List<String> notes) {

    /** A report without notes. */
    public KeyFiguresReport(String title, String subject, String period, String previousPeriod,
            List<Criterion> criteria, List<FigureRow> figures, List<Unavailable> unavailable,
            List<BreakdownTable> breakdowns, LocalDate generatedOn) {
        this(title, subject, period, previousPeriod, criteria, figures, unavailable, breakdowns, generatedOn, List.of());
    }

    /** A filter applied to every figure, e.g. ("Type de mesure", "Enquête de personnalité"). */
    public record Criterion(String name, String value) {}

    /**
     * One figure: its value and the previous period's, the difference and the evolution in percent
     * (null when they cannot be computed, {@link #note()} then says why).
     *
     * @param id indicator id (stable, for addresses and tests)
     * @param label name of the figure
     * @param definition how it is computed, shown next to it
     * @param unit name of its unit
     * @param value value of the period (null: no population to compute it on)
     * @param previous value of the previous period
     * @param difference value minus previous
     * @param evolution difference in percent of the previous value (null for percentages, whose
     *     difference is in points, and when the previous value is zero or unknown)
     * @param valueText the value as shown, with its unit
     * @param previousText the previous value as shown
     * @param differenceText the difference as shown, signed
     * @param evolutionText the evolution as shown, signed, or a dash
     * @param note why a value or a comparison is missing; null when nothing is
     */
    public record FigureRow(String id, String label, String definition, String unit, BigDecimal value,
            BigDecimal previous, BigDecimal difference, BigDecimal evolution, String valueText, String previousText,
            String differenceText, String evolutionText, String note) {}

    /** An indicator that the criteria do not allow (e.g. payment delays by case worker), with the reason. */
    public record Unavailable(String id, String label, String reason) {}

    /**
     * A breakdown: one row per category, one column per series (the period and the previous one,
     * or the sexes); the same numbers feed the table and the chart.
     *
     * @param id stable id (for anchors and tests)
     * @param title title of the table and chart
     * @param category name of the first column (what the rows are)
     * @param unit name of the unit of the values
     * @param series names of the value columns
     * @param rows the categories with one value per series
     * @param totalColumn whether the last series is the total of the others (left out of charts)
     */
    public record BreakdownTable(String id, String title, String category, String unit, List<String> series,
            List<BreakdownRow> rows, boolean totalColumn) {

        /** How many series the chart draws (the total column is in the table only). */
        public int charted() {
            return totalColumn ? series.size() - 1 : series.size();
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        /** The largest charted value (0 when none), the length of the chart's axis. */
        public BigDecimal max() {
            return rows.stream().flatMap(r -> r.values().subList(0, charted()).stream()).filter(v -> v != null)
                    .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }
    }

    /** One category of a breakdown: its values (null: none, or hidden) and the same values as shown. */
    public record BreakdownRow(String label, List<BigDecimal> values, List<String> texts) {}

    /** The figure of an indicator, if the report has it. */
    public FigureRow figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    public BreakdownTable breakdown(String id) {
        return breakdowns.stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }
}
