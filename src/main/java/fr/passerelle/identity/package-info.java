/**
 * Identity: organisations (associations, the federation, public bodies), their services, users,
 * roles and named permissions; sign-in with throttling and multi-factor authentication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package fr.passerelle.identity;
