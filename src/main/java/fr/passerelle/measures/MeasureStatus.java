package fr.passerelle.measures;

/** Where a measure stands in its lifecycle (DOMAIN.md, "Lifecycle of a measure"). */
public enum MeasureStatus {
    /** Saisine reçue: the mandate has arrived, nobody is assigned yet. */
    RECEIVED,
    /** Assigned to a case worker, first interview not yet held. */
    ASSIGNED,
    /** En cours: the first interview has been held. */
    IN_PROGRESS,
    /** Suspendue (e.g. incarceration, hospitalisation), may resume. */
    SUSPENDED,
    /** Terminée, with an outcome; the final report may still be due. */
    ENDED,
    /** Clôturée: the final report has been sent; nothing more happens. */
    CLOSED;

    /** Whether the measure is still being carried out (not ended nor closed). */
    public boolean open() {
        return this != ENDED && this != CLOSED;
    }
}
