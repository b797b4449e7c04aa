package fr.passerelle.shared;

import java.util.UUID;

/** A signed-in principal that belongs to one organisation (the tenant). */
public interface TenantPrincipal {

    UUID userId();

    UUID organisationId();

    String displayName();
}
