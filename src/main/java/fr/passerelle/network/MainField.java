package fr.passerelle.network;

/** The main field of an association's activity, shown in the directory and on the map. */
public enum MainField {
    PRE_SENTENCE, POST_SENTENCE, MINORS, RESTORATIVE;

    /** The message key of its label (the measure fields' labels). */
    public String labelKey() {
        return "measure.field." + name();
    }
}
