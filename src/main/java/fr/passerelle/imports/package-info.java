/**
 * Imports: an existing caseload from CSV or XLSX files as associations export them from Excel,
 * with a column mapping, a dry run reporting every error, and an all-or-nothing import. Other
 * modules import their own lists through {@link fr.passerelle.imports.SpreadsheetUploads}, which
 * receives and reads a file with the same checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package fr.passerelle.imports;
