package fr.passerelle.measures;

import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of a measure: the one place that lists the allowed transitions and their
 * guards. Received → assigned → in progress ⇄ suspended → ended (with an outcome) → closed (final
 * report sent); the magistrate may cancel the measure at any point before it ends.
 */
public final class MeasureLifecycle {

    /** For each action: the statuses it may start from. */
    private static final Map<MeasureAction, Set<MeasureStatus>> FROM = Map.of(
            MeasureAction.ASSIGN, EnumSet.of(MeasureStatus.RECEIVED),
            MeasureAction.REASSIGN, EnumSet.of(MeasureStatus.ASSIGNED, MeasureStatus.IN_PROGRESS, MeasureStatus.SUSPENDED),
            MeasureAction.START, EnumSet.of(MeasureStatus.ASSIGNED),
            MeasureAction.SUSPEND, EnumSet.of(MeasureStatus.IN_PROGRESS),
            MeasureAction.RESUME, EnumSet.of(MeasureStatus.SUSPENDED),
            MeasureAction.END, EnumSet.of(MeasureStatus.IN_PROGRESS, MeasureStatus.SUSPENDED),
            MeasureAction.CANCEL, EnumSet.of(MeasureStatus.RECEIVED, MeasureStatus.ASSIGNED, MeasureStatus.IN_PROGRESS,
                    MeasureStatus.SUSPENDED),
            MeasureAction.CLOSE, EnumSet.of(MeasureStatus.ENDED));

    private static final Map<MeasureAction, MeasureStatus> TO = Map.of(
            MeasureAction.ASSIGN, MeasureStatus.ASSIGNED,
            MeasureAction.START, MeasureStatus.IN_PROGRESS,
            MeasureAction.SUSPEND, MeasureStatus.SUSPENDED,
            MeasureAction.RESUME, MeasureStatus.IN_PROGRESS,
            MeasureAction.END, MeasureStatus.ENDED,
            MeasureAction.CANCEL, MeasureStatus.ENDED,
            MeasureAction.CLOSE, MeasureStatus.CLOSED);

    private MeasureLifecycle() {}

    /**
     * What a transition needs beyond the current status.
     *
     * @param assigneeChosen a case worker is named (assigning)
     * @param firstInterviewHeld the first interview took place (starting)
     * @param outcome how the measure ended (ending; cancelling implies its own)
     * @param finalReportSent a final report of the measure is recorded as sent to the magistrate (closing):
     *     read from the measure's reports, never from what the user typed
     * @param reasonGiven a reason is written (suspending)
     */
    public record Facts(boolean assigneeChosen, boolean firstInterviewHeld, MeasureOutcome outcome,
            boolean finalReportSent, boolean reasonGiven) {

        public static Facts none() {
            return new Facts(false, false, null, false, false);
        }
    }

    /** The status the action leads to, or a refusal (HTTP 409) saying why it is not allowed. */
    public static MeasureStatus next(MeasureStatus current, MeasureAction action, Facts facts) {
        if (!FROM.get(action).contains(current)) {
            throw BusinessException.conflict("measure.transition.illegal", action.name(), current.name());
        }
        switch (action) {
            case ASSIGN, REASSIGN -> require(facts.assigneeChosen(), "measure.transition.assigneeRequired");
            case START -> require(facts.firstInterviewHeld(), "measure.transition.firstInterviewRequired");
            case SUSPEND -> require(facts.reasonGiven(), "measure.transition.reasonRequired");
            case END -> {
                require(facts.outcome() != null, "measure.transition.outcomeRequired");
                require(facts.outcome() != MeasureOutcome.CANCELLED_BY_MAGISTRATE, "measure.transition.useCancel");
            }
            case CLOSE -> require(facts.finalReportSent(), "measure.transition.finalReportNotSent");
            default -> { }
        }
        // Reassigning changes the case worker, not the status.
        return action == MeasureAction.REASSIGN ? current : TO.get(action);
    }

    /**
     * Refuses (409) to write a report on a closed measure: once closed (its final report sent),
     * nothing more happens on it, on any path.
     */
    public static void requireOpenForReports(MeasureStatus current) {
        require(current != MeasureStatus.CLOSED, "report.measureClosed");
    }

    /**
     * The statuses in which hours, days or nights are logged: while the measure runs (in progress,
     * or suspended, to record what was done before the suspension) and once ended, to catch up with
     * what was done before its end (the dates stay within the measure). Never before it starts
     * (received, assigned: nothing is done yet) nor once closed.
     */
    private static final Set<MeasureStatus> QUANTITIES_LOGGED = EnumSet.of(MeasureStatus.IN_PROGRESS,
            MeasureStatus.SUSPENDED, MeasureStatus.ENDED);

    /** Whether hours, days or nights may be logged on a measure in this status. */
    public static boolean quantitiesLoggable(MeasureStatus current) {
        return QUANTITIES_LOGGED.contains(current);
    }

    /** Whether logged entries may be corrected or deleted: in every status but closed. */
    public static boolean quantitiesCorrectable(MeasureStatus current) {
        return current != MeasureStatus.CLOSED;
    }

    /** Refuses (409) to log hours, days or nights on a measure in this status. */
    public static void requireQuantitiesLoggable(MeasureStatus current) {
        require(current != MeasureStatus.CLOSED, "quantity.measureClosed");
        require(quantitiesLoggable(current), "quantity.measureNotStarted");
    }

    /** Refuses (409) to correct or delete an entry of a closed measure. */
    public static void requireQuantitiesCorrectable(MeasureStatus current) {
        require(quantitiesCorrectable(current), "quantity.measureClosed");
    }

    /** The outcome the action records, if any. */
    public static MeasureOutcome outcomeOf(MeasureAction action, Facts facts) {
        return switch (action) {
            case END -> facts.outcome();
            case CANCEL -> MeasureOutcome.CANCELLED_BY_MAGISTRATE;
            default -> null;
        };
    }

    /** The actions that may be offered for a measure in the given status. */
    public static Set<MeasureAction> availableFrom(MeasureStatus current) {
        Set<MeasureAction> actions = EnumSet.noneOf(MeasureAction.class);
        FROM.forEach((action, from) -> {
            if (from.contains(current)) {
                actions.add(action);
            }
        });
        return actions;
    }

    private static void require(boolean condition, String messageKey) {
        if (!condition) {
            throw BusinessException.conflict(messageKey);
        }
    }
}
