package fr.passerelle.observatory;

/**
 * What an indicator can be broken down by. Geography comes from the court that ordered the measure
 * (tribunal judiciaire, its cour d'appel and département) or, for the network region, from the
 * association; the service is the assigned worker's.
 */
public enum Dimension {
    NETWORK_REGION(true),
    COUR_APPEL(true),
    TRIBUNAL(true),
    DEPARTEMENT(true),
    /** Champ: pré-sentenciel, post-sentenciel, justice des enfants, justice restaurative. */
    FIELD(true),
    MEASURE_TYPE(true),
    PERIOD(true),
    /** The case worker: inside the association only. */
    WORKER(false),
    /** A team of the association: inside the association only. */
    SERVICE(false),
    SEX(true),
    AGE_BAND(true),
    /** Issue de la mesure, for ended measures. */
    OUTCOME(true);

    private final boolean national;

    Dimension(boolean national) {
        this.national = national;
    }

    /** Whether the national observatory may use it; workers and services never leave their association. */
    public boolean national() {
        return national;
    }

    public String labelKey() {
        return "observatory.dimension." + name();
    }
}
