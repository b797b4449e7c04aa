/**
 * Network: the jurisdictions (cours d'appel and tribunaux judiciaires) as editable reference
 * data; later the member directory and the map of the offer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package fr.passerelle.network;
