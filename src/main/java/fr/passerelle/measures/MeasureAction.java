package fr.passerelle.measures;

/** What a user does to move a measure along its lifecycle. */
public enum MeasureAction {
    ASSIGN,
    /** Hands an assigned measure to another case worker; the status stays, the history keeps both. */
    REASSIGN,
    START,
    SUSPEND,
    RESUME,
    END,
    CANCEL,
    CLOSE;

    /** The permission the action needs: (re)assigning is the service head's, the others the case worker's. */
    public String permission() {
        return this == ASSIGN || this == REASSIGN ? "measure:assign" : "measure:write";
    }
}
