/**
 * Programmes: the national library of good-practice sheets for delinquency prevention (searched in
 * French, faceted, printed, compared, edited by the federation in versions), and the local
 * prevention programmes run from a sheet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes")
package fr.passerelle.programmes;
