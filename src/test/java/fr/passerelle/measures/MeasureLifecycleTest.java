package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.measures.MeasureLifecycle.Facts;
import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every legal and every illegal transition of a measure. */
class MeasureLifecycleTest {

    /** Facts that satisfy every guard, so that only the status decides. */
    private static final Facts ALL_GUARDS_MET = new Facts(true, true, MeasureOutcome.COMPLETED, true, true);

    /** The legal transitions, as drawn in DOMAIN.md. */
    private static final Map<MeasureStatus, Map<MeasureAction, MeasureStatus>> LEGAL = Map.of(
            MeasureStatus.RECEIVED, Map.of(MeasureAction.ASSIGN, MeasureStatus.ASSIGNED,
                    MeasureAction.CANCEL, MeasureStatus.ENDED),
            MeasureStatus.ASSIGNED, Map.of(MeasureAction.START, MeasureStatus.IN_PROGRESS,
                    MeasureAction.CANCEL, MeasureStatus.ENDED, MeasureAction.REASSIGN, MeasureStatus.ASSIGNED),
            MeasureStatus.IN_PROGRESS, Map.of(MeasureAction.SUSPEND, MeasureStatus.SUSPENDED,
                    MeasureAction.END, MeasureStatus.ENDED, MeasureAction.CANCEL, MeasureStatus.ENDED,
                    MeasureAction.REASSIGN, MeasureStatus.IN_PROGRESS),
            MeasureStatus.SUSPENDED, Map.of(MeasureAction.RESUME, MeasureStatus.IN_PROGRESS,
                    MeasureAction.END, MeasureStatus.ENDED, MeasureAction.CANCEL, MeasureStatus.ENDED,
                    MeasureAction.REASSIGN, MeasureStatus.SUSPENDED),
            MeasureStatus.ENDED, Map.of(MeasureAction.CLOSE, MeasureStatus.CLOSED),
            MeasureStatus.CLOSED, Map.of());

    static Stream<Arguments> everyStatusAndAction() {
        return Stream.of(MeasureStatus.values())
                .flatMap(s -> Stream.of(MeasureAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStatusAndAction")
    void allowsExactlyTheDrawnTransitions(MeasureStatus from, MeasureAction action) {
        MeasureStatus expected = LEGAL.get(from).get(action);
        if (expected != null) {
            assertThat(MeasureLifecycle.next(from, action, ALL_GUARDS_MET)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> MeasureLifecycle.next(from, action, ALL_GUARDS_MET))
                    .isInstanceOf(BusinessException.class)
                    .hasFieldOrPropertyWithValue("status", 409)
                    .hasFieldOrPropertyWithValue("messageKey", "measure.transition.illegal");
        }
    }

    @Test
    void offersTheActionsAllowedFromEachStatus() {
        for (MeasureStatus status : MeasureStatus.values()) {
            Set<MeasureAction> expected = LEGAL.get(status).isEmpty() ? EnumSet.noneOf(MeasureAction.class)
                    : EnumSet.copyOf(LEGAL.get(status).keySet());
            assertThat(MeasureLifecycle.availableFrom(status)).as(status.name()).isEqualTo(expected);
        }
    }

    @Test
    void refusesToAssignWithoutACaseWorker() {
        assertRefused(MeasureStatus.RECEIVED, MeasureAction.ASSIGN, Facts.none(), "measure.transition.assigneeRequired");
    }

    @Test
    void refusesToReassignWithoutACaseWorker() {
        assertRefused(MeasureStatus.IN_PROGRESS, MeasureAction.REASSIGN, Facts.none(), "measure.transition.assigneeRequired");
    }

    @Test
    void refusesToStartBeforeTheFirstInterview() {
        assertRefused(MeasureStatus.ASSIGNED, MeasureAction.START, new Facts(true, false, null, false, false),
                "measure.transition.firstInterviewRequired");
    }

    @Test
    void refusesToSuspendWithoutAReason() {
        assertRefused(MeasureStatus.IN_PROGRESS, MeasureAction.SUSPEND, Facts.none(), "measure.transition.reasonRequired");
    }

    @Test
    void refusesToEndAMeasureWithoutAnOutcome() {
        assertRefused(MeasureStatus.IN_PROGRESS, MeasureAction.END, Facts.none(), "measure.transition.outcomeRequired");
        assertRefused(MeasureStatus.SUSPENDED, MeasureAction.END, Facts.none(), "measure.transition.outcomeRequired");
    }

    @Test
    void endingCannotPassForACancellation() {
        assertRefused(MeasureStatus.IN_PROGRESS, MeasureAction.END,
                new Facts(false, false, MeasureOutcome.CANCELLED_BY_MAGISTRATE, false, false), "measure.transition.useCancel");
    }

    @Test
    void refusesToCloseBeforeTheFinalReportIsSent() {
        assertRefused(MeasureStatus.ENDED, MeasureAction.CLOSE, Facts.none(), "measure.transition.finalReportNotSent");
        // A date typed (first interview, effective date...) is no final report.
        assertRefused(MeasureStatus.ENDED, MeasureAction.CLOSE,
                new Facts(true, true, MeasureOutcome.COMPLETED, false, true), "measure.transition.finalReportNotSent");
    }

    @Test
    void refusesReportsOnAClosedMeasureOnly() {
        for (MeasureStatus status : MeasureStatus.values()) {
            if (status == MeasureStatus.CLOSED) {
                assertThatThrownBy(() -> MeasureLifecycle.requireOpenForReports(status))
                        .isInstanceOf(BusinessException.class)
                        .hasFieldOrPropertyWithValue("status", 409)
                        .hasFieldOrPropertyWithValue("messageKey", "report.measureClosed");
            } else {
                MeasureLifecycle.requireOpenForReports(status);
            }
        }
    }

    @Test
    void cancellingRecordsTheMagistratesDecisionAsOutcome() {
        assertThat(MeasureLifecycle.next(MeasureStatus.RECEIVED, MeasureAction.CANCEL, Facts.none()))
                .isEqualTo(MeasureStatus.ENDED);
        assertThat(MeasureLifecycle.outcomeOf(MeasureAction.CANCEL, Facts.none()))
                .isEqualTo(MeasureOutcome.CANCELLED_BY_MAGISTRATE);
        assertThat(MeasureLifecycle.outcomeOf(MeasureAction.END, ALL_GUARDS_MET)).isEqualTo(MeasureOutcome.COMPLETED);
        assertThat(MeasureLifecycle.outcomeOf(MeasureAction.SUSPEND, ALL_GUARDS_MET)).isNull();
    }

    private static void assertRefused(MeasureStatus from, MeasureAction action, Facts facts, String key) {
        assertThatThrownBy(() -> MeasureLifecycle.next(from, action, facts))
                .isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("status", 409)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }
}
