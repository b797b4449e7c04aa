package fr.passerelle.measures;

import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadlines of the current association's open measures: first interview, the magistrate's due
 * date, reports expected (none once the measure is closed) and planned ends. One query gathers them all; the caseload's "late" view,
 * the service head's dashboard and the daily digest read them from here.
 */
@Service
public class Deadlines {

    /** How far ahead a deadline counts as coming soon. */
    public static final int SOON_DAYS = 7;
    /** The dashboard lists at most this many late items (the late caseload has them all). */
    public static final int LISTED = 200;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** One deadline: of a measure, for a report when {@code reportId} is set. */
    public record Deadline(DeadlineKind kind, UUID measureId, String measureReference, UUID reportId,
            ReportKind reportKind, LocalDate date, UUID assignedUserId) {

        public boolean overdue(LocalDate today) {
            return date.isBefore(today);
        }
    }

    /** Late and coming deadlines of one case worker (null: unassigned measures), counted by kind. */
    public record WorkerRow(UUID workerId, String workerName, Map<DeadlineKind, Long> overdue, long overdueTotal,
            long soon) {}

    /** What the dashboard shows: one row per worker, totals by kind, and the late deadlines themselves. */
    public record Dashboard(LocalDate today, List<WorkerRow> rows, Map<DeadlineKind, Long> overdueTotals,
            long soonTotal, List<Deadline> overdue, long overdueCount) {}

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Clock clock;

    Deadlines(JdbcClient jdbc, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    /**
     * Every deadline up to {@code until} (inclusive, late ones included) of the measures assigned to
     * the given workers; with {@code workers} null, of all measures of the association (assigned or
     * not). Sorted by date.
     */
    @Transactional(readOnly = true)
    public List<Deadline> until(LocalDate until, Collection<UUID> workers) {
        String scope = workers == null ? "true" : "m.assigned_user_id in (:workers)";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("until", until);
        params.put("workers", workers == null || workers.isEmpty() ? List.of(new UUID(0, 0)) : workers);
        return jdbc.sql("""
                select * from (
                    select 'FIRST_INTERVIEW' as kind, m.id, m.reference, null::uuid as report_id, null as report_kind,
                           m.received_on + t.first_interview_days as date, m.assigned_user_id
                    from measure m join measure_type t on t.id = m.measure_type_id
                    where m.status in ('RECEIVED', 'ASSIGNED') and SCOPE
                    union all
                    select 'DUE_DATE', m.id, m.reference, null, null, m.due_on, m.assigned_user_id
                    from measure m
                    where m.due_on is not null and m.status not in ('ENDED', 'CLOSED') and SCOPE
                    union all
                    select 'PLANNED_END', m.id, m.reference, null, null, m.planned_end_on, m.assigned_user_id
                    from measure m
                    where m.planned_end_on is not null and m.status not in ('ENDED', 'CLOSED') and SCOPE
                    union all
                    select 'REPORT', m.id, m.reference, r.id, r.kind, r.due_on, m.assigned_user_id
                    from report r join measure m on m.id = r.measure_id
                    where r.due_on is not null and r.status <> 'SENT' and m.status <> 'CLOSED' and SCOPE
                ) d
                where d.date <= :until
                order by d.date, d.reference, d.kind""".replace("SCOPE", scope))
                .params(params)
                .query((rs, n) -> new Deadline(DeadlineKind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                        rs.getString("reference"), rs.getObject("report_id", UUID.class),
                        rs.getString("report_kind") == null ? null : ReportKind.valueOf(rs.getString("report_kind")),
                        rs.getObject("date", LocalDate.class), rs.getObject("assigned_user_id", UUID.class)))
                .list();
    }

    /**
     * The dashboard of late items: the whole association for those who assign measures (service
     * heads, directors), otherwise the signed-in worker's own measures.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        TenantPrincipal me = TenantContext.currentPrincipal().orElseThrow(() -> new AccessDeniedException("signed in"));
        boolean everyone = TenantContext.hasAuthority("measure:assign");
        LocalDate today = today();
        List<Deadline> deadlines = until(today.plusDays(SOON_DAYS), everyone ? null : List.of(me.userId()));
        Map<UUID, String> names = users.displayNames(deadlines.stream().map(Deadline::assignedUserId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, List<Deadline>> byWorker = new LinkedHashMap<>();
        for (Deadline d : deadlines) {
            byWorker.computeIfAbsent(d.assignedUserId(), k -> new ArrayList<>()).add(d);
        }
        List<WorkerRow> rows = new ArrayList<>();
        byWorker.forEach((worker, items) -> rows.add(row(worker, worker == null ? null : names.get(worker), items, today)));
        rows.sort(java.util.Comparator.comparingLong(WorkerRow::overdueTotal).reversed()
                .thenComparing(r -> r.workerName() == null ? "" : r.workerName()));
        List<Deadline> late = deadlines.stream().filter(d -> d.overdue(today)).toList();
        long soon = deadlines.size() - late.size();
        return new Dashboard(today, rows, countByKind(late), soon, late.subList(0, Math.min(LISTED, late.size())),
                late.size());
    }

    private static WorkerRow row(UUID worker, String name, List<Deadline> items, LocalDate today) {
        List<Deadline> late = items.stream().filter(d -> d.overdue(today)).toList();
        return new WorkerRow(worker, name, countByKind(late), late.size(), items.size() - late.size());
    }

    private static Map<DeadlineKind, Long> countByKind(List<Deadline> deadlines) {
        Map<DeadlineKind, Long> counts = new EnumMap<>(DeadlineKind.class);
        for (DeadlineKind kind : DeadlineKind.values()) {
            counts.put(kind, 0L);
        }
        deadlines.forEach(d -> counts.merge(d.kind(), 1L, Long::sum));
        return counts;
    }
}
