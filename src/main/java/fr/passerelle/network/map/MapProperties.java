package fr.passerelle.network.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the map of the offer.
 *
 * @param tileUrl Leaflet URL template of the background tiles ({@code {z}}, {@code {x}}, {@code {y}},
 *     {@code {s}}); blank for no background map (the markers and lists still show). The
 *     Content-Security-Policy allows images from its host (see the security configuration).
 * @param tileAttribution attribution shown on the map for the tiles (HTML, set by the operator)
 */
@ConfigurationProperties("passerelle.map")
public record MapProperties(String tileUrl, String tileAttribution) {

    public MapProperties {
        tileUrl = tileUrl == null ? "" : tileUrl.trim();
        tileAttribution = tileAttribution == null ? "" : tileAttribution.trim();
    }

    public boolean hasTiles() {
        return !tileUrl.isEmpty();
    }
}
