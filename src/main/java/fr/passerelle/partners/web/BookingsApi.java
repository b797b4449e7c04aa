package fr.passerelle.partners.web;

import fr.passerelle.partners.BookingStatus;
import fr.passerelle.partners.PlaceBookings;
import fr.passerelle.shared.FieldRefusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Bookings of partner places over the REST API, with the pages' permissions: reading a booking
 * names the person and the measure (partner:read and measure:read), booking and every transition
 * act for a person (partner:read and measure:write). A place taken meanwhile — also by a concurrent
 * booking of its last free dates — is a 409 whose {@code code} is {@code booking.place.taken} or
 * {@code booking.place.takenNow}; a transition the status does not allow is a 409
 * {@code booking.transition.refused}.
 */
@RestController
@RequestMapping(path = "/api/v1/bookings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bookings", description = "Bookings of partner places: requested, confirmed, arrived or did not arrive,"
        + " departed, extended, cancelled")
class BookingsApi {

    private static final String READ = "hasAuthority('partner:read') and hasAuthority('measure:read')";
    private static final String WRITE = "hasAuthority('partner:read') and hasAuthority('measure:write')";

    private final PlaceBookings bookings;

    BookingsApi(PlaceBookings bookings) {
        this.bookings = bookings;
    }

    /** A place for a person (and a measure of theirs) over [startsOn, endsOn); confirmed at once when {@code confirm} is true. */
    record BookingInput(UUID placeId, UUID personId, UUID measureId, LocalDate startsOn, LocalDate endsOn,
            Boolean confirm) {}

    record Created(UUID id, BookingStatus status) {}

    record Arrival(LocalDate arrivedOn) {}

    record Departure(LocalDate departedOn, String reason) {}

    record Extension(LocalDate endsOn, String reason) {}

    record Absence(LocalDate occurredOn, String description) {}

    record Reason(String reason) {}

    /** A booking and its history (who did what, when, why). */
    record BookingView(PlaceBookings.Booking booking, List<PlaceBookings.Event> events) {}

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "Bookings, latest start first (at most 200), filtered by person, measure, site, status and"
            + " a period [from, until) they meet")
    List<PlaceBookings.Booking> list(@RequestParam(required = false) UUID person,
            @RequestParam(required = false) UUID measure, @RequestParam(required = false) UUID site,
            @RequestParam(required = false) BookingStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        return bookings.list(new PlaceBookings.Filter(person, measure, site, status, from, until));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "A booking with its events (the read is audited: it names the person)")
    BookingView get(@PathVariable UUID id) {
        return view(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Request a booking, or book at once with confirm=true; 409 when the place is taken over"
            + " part of the dates (also by a concurrent booking) or out of service")
    ResponseEntity<Created> create(@RequestBody BookingInput input) {
        if (input.placeId() == null) {
            throw new FieldRefusal("placeId", "booking.place.required");
        }
        if (input.personId() == null) {
            throw new FieldRefusal("personId", "booking.person.required");
        }
        PlaceBookings.Request request = new PlaceBookings.Request(input.placeId(), input.personId(), input.measureId(),
                input.startsOn(), input.endsOn());
        UUID id = Boolean.TRUE.equals(input.confirm()) ? bookings.book(request) : bookings.request(request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/bookings/{id}")
                .buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(new Created(id, bookings.status(id)));
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize(WRITE)
    @Operation(summary = "Confirm a request: the place is held; 409 when it was taken meanwhile")
    BookingView confirm(@PathVariable UUID id) {
        bookings.confirm(id);
        return view(id);
    }

    @PostMapping(path = "/{id}/arrival", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Record the arrival on a date from the start until today, before the end")
    BookingView arrive(@PathVariable UUID id, @RequestBody Arrival input) {
        bookings.arrive(id, input.arrivedOn());
        return view(id);
    }

    @PostMapping(path = "/{id}/no-show", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Record that the person did not arrive, for a reason: the place is free again")
    BookingView noShow(@PathVariable UUID id, @RequestBody Reason input) {
        bookings.didNotArrive(id, input.reason());
        return view(id);
    }

    @PostMapping(path = "/{id}/departure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Record the departure on a date from the arrival until today, for a reason; for a measure"
            + " counted in days, the days of presence are logged on it")
    BookingView depart(@PathVariable UUID id, @RequestBody Departure input) {
        bookings.depart(id, input.departedOn(), input.reason());
        return view(id);
    }

    @PostMapping(path = "/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Move the end later, for a reason; 409 when the place is taken over the added dates")
    BookingView extend(@PathVariable UUID id, @RequestBody Extension input) {
        bookings.extend(id, input.endsOn(), input.reason());
        return view(id);
    }

    @PostMapping(path = "/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Cancel before arrival, for a reason: the place is free again")
    BookingView cancel(@PathVariable UUID id, @RequestBody Reason input) {
        bookings.cancel(id, input.reason());
        return view(id);
    }

    @PostMapping(path = "/{id}/absences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(WRITE)
    @Operation(summary = "Record an unauthorised absence of the arrived person; for a measure, its urgent incident")
    BookingView absence(@PathVariable UUID id, @RequestBody Absence input) {
        bookings.recordAbsence(id, input.occurredOn(), input.description());
        return view(id);
    }

    private BookingView view(UUID id) {
        return new BookingView(bookings.view(id), bookings.events(id));
    }
}
