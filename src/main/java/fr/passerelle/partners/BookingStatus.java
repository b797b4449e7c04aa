package fr.passerelle.partners;

import fr.passerelle.shared.BusinessException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where a booking of a place stands: requested → confirmed → arrived / did not arrive → departed,
 * or cancelled before arrival. A confirmed or arrived booking holds its place (a requested one does
 * not: confirming it is what takes the place); an extension changes the end date of a booking that
 * holds its place, an unauthorised absence is recorded on an arrived one.
 */
public enum BookingStatus {
    REQUESTED, CONFIRMED, ARRIVED, DID_NOT_ARRIVE, DEPARTED, CANCELLED;

    /** What a user does to a booking. */
    public enum Action {
        CONFIRM, ARRIVE, DID_NOT_ARRIVE, DEPART, EXTEND, CANCEL, ABSENCE
    }

    private static final Map<BookingStatus, Set<Action>> ALLOWED = Map.of(
            REQUESTED, EnumSet.of(Action.CONFIRM, Action.CANCEL),
            CONFIRMED, EnumSet.of(Action.ARRIVE, Action.DID_NOT_ARRIVE, Action.EXTEND, Action.CANCEL),
            ARRIVED, EnumSet.of(Action.DEPART, Action.EXTEND, Action.ABSENCE),
            DID_NOT_ARRIVE, EnumSet.noneOf(Action.class),
            DEPARTED, EnumSet.noneOf(Action.class),
            CANCELLED, EnumSet.noneOf(Action.class));

    /** The actions a booking in this status allows, in the order the booking page offers them. */
    public Set<Action> actions() {
        return ALLOWED.get(this);
    }

    /** Whether a booking in this status holds its place (no other booking may overlap it). */
    public boolean holdsPlace() {
        return this == CONFIRMED || this == ARRIVED;
    }

    /**
     * The status after an action, or a refusal (409, {@code booking.transition.refused}) naming
     * the action and the current status when this status does not allow it.
     */
    public BookingStatus after(Action action) {
        if (!actions().contains(action)) {
            throw BusinessException.conflict("booking.transition.refused",
                    new DefaultMessageSourceResolvable("booking.action." + action.name()),
                    new DefaultMessageSourceResolvable("booking.status." + name()));
        }
        return switch (action) {
            case CONFIRM -> CONFIRMED;
            case ARRIVE -> ARRIVED;
            case DID_NOT_ARRIVE -> DID_NOT_ARRIVE;
            case DEPART -> DEPARTED;
            case CANCEL -> CANCELLED;
            case EXTEND, ABSENCE -> this;
        };
    }
}
