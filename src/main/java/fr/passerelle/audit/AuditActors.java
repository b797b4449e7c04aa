package fr.passerelle.audit;

import java.util.List;

/**
 * The users who can appear as actors in the current organisation's trail, for the audit page's user
 * filter, given by the module that owns the accounts (identity implements it, so the dependency
 * stays identity → audit): the page reads the organisation's accounts instead of grouping its
 * whole trail on every load.
 */
public interface AuditActors {

    /** The accounts of the current organisation, enabled or not, by name. */
    List<AuditTrail.Actor> ofCurrentOrganisation();
}
