package fr.passerelle.consultation.engine;

/**
 * A score with the half-width of its confidence interval. Sums and differences add or subtract the
 * values and combine the half-widths as √(h₁² + h₂²); a min takes the smaller value and the larger
 * half-width.
 */
public record Score(double value, double halfWidth) {

    /** Smoothing σ for vote keys. */
    public static final double KEY_SMOOTHING = 0.33;
    /** Smoothing σ for qualifications. */
    public static final double QUALIFICATION_SMOOTHING = 0.01;

    /**
     * The score of a count c among N votes: s = min((c + σ)/(1 + N), 1), with the half-width
     * 2·√(p̃(1 − p̃)/(N + 4)) where p̃ = (N·s + 2)/(N + 4).
     */
    public static Score of(long count, long total, double smoothing) {
        double s = Math.min((count + smoothing) / (1.0 + total), 1.0);
        double p = (total * s + 2.0) / (total + 4.0);
        return new Score(s, 2.0 * Math.sqrt(p * (1.0 - p) / (total + 4.0)));
    }

    public double lower() {
        return value - halfWidth;
    }

    public double upper() {
        return value + halfWidth;
    }

    public Score plus(Score other) {
        return new Score(value + other.value, Math.hypot(halfWidth, other.halfWidth));
    }

    public Score minus(Score other) {
        return new Score(value - other.value, Math.hypot(halfWidth, other.halfWidth));
    }

    public static Score min(Score a, Score b) {
        return new Score(Math.min(a.value, b.value), Math.max(a.halfWidth, b.halfWidth));
    }

    /**
     * The weighted blend w·a + (1 − w)·b. The half-width is blended the same way, the conservative
     * choice for two estimates from overlapping votes (sequence votes are verified votes too).
     */
    public static Score blend(double w, Score a, Score b) {
        return new Score(w * a.value + (1 - w) * b.value, w * a.halfWidth + (1 - w) * b.halfWidth);
    }
}
