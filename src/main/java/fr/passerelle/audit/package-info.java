/**
 * Audit: the append-only, hash-chained trail of sign-ins, changes and reads of personal files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package fr.passerelle.audit;
