package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.partners.BookingStatus.Action;
import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The state machine of a booking, on its own. */
class BookingStatusTest {

    @Test
    void followsRequestedConfirmedArrivedDeparted() {
        BookingStatus status = BookingStatus.REQUESTED.after(Action.CONFIRM);
        assertThat(status).isEqualTo(BookingStatus.CONFIRMED);
        status = status.after(Action.EXTEND);
        assertThat(status).isEqualTo(BookingStatus.CONFIRMED);
        status = status.after(Action.ARRIVE);
        assertThat(status).isEqualTo(BookingStatus.ARRIVED);
        assertThat(status.after(Action.ABSENCE)).isEqualTo(BookingStatus.ARRIVED);
        assertThat(status.after(Action.EXTEND)).isEqualTo(BookingStatus.ARRIVED);
        assertThat(status.after(Action.DEPART)).isEqualTo(BookingStatus.DEPARTED);
    }

    @Test
    void aConfirmedBookingEndsAsDidNotArriveOrCancelled() {
        assertThat(BookingStatus.CONFIRMED.after(Action.DID_NOT_ARRIVE)).isEqualTo(BookingStatus.DID_NOT_ARRIVE);
        assertThat(BookingStatus.CONFIRMED.after(Action.CANCEL)).isEqualTo(BookingStatus.CANCELLED);
        assertThat(BookingStatus.REQUESTED.after(Action.CANCEL)).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void refusesWhatTheStatusDoesNotAllowWithAMessageNamingActionAndStatus() {
        assertThatThrownBy(() -> BookingStatus.REQUESTED.after(Action.ARRIVE))
                .isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "booking.transition.refused")
                .hasFieldOrPropertyWithValue("status", 409);
        assertThatThrownBy(() -> BookingStatus.ARRIVED.after(Action.CANCEL))
                .hasFieldOrPropertyWithValue("messageKey", "booking.transition.refused");
        assertThatThrownBy(() -> BookingStatus.CONFIRMED.after(Action.DEPART))
                .hasFieldOrPropertyWithValue("messageKey", "booking.transition.refused");
        assertThatThrownBy(() -> BookingStatus.CONFIRMED.after(Action.CONFIRM))
                .hasFieldOrPropertyWithValue("messageKey", "booking.transition.refused");
    }

    @Test
    void theEndsAllowNothingMore() {
        for (BookingStatus end : EnumSet.of(BookingStatus.DEPARTED, BookingStatus.DID_NOT_ARRIVE, BookingStatus.CANCELLED)) {
            assertThat(end.actions()).isEmpty();
            for (Action action : Action.values()) {
                assertThatThrownBy(() -> end.after(action)).isInstanceOf(BusinessException.class);
            }
        }
    }

    @Test
    void onlyConfirmedAndArrivedHoldThePlace() {
        assertThat(EnumSet.allOf(BookingStatus.class).stream().filter(BookingStatus::holdsPlace))
                .containsExactly(BookingStatus.CONFIRMED, BookingStatus.ARRIVED);
    }
}
