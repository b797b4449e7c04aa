package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app agenda: a case worker's appointments by week or by month, weeks starting on Monday,
 * days taken in Europe/Paris. A worker's appointments are those scheduled for them and those of the
 * measures assigned to them. A worker sees their own agenda; whoever assigns measures (a service
 * head) may also open the agenda of a colleague of their service, and that opening is audited.
 */
@Service
public class Agenda {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Clock clock;
    private final AuditLog audit;

    Agenda(JdbcClient jdbc, UserAccounts users, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    /** A week (Monday to Sunday) or a month (shown as the whole weeks that cover it). */
    public enum Span { WEEK, MONTH }

    /** One appointment in the agenda, its times in Paris. */
    public record Entry(UUID appointmentId, UUID measureId, String reference, String personName, AppointmentKind kind,
            LocalDateTime start, LocalDateTime end, Attendance attendance) {}

    /** One day of the grid; {@code inPeriod} is false for the days of a month view outside that month. */
    public record Day(LocalDate date, boolean inPeriod, boolean today, List<Entry> entries) {}

    /**
     * The period shown: its first and last day, where "previous" and "next" lead, and its days
     * (seven for a week, whole weeks for a month).
     */
    public record Period(Span span, UUID workerId, LocalDate first, LocalDate last, LocalDate previous, LocalDate next,
            LocalDate today, List<Day> days) {

        /** The days by week, for a month grid. */
        public List<List<Day>> weeks() {
            List<List<Day>> weeks = new ArrayList<>();
            for (int i = 0; i < days.size(); i += 7) {
                weeks.add(days.subList(i, i + 7));
            }
            return weeks;
        }

        public int count() {
            return days.stream().filter(Day::inPeriod).mapToInt(d -> d.entries().size()).sum();
        }
    }

    /** A colleague whose agenda the signed-in user may open. */
    public record Worker(UUID id, String displayName) {}

    /** Today in Paris, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    /** The agenda of the given worker (the signed-in user when null) for the period holding {@code day}. */
    @Transactional
    public Period of(UUID workerId, Span span, LocalDate day) {
        UUID worker = workerId == null ? me().userId() : workerId;
        if (!worker.equals(me().userId()) && workers().stream().noneMatch(w -> w.id().equals(worker))) {
            throw new AccessDeniedException("not a colleague of the signed-in service head");
        }
        LocalDate anchor = day == null ? today() : day;
        LocalDate first;
        LocalDate last;
        LocalDate previous;
        LocalDate next;
        if (span == Span.MONTH) {
            first = anchor.withDayOfMonth(1);
            last = anchor.with(TemporalAdjusters.lastDayOfMonth());
            previous = first.minusMonths(1);
            next = first.plusMonths(1);
        } else {
            first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = first.plusDays(6);
            previous = first.minusWeeks(1);
            next = first.plusWeeks(1);
        }
        LocalDate gridFirst = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate gridLast = last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (Entry e : entries(worker, gridFirst, gridLast)) {
            byDay.computeIfAbsent(e.start().toLocalDate(), d -> new ArrayList<>()).add(e);
        }
        LocalDate today = today();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = gridFirst; !d.isAfter(gridLast); d = d.plusDays(1)) {
            days.add(new Day(d, !d.isBefore(first) && !d.isAfter(last), d.equals(today), byDay.getOrDefault(d, List.of())));
        }
        if (!worker.equals(me().userId())) {
            // A colleague's agenda names the people they follow and when: a read of personal data.
            audit.record("agenda.viewed", "user", worker, Map.of("span", span.name(), "from", first.toString()));
        }
        return new Period(span, worker, first, last, previous, next, today, days);
    }

    /**
     * The colleagues whose agenda the signed-in user may open besides their own: those of their
     * service when they assign measures, nobody otherwise.
     */
    @Transactional(readOnly = true)
    public List<Worker> workers() {
        if (!TenantContext.hasAuthority("measure:assign")) {
            return List.of();
        }
        Map<UUID, String> names = users.displayNames(users.sameServiceAs(me().userId()));
        return names.entrySet().stream().map(e -> new Worker(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(Worker::displayName)).toList();
    }

    /**
     * A worker's appointments in a range. Two index paths rather than one "or" across two tables:
     * the appointments scheduled for the worker (appointment_worker_idx) and those of the measures
     * assigned to them (measure_caseload_assignee_idx, then appointment_measure_idx); "union" drops
     * the appointments that are both.
     */
    static final String ENTRIES_SQL = """
            select a.id, a.measure_id, m.reference, p.last_name || ' ' || p.first_name as person_name, a.kind,
                   a.scheduled_at, a.duration_minutes, a.attendance
            from (
                select w.id from appointment w
                where w.organisation_id = :organisation and w.worker_id = :worker
                  and w.scheduled_at >= :from and w.scheduled_at < :to
                union
                select s.id from measure am join appointment s on s.measure_id = am.id
                where am.organisation_id = :organisation and am.assigned_user_id = :worker
                  and s.scheduled_at >= :from and s.scheduled_at < :to
            ) mine
            join appointment a on a.id = mine.id
            join measure m on m.id = a.measure_id
            join person p on p.id = m.person_id
            order by a.scheduled_at, m.reference""";

    private List<Entry> entries(UUID worker, LocalDate from, LocalDate to) {
        return jdbc.sql(ENTRIES_SQL)
                .param("organisation", me().organisationId()).param("worker", worker)
                .param("from", Timestamp.from(from.atStartOfDay(PARIS).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(PARIS).toInstant()))
                .query((rs, n) -> {
                    java.time.Instant start = rs.getTimestamp("scheduled_at").toInstant();
                    return new Entry(rs.getObject("id", UUID.class), rs.getObject("measure_id", UUID.class),
                            rs.getString("reference"), rs.getString("person_name"),
                            AppointmentKind.valueOf(rs.getString("kind")), LocalDateTime.ofInstant(start, PARIS),
                            LocalDateTime.ofInstant(start.plusSeconds(60L * rs.getInt("duration_minutes")), PARIS),
                            rs.getString("attendance") == null ? null : Attendance.valueOf(rs.getString("attendance")));
                })
                .list();
    }

    private static TenantPrincipal me() {
        return TenantContext.currentPrincipal().orElseThrow(() -> new AccessDeniedException("signed in"));
    }
}
