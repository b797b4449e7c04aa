/**
 * The REST API of the measures module ({@code /api/v1}): thin JSON controllers over the same
 * services, permission checks and audit trail as the pages.
 */
package fr.passerelle.measures.api;
