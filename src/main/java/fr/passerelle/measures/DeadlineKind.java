package fr.passerelle.measures;

/** The deadlines a measure carries (DOMAIN.md, "Deadlines"). */
public enum DeadlineKind {
    /** The first interview must be held within the type's number of days after the mandate arrived. */
    FIRST_INTERVIEW,
    /** The date set by the magistrate (échéance), e.g. for an investigation's result. */
    DUE_DATE,
    /** A report expected by the magistrate by a date, not sent yet. */
    REPORT,
    /** The planned end of the measure, which should have ended by then. */
    PLANNED_END
}
