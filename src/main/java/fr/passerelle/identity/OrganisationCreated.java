package fr.passerelle.identity;

import java.util.UUID;

/** An organisation was added to the registry (published inside the creating transaction). */
public record OrganisationCreated(UUID organisationId, OrganisationKind kind) {}
