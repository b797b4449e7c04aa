package fr.passerelle.measures;

import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caseloads (portefeuilles): the measures of the signed-in case worker, of their service, the
 * unassigned ones and the late ones, with filters, counts and keyset pagination. A measure is late
 * when its first interview is overdue, its due date or planned end has passed while it is still
 * open, or a report expected by a date has not been sent (see {@link Deadlines}).
 */
@Service
public class Caseloads {

    public static final int PAGE_SIZE = 50;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The four views of a caseload. */
    public enum View { MINE, SERVICE, UNASSIGNED, LATE, ALL }

    /** How a caseload is sorted (each with its keyset). */
    public enum Sort { RECEIVED, DUE, PERSON }

    /** Measures with incidents not yet reported to the magistrate: any of them, or urgent ones. */
    public enum Incidents { UNREPORTED, URGENT }

    /** The longest search kept (a person's name or a measure's reference is far shorter). */
    public static final int SEARCH_MAX_LENGTH = 100;

    /**
     * Filters of a caseload page; null means "any".
     *
     * @param typeId measure type
     * @param field field (pré-sentenciel...)
     * @param status lifecycle status
     * @param courtCode tribunal judiciaire
     * @param workerId assigned case worker
     * @param search the start of the person's name (either name first, accents and case ignored) or of
     *     the measure's reference (with or without its "M-")
     * @param incidents measures with incidents not yet reported
     * @param importJobId the import that brought the measures in ("this import")
     */
    public record Filters(UUID typeId, String field, MeasureStatus status, String courtCode, UUID workerId,
            String search, Incidents incidents, UUID importJobId) {

        public Filters {
            search = search == null || search.isBlank() ? null : search.strip();
            if (search != null && search.length() > SEARCH_MAX_LENGTH) {
                search = search.substring(0, SEARCH_MAX_LENGTH);
            }
        }

        public Filters(UUID typeId, String field, MeasureStatus status, String courtCode, UUID workerId) {
            this(typeId, field, status, courtCode, workerId, null, null, null);
        }

        public static Filters none() {
            return new Filters(null, null, null, null, null);
        }

        /** No filter at all: the view's count (the tabs') is the page's total. */
        public boolean isNone() {
            return typeId == null && (field == null || field.isBlank()) && status == null
                    && (courtCode == null || courtCode.isBlank()) && workerId == null && search == null
                    && incidents == null && importJobId == null;
        }
    }

    /** One line of a caseload. */
    public record Line(UUID id, String reference, UUID personId, String personName, String typeLabel,
            LocalDate receivedOn, LocalDate dueOn, MeasureStatus status, UUID assignedUserId, String assignedUserName,
            boolean firstInterviewLate, boolean dueDatePassed, boolean reportLate, boolean plannedEndPassed,
            boolean urgentIncident) {

        public boolean late() {
            return firstInterviewLate || dueDatePassed || reportLate || plannedEndPassed;
        }

        /** The deadlines passed, as the suffixes of their labels ({@code caseload.late.*}). */
        public List<String> lateKinds() {
            List<String> kinds = new ArrayList<>(4);
            if (firstInterviewLate) {
                kinds.add("firstInterview");
            }
            if (dueDatePassed) {
                kinds.add("dueDate");
            }
            if (reportLate) {
                kinds.add("report");
            }
            if (plannedEndPassed) {
                kinds.add("plannedEnd");
            }
            return kinds;
        }
    }

    /** A page of a caseload: its lines and the cursor of the next page (null on the last one). */
    public record Page(List<Line> lines, String nextCursor, long total) {}

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Clock clock;

    Caseloads(JdbcClient jdbc, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The number of measures in each view but {@link View#ALL} (whose count is shown on its own
     * page only), for the tabs and the home page: one query, one scalar sub-query per view so each
     * uses its own index (open measures by assignee, open measures by date, late reports).
     */
    @Transactional(readOnly = true)
    public Map<View, Long> counts() {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        List<View> counted = List.of(View.MINE, View.SERVICE, View.UNASSIGNED, View.LATE);
        for (View view : counted) {
            Query q = new Query(view, Filters.none());
            params.putAll(q.params);
            columns.add("(" + q.countSql() + ")");
        }
        List<Long> values = jdbc.sql(withToday("select " + String.join(", ", columns)))
                .params(params)
                .query((rs, n) -> {
                    List<Long> row = new ArrayList<>();
                    for (int i = 1; i <= counted.size(); i++) {
                        row.add(rs.getLong(i));
                    }
                    return row;
                })
                .single();
        Map<View, Long> counts = new EnumMap<>(View.class);
        for (View view : counted) {
            counts.put(view, values.get(counted.indexOf(view)));
        }
        return counts;
    }

    @Transactional(readOnly = true)
    public Page page(View view, Filters filters, Sort sort, String cursor) {
        return page(view, filters, sort, cursor, null);
    }

    /**
     * A page of a view; {@code knownTotal} is the view's count when the caller already has it (the
     * tabs' counts, without filters), so it is not counted twice. The page's measure ids are found
     * first on {@code measure} alone (an index in the sort's order where one exists, each branch of
     * the view limited to a page), and only those are joined to their person and type.
     */
    @Transactional(readOnly = true)
    public Page page(View view, Filters filters, Sort sort, String cursor, Long knownTotal) {
        Query q = new Query(view, filters);
        long total = knownTotal != null ? knownTotal
                : jdbc.sql(withToday(q.countSql())).params(q.params).query(Long.class).single();
        String key = switch (sort) {
            case RECEIVED -> "m.received_on";
            case DUE -> "coalesce(m.due_on, date '9999-12-31')";
            case PERSON -> "lower(p.last_name || ' ' || p.first_name)";
        };
        boolean descending = sort == Sort.RECEIVED;
        String keyCast = sort == Sort.PERSON ? "cast(:cursorValue as text)" : "cast(:cursorValue as date)";
        String[] decoded = decode(cursor);
        if (decoded != null && sort != Sort.PERSON && !isDate(decoded[0])) {
            decoded = null;
        }
        String keyset = decoded == null ? "" : " and (" + key + ", m.id) " + (descending ? "<" : ">") + " (" + keyCast + ", cast(:cursorId as uuid))";
        if (decoded != null) {
            q.params.put("cursorValue", decoded[0]);
            q.params.put("cursorId", decoded[1]);
        }
        String direction = descending ? " desc" : " asc";
        String person = sort == Sort.PERSON ? " join person p on p.id = m.person_id" : "";
        String ids = q.pageBranches().stream()
                .map(branch -> {
                    String firstOnes = "select m.id, " + key + " as sort_value from " + q.from() + person + " where "
                            + branch + keyset + " order by " + key + direction + ", m.id" + direction + " limit " + (PAGE_SIZE + 1);
                    // My service: the first ones of each member (in the order of their index), then the first
                    // ones of them all (the limit keeps PostgreSQL from joining the others to persons and types).
                    return q.perColleague ? "(select s.id, s.sort_value from (" + COLLEAGUES + ") c cross join lateral ("
                            + firstOnes + ") s order by s.sort_value" + direction + ", s.id" + direction + " limit "
                            + (PAGE_SIZE + 1) + ")" : "(" + firstOnes + ")";
                })
                .collect(java.util.stream.Collectors.joining(" union "));
        List<Object[]> rows = new ArrayList<>();
        List<Line> lines = jdbc.sql(withToday("""
                select m.id, m.reference, m.person_id, p.last_name || ' ' || p.first_name as person_name, t.label,
                       m.received_on, m.due_on, m.status, m.assigned_user_id,
                       """ + FIRST_INTERVIEW_LATE + " as first_late, " + DUE_PASSED + " as due_passed, "
                        + REPORT_LATE + " as report_late, " + PLANNED_END_PASSED + " as end_passed, "
                        + URGENT_INCIDENT + " as urgent_incident, k.sort_value::text as sort_key"
                        + " from (" + ids + ") k join measure m on m.id = k.id"
                        + " join measure_type t on t.id = m.measure_type_id join person p on p.id = m.person_id"
                        + " order by k.sort_value" + direction + ", k.id" + direction + " limit " + (PAGE_SIZE + 1)))
                .params(q.params)
                .query((rs, n) -> {
                    rows.add(new Object[] {rs.getString("sort_key"), rs.getObject("id", UUID.class)});
                    return new Line(rs.getObject("id", UUID.class), rs.getString("reference"),
                            rs.getObject("person_id", UUID.class), rs.getString("person_name"), rs.getString("label"),
                            rs.getObject("received_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                            MeasureStatus.valueOf(rs.getString("status")), rs.getObject("assigned_user_id", UUID.class),
                            null, rs.getBoolean("first_late"), rs.getBoolean("due_passed"), rs.getBoolean("report_late"),
                            rs.getBoolean("end_passed"), rs.getBoolean("urgent_incident"));
                })
                .list();
        String next = null;
        if (lines.size() > PAGE_SIZE) {
            lines = lines.subList(0, PAGE_SIZE);
            Object[] last = rows.get(PAGE_SIZE - 1);
            next = encode((String) last[0], (UUID) last[1]);
        }
        return new Page(withWorkerNames(lines), next, total);
    }

    /**
     * The codes of the courts the association's measures come from (the court filter offers those
     * only): a loose scan of the (organisation, court) index, one step per court.
     */
    @Transactional(readOnly = true)
    public List<String> courtCodesInUse() {
        return jdbc.sql("""
                with recursive used(code) as (
                    (select m.court_code from measure m order by m.court_code limit 1)
                    union all
                    select (select m.court_code from measure m where m.court_code > used.code
                            order by m.court_code limit 1)
                    from used where used.code is not null)
                select code from used where code is not null""")
                .query(String.class)
                .list();
    }

    /** Every line of a view (for exports), page after page; refuses beyond {@code limit} lines. */
    @Transactional(readOnly = true)
    public List<Line> all(View view, Filters filters, Sort sort, int limit) {
        List<Line> lines = new ArrayList<>();
        String cursor = null;
        do {
            Page page = page(view, filters, sort, cursor);
            if (page.total() > limit) {
                throw fr.passerelle.shared.BusinessException.conflict("caseload.export.tooLarge", limit);
            }
            lines.addAll(page.lines());
            cursor = page.nextCursor();
        } while (cursor != null);
        return lines;
    }

    private List<Line> withWorkerNames(List<Line> lines) {
        Map<UUID, String> names = users.displayNames(lines.stream().map(Line::assignedUserId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return lines.stream().map(l -> new Line(l.id(), l.reference(), l.personId(), l.personName(), l.typeLabel(),
                l.receivedOn(), l.dueOn(), l.status(), l.assignedUserId(),
                l.assignedUserId() == null ? null : names.get(l.assignedUserId()), l.firstInterviewLate(),
                l.dueDatePassed(), l.reportLate(), l.plannedEndPassed(), l.urgentIncident())).toList();
    }

    private static final String OPEN = "m.status not in ('ENDED', 'CLOSED')";
    // Today (in Paris), written into each query by withToday() as a literal rather than passed as a parameter.
    private static final String TODAY = "{today}";
    private static final String FIRST_INTERVIEW_LATE =
            "(m.status in ('RECEIVED', 'ASSIGNED') and m.received_on + t.first_interview_days < " + TODAY + ")";
    private static final String DUE_PASSED = "(" + OPEN + " and m.due_on < " + TODAY + ")";
    private static final String PLANNED_END_PASSED = "(" + OPEN + " and m.planned_end_on < " + TODAY + ")";
    // The (few) measures with a late report, computed once: an array the primary key can look up. A
    // closed measure's unsent reports are no longer expected.
    private static final String REPORT_LATE = "(m.status <> 'CLOSED' and m.id = any(array(select r.measure_id from report r"
            + " where r.status <> 'SENT' and r.due_on < " + TODAY + ")))";

    // The (few) measures with an incident not yet reported to the magistrate (urgent ones only, or
    // any), computed once per query from the partial index of unreported incidents.
    private static final String UNREPORTED_INCIDENT = "m.id = any(array(select i.measure_id from measure_incident i"
            + " where i.reported_at is null))";
    private static final String URGENT_INCIDENT = "(m.id = any(array(select i.measure_id from measure_incident i"
            + " where i.reported_at is null and i.urgent)))";
    // The measures whose person's name (last name first or first name first) or whose reference starts
    // with the search, computed once through prefix indexes (the persons' search names, then their
    // measures; the references with or without their "M-"), then read by primary key.
    private static final String SEARCH = "m.id = any(array("
            + "select s.id from measure s where s.person_id = any(array(select p.id from person p"
            + " where starts_with(p.search_name, immutable_unaccent(lower(:search)))"
            + " or starts_with(p.search_name_rev, immutable_unaccent(lower(:search)))))"
            + " union select s.id from measure s where starts_with(s.reference, upper(:search))"
            + " or starts_with(s.reference, 'M-' || upper(:search))))";

    // The members of the signed-in user's service (none without a service), through the view identity publishes.
    private static final String COLLEAGUES = "select c.id from identity_user_service_v c where c.service_id ="
            + " (select me.service_id from identity_user_service_v me where me.id = :me)";

    /**
     * The conditions and parameters of a view with its filters. A view is one or more branches (the
     * late view: open measures past a deadline, or any measure with a late report), each a condition
     * an index can serve on its own; a measure is in the view when it meets any branch.
     */
    private final class Query {

        final Map<String, Object> params = new LinkedHashMap<>();
        final List<String> branches = new ArrayList<>();
        final List<String> filters = new ArrayList<>();
        /** My service: a page is read member by member ({@code c.id}, see {@link #COLLEAGUES}), each in index order. */
        boolean perColleague;
        /** Whether a filter names the measure's type ({@code t}). */
        boolean typeJoined;

        Query(View view, Filters f) {
            UUID me = TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
            switch (view) {
                case MINE -> {
                    branches.add("m.assigned_user_id = :me and " + OPEN);
                    params.put("me", me);
                }
                case SERVICE -> {
                    // Counted at once (the members' ids computed once, one index scan); paged member by member.
                    branches.add("m.assigned_user_id = any(array(" + COLLEAGUES + ")) and " + OPEN);
                    perColleague = true;
                    params.put("me", me);
                }
                case UNASSIGNED -> branches.add("m.assigned_user_id is null and " + OPEN);
                case LATE -> {
                    // Open measures past their next deadline (kept by a trigger), then late reports.
                    branches.add("m.next_deadline_on < " + TODAY);
                    branches.add(REPORT_LATE);
                }
                case ALL -> branches.add("true");
            }
            if (f.typeId() != null) {
                filters.add("m.measure_type_id = :typeId");
                params.put("typeId", f.typeId());
            }
            if (f.field() != null && !f.field().isBlank()) {
                typeJoined = true;
                filters.add("t.field = :field");
                params.put("field", f.field());
            }
            if (f.status() != null) {
                filters.add("m.status = :status");
                params.put("status", f.status().name());
            }
            if (f.courtCode() != null && !f.courtCode().isBlank()) {
                filters.add("m.court_code = :court");
                params.put("court", f.courtCode());
            }
            if (f.workerId() != null) {
                filters.add("m.assigned_user_id = :worker");
                params.put("worker", f.workerId());
            }
            if (f.search() != null) {
                filters.add(SEARCH);
                params.put("search", f.search());
            }
            if (f.incidents() != null) {
                filters.add(f.incidents() == Incidents.URGENT ? URGENT_INCIDENT : UNREPORTED_INCIDENT);
            }
            if (f.importJobId() != null) {
                filters.add("m.import_job_id = :importJob");
                params.put("importJob", f.importJobId());
            }
        }

        /**
         * The measures read: the type is joined only when a filter names it (an unused join, even one
         * PostgreSQL removes, keeps it from answering from an index alone).
         */
        String from() {
            return typeJoined ? "measure m join measure_type t on t.id = m.measure_type_id" : "measure m";
        }

        /** A branch's full condition, the filters included. */
        String withFilters(String branch) {
            return filters.isEmpty() ? branch : "(" + branch + ") and " + String.join(" and ", filters);
        }

        /**
         * Each branch's full condition for a page, the filters included; for my service, the condition
         * on one member {@code c.id}.
         */
        List<String> pageBranches() {
            if (perColleague) {
                return List.of(withFilters("m.assigned_user_id = c.id and " + OPEN));
            }
            return branches.stream().map(this::withFilters).toList();
        }

        /**
         * The number of measures in the view: a measure in two branches counted once, each branch
         * counting only the measures that no branch before it holds (no set of ids to gather).
         */
        String countSql() {
            List<String> counts = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                StringBuilder condition = new StringBuilder(withFilters(branches.get(i)));
                for (String before : branches.subList(0, i)) {
                    condition.append(" and not coalesce((").append(before).append("), false)");
                }
                counts.add("(select count(*) from " + from() + " where " + condition + ")");
            }
            return "select " + String.join(" + ", counts);
        }
    }

    /**
     * The query with today's date (in Paris) as a literal. The caseload's queries are prepared once per
     * connection; with every value the planner needs to estimate rows a literal (today, the page's
     * limit), PostgreSQL keeps one plan for them instead of planning each page again (about 1 ms of
     * the database per query). The date is formatted here (ISO), never taken from the request.
     */
    private String withToday(String sql) {
        return sql.replace(TODAY, "date '" + LocalDate.now(clock.withZone(PARIS)) + "'");
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static String encode(String value, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((value + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's sort value and id, or null for the first page (or an unreadable cursor). */
    static String[] decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            UUID id = UUID.fromString(text.substring(bar + 1));
            return new String[] {text.substring(0, bar), id.toString()};
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
