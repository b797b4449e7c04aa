package fr.passerelle.partners;

/** What a convention with a partner is about (its label: {@code convention.object.<CODE>}). */
public enum ConventionObject {
    HEBERGEMENT,
    PLACEMENT_EXTERIEUR,
    SOINS,
    INSERTION
}
