/**
 * Documents: the file formats Passerelle produces (spreadsheets for exports; later PDF rendering and
 * file storage shared by the modules).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package fr.passerelle.documents;
