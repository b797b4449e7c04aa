package fr.passerelle.consultation.web;

import fr.passerelle.consultation.ConsultationResults;
import java.util.List;

/**
 * The opinion-group map drawn server-side as SVG: the stored PCA positions scaled into a square
 * view box, one circle per drawn participant, coloured by group (CSS classes, no inline style).
 */
record ResultsMap(List<Dot> dots, List<Centre> centres) {

    static final double SIZE = 400;
    static final double MARGIN = 12;

    record Dot(double x, double y, String css) {}

    record Centre(double x, double y, String label) {}

    static ResultsMap of(ConsultationResults.AnalysisResult analysis) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (ConsultationResults.Point p : analysis.points()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double spanX = maxX > minX ? maxX - minX : 1;
        double spanY = maxY > minY ? maxY - minY : 1;
        double scale = (SIZE - 2 * MARGIN) / Math.max(spanX, spanY);
        double x0 = minX;
        double y0 = minY;
        List<Dot> dots = analysis.points().stream().map(p -> new Dot(round(MARGIN + (p.x() - x0) * scale),
                round(SIZE - MARGIN - (p.y() - y0) * scale), p.group() == null ? "map-dot map-none"
                        : "map-dot map-group-" + Math.floorMod(p.group(), 8))).toList();
        List<Centre> centres = analysis.groups().stream().map(g -> new Centre(
                round(clamp(MARGIN + (g.centreX() - x0) * scale)), round(clamp(SIZE - MARGIN - (g.centreY() - y0) * scale)),
                g.letter())).toList();
        return new ResultsMap(dots, centres);
    }

    private static double clamp(double v) {
        return Math.max(MARGIN, Math.min(SIZE - MARGIN, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
