package fr.passerelle.partners;

import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where the orientation (referral) of a person to a partner stands: sent → accepted / refused (for a
 * reason) / no answer; accepted → entered (the person entered the partner). A referral left without
 * answer may still be accepted or refused when the answer comes late.
 */
public enum ReferralStatus {
    SENT, ACCEPTED, REFUSED, NO_ANSWER, ENTERED;

    /** What a user records on a referral. */
    public enum Action {
        ACCEPT, REFUSE, NO_ANSWER, ENTER
    }

    private static final Map<ReferralStatus, Set<Action>> ALLOWED = Map.of(
            SENT, EnumSet.of(Action.ACCEPT, Action.REFUSE, Action.NO_ANSWER),
            NO_ANSWER, EnumSet.of(Action.ACCEPT, Action.REFUSE),
            ACCEPTED, EnumSet.of(Action.ENTER),
            REFUSED, EnumSet.noneOf(Action.class),
            ENTERED, EnumSet.noneOf(Action.class));

    /** The actions a referral in this status allows, in the order the referral's page offers them. */
    public Set<Action> actions() {
        return ALLOWED.get(this);
    }

    /** Whether the partner has answered (accepted or refused), the entry included. */
    public boolean answered() {
        return this == ACCEPTED || this == REFUSED || this == ENTERED;
    }

    /**
     * The status after an action, or a refusal (409, {@code referral.transition.refused}) naming the
     * action and the current status when this status does not allow it.
     */
    public ReferralStatus after(Action action) {
        if (!actions().contains(action)) {
            throw BusinessException.conflict("referral.transition.refused",
                    new DefaultMessageSourceResolvable("referral.action." + action.name()),
                    new DefaultMessageSourceResolvable("referral.status." + name()));
        }
        return switch (action) {
            case ACCEPT -> ACCEPTED;
            case REFUSE -> REFUSED;
            case NO_ANSWER -> NO_ANSWER;
            case ENTER -> ENTERED;
        };
    }
}
