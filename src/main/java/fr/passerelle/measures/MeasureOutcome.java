package fr.passerelle.measures;

/** How a measure ended (issue de la mesure). */
public enum MeasureOutcome {
    /** Terminée: carried out to its term. */
    COMPLETED,
    /** Mainlevée / fin anticipée par le magistrat. */
    LIFTED_BY_MAGISTRATE,
    /** Révocation / incarcération. */
    REVOKED,
    /** Manquements signalés. */
    BREACHES_REPORTED,
    /** Personne non présentée (carence). */
    NOT_PRESENTED,
    /** Transférée à un autre service. */
    TRANSFERRED,
    /** Décès. */
    DECEASED,
    /** Annulée par le magistrat (before or during the measure). */
    CANCELLED_BY_MAGISTRATE
}
