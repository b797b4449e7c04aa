package fr.passerelle.consultation;

/** The life of a consultation: a draft is published (open), closed, then its results are published. */
public enum ConsultationStatus {
    DRAFT, OPEN, CLOSED, RESULTS_PUBLISHED;

    /** Whether the public pages show it (anything but a draft). */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
