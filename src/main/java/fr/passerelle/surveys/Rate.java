package fr.passerelle.surveys;

/** A survey's response rate: the answers submitted out of the associations it was sent to. */
public record Rate(long submitted, long targets) {

    /** The rate in whole percent, rounded half up (39 of 43 is 91 %); 0 when sent to nobody. */
    public long percent() {
        return targets == 0 ? 0 : Math.round(submitted * 100.0 / targets);
    }
}
