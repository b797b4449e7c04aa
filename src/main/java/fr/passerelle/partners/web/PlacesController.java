package fr.passerelle.partners.web;

import fr.passerelle.partners.NearbyPlaceSearch;
import fr.passerelle.partners.OccupancyCalendar;
import fr.passerelle.partners.PartnerConventions;
import fr.passerelle.partners.PartnerPlaces;
import fr.passerelle.partners.PlaceBookings;
import fr.passerelle.partners.PlaceSearch;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.web.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The places of partner sites: the free-place search (the entry page), a site's places and periods
 * out of service (partner:manage edits them) and its occupancy calendar.
 */
@Controller
@PreAuthorize("hasAuthority('partner:read')")
class PlacesController {

    private final PartnerPlaces places;
    private final PlaceSearch search;
    private final NearbyPlaceSearch nearby;
    private final OccupancyCalendar calendar;
    private final PlaceBookings bookings;
    private final PartnerConventions conventions;
    private final Clock clock;

    PlacesController(PartnerPlaces places, PlaceSearch search, NearbyPlaceSearch nearby, OccupancyCalendar calendar,
            PlaceBookings bookings, PartnerConventions conventions, Clock clock) {
        this.nearby = nearby;
        this.conventions = conventions;
        this.places = places;
        this.search = search;
        this.calendar = calendar;
        this.bookings = bookings;
        this.clock = clock;
    }

    /**
     * The search of a free place; from a person's or a measure's page, the person (and measure)
     * the places are searched for, carried to the booking form, and the person's bookings.
     */
    @GetMapping("/places")
    String search(@RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) String departement, @RequestParam(required = false) UUID nearSite,
            @RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
            @RequestParam(required = false) Integer withinKm, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID measureId, @RequestParam(required = false) String near, Model model) {
        LocalDate today = LocalDate.now(clock);
        PlaceSearch.Criteria criteria = new PlaceSearch.Criteria(kind == null || kind.isBlank() ? null : kind,
                from == null ? today : from, until == null ? today.plusDays(90) : until, departement, nearSite, latitude,
                longitude, withinKm);
        model.addAttribute("criteria", criteria);
        model.addAttribute("kinds", PartnerPlaces.KINDS);
        model.addAttribute("siteChoices", places.locatedSitesWithPlaces());
        boolean searching = from != null || kind != null;
        if (!searching) {
            // The list of the sites and their calendars is the page's start; a search shows its results instead.
            model.addAttribute("sites", places.sitesWithPlaces());
        }
        // The person's bookings name their measures: measure:read too.
        model.addAttribute("personId", personId);
        model.addAttribute("measureId", measureId);
        if (personId != null && TenantContext.hasAuthority("measure:read")) {
            model.addAttribute("personBookings", measureId == null ? bookings.ofPerson(personId)
                    : bookings.ofMeasure(measureId));
        }
        if (searching) {
            try {
                if (near != null && !near.isBlank()) {
                    model.addAttribute("near", near.trim());
                    NearbyPlaceSearch.Results found = nearby.search(criteria, near);
                    model.addAttribute("nearby", found.near());
                    model.addAttribute("results", found.places());
                } else {
                    model.addAttribute("results", search.search(criteria));
                }
            } catch (BusinessException refusal) {
                if (refusal.status() == 404) {
                    throw refusal;
                }
                model.addAttribute("refusal", refusal);
            }
        }
        return "partners/places-search";
    }

    @GetMapping("/places/sites/{id}")
    String site(@PathVariable UUID id, Model model) {
        model.addAttribute("site", places.site(id));
        model.addAttribute("places", places.places(id));
        model.addAttribute("outOfService", places.outOfService(id, LocalDate.now(clock)));
        model.addAttribute("kinds", PartnerPlaces.KINDS);
        model.addAttribute("conventions", conventions.ofPartner(places.site(id).partnerId()).stream()
                .filter(c -> !c.archived()).toList());
        return "partners/places-site";
    }

    @GetMapping("/places/sites/{id}/calendar")
    String calendar(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Model model) {
        model.addAttribute("calendar", calendar.of(id, from == null ? LocalDate.now(clock) : from));
        model.addAttribute("today", LocalDate.now(clock));
        return "partners/places-calendar";
    }

    @PostMapping("/places/sites/{id}/places")
    @PreAuthorize("hasAuthority('partner:manage')")
    String addPlace(@PathVariable UUID id, @RequestParam(required = false) String label,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        places.site(id);
        Forms.perform(redirect, "place.added", () -> places.addPlace(id, new PartnerPlaces.PlaceInput(label, kind, notes)));
        return siteRedirect(id);
    }

    @PostMapping("/places/{id}")
    @PreAuthorize("hasAuthority('partner:manage')")
    String updatePlace(@PathVariable UUID id, @RequestParam(required = false) String label,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        UUID site = places.place(id).siteId();
        Forms.perform(redirect, "place.updated", () -> places.updatePlace(id, new PartnerPlaces.PlaceInput(label, kind, notes)));
        return siteRedirect(site);
    }

    @PostMapping("/places/{id}/archive")
    @PreAuthorize("hasAuthority('partner:manage')")
    String archive(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean archived,
            RedirectAttributes redirect) {
        UUID site = places.place(id).siteId();
        Forms.perform(redirect, archived ? "place.archived" : "place.restored", () -> places.setArchived(id, archived));
        return siteRedirect(site);
    }

    @PostMapping("/places/{id}/out-of-service")
    @PreAuthorize("hasAuthority('partner:manage')")
    String outOfService(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        UUID site = places.place(id).siteId();
        Forms.perform(redirect, "place.outOfService.added", () -> places.addOutOfService(id, startsOn, endsOn, reason));
        return siteRedirect(site);
    }

    /** The convention a place is reserved under (none when blank). */
    @PostMapping("/places/{id}/convention")
    @PreAuthorize("hasAuthority('partner:manage')")
    String convention(@PathVariable UUID id, @RequestParam(required = false) UUID conventionId,
            RedirectAttributes redirect) {
        UUID site = places.place(id).siteId();
        Forms.perform(redirect, "place.convention.saved", () -> places.setConvention(id, conventionId));
        return siteRedirect(site);
    }

    @PostMapping("/places/out-of-service/{id}/delete")
    @PreAuthorize("hasAuthority('partner:manage')")
    String removeOutOfService(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID place = places.removeOutOfService(id);
        Forms.success(redirect, "place.outOfService.removed");
        return siteRedirect(places.place(place).siteId());
    }

    private static String siteRedirect(UUID site) {
        return "redirect:/places/sites/" + site;
    }
}
