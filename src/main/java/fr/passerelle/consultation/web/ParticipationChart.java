package fr.passerelle.consultation.web;

import fr.passerelle.consultation.ConsultationResults;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Participation over time as a chart: the cumulative numbers of participants, proposals and votes
 * at the end of each day (an organiser follows how far the consultation has come; the daily
 * figures are in the table next to it). Two drawings of the same data: the data an ECharts line
 * chart reads from a {@code data-chart} attribute on the dashboard, and small SVG charts drawn
 * here for the PDF report, which runs no script (one panel per series: votes outnumber
 * participants by far and would flatten them on a shared axis).
 */
record ParticipationChart(List<String> labels, List<Series> series, List<Panel> panels) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);

    /** Panel size and plot area of the SVG charts, in SVG units. */
    static final double WIDTH = 240;
    static final double HEIGHT = 130;
    static final double LEFT = 44;
    static final double RIGHT = 232;
    static final double TOP = 10;
    static final double BOTTOM = 104;
    /** Up to this many days each day is marked with a dot (and a single day is a dot). */
    static final int DOTS = 31;

    /** One cumulative series; {@code axis} 1 = the right-hand axis of the dashboard chart (votes). */
    record Series(String key, List<Long> values, int axis) {}

    /** One series drawn as SVG: its polyline, dots, and the labels of its vertical axis. */
    record Panel(String key, long total, String line, List<Dot> dots, List<Tick> ticks, String firstDay,
            String lastDay) {}

    record Dot(double x, double y) {}

    record Tick(double y, String label) {}

    static ParticipationChart of(List<ConsultationResults.Day> days) {
        List<String> labels = days.stream().map(d -> DAY.format(d.day())).toList();
        List<Series> series = List.of(series("participants", days, ConsultationResults.Day::totalParticipants, 0),
                series("proposals", days, ConsultationResults.Day::totalProposals, 0),
                series("votes", days, ConsultationResults.Day::totalVotes, 1));
        List<Panel> panels = series.stream().map(s -> panel(s, labels)).toList();
        return new ParticipationChart(labels, series, panels);
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The data of the ECharts chart, with the series named in the reader's language. */
    Map<String, Object> data(Map<String, String> names, List<String> axisNames) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "lines");
        data.put("labels", labels);
        data.put("axes", axisNames);
        data.put("series", series.stream().map(s -> Map.of("name", names.get(s.key()), "values", s.values(),
                "axis", s.axis())).toList());
        return data;
    }

    private static Series series(String key, List<ConsultationResults.Day> days, ToLongFunction<ConsultationResults.Day> total,
            int axis) {
        return new Series(key, days.stream().map(d -> total.applyAsLong(d)).toList(), axis);
    }

    private static Panel panel(Series s, List<String> labels) {
        int n = s.values().size();
        long total = n == 0 ? 0 : s.values().get(n - 1);
        long top = niceCeiling(total);
        List<Dot> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? (LEFT + RIGHT) / 2 : LEFT + (RIGHT - LEFT) * i / (n - 1);
            double y = BOTTOM - (BOTTOM - TOP) * s.values().get(i) / top;
            points.add(new Dot(round(x), round(y)));
        }
        StringBuilder line = new StringBuilder();
        for (Dot p : points) {
            line.append(line.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y());
        }
        List<Tick> ticks = List.of(new Tick(BOTTOM, "0"), new Tick(round((TOP + BOTTOM) / 2), String.valueOf(top / 2)),
                new Tick(TOP, String.valueOf(top)));
        return new Panel(s.key(), total, n > 1 ? line.toString() : "", n <= DOTS ? points : List.of(),
                ticks, n == 0 ? "" : labels.get(0), n == 0 ? "" : labels.get(n - 1));
    }

    /** The top of the vertical axis: the smallest 2, 4, 6, 8 or 10 × 10ⁿ at least {@code value} (its half is whole). */
    static long niceCeiling(long value) {
        long step = 1;
        while (true) {
            for (long m : new long[] {2, 4, 6, 8, 10}) {
                if (m * step >= value) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
