package fr.passerelle.measures;

/** What a user does to move a measure along its lifecycle. */
public enum MeasureAction {
    ASSIGN,
    START,
    SUSPEND,
    RESUME,
    END,
    CANCEL,
    CLOSE
}
