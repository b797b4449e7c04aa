package fr.passerelle.partners.web;

import fr.passerelle.partners.PartnerSitesMap;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The association's partner sites as a GeoJSON layer for the map of the network
 * ({@code /reseau/carte}), which loads it for the readers of partners only: the public map itself
 * shows published associations only, and never asks for this. Each feature carries what its popup
 * shows (partner, type, level, address) and the link to the partner's page.
 */
@RestController
class PartnersMapLayerController {

    static final String GEO_JSON = "application/geo+json";

    private final PartnerSitesMap sites;
    private final MessageSource messages;

    PartnersMapLayerController(PartnerSitesMap sites, MessageSource messages) {
        this.sites = sites;
        this.messages = messages;
    }

    @GetMapping(path = "/partners/map-layer.json", produces = {GEO_JSON, "application/json"})
    @PreAuthorize("hasAuthority('partner:read')")
    ResponseEntity<Map<String, Object>> layer(Locale locale, HttpServletRequest request) {
        String base = request.getContextPath() + "/partners/";
        List<Map<String, Object>> features = sites.sites().stream().map(s -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("siteId", s.siteId());
            properties.put("partner", s.partnerName());
            properties.put("site", s.siteName());
            properties.put("type", s.partnerType());
            properties.put("typeLabel", message("partners.type." + s.partnerType(), locale));
            properties.put("level", s.level());
            properties.put("levelLabel", message(s.level() == null ? "partners.level.none"
                    : "partners.level." + s.level(), locale));
            properties.put("address", String.join(" ", java.util.stream.Stream.of(s.address(), s.postcode(), s.city())
                    .filter(p -> p != null && !p.isBlank()).toList()));
            properties.put("url", base + s.partnerId());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(s.longitude(), s.latitude())));
            feature.put("properties", properties);
            return feature;
        }).toList();
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        // The association's own directory: never kept by a shared cache.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(collection);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
