package fr.passerelle.network.map;

import fr.passerelle.network.ReceivedActivity;
import fr.passerelle.shared.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public map of the network's offer: member associations, tribunaux judiciaires, the measure
 * types offered in each and the zones blanches. The page works without JavaScript (lists, a selected
 * court and a selected measure type from GET parameters); {@code /js/offer-map.js} draws the Leaflet
 * map from the JSON of {@code /reseau/carte/donnees} and swaps the side panel with htmx. Published
 * profiles and courts are public data: no account is needed. The layer of measures received (national
 * figures) is shown only to the users who may read the national observatory (ADR 0009 §9).
 */
@Controller
@RequestMapping("/reseau/carte")
class MapController {

    /** The public profile page of an association (network directory). */
    static final String PROFILE_PATH = "/reseau/associations/";

    static final int MAX_QUERY = 100;

    /**
     * Who may see the received-activity layer: the readers of the national observatory (federation
     * roles). Associations can move their own records and so re-draw the noise of a national count
     * (ADR 0009 §8); anonymous visitors could be anyone, association users included.
     */
    static final String RECEIVED_AUTHORITY = "observatory:national";

    private static final Logger log = LoggerFactory.getLogger(MapController.class);

    private final OfferMap offerMap;
    private final MapProperties properties;
    private final MessageSource messages;
    private final ObjectProvider<ReceivedActivity> activity;

    MapController(OfferMap offerMap, MapProperties properties, MessageSource messages,
            ObjectProvider<ReceivedActivity> activity) {
        this.offerMap = offerMap;
        this.properties = properties;
        this.messages = messages;
        this.activity = activity;
    }

    /** Whether the current user may see the received-activity layer. */
    private static boolean showsReceived() {
        return TenantContext.hasAuthority(RECEIVED_AUTHORITY);
    }

    /**
     * The received-activity layer of a type, for a user allowed to see it; null without the
     * observatory, for other users, or when it cannot be read (the offer is shown without it).
     */
    private ReceivedActivity.Received received(Offer.MeasureTypeRef type) {
        ReceivedActivity source = activity.getIfAvailable();
        if (type == null || source == null || !showsReceived()) {
            return null;
        }
        try {
            return source.received(type.code());
        } catch (RuntimeException e) {
            log.warn("The received-activity layer of {} could not be read; the map is shown without it", type.code(), e);
            return null;
        }
    }

    /**
     * The map page. An unknown court or measure type is ignored with a notice, never an error page;
     * the search is cut to {@value #MAX_QUERY} characters.
     */
    @GetMapping
    String map(@RequestParam(defaultValue = "") String court, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String q, io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest htmx,
            Model model) {
        Offer offer = offerMap.offer();
        String query = q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        List<String> notices = new ArrayList<>();
        Offer.CourtOffer selected = offer.court(court.strip()).orElse(null);
        if (selected == null && !court.isBlank()) {
            notices.add("map.court.unknown");
        }
        Offer.MeasureTypeRef selectedType = offer.type(type.strip()).orElse(null);
        if (selectedType == null && !type.isBlank()) {
            notices.add("map.type.unknown");
        }
        model.addAttribute("offer", offer);
        model.addAttribute("courts", offer.searchCourts(query));
        model.addAttribute("members", offer.searchMembers(query));
        model.addAttribute("selected", selected);
        model.addAttribute("selectedType", selectedType);
        List<Offer.CourtOffer> zones = selectedType == null ? List.of() : offer.withoutProvider(selectedType.code());
        ReceivedActivity.Received received = received(selectedType);
        Map<String, Long> receivedByCourt = received == null ? Map.of() : received.byCourt();
        // Zones blanches where measures of the type were received all the same come first, apart.
        model.addAttribute("activeZones", zones.stream()
                .filter(z -> receivedByCourt.containsKey(z.court().code())).toList());
        model.addAttribute("zones", zones.stream()
                .filter(z -> !receivedByCourt.containsKey(z.court().code())).toList());
        model.addAttribute("received", received);
        model.addAttribute("showsReceived", showsReceived() && activity.getIfAvailable() != null);
        model.addAttribute("receivedByCourt", receivedByCourt);
        model.addAttribute("zoneCounts", offer.zonesBlanchesByType().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())));
        model.addAttribute("q", query);
        model.addAttribute("courtCode", selected == null ? "" : selected.court().code());
        model.addAttribute("typeCode", selectedType == null ? "" : selectedType.code());
        model.addAttribute("notices", notices);
        model.addAttribute("tiles", properties);
        model.addAttribute("profilePath", PROFILE_PATH);
        // An htmx request swaps the side panel (#map-results) and, out of band, the lists below the map.
        model.addAttribute("htmx", htmx.isHtmxRequest());
        return "network/map";
    }

    /** A member association on the map (located ones only), with its translated field and profile page. */
    record MemberPoint(UUID id, String name, String city, double lat, double lon, String field, String fieldLabel,
            String url) {}

    /** A court on the map, with the number of measure types offered there and of its zones blanches. */
    record CourtPoint(String code, String name, String city, double lat, double lon, int offered, int zonesBlanches) {}

    /**
     * What the map script draws; the zones blanches are the court codes of each measure type; with a
     * measure type and for a reader of the national observatory, {@code received} holds the published
     * counts of measures of that type received by court over the last twelve closed months (from the
     * national observatory, perturbed, small counts absent); empty for anyone else.
     */
    record MapData(List<MemberPoint> members, List<CourtPoint> courts, Map<String, List<String>> zonesBlanches,
            String receivedType, Map<String, Long> received) {}

    @GetMapping(value = "/donnees", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    MapData data(@RequestParam(defaultValue = "") String type, Locale locale,
            jakarta.servlet.http.HttpServletRequest request) {
        Offer offer = offerMap.offer();
        Offer.MeasureTypeRef selectedType = offer.type(type.strip()).orElse(null);
        ReceivedActivity.Received received = received(selectedType);
        String base = request.getContextPath() + PROFILE_PATH;
        List<MemberPoint> members = offer.members().stream().filter(Offer.Member::located)
                .map(m -> new MemberPoint(m.id(), m.name(), m.city() == null ? "" : m.city(),
                        m.latitude().doubleValue(), m.longitude().doubleValue(),
                        m.mainField() == null ? "" : m.mainField(),
                        m.mainField() == null ? "" : messages.getMessage("measure.field." + m.mainField(), null,
                                m.mainField(), locale),
                        base + m.id()))
                .toList();
        List<CourtPoint> courts = offer.courts().stream()
                .map(c -> new CourtPoint(c.court().code(), c.court().name(), c.court().seatCity(),
                        c.court().latitude().doubleValue(), c.court().longitude().doubleValue(), c.offered().size(),
                        c.zonesBlanches().size()))
                .toList();
        return new MapData(members, courts, offer.zonesBlanchesByType(),
                received == null ? null : selectedType.code(), received == null ? Map.of() : received.byCourt());
    }
}
