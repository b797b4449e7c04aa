package fr.passerelle.partners.web;

import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.BookingStatus;
import fr.passerelle.partners.PartnerPlaces;
import fr.passerelle.partners.PlaceBookings;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Booking a place for a person (and one of their measures), and the booking's page with its
 * transitions. Case workers book: partner:read to see the places, measure:write to act for a
 * person; reading a booking needs measure:read (it names the person and the measure).
 */
@Controller
class BookingsController {

    private final PlaceBookings bookings;
    private final PartnerPlaces places;
    private final Persons persons;
    private final Measures measures;
    private final Clock clock;

    BookingsController(PlaceBookings bookings, PartnerPlaces places, Persons persons, Measures measures, Clock clock) {
        this.bookings = bookings;
        this.places = places;
        this.persons = persons;
        this.measures = measures;
        this.clock = clock;
    }

    /** The booking form: the person is given (from their page, or picked by a name search here), then a measure of theirs. */
    @GetMapping("/places/{id}/book")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('measure:write')")
    String form(@PathVariable UUID id, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID measureId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) String q, Model model) {
        PartnerPlaces.Place place = places.place(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("place", place);
        model.addAttribute("site", places.site(place.siteId()));
        model.addAttribute("from", from == null ? today : from);
        model.addAttribute("until", until == null ? today.plusDays(90) : until);
        model.addAttribute("measureId", measureId);
        model.addAttribute("q", q);
        if (personId != null) {
            String label = persons.labels(Set.of(personId)).get(personId);
            if (label == null) {
                throw BusinessException.notFound();
            }
            model.addAttribute("personId", personId);
            model.addAttribute("personLabel", label);
            model.addAttribute("measures", measures.ofPerson(personId));
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("matches", persons.search(q, null, 0).items());
        }
        return "partners/places-book";
    }

    @PostMapping("/places/{id}/book")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('measure:write')")
    String book(@PathVariable UUID id, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID measureId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        places.place(id);
        if (personId == null) {
            Forms.error(redirect, "booking.person.required");
            return "redirect:" + formUrl(id, null, measureId, startsOn, endsOn);
        }
        PlaceBookings.Request request = new PlaceBookings.Request(id, personId, measureId, startsOn, endsOn);
        try {
            UUID booking = confirm ? bookings.book(request) : bookings.request(request);
            Forms.success(redirect, confirm ? "booking.booked" : "booking.requested");
            return "redirect:/bookings/" + booking;
        } catch (BusinessException refusal) {
            if (refusal.status() == 404) {
                throw refusal;
            }
            Forms.error(redirect, refusal.messageKey(), refusal.arguments());
            return "redirect:" + formUrl(id, personId, measureId, startsOn, endsOn);
        }
    }

    private static String formUrl(UUID place, UUID person, UUID measure, LocalDate from, LocalDate until) {
        return UriComponentsBuilder.fromPath("/places/{id}/book").queryParamIfPresent("personId",
                java.util.Optional.ofNullable(person)).queryParamIfPresent("measureId", java.util.Optional.ofNullable(measure))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("until", java.util.Optional.ofNullable(until)).buildAndExpand(place).toUriString();
    }

    @GetMapping("/bookings/{id}")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('measure:read')")
    String show(@PathVariable UUID id, Model model) {
        PlaceBookings.Booking booking = bookings.view(id);
        model.addAttribute("booking", booking);
        model.addAttribute("events", bookings.events(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "partners/places-booking";
    }

    /** One transition of the booking (see {@link BookingStatus.Action}); a refusal is shown on the booking's page. */
    @PostMapping("/bookings/{id}/transitions")
    @PreAuthorize("hasAuthority('partner:read') and hasAuthority('measure:write')")
    String transition(@PathVariable UUID id, @RequestParam(required = false) BookingStatus.Action action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        bookings.status(id);
        if (action == null) {
            Forms.error(redirect, "booking.action.required");
            return "redirect:/bookings/" + id;
        }
        Forms.perform(redirect, "booking.done." + action.name(), () -> {
            switch (action) {
                case CONFIRM -> bookings.confirm(id);
                case ARRIVE -> bookings.arrive(id, effectiveOn);
                case DID_NOT_ARRIVE -> bookings.didNotArrive(id, reason);
                case DEPART -> bookings.depart(id, effectiveOn, reason);
                case EXTEND -> bookings.extend(id, endsOn, reason);
                case CANCEL -> bookings.cancel(id, reason);
                case ABSENCE -> bookings.recordAbsence(id, effectiveOn, reason);
            }
        });
        return "redirect:/bookings/" + id;
    }
}
