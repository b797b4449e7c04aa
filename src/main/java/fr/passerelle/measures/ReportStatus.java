package fr.passerelle.measures;

import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a report stands: draft → submitted → validated by the service head (or returned with a
 * comment, then edited and submitted again) → sent to the magistrate. The one place listing the
 * allowed moves.
 */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, VALIDATED, SENT;

    /** What a user does to a report. */
    public enum Move { SUBMIT, VALIDATE, RETURN, SEND }

    private static final Map<Move, Set<ReportStatus>> FROM = Map.of(
            Move.SUBMIT, EnumSet.of(DRAFT, RETURNED),
            Move.VALIDATE, EnumSet.of(SUBMITTED),
            Move.RETURN, EnumSet.of(SUBMITTED),
            Move.SEND, EnumSet.of(VALIDATED));

    private static final Map<Move, ReportStatus> TO = Map.of(
            Move.SUBMIT, SUBMITTED, Move.VALIDATE, VALIDATED, Move.RETURN, RETURNED, Move.SEND, SENT);

    /** The text can be changed only by its writer, before submission or after being returned. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** The status a move leads to, or a refusal (409). */
    public ReportStatus after(Move move) {
        if (!FROM.get(move).contains(this)) {
            throw BusinessException.conflict("report.move.illegal");
        }
        return TO.get(move);
    }

    public Set<Move> moves() {
        Set<Move> moves = EnumSet.noneOf(Move.class);
        FROM.forEach((move, from) -> {
            if (from.contains(this)) {
                moves.add(move);
            }
        });
        return moves;
    }
}
