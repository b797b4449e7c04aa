package fr.passerelle.measures;

import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a statement to a court stands: draft (recomputed or deleted at will) → sent (numbered, with
 * its date; frozen) → paid (with its date). The one place listing what may be done in each status.
 */
public enum BillingStatus {
    DRAFT, SENT, PAID;

    /** What a user does to a statement. */
    public enum Action { REGENERATE, DELETE, SEND, PAY }

    private static final Map<Action, Set<BillingStatus>> FROM = Map.of(
            Action.REGENERATE, EnumSet.of(DRAFT),
            Action.DELETE, EnumSet.of(DRAFT),
            Action.SEND, EnumSet.of(DRAFT),
            Action.PAY, EnumSet.of(SENT));

    /**
     * The status after the action, or a refusal (409) whose message says why: e.g.
     * {@code billing.refused.PAY.DRAFT} ("send it before recording its payment").
     */
    public BillingStatus after(Action action) {
        if (!FROM.get(action).contains(this)) {
            throw BusinessException.conflict("billing.refused." + action.name() + "." + name());
        }
        return switch (action) {
            case REGENERATE -> DRAFT;
            case DELETE -> null;
            case SEND -> SENT;
            case PAY -> PAID;
        };
    }

    /** The actions offered in this status. */
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        FROM.forEach((action, from) -> {
            if (from.contains(this)) {
                actions.add(action);
            }
        });
        return actions;
    }

    /** Sent and paid statements never change. */
    public boolean frozen() {
        return this != DRAFT;
    }
}
