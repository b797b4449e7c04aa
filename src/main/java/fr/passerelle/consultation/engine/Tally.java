package fr.passerelle.consultation.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * One counter of a proposal: how many votes of each key and how many of each qualification.
 *
 * @param qualifications count per qualification (missing = 0); a qualification never counts more
 *     than the votes of its key
 */
public record Tally(long agree, long disagree, long neutral, Map<Qualification, Long> qualifications) {

    public static final Tally EMPTY = new Tally(0, 0, 0, Map.of());

    public Tally {
        if (agree < 0 || disagree < 0 || neutral < 0) {
            throw new IllegalArgumentException("negative vote count");
        }
        EnumMap<Qualification, Long> copy = new EnumMap<>(Qualification.class);
        qualifications.forEach((q, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("negative count for " + q);
            }
            if (n > 0) {
                copy.put(q, n);
            }
        });
        qualifications = Map.copyOf(copy);
        for (Map.Entry<Qualification, Long> e : qualifications.entrySet()) {
            if (e.getValue() > count(agree, disagree, neutral, e.getKey().key())) {
                throw new IllegalArgumentException(e.getKey() + " counted more often than its vote key");
            }
        }
    }

    /** A tally without qualifications. */
    public static Tally of(long agree, long disagree, long neutral) {
        return new Tally(agree, disagree, neutral, Map.of());
    }

    /** This tally with {@code count} votes qualified {@code qualification}. */
    public Tally with(Qualification qualification, long count) {
        EnumMap<Qualification, Long> copy = new EnumMap<>(Qualification.class);
        copy.putAll(qualifications);
        copy.put(qualification, count);
        return new Tally(agree, disagree, neutral, copy);
    }

    /** N: the number of votes (agree + disagree + neutral). */
    public long total() {
        return agree + disagree + neutral;
    }

    public long count(VoteKey key) {
        return count(agree, disagree, neutral, key);
    }

    public long count(Qualification qualification) {
        return qualifications.getOrDefault(qualification, 0L);
    }

    private static long count(long agree, long disagree, long neutral, VoteKey key) {
        return switch (key) {
            case AGREE -> agree;
            case DISAGREE -> disagree;
            case NEUTRAL -> neutral;
        };
    }
}
