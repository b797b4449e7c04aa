package fr.passerelle.consultation.engine;

/** Where a proposal stands, from its agree, disagree and neutral scores. */
public enum Zone {
    CONSENSUS, REJECTION, LIMBO, CONTROVERSY;

    /**
     * Consensus if agree ≥ 0.6 or (neutral &lt; 0.4 and disagree &lt; 0.15); else rejection if
     * disagree ≥ 0.6 or (neutral &lt; 0.4 and agree &lt; 0.15); else limbo if neutral ≥ 0.4; else
     * controversy.
     */
    public static Zone classify(double agree, double disagree, double neutral) {
        if (agree >= 0.6 || (neutral < 0.4 && disagree < 0.15)) {
            return CONSENSUS;
        }
        if (disagree >= 0.6 || (neutral < 0.4 && agree < 0.15)) {
            return REJECTION;
        }
        if (neutral >= 0.4) {
            return LIMBO;
        }
        return CONTROVERSY;
    }
}
