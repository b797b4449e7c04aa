package fr.passerelle.partners;

import static fr.passerelle.partners.PartnerPlaces.me;
import static fr.passerelle.partners.PartnerPlaces.organisation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of a place for a person of the association, optionally for one of the person's
 * measures: requested → confirmed → arrived / did not arrive → departed, with extensions and
 * cancellations (see {@link BookingStatus}); every change is an event (who, when, why) and an audit
 * entry. Two bookings holding one place never overlap: the database's exclusion constraint
 * guarantees it, and confirmations and extensions lock the place's row so that the second of two
 * concurrent ones is told clearly which dates are taken.
 *
 * <p>For a measure counted in days (a placement à l'extérieur), the departure logs the days of
 * presence [arrival, departure) through {@link FollowUp#logQuantity}, skipping the dates already
 * logged by hand; an unauthorised absence raises the measure's urgent incident.
 */
@Service
public class PlaceBookings {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Persons persons;
    private final Measures measures;
    private final FollowUp followUp;

    PlaceBookings(JdbcClient jdbc, AuditLog audit, Clock clock, Persons persons, Measures measures, FollowUp followUp) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.persons = persons;
        this.measures = measures;
        this.followUp = followUp;
    }

    /** What a user asks for: a place for a person (and a measure of theirs) over [startsOn, endsOn). */
    public record Request(UUID placeId, UUID personId, UUID measureId, LocalDate startsOn, LocalDate endsOn) {}

    public record Booking(UUID id, UUID placeId, String placeLabel, String placeKind, UUID siteId, String siteName,
            String partnerName, UUID personId, String personLabel, UUID measureId, String measureReference,
            LocalDate startsOn, LocalDate endsOn, BookingStatus status, LocalDate arrivedOn, LocalDate departedOn,
            String departureReason) {

        public Set<BookingStatus.Action> actions() {
            return status.actions();
        }
    }

    public record Event(String kind, LocalDate effectiveOn, LocalDate previousEndsOn, String reason, Instant occurredAt,
            String actorName) {}

    /** Records a request (the place is not held until it is confirmed). */
    @Transactional
    public UUID request(Request request) {
        PartnerPlaces.lockPlace(jdbc, request.placeId());
        if (jdbc.sql("select archived from partner_place where id = ?").param(request.placeId()).query(Boolean.class).single()) {
            throw BusinessException.conflict("booking.place.archived");
        }
        if (persons.labels(Set.of(request.personId())).isEmpty()) {
            throw BusinessException.notFound();
        }
        if (request.measureId() != null && !measures.get(request.measureId()).personId().equals(request.personId())) {
            throw new FieldRefusal("measureId", "booking.measure.otherPerson");
        }
        Dates.requirePeriod(request.startsOn(), request.endsOn());
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into place_booking (id, organisation_id, place_id, person_id, measure_id, starts_on, ends_on, status,
                                           created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .param(id).param(organisation()).param(request.placeId()).param(request.personId())
                .param(request.measureId()).param(request.startsOn()).param(request.endsOn()).param(now()).param(me())
                .update();
        event(id, "REQUESTED", request.startsOn(), null, null);
        audit.record("booking.requested", "place_booking", id, Map.of("place", request.placeId().toString(),
                "person", request.personId().toString(), "from", request.startsOn().toString(),
                "until", request.endsOn().toString()));
        return id;
    }

    /** Requests and confirms in one go (the place is free now or the whole booking is refused). */
    @Transactional
    public UUID book(Request request) {
        UUID id = request(request);
        confirm(id);
        return id;
    }

    /**
     * Confirms a request: the place is now held over its dates. Refused (409,
     * {@code booking.place.taken}) when another booking holds the place over overlapping dates —
     * also when it was confirmed a moment ago by someone else — or when the place is out of service.
     */
    @Transactional
    public void confirm(UUID bookingId) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.CONFIRM);
        requireFree(row.placeId(), bookingId, row.startsOn(), row.endsOn());
        transition(bookingId, BookingStatus.CONFIRMED, "update place_booking set status = 'CONFIRMED'");
        event(bookingId, "CONFIRMED", row.startsOn(), null, null);
        audit.record("booking.confirmed", "place_booking", bookingId, Map.of());
    }

    /** Records the person's arrival on a date from the booking's start until today, before its end. */
    @Transactional
    public void arrive(UUID bookingId, LocalDate arrivedOn) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.ARRIVE);
        if (arrivedOn == null) {
            throw new FieldRefusal("effectiveOn", "booking.date.required");
        }
        if (arrivedOn.isBefore(row.startsOn()) || !arrivedOn.isBefore(row.endsOn())) {
            throw new FieldRefusal("effectiveOn", "booking.arrival.outsideBooking", Dates.argument(row.startsOn()),
                    Dates.argument(row.endsOn()));
        }
        requireNotFuture(arrivedOn);
        transition(bookingId, BookingStatus.ARRIVED, "update place_booking set status = 'ARRIVED', arrived_on = ?",
                arrivedOn);
        event(bookingId, "ARRIVED", arrivedOn, null, null);
        audit.record("booking.arrived", "place_booking", bookingId, Map.of("on", arrivedOn.toString()));
    }

    /** Records that the person did not come: the place is free again. */
    @Transactional
    public void didNotArrive(UUID bookingId, String reason) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.DID_NOT_ARRIVE);
        String why = PartnerPlaces.requireReason(reason);
        if (LocalDate.now(clock).isBefore(row.startsOn())) {
            throw BusinessException.conflict("booking.didNotArrive.beforeStart", Dates.argument(row.startsOn()));
        }
        transition(bookingId, BookingStatus.DID_NOT_ARRIVE, "update place_booking set status = 'DID_NOT_ARRIVE'");
        event(bookingId, "DID_NOT_ARRIVE", LocalDate.now(clock), null, why);
        audit.record("booking.didNotArrive", "place_booking", bookingId, Map.of("reason", why));
    }

    /**
     * Records the departure on a date from the arrival until today, for a reason; the place is held
     * until then only. For a measure counted in days, the days [arrival, departure) not yet logged
     * are logged on the measure.
     */
    @Transactional
    public void depart(UUID bookingId, LocalDate departedOn, String reason) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.DEPART);
        if (departedOn == null) {
            throw new FieldRefusal("effectiveOn", "booking.date.required");
        }
        if (departedOn.isBefore(row.arrivedOn())) {
            throw new FieldRefusal("effectiveOn", "booking.departure.beforeArrival", Dates.argument(row.arrivedOn()));
        }
        requireNotFuture(departedOn);
        String why = PartnerPlaces.requireReason(reason);
        if (departedOn.isAfter(row.endsOn())) {
            throw new FieldRefusal("effectiveOn", "booking.departure.afterEnd", Dates.argument(row.endsOn()));
        }
        transition(bookingId, BookingStatus.DEPARTED,
                "update place_booking set status = 'DEPARTED', departed_on = ?, departure_reason = ?", departedOn, why);
        event(bookingId, "DEPARTED", departedOn, null, why);
        int days = row.measureId() == null ? 0
                : logDaysOfPlacement(row.measureId(), row.arrivedOn(), departedOn, placeName(row.placeId()));
        audit.record("booking.departed", "place_booking", bookingId, Map.of("on", departedOn.toString(), "reason", why,
                "daysLogged", days));
    }

    /** Moves the end of a booking that holds its place later, if the place is free until then. */
    @Transactional
    public void extend(UUID bookingId, LocalDate newEndsOn, String reason) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.EXTEND);
        if (newEndsOn == null) {
            throw new FieldRefusal("endsOn", "booking.endsOn.required");
        }
        if (!newEndsOn.isAfter(row.endsOn())) {
            throw new FieldRefusal("endsOn", "booking.extension.notLater", Dates.argument(row.endsOn()));
        }
        Dates.requirePeriod(row.startsOn(), newEndsOn);
        String why = PartnerPlaces.requireReason(reason);
        requireFree(row.placeId(), bookingId, row.endsOn(), newEndsOn);
        transition(bookingId, row.status(), "update place_booking set ends_on = ?", newEndsOn);
        event(bookingId, "EXTENDED", newEndsOn, row.endsOn(), why);
        audit.record("booking.extended", "place_booking", bookingId, Map.of("from", row.endsOn().toString(),
                "to", newEndsOn.toString(), "reason", why));
    }

    /** Cancels a booking before arrival, for a reason: the place is free again. */
    @Transactional
    public void cancel(UUID bookingId, String reason) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.CANCEL);
        String why = PartnerPlaces.requireReason(reason);
        transition(bookingId, BookingStatus.CANCELLED, "update place_booking set status = 'CANCELLED'");
        event(bookingId, "CANCELLED", LocalDate.now(clock), null, why);
        audit.record("booking.cancelled", "place_booking", bookingId, Map.of("reason", why));
    }

    /**
     * Records an unauthorised absence of an arrived person on a date; for a booking tied to a
     * measure, it is recorded as the measure's incident "left the placement" — urgent for a
     * placement à l'extérieur (see {@link FollowUp#recordIncident}).
     */
    @Transactional
    public void recordAbsence(UUID bookingId, LocalDate occurredOn, String description) {
        Row row = lockedRow(bookingId);
        row.status().after(BookingStatus.Action.ABSENCE);
        if (occurredOn == null) {
            throw new FieldRefusal("effectiveOn", "booking.date.required");
        }
        if (occurredOn.isBefore(row.arrivedOn())) {
            throw new FieldRefusal("effectiveOn", "booking.absence.beforeArrival", Dates.argument(row.arrivedOn()));
        }
        requireNotFuture(occurredOn);
        String what = PartnerPlaces.requireReason(description);
        event(bookingId, "ABSENCE", occurredOn, null, what);
        jdbc.sql("update place_booking set version = version + 1 where id = ?").param(bookingId).update();
        if (row.measureId() != null) {
            followUp.recordIncident(row.measureId(), occurredOn, IncidentKind.LEFT_PLACEMENT, what);
        }
        audit.record("booking.absence", "place_booking", bookingId, Map.of("on", occurredOn.toString()));
    }

    // Reads

    private static final String SELECT = """
            select b.id, b.place_id, p.label, p.kind, s.id as site_id, s.name as site_name, pa.name as partner_name,
                   b.person_id, b.measure_id, b.starts_on, b.ends_on, b.status, b.arrived_on, b.departed_on,
                   b.departure_reason
            from place_booking b join partner_place p on p.id = b.place_id join partner_site s on s.id = p.site_id
                 join partner pa on pa.id = s.partner_id""";

    /** A booking with the person it concerns, audited as a read of the person's data. */
    @Transactional
    public Booking view(UUID bookingId) {
        Booking booking = named(jdbc.sql(SELECT + " where b.id = ?").param(bookingId).query(this::map).list()).stream()
                .findFirst().orElseThrow(BusinessException::notFound);
        audit.record("booking.viewed", "place_booking", bookingId, Map.of("person", booking.personId().toString()));
        return booking;
    }

    /** Where a booking stands (not found outside the current association). */
    @Transactional(readOnly = true)
    public BookingStatus status(UUID bookingId) {
        return jdbc.sql("select status from place_booking where id = ?").param(bookingId).query(String.class).optional()
                .map(BookingStatus::valueOf).orElseThrow(BusinessException::notFound);
    }

    @Transactional(readOnly = true)
    public List<Event> events(UUID bookingId) {
        return jdbc.sql("""
                select kind, effective_on, previous_ends_on, reason, occurred_at, actor_name from place_booking_event
                where booking_id = ? order by occurred_at, id""")
                .param(bookingId)
                .query((rs, n) -> new Event(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    /** The bookings of a person, latest first. */
    @Transactional(readOnly = true)
    public List<Booking> ofPerson(UUID personId) {
        return named(jdbc.sql(SELECT + " where b.person_id = ? order by b.starts_on desc").param(personId)
                .query(this::map).list());
    }

    /** The bookings tied to a measure, latest first. */
    @Transactional(readOnly = true)
    public List<Booking> ofMeasure(UUID measureId) {
        return named(jdbc.sql(SELECT + " where b.measure_id = ? order by b.starts_on desc").param(measureId)
                .query(this::map).list());
    }

    /** The bookings of a site's places that are not cancelled and meet [from, until), for the calendar. */
    @Transactional(readOnly = true)
    public List<Booking> ofSite(UUID siteId, LocalDate from, LocalDate until) {
        return named(jdbc.sql(SELECT + "\n" + """
                 where s.id = ? and b.status not in ('CANCELLED', 'DID_NOT_ARRIVE')
                   and daterange(b.starts_on, coalesce(b.departed_on, b.ends_on)) && daterange(?, ?)
                 order by b.starts_on""").param(siteId).param(from).param(until).query(this::map).list());
    }

    /** What the bookings list of the API filters on: each criterion is optional; the period keeps the bookings meeting it. */
    public record Filter(UUID personId, UUID measureId, UUID siteId, BookingStatus status, LocalDate from,
            LocalDate until) {}

    /** The most bookings one list returns. */
    public static final int LIST_LIMIT = 200;

    /**
     * The bookings matching a filter, latest start first, at most {@link #LIST_LIMIT}; a period
     * keeps those whose booked dates [start, end) meet [from, until).
     */
    @Transactional(readOnly = true)
    public List<Booking> list(Filter filter) {
        if (filter.from() != null && filter.until() != null) {
            Dates.requirePeriod(filter.from(), filter.until());
        }
        return named(jdbc.sql(SELECT + "\n" + """
                 where (cast(:person as uuid) is null or b.person_id = :person)
                   and (cast(:measure as uuid) is null or b.measure_id = :measure)
                   and (cast(:site as uuid) is null or s.id = :site)
                   and (cast(:status as varchar) is null or b.status = :status)
                   and (cast(:from as date) is null or b.ends_on > :from)
                   and (cast(:until as date) is null or b.starts_on < :until)
                 order by b.starts_on desc, b.id limit :limit""")
                .param("person", filter.personId()).param("measure", filter.measureId()).param("site", filter.siteId())
                .param("status", filter.status() == null ? null : filter.status().name()).param("from", filter.from())
                .param("until", filter.until()).param("limit", LIST_LIMIT).query(this::map).list());
    }

    private Booking map(java.sql.ResultSet rs, int n) throws SQLException {
        return new Booking(rs.getObject("id", UUID.class), rs.getObject("place_id", UUID.class), rs.getString("label"),
                rs.getString("kind"), rs.getObject("site_id", UUID.class), rs.getString("site_name"),
                rs.getString("partner_name"), rs.getObject("person_id", UUID.class), null,
                rs.getObject("measure_id", UUID.class), null, rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), BookingStatus.valueOf(rs.getString("status")),
                rs.getObject("arrived_on", LocalDate.class), rs.getObject("departed_on", LocalDate.class),
                rs.getString("departure_reason"));
    }

    /** Person and measure labels come from the measures module's API, in one query each. */
    private List<Booking> named(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return bookings;
        }
        Map<UUID, String> people = persons.labels(bookings.stream().map(Booking::personId).collect(
                java.util.stream.Collectors.toSet()));
        Map<UUID, String> references = measures.references(bookings.stream().map(Booking::measureId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return bookings.stream().map(b -> new Booking(b.id(), b.placeId(), b.placeLabel(), b.placeKind(), b.siteId(),
                b.siteName(), b.partnerName(), b.personId(), people.get(b.personId()), b.measureId(),
                b.measureId() == null ? null : references.get(b.measureId()), b.startsOn(), b.endsOn(), b.status(),
                b.arrivedOn(), b.departedOn(), b.departureReason())).toList();
    }

    // Internals

    private record Row(UUID placeId, UUID measureId, LocalDate startsOn, LocalDate endsOn, BookingStatus status,
            LocalDate arrivedOn) {}

    /** The booking, with its place's row locked first (always place then booking: no deadlock). */
    private Row lockedRow(UUID bookingId) {
        UUID placeId = jdbc.sql("select place_id from place_booking where id = ?").param(bookingId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
        PartnerPlaces.lockPlace(jdbc, placeId);
        return jdbc.sql("""
                select place_id, measure_id, starts_on, ends_on, status, arrived_on from place_booking
                where id = ? for update""")
                .param(bookingId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        BookingStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class)))
                .optional().orElseThrow(BusinessException::notFound);
    }

    /** Refuses when the place is out of service or held by another booking over part of [from, until). */
    private void requireFree(UUID placeId, UUID bookingId, LocalDate from, LocalDate until) {
        jdbc.sql("""
                select starts_on, ends_on from place_out_of_service
                where place_id = ? and daterange(starts_on, ends_on) && daterange(?, ?) order by starts_on limit 1""")
                .param(placeId).param(from).param(until).query(this::period).optional().ifPresent(period -> {
                    throw BusinessException.conflict("booking.place.outOfService", Dates.argument(period[0]),
                            Dates.argument(period[1]));
                });
        jdbc.sql("""
                select lower(held), upper(held) from place_booking
                where place_id = ? and id <> ? and held && daterange(?, ?) order by lower(held) limit 1""")
                .param(placeId).param(bookingId).param(from).param(until).query(this::period).optional()
                .ifPresent(period -> {
                    throw BusinessException.conflict("booking.place.taken", Dates.argument(period[0]),
                            Dates.argument(period[1]));
                });
    }

    private LocalDate[] period(java.sql.ResultSet rs, int n) throws SQLException {
        return new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)};
    }

    /**
     * Writes a transition; should the exclusion constraint refuse it all the same (a booking that
     * holds the place written outside these methods), the refusal is the same clear message.
     */
    private void transition(UUID bookingId, BookingStatus status, String update, Object... values) {
        try {
            var statement = jdbc.sql(update + ", version = version + 1 where id = ?");
            for (Object value : values) {
                statement = statement.param(value);
            }
            statement.param(bookingId).update();
        } catch (DataIntegrityViolationException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
                throw BusinessException.conflict("booking.place.takenNow");
            }
            throw e;
        }
    }

    private void requireNotFuture(LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new FieldRefusal("effectiveOn", "booking.date.future");
        }
    }

    private void event(UUID bookingId, String kind, LocalDate effectiveOn, LocalDate previousEndsOn, String reason) {
        TenantPrincipal actor = TenantContext.currentPrincipal().orElseThrow();
        jdbc.sql("""
                insert into place_booking_event (id, organisation_id, booking_id, kind, effective_on, previous_ends_on,
                                                 reason, occurred_at, actor_id, actor_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(Ids.newId()).param(organisation()).param(bookingId).param(kind).param(effectiveOn)
                .param(previousEndsOn).param(reason).param(now()).param(actor.userId()).param(actor.displayName())
                .update();
    }

    /**
     * Logs on a measure counted in days the dates [arrivedOn, departedOn) within the measure's
     * dates and not in the future, skipping those already logged (by hand or by an earlier
     * booking): one call per run of consecutive dates. Nothing for a measure counted otherwise or
     * whose status does not let days be logged. Returns the number of days logged.
     */
    private int logDaysOfPlacement(UUID measureId, LocalDate arrivedOn, LocalDate departedOn, String placeName) {
        FollowUp.Progress progress = followUp.progress(measureId);
        if (!"DAYS".equals(progress.unit()) || !progress.loggable()) {
            return 0;
        }
        Measures.Measure measure = measures.get(measureId);
        Set<LocalDate> logged = new java.util.HashSet<>();
        progress.entries().forEach(entry -> logged.add(entry.entryDate()));
        LocalDate first = arrivedOn.isBefore(measure.receivedOn()) ? measure.receivedOn() : arrivedOn;
        LocalDate today = LocalDate.now(clock);
        LocalDate end = departedOn.isAfter(today.plusDays(1)) ? today.plusDays(1) : departedOn;
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            if (logged.contains(day)) {
                continue;
            }
            LocalDate[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1].plusDays(1).equals(day)) {
                last[1] = day;
            } else {
                runs.add(new LocalDate[] {day, day});
            }
        }
        int days = 0;
        for (LocalDate[] run : runs) {
            followUp.logQuantity(measureId, run[0], run[1], BigDecimal.ONE, placeName);
            days += (int) (run[1].toEpochDay() - run[0].toEpochDay()) + 1;
        }
        return days;
    }

    /** The place as the measure's days log names it: partner, site and place. */
    private String placeName(UUID placeId) {
        return jdbc.sql("""
                select pa.name || ' – ' || s.name || ' – ' || p.label from partner_place p join partner_site s on s.id = p.site_id
                     join partner pa on pa.id = s.partner_id where p.id = ?""")
                .param(placeId).query(String.class).single();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
