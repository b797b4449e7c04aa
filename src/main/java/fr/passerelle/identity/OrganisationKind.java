package fr.passerelle.identity;

/** The kind of an organisation (tenant): association, federation or public body. */
public enum OrganisationKind {
    ASSOCIATION,
    FEDERATION,
    PUBLIC_BODY
}
