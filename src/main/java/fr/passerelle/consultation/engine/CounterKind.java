package fr.passerelle.consultation.engine;

/**
 * The counters kept per proposal and key. {@code ALL} includes votes without a valid proposal key
 * (trust = troll) and is never used in scores; {@code VERIFIED} counts votes with a valid key,
 * {@code SEQUENCE} those cast from a sequence page, {@code SEGMENT} those of voters in the proposal's
 * segment.
 */
public enum CounterKind {
    ALL, VERIFIED, SEQUENCE, SEGMENT
}
