/**
 * Observatory: the catalogue of indicators computed from measures, the small-cell suppression that
 * every published table goes through, and (later) the association dashboards and the national
 * observatory fed by aggregate tables only (federation staff never read personal files).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observatory")
package fr.passerelle.observatory;
