package fr.passerelle.measures;

/** A breach (manquement) to report to the magistrate. */
public enum IncidentKind {
    /** Absence from a convocation or from the place of the measure. */
    ABSENCE,
    /** Nouvelle infraction. */
    NEW_OFFENCE,
    /** Breach of an obligation (care, work, ban on contact...). */
    OBLIGATION_BREACH,
    /** Leaving the placement without authorisation: for a placement à l'extérieur, legally an escape. */
    LEFT_PLACEMENT,
    OTHER
}
