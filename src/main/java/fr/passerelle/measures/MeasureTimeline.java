package fr.passerelle.measures;

import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline of a measure: every event of it, newest first, each with its time and its author.
 * Events are read where they are kept — transitions (status changes, assignments with the case
 * worker), appointments scheduled, incidents recorded and reported, reports started, hours or days
 * logged — and, for what changes a row in place or leaves none (attendance, report submitted,
 * validated, returned, sent, a report's PDF produced, entries corrected or deleted), from
 * {@code measure_event}, written here by the services that do them. One query, a union of reads by
 * measure on indexes, at most {@link #PAGE_SIZE} events a page (keyset cursor).
 *
 * <p>The timeline carries no free text that may hold health or private details: incidents without
 * their description, appointments without their notes, corrections without their reason. Report
 * events and documents are read only by the roles that see reports ({@code report:write},
 * {@code report:validate}).
 */
@Service
public class MeasureTimeline {

    /** Events shown at once; older ones come with "show more". */
    public static final int PAGE_SIZE = 100;

    /** What the timeline is filtered by. */
    public enum Kind {
        LIFECYCLE, ASSIGNMENT, APPOINTMENT, INCIDENT, REPORT, QUANTITY, DOCUMENT;

        /** Kinds read only by the roles that see reports. */
        boolean aboutReports() {
            return this == REPORT || this == DOCUMENT;
        }
    }

    /** The events kept in {@code measure_event}, by the kind they are shown under. */
    private static final Map<Kind, List<String>> RECORDED = Map.of(
            Kind.APPOINTMENT, List.of("ATTENDANCE_RECORDED"),
            Kind.REPORT, List.of("REPORT_SUBMITTED", "REPORT_VALIDATED", "REPORT_RETURNED", "REPORT_SENT"),
            Kind.DOCUMENT, List.of("DOCUMENT_PRODUCED"),
            Kind.QUANTITY, List.of("QUANTITY_CORRECTED", "QUANTITY_DELETED"));

    /**
     * One event.
     *
     * @param key unique within the measure's timeline (the cursor's tie-breaker)
     * @param type what happened: a transition's action (or {@code RECEIVED}), or an event name
     *     ({@code APPOINTMENT_SCHEDULED}, {@code INCIDENT_REPORTED}, {@code REPORT_SENT}...)
     * @param timeKnown false when only the day is known (rebuilt from what was kept before)
     * @param backfilled rebuilt from what was kept before the timeline recorded it: the author may
     *     be unknown
     * @param actorName who did it; null when not recorded
     * @param subjectId the appointment, incident, report or entry concerned
     * @param value the new status, the appointment's kind, the attendance, the incident's or
     *     report's kind
     * @param detail the outcome, "URGENT" for an urgent incident, the number of entries logged
     * @param onDate the effective date, the day the incident occurred, the report's due or sending
     *     date, the (first) day logged
     * @param untilDate the last day logged at once
     * @param onTime when the appointment is scheduled
     * @param amount the quantity logged, corrected or deleted; the report's version
     * @param text the transition's reason, to whom the incident was reported
     * @param otherName the case worker a measure was (re)assigned to, if known
     * @param imported a step written by a caseload import (its author is the importer)
     */
    public record Event(String key, Kind kind, String type, Instant at, boolean timeKnown, boolean backfilled,
            String actorName, UUID subjectId, String value, String detail, LocalDate onDate, LocalDate untilDate,
            Instant onTime, BigDecimal amount, String text, String otherName, boolean imported) {}

    /**
     * A page of the timeline.
     *
     * @param kind the filter, null for every kind
     * @param before the cursor this page starts after, null for the newest events
     * @param next the cursor of the following (older) page, null when there is none
     * @param kinds the kinds the signed-in user may filter by
     * @param unit the unit the measure's type tracks (HOURS, DAYS...), for quantity events
     */
    public record Page(List<Event> events, Kind kind, String before, String next, List<Kind> kinds, String unit) {}

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Clock clock;

    MeasureTimeline(JdbcClient jdbc, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** The kinds the signed-in user may see. */
    public List<Kind> kinds() {
        boolean reports = Reports.mayRead();
        return Arrays.stream(Kind.values()).filter(k -> reports || !k.aboutReports()).toList();
    }

    /**
     * The measure's events of a kind (every kind when null), newest first, from the cursor
     * {@code before} (null or unreadable: the newest). Not found outside the current association.
     */
    @Transactional(readOnly = true)
    public Page page(UUID measureId, Kind kind, String before) {
        record Head(String unit, UUID assignee) {}
        Head head = jdbc.sql("""
                select t.tracked_quantity, m.assigned_user_id
                from measure m join measure_type t on t.id = m.measure_type_id where m.id = ?""")
                .param(measureId).query((rs, n) -> new Head(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional().orElseThrow(BusinessException::notFound);
        List<Kind> kinds = kinds();
        Set<Kind> shown = kind == null ? EnumSet.copyOf(kinds) : kinds.contains(kind) ? EnumSet.of(kind)
                : EnumSet.noneOf(Kind.class);
        Cursor cursor = Cursor.parse(before);
        if (shown.isEmpty()) {
            return new Page(List.of(), kind, cursor == null ? null : before, null, kinds, head.unit());
        }
        String sql = "select * from (" + String.join("\nunion all\n", branches(shown)) + ") e(" + COLUMNS + ")"
                + (cursor == null ? "" : " where (e.at, e.key) < (:beforeAt, :beforeKey)")
                + " order by e.at desc, e.key desc limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("measure", measureId)
                .param("assignee", head.assignee()).param("limit", PAGE_SIZE + 1);
        List<String> recorded = shown.stream().flatMap(k -> RECORDED.getOrDefault(k, List.of()).stream()).toList();
        if (!recorded.isEmpty()) {
            statement = statement.param("recorded", recorded);
        }
        if (cursor != null) {
            statement = statement.param("beforeAt", Timestamp.from(cursor.at())).param("beforeKey", cursor.key());
        }
        List<Row> rows = statement.query(MeasureTimeline::row).list();
        boolean more = rows.size() > PAGE_SIZE;
        List<Row> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        Set<UUID> ids = new HashSet<>();
        page.forEach(r -> {
            if (r.actorName() == null && r.actorId() != null) {
                ids.add(r.actorId());
            }
            if (r.otherId() != null) {
                ids.add(r.otherId());
            }
        });
        Map<UUID, String> names = users.displayNames(ids);
        List<Event> events = page.stream().map(r -> r.event(names)).toList();
        Event last = events.isEmpty() ? null : events.get(events.size() - 1);
        return new Page(events, kind, cursor == null ? null : before,
                more ? new Cursor(last.at(), last.key()).toString() : null, kinds, head.unit());
    }

    /**
     * Records an event that leaves no dated, attributed row of its own (see {@code measure_event}),
     * now, by the signed-in user; joins the caller's transaction.
     */
    void record(UUID measureId, String event, UUID subjectId, String value, LocalDate onDate, BigDecimal amount) {
        TenantPrincipal actor = TenantContext.currentPrincipal().orElse(null);
        jdbc.sql("""
                insert into measure_event (id, organisation_id, measure_id, event, subject_id, value, on_date, amount,
                                           occurred_at, actor_id, actor_name)
                values (:id, :org, :measure, :event, :subject, :value, :onDate, :amount, :at, :actor, :actorName)""")
                .param("id", Ids.newId()).param("org", TenantContext.currentOrganisationId().orElseThrow())
                .param("measure", measureId).param("event", event).param("subject", subjectId).param("value", value)
                .param("onDate", onDate).param("amount", amount).param("at", Timestamp.from(clock.instant()))
                .param("actor", actor == null ? null : actor.userId())
                .param("actorName", actor == null ? null : actor.displayName())
                .update();
    }

    /** The columns every branch gives, in this order. */
    private static final String COLUMNS = "key, kind, type, at, time_known, backfilled, actor_id, actor_name, subject_id,"
            + " value, detail, on_date, until_date, on_time, amount, text, other_id, imported";

    private static List<String> branches(Set<Kind> shown) {
        List<String> branches = new ArrayList<>();
        boolean lifecycle = shown.contains(Kind.LIFECYCLE);
        boolean assignment = shown.contains(Kind.ASSIGNMENT);
        if (lifecycle || assignment) {
            String which = lifecycle && assignment ? ""
                    : lifecycle ? " and (t.action is null or t.action not in ('ASSIGN', 'REASSIGN'))"
                    : " and t.action in ('ASSIGN', 'REASSIGN')";
            // Assignments recorded before the case worker was kept: the latest names the current one.
            branches.add("""
                    select 't' || t.id as key,
                           case when t.action in ('ASSIGN', 'REASSIGN') then 'ASSIGNMENT' else 'LIFECYCLE' end as kind,
                           coalesce(t.action, 'RECEIVED') as type, t.occurred_at as at, true as time_known,
                           false as backfilled, t.actor_id, t.actor_name, cast(null as uuid) as subject_id,
                           cast(t.to_status as text) as value, cast(t.outcome as text) as detail,
                           t.effective_on as on_date, cast(null as date) as until_date,
                           cast(null as timestamptz) as on_time, cast(null as numeric) as amount, t.reason as text,
                           coalesce(t.assignee_id, case when t.action in ('ASSIGN', 'REASSIGN') and not exists (
                               select 1 from measure_transition l where l.measure_id = t.measure_id
                               and l.action in ('ASSIGN', 'REASSIGN') and (l.occurred_at, l.id) > (t.occurred_at, t.id))
                               then cast(:assignee as uuid) end) as other_id, t.imported
                    from measure_transition t where t.measure_id = :measure""" + which);
        }
        if (shown.contains(Kind.APPOINTMENT)) {
            branches.add("""
                    select 'a' || a.id, 'APPOINTMENT', 'APPOINTMENT_SCHEDULED', a.created_at, true, false, a.created_by,
                           null, a.id, a.kind, null, null, null, a.scheduled_at, null, null, null, false
                    from appointment a where a.measure_id = :measure""");
        }
        if (shown.contains(Kind.INCIDENT)) {
            branches.add("""
                    select 'i' || i.id, 'INCIDENT', 'INCIDENT_RECORDED', i.recorded_at, true, false, i.recorded_by,
                           null, i.id, i.kind, case when i.urgent then 'URGENT' end, i.occurred_on, null, null, null,
                           null, null, false
                    from measure_incident i where i.measure_id = :measure""");
            branches.add("""
                    select 'j' || i.id, 'INCIDENT', 'INCIDENT_REPORTED', i.reported_at, true, false, i.reported_by,
                           null, i.id, i.kind, case when i.urgent then 'URGENT' end, i.occurred_on, null, null, null,
                           i.reported_to, null, false
                    from measure_incident i where i.measure_id = :measure and i.reported_at is not null""");
        }
        if (shown.contains(Kind.REPORT)) {
            branches.add("""
                    select 'r' || r.id, 'REPORT', 'REPORT_CREATED', r.created_at, true, false, r.created_by, null,
                           r.id, r.kind, null, r.due_on, null, null, null, null, null, false
                    from report r where r.measure_id = :measure""");
        }
        if (shown.contains(Kind.QUANTITY)) {
            // Entries logged at once (a period of days) are one event.
            branches.add("""
                    select 'q' || min(cast(q.id as text)), 'QUANTITY', 'QUANTITY_LOGGED', q.recorded_at, true, false,
                           q.recorded_by, null, null, null, cast(count(*) as text), min(q.entry_date),
                           max(q.entry_date), null, sum(q.quantity), null, null, false
                    from measure_quantity_entry q where q.measure_id = :measure
                    group by q.recorded_at, q.recorded_by""");
        }
        if (shown.stream().anyMatch(RECORDED::containsKey)) {
            branches.add("""
                    select 'e' || e.id,
                           case when e.event = 'ATTENDANCE_RECORDED' then 'APPOINTMENT'
                                when e.event = 'DOCUMENT_PRODUCED' then 'DOCUMENT'
                                when e.event like 'REPORT%' then 'REPORT' else 'QUANTITY' end,
                           e.event, e.occurred_at, e.time_known, e.backfilled, e.actor_id, e.actor_name, e.subject_id,
                           e.value, null, e.on_date, null, null, e.amount, null, null, false
                    from measure_event e where e.measure_id = :measure and e.event in (:recorded)""");
        }
        return branches;
    }

    private record Row(String key, Kind kind, String type, Instant at, boolean timeKnown, boolean backfilled,
            UUID actorId, String actorName, UUID subjectId, String value, String detail, LocalDate onDate,
            LocalDate untilDate, Instant onTime, BigDecimal amount, String text, UUID otherId, boolean imported) {

        Event event(Map<UUID, String> names) {
            return new Event(key, kind, type, at, timeKnown, backfilled,
                    actorName != null ? actorName : actorId == null ? null : names.get(actorId), subjectId, value,
                    detail, onDate, untilDate, onTime, amount, text, otherId == null ? null : names.get(otherId), imported);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp onTime = rs.getTimestamp("on_time");
        return new Row(rs.getString("key"), Kind.valueOf(rs.getString("kind")), rs.getString("type"),
                rs.getTimestamp("at").toInstant(), rs.getBoolean("time_known"), rs.getBoolean("backfilled"),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
                rs.getObject("subject_id", UUID.class), rs.getString("value"), rs.getString("detail"),
                rs.getObject("on_date", LocalDate.class), rs.getObject("until_date", LocalDate.class),
                onTime == null ? null : onTime.toInstant(), rs.getBigDecimal("amount"), rs.getString("text"),
                rs.getObject("other_id", UUID.class), rs.getBoolean("imported"));
    }

    /** Where a page starts: strictly older than this event (time, then key). */
    private record Cursor(Instant at, String key) {

        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            int separator = value.indexOf('_');
            if (separator < 0) {
                return null;
            }
            try {
                return new Cursor(Instant.parse(value.substring(0, separator)), value.substring(separator + 1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return at + "_" + key;
        }
    }
}
