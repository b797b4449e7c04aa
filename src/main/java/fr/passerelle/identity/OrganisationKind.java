package fr.passerelle.identity;

/**
 * The kind of an organisation (tenant): association, federation, public body, or local authority
 * (collectivité: a commune, an EPCI or a département running prevention programmes).
 */
public enum OrganisationKind {
    ASSOCIATION,
    FEDERATION,
    PUBLIC_BODY,
    LOCAL_AUTHORITY
}
