package fr.passerelle.consultation.engine;

import java.util.Set;

/**
 * A qualification of a vote. Each belongs to one vote key (three per key): agree → like it, doable,
 * platitude; disagree → no way, impossible, platitude; neutral → don't understand, no opinion,
 * don't care.
 */
public enum Qualification {
    LIKE_IT(VoteKey.AGREE),
    DOABLE(VoteKey.AGREE),
    PLATITUDE_AGREE(VoteKey.AGREE),
    NO_WAY(VoteKey.DISAGREE),
    IMPOSSIBLE(VoteKey.DISAGREE),
    PLATITUDE_DISAGREE(VoteKey.DISAGREE),
    DO_NOT_UNDERSTAND(VoteKey.NEUTRAL),
    NO_OPINION(VoteKey.NEUTRAL),
    DO_NOT_CARE(VoteKey.NEUTRAL);

    private final VoteKey key;

    Qualification(VoteKey key) {
        this.key = key;
    }

    /** The vote key this qualification belongs to. */
    public VoteKey key() {
        return key;
    }

    /** Position among the three qualifications of its key (0, 1 or 2). */
    int indexInKey() {
        return ordinal() % 3;
    }

    /** The qualification of {@code key} at {@code index} (0, 1 or 2). */
    static Qualification of(VoteKey key, int index) {
        return values()[key.ordinal() * 3 + index];
    }

    /**
     * Whether these qualifications may go with a vote of this key: a qualification without a vote
     * ({@code key == null}) or of another key is rejected.
     */
    public static boolean allowed(VoteKey key, Set<Qualification> qualifications) {
        if (qualifications.isEmpty()) {
            return true;
        }
        return key != null && qualifications.stream().allMatch(q -> q.key == key);
    }
}
