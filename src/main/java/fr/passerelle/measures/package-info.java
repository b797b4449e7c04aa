/**
 * Measures: persons accompanied (personnes placées sous main de justice), judicial mandates,
 * measures and their lifecycle, the catalogue of measure types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measures")
package fr.passerelle.measures;
