package fr.passerelle.partners.web;

import fr.passerelle.partners.NearbyPlaceSearch;
import fr.passerelle.partners.OccupancyCalendar;
import fr.passerelle.partners.PartnerPlaces;
import fr.passerelle.partners.PlaceSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The places of partner sites over the REST API: a site's places, the free-place search, the occupancy calendar. */
@RestController
@RequestMapping(path = "/api/v1/places", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Places", description = "Places of the partners' sites, free-place search and occupancy calendar")
@PreAuthorize("hasAuthority('partner:read')")
class PlacesApi {

    private final PartnerPlaces places;
    private final PlaceSearch search;
    private final NearbyPlaceSearch nearby;
    private final OccupancyCalendar calendar;
    private final Clock clock;

    PlacesApi(PartnerPlaces places, PlaceSearch search, NearbyPlaceSearch nearby, OccupancyCalendar calendar,
            Clock clock) {
        this.places = places;
        this.nearby = nearby;
        this.search = search;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The free places found, and what {@code near} was understood as (null without it). */
    record Found(NearbyPlaceSearch.Near near, List<PlaceSearch.FreePlace> places) {}

    /** A site (with its partner's current partnership level) and its places, archived ones last. */
    record SitePlaces(PartnerPlaces.Site site, List<PartnerPlaces.Place> places) {}

    @GetMapping("/sites/{id}")
    @Operation(summary = "A partner site and its places (kind INDIVIDUAL, SHARED or PE_RESERVED; archived ones last)")
    SitePlaces site(@PathVariable UUID id) {
        return new SitePlaces(places.site(id), places.places(id));
    }

    @GetMapping("/search")
    @Operation(summary = "Free places of a kind over [from, until) (today and 90 days by default), in a département"
            + " and/or within N km of a partner site (nearSite), of a point (latitude, longitude) or of a postcode or"
            + " town (near: its centre, else the association's sites with that postcode, else its département alone);"
            + " ranked by distance, then partnership level, at most 50")
    Found search(@RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) String departement, @RequestParam(required = false) UUID nearSite,
            @RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Integer withinKm, @RequestParam(required = false) String near) {
        LocalDate today = LocalDate.now(clock);
        PlaceSearch.Criteria criteria = new PlaceSearch.Criteria(kind == null || kind.isBlank() ? null : kind,
                from == null ? today : from, until == null ? today.plusDays(90) : until, departement, nearSite, latitude,
                longitude, withinKm);
        if (near != null && !near.isBlank()) {
            NearbyPlaceSearch.Results found = nearby.search(criteria, near);
            return new Found(found.near(), found.places());
        }
        return new Found(null, search.search(criteria));
    }

    @GetMapping("/sites/{id}/calendar")
    @Operation(summary = "The occupancy of a site's places over six weeks from the Monday of the week of 'from' (today"
            + " by default): per place and week, the bookings holding it and the periods out of service; persons are"
            + " not named")
    OccupancyCalendar.Calendar calendar(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return calendar.of(id, from == null ? LocalDate.now(clock) : from);
    }
}
