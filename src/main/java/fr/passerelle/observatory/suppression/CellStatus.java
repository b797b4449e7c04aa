package fr.passerelle.observatory.suppression;

/** Whether a count of a published table is shown and, if not, why it is hidden. */
public enum CellStatus {
    /** Published as it is. */
    SHOWN,
    /** A count from 1 to threshold − 1: too small to publish. */
    PRIMARY,
    /** Hidden so that a primary cell cannot be worked out from the shown cells and the totals. */
    SECONDARY;

    public boolean hidden() {
        return this != SHOWN;
    }
}
