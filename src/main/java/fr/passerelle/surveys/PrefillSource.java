package fr.passerelle.surveys;

/**
 * A figure Passerelle already holds for an association, offered as the pre-filled answer to a number
 * question (of all measure types, or of one), for the calendar year before the survey is answered.
 */
public enum PrefillSource {
    /** Measures received during last year. */
    MEASURES_RECEIVED,
    /** Measures ended during last year. */
    MEASURES_ENDED,
    /** Measures under way on the 31 December of last year. */
    MEASURES_ONGOING
}
