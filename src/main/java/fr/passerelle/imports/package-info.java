/**
 * Imports: an existing caseload from CSV or XLSX files as associations export them from Excel,
 * with a column mapping, a dry run reporting every error, and an all-or-nothing import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package fr.passerelle.imports;
