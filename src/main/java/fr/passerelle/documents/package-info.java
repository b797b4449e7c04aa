/**
 * Documents: the file formats Passerelle produces: spreadsheets for exports and PDF rendering of
 * Thymeleaf templates, shared by the modules (later file storage).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package fr.passerelle.documents;
