package fr.passerelle.observatory;

import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownRow;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The "chiffres clés" PDF of a {@link KeyFiguresReport}, like the figures pages of an annual
 * activity report: the main figures with their definitions and the comparison with the previous
 * period, then each breakdown as a bar chart drawn here in SVG (the PDF runs no script) above the
 * same figures in a table. It prints whatever report it is given, whoever computed it.
 */
@Service
public class KeyFiguresPdf {

    /** Chart geometry, in SVG units: category labels on the left, bars on the right. */
    static final double WIDTH = 500;
    static final double LABEL_WIDTH = 190;
    static final double PLOT_WIDTH = 270;
    static final double LEGEND_HEIGHT = 18;
    static final double BAR = 9;
    static final double BAR_GAP = 2;
    static final double GROUP_GAP = 7;
    static final int LABEL_LENGTH = 42;
    static final List<String> COLOURS = List.of("#1d3a5f", "#b3501a", "#2c7a3f", "#6f42c1");

    private final PdfDocuments pdf;

    KeyFiguresPdf(PdfDocuments pdf) {
        this.pdf = pdf;
    }

    /** Printed width of a chart; its printed height keeps the proportions of the drawing. */
    static final double PRINTED_WIDTH_MM = 170;

    /** A horizontal bar chart as SVG shapes. */
    public record Chart(String id, double width, double height, List<Bar> bars, List<Text> texts, List<Legend> legend) {

        /** The printed size, for the page's CSS (an SVG box without it would not keep its proportions). */
        public String style() {
            return "width: " + PRINTED_WIDTH_MM + "mm; height: " + round(PRINTED_WIDTH_MM * height / width) + "mm";
        }
    }

    public record Bar(double x, double y, double width, double height, String colour) {}

    public record Text(double x, double y, String anchor, String text) {}

    public record Legend(double x, String colour, String text) {}

    public byte[] render(KeyFiguresReport report) {
        Map<String, Chart> charts = new java.util.LinkedHashMap<>();
        report.breakdowns().stream().filter(t -> !t.isEmpty()).forEach(t -> charts.put(t.id(), chart(t)));
        return pdf.render("observatory/key-figures", Map.of("report", report, "charts", charts));
    }

    /** The chart of a breakdown: per category, one bar per charted series, scaled on the largest value. */
    static Chart chart(BreakdownTable table) {
        int series = table.charted();
        double group = series * BAR + (series - 1) * BAR_GAP;
        BigDecimal max = table.max();
        List<Bar> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            legend.add(new Legend(LABEL_WIDTH + s * 110, COLOURS.get(s % COLOURS.size()), table.series().get(s)));
        }
        double y = LEGEND_HEIGHT;
        for (BreakdownRow row : table.rows()) {
            texts.add(new Text(LABEL_WIDTH - 5, round(y + group / 2 + 3), "end", shorten(row.label())));
            for (int s = 0; s < series; s++) {
                BigDecimal value = row.values().get(s);
                double barY = round(y + s * (BAR + BAR_GAP));
                double width = value == null || max.signum() <= 0 ? 0
                        : round(PLOT_WIDTH * value.doubleValue() / max.doubleValue());
                bars.add(new Bar(LABEL_WIDTH, barY, Math.max(width, 0.5), BAR, COLOURS.get(s % COLOURS.size())));
                texts.add(new Text(round(LABEL_WIDTH + width + 3), round(barY + BAR - 1.5), "start", row.texts().get(s)));
            }
            y += group + GROUP_GAP;
        }
        return new Chart(table.id(), WIDTH, round(y), bars, texts, legend);
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
