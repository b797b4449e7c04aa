/**
 * Shared kernel: identifiers, tenant context, database bootstrap, errors and web support. No
 * business rules live here.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.passerelle.shared;
