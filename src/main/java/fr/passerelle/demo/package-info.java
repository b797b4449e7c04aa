/**
 * Demo: a deterministic generator of demonstration data (the federation, its regions, about 150
 * associations over the courts, their services and an account for every role). On by default
 * with the embedded database, refused in the production profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package fr.passerelle.demo;
