package fr.passerelle.observatory;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import fr.passerelle.shared.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's indicators for the current association, computed from its own measures (the data
 * source of the association dashboard), inside one read-only transaction under the association's
 * row-level security; the definitions followed are the ones shown to users
 * ({@code observatory.indicator.<id>.definition}). The figures of measures and their people are
 * counted from one read of the association's filtered measures (their dates, outcome, ordered
 * quantity and person), shared by every period asked at once (a dashboard's period, the previous
 * one, the months of the network comparison); reports, quantities, incidents and billing are
 * counted by SQL aggregates.
 *
 * <p>Dates read from the measures module: the end of a measure is the effective date of its
 * transition to "ended" (end or cancellation; the date it was recorded when no effective date was
 * given), the first interview the effective date of its "start" transition. A deadline (first
 * interview, report) after today is not yet decided and is left out of the "on time" shares.
 *
 * <p>An indicator is computed only when every filter asked for is one of its dimensions (payment
 * delays cannot be filtered by case worker, for instance); the others are absent from the result.
 */
@Service
public class AssociationIndicators {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String CANCELLED = "CANCELLED_BY_MAGISTRATE";

    /** The fields (champs) of measure types, as in the catalogue. */
    public static final List<String> FIELDS = List.of("PRE_SENTENCE", "POST_SENTENCE", "MINORS", "RESTORATIVE");

    /**
     * Filters; null means "any".
     *
     * @param serviceId the service of the assigned case worker
     * @param measureTypeId measure type
     * @param courtCode tribunal judiciaire that ordered the measure (or billed)
     * @param workerId assigned case worker
     * @param field the field (champ) of the measure's type, one of {@link #FIELDS}
     */
    public record Filters(UUID serviceId, UUID measureTypeId, String courtCode, UUID workerId, String field) {

        /** Filters without a field. */
        public Filters(UUID serviceId, UUID measureTypeId, String courtCode, UUID workerId) {
            this(serviceId, measureTypeId, courtCode, workerId, null);
        }

        public static Filters none() {
            return new Filters(null, null, null, null, null);
        }

        /** The field asked for, or null for any. */
        public String fieldCode() {
            return field == null || field.isBlank() ? null : field.strip();
        }

        /** The dimensions these filters restrict. */
        Set<Dimension> dimensions() {
            Set<Dimension> used = EnumSet.noneOf(Dimension.class);
            if (serviceId != null) {
                used.add(Dimension.SERVICE);
            }
            if (measureTypeId != null) {
                used.add(Dimension.MEASURE_TYPE);
            }
            if (courtCode != null && !courtCode.isBlank()) {
                used.add(Dimension.TRIBUNAL);
            }
            if (workerId != null) {
                used.add(Dimension.WORKER);
            }
            if (fieldCode() != null) {
                used.add(Dimension.FIELD);
            }
            return used;
        }
    }

    /** One cell of a breakdown: its coordinates (one key per dimension of the breakdown) and value. */
    public record Cell(List<String> keys, BigDecimal value) {}

    /** A figure broken down by one or more dimensions; keys are codes (type code, outcome, sex, age band). */
    public record Breakdown(List<Dimension> dimensions, List<Cell> cells) {

        /** The value of a one-dimension cell, or null when the breakdown has no such cell. */
        public BigDecimal value(String key) {
            return value(List.of(key));
        }

        public BigDecimal value(List<String> keys) {
            return cells.stream().filter(c -> c.keys().equals(keys)).map(Cell::value).findFirst().orElse(null);
        }
    }

    /**
     * The figure of one indicator: its value (null when its population is empty, e.g. a median of
     * nothing), the size of the population it is computed on (which decides whether it may be
     * shown), and its breakdowns.
     */
    public record Figure(Indicator indicator, BigDecimal value, long population, List<Breakdown> breakdowns) {

        public Breakdown by(Dimension... dimensions) {
            List<Dimension> wanted = List.of(dimensions);
            return breakdowns.stream().filter(b -> b.dimensions().equals(wanted)).findFirst().orElse(null);
        }
    }

    /** The figures of a period, by indicator (only the indicators the filters allow). */
    public record Result(LocalDate from, LocalDate to, Filters filters, Map<Indicator, Figure> figures) {

        public Figure get(Indicator indicator) {
            return figures.get(indicator);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AssociationIndicators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A period of the dashboard, both days included. */
    public record Period(LocalDate from, LocalDate to) {}

    /**
     * Every indicator the filters allow, for the period [from, to] (both included); a period that
     * ends before it starts ({@code observatory.period.invalid}) or an unknown field
     * ({@code observatory.filter.fieldInvalid}) is refused.
     */
    @Transactional(readOnly = true)
    public Result compute(LocalDate from, LocalDate to, Filters filters) {
        return compute(from, to, filters, EnumSet.allOf(Indicator.class));
    }

    /** The same, for some indicators only (those of them the filters allow). */
    @Transactional(readOnly = true)
    public Result compute(LocalDate from, LocalDate to, Filters filters, Set<Indicator> wanted) {
        return compute(List.of(new Period(from, to)), filters, wanted).get(0);
    }

    /**
     * The same for several periods at once (a dashboard's period, the previous one, the months of
     * the network comparison): the association's measures are read once for all of them.
     */
    @Transactional(readOnly = true)
    public List<Result> compute(List<Period> periods, Filters filters, Set<Indicator> wanted) {
        for (Period period : periods) {
            if (period.from() == null || period.to() == null || period.to().isBefore(period.from())) {
                throw new FieldRefusal("to", "observatory.period.invalid");
            }
        }
        Filters f = filters == null ? Filters.none() : filters;
        if (f.fieldCode() != null && !FIELDS.contains(f.fieldCode())) {
            throw new FieldRefusal("field", "observatory.filter.fieldInvalid");
        }
        Set<Indicator> allowed = EnumSet.noneOf(Indicator.class);
        for (Indicator indicator : wanted) {
            if (indicator.dimensions().containsAll(f.dimensions())) {
                allowed.add(indicator);
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        Query q = new Query(f, TenantContext.currentOrganisationId().orElseThrow(
                () -> new IllegalStateException("association indicators need a current organisation")));
        Map<UUID, TypeInfo> types = types();
        List<Row> rows = allowed.stream().anyMatch(MEASURE_INDICATORS::contains)
                ? rows(q, types, periods.stream().map(Period::from).min(LocalDate::compareTo).orElseThrow(),
                        periods.stream().map(Period::to).max(LocalDate::compareTo).orElseThrow())
                : List.of();
        // The people's sex and birth date, read apart (a join would look each person up by measure).
        Map<UUID, Person> people = allowed.contains(Indicator.PEOPLE_ACCOMPANIED) ? people(q) : Map.of();
        List<Result> results = new ArrayList<>();
        for (Period period : periods) {
            MeasureFigures measures = new MeasureFigures(period, today, rows, people);
            Map<String, Object> params = q.params(period, today);
            Map<Indicator, Figure> figures = new EnumMap<>(Indicator.class);
            for (Indicator indicator : allowed) {
                figures.put(indicator, compute(indicator, q, params, measures));
            }
            results.add(new Result(period.from(), period.to(), f, Collections.unmodifiableMap(figures)));
        }
        return results;
    }

    /** The indicators computed from the measures' own dates (and their people), without another table. */
    private static final Set<Indicator> MEASURE_INDICATORS = EnumSet.of(Indicator.MEASURES_RECEIVED,
            Indicator.MEASURES_ACTIVE, Indicator.MEASURES_ENDED, Indicator.MEDIAN_DURATION,
            Indicator.FIRST_INTERVIEW_MEDIAN_DELAY, Indicator.FIRST_INTERVIEW_WITHIN_DEADLINE,
            Indicator.HOURS_COMPLETED_VS_ORDERED, Indicator.DAYS_COMPLETED_VS_ORDERED,
            Indicator.INCIDENTS_PER_100_MEASURES, Indicator.PEOPLE_ACCOMPANIED);

    private Figure compute(Indicator indicator, Query q, Map<String, Object> params, MeasureFigures m) {
        return switch (indicator) {
            case MEASURES_RECEIVED -> m.count(indicator, Dimension.MEASURE_TYPE, MeasureFigures::received, Row::typeCode);
            case MEASURES_ACTIVE -> m.count(indicator, Dimension.MEASURE_TYPE, MeasureFigures::active, Row::typeCode);
            case MEASURES_ENDED -> m.count(indicator, Dimension.OUTCOME, MeasureFigures::ended, Row::outcome);
            case MEDIAN_DURATION -> m.median(indicator, r -> m.ended(r) && notCancelled(r),
                    r -> (int) ChronoUnit.DAYS.between(r.receivedOn(), r.endedOn()));
            case FIRST_INTERVIEW_MEDIAN_DELAY -> m.median(indicator, m::started,
                    r -> (int) ChronoUnit.DAYS.between(r.receivedOn(), r.startedOn()));
            case FIRST_INTERVIEW_WITHIN_DEADLINE -> m.withinDeadline(indicator);
            case REPORTS_ON_TIME -> share(indicator, params, """
                    select count(*) filter (where r.sent_on <= r.due_on), count(*)
                    from measures_indicator_report_v r join measures_indicator_measure_v m on m.id = r.measure_id
                    where r.due_on between :from and least(:to, :today)""" + q.measureFilters());
            case HOURS_COMPLETED -> completed(indicator, q, params, "('HOURS')");
            case DAYS_COMPLETED -> completed(indicator, q, params, "('DAYS', 'NIGHTS')");
            case HOURS_COMPLETED_VS_ORDERED -> completedVsOrdered(indicator, q, params, m, "HOURS");
            case DAYS_COMPLETED_VS_ORDERED -> completedVsOrdered(indicator, q, params, m, "DAYS", "NIGHTS");
            case INCIDENTS_PER_100_MEASURES -> incidents(indicator, q, params, m);
            case PEOPLE_ACCOMPANIED -> m.people(indicator);
            case AMOUNT_BILLED -> amounts(indicator, q, params, "s.sent_on between :from and :to");
            case AMOUNT_AWAITING_PAYMENT -> amounts(indicator, q, params,
                    "s.sent_on <= :to and (s.paid_on is null or s.paid_on > :to)");
            case PAYMENT_MEDIAN_DELAY -> paymentDelay(indicator, q, params);
        };
    }

    /** An ended measure whose outcome is known and is not a cancellation by the magistrate. */
    private static boolean notCancelled(Row r) {
        return r.outcome() != null && !CANCELLED.equals(r.outcome());
    }

    /** What the indicators need of a measure type of the association's catalogue. */
    private record TypeInfo(String code, String trackedQuantity, int firstInterviewDays) {}

    private Map<UUID, TypeInfo> types() {
        Map<UUID, TypeInfo> types = new HashMap<>();
        jdbc.sql("select id, code, tracked_quantity, first_interview_days from measures_indicator_type_v")
                .query((rs, n) -> types.put(rs.getObject(1, UUID.class),
                        new TypeInfo(rs.getString(2), rs.getString(3), rs.getInt(4))))
                .list();
        return types;
    }

    /**
     * One filtered measure of the association as the indicators read it: its type and the tracked
     * quantity, its dates, outcome and ordered quantity, its person.
     */
    private record Row(String typeCode, String trackedQuantity, LocalDate receivedOn, LocalDate endedOn,
            LocalDate startedOn, LocalDate firstDeadline, String outcome, BigDecimal orderedQuantity, UUID personId) {}

    /** What the people figures need of a person: sex and birth date. */
    private record Person(String sex, LocalDate birthDate) {}

    /** A person not found (never under row-level security: every measure's person is the association's). */
    private static final Person NOBODY = new Person(null, null);

    /**
     * The association's measures a period can count, with the filters: one read (through the
     * reception-date index) for every period and figure that needs measures only. A measure counts
     * in no period when it was received after the last day, or ended and started before the first
     * day and received too early for its first-interview deadline to fall in a period. The
     * organisation is also named in the query (row-level security restricts it anyway) so that the
     * planner knows how many measures it reads.
     */
    private List<Row> rows(Query q, Map<UUID, TypeInfo> types, LocalDate firstDay, LocalDate lastDay) {
        Map<String, Object> params = new LinkedHashMap<>(q.filterParams);
        params.put("first", firstDay);
        params.put("last", lastDay);
        params.put("deadlineFirst", firstDay.minusDays(
                types.values().stream().mapToInt(TypeInfo::firstInterviewDays).max().orElse(0)));
        return jdbc.sql("""
                        select m.measure_type_id, m.received_on, m.ended_on, m.started_on, m.outcome, m.ordered_quantity,
                               m.person_id
                        from measures_indicator_measure_v m
                        where m.received_on <= :last
                          and (m.ended_on is null or m.ended_on >= :first or m.started_on >= :first
                               or m.received_on >= :deadlineFirst)""" + q.measureFilters())
                .params(params)
                .query((rs, n) -> {
                    TypeInfo type = types.get(rs.getObject(1, UUID.class));
                    LocalDate received = rs.getObject(2, LocalDate.class);
                    return new Row(type.code(), type.trackedQuantity(), received, rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), received.plusDays(type.firstInterviewDays()),
                            rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, UUID.class));
                })
                .list();
    }

    /** The association's people (row-level security keeps them to it; the organisation is named for the planner). */
    private Map<UUID, Person> people(Query q) {
        Map<UUID, Person> people = new HashMap<>();
        jdbc.sql("select p.id, p.sex, p.birth_date from measures_indicator_person_v p where p.organisation_id = :org")
                .param("org", q.filterParams.get("org"))
                .query((rs, n) -> people.put(rs.getObject(1, UUID.class),
                        new Person(rs.getString(2), rs.getObject(3, LocalDate.class))))
                .list();
        return people;
    }

    /** The figures of one period computed from the measures read once ({@link Row}). */
    private static final class MeasureFigures {

        private final LocalDate from;
        private final LocalDate to;
        private final LocalDate today;
        private final List<Row> rows;
        private final Map<UUID, Person> persons;

        MeasureFigures(Period period, LocalDate today, List<Row> rows, Map<UUID, Person> persons) {
            this.from = period.from();
            this.to = period.to();
            this.today = today;
            this.rows = rows;
            this.persons = persons;
        }

        private boolean within(LocalDate day) {
            return day != null && !day.isBefore(from) && !day.isAfter(to);
        }

        boolean received(Row r) {
            return within(r.receivedOn());
        }

        /** Received by the last day and not ended by then. */
        boolean active(Row r) {
            return !r.receivedOn().isAfter(to) && (r.endedOn() == null || r.endedOn().isAfter(to));
        }

        boolean ended(Row r) {
            return within(r.endedOn());
        }

        boolean started(Row r) {
            return within(r.startedOn());
        }

        /** Followed during the period: received by its last day, not ended before its first. */
        boolean followed(Row r) {
            return !r.receivedOn().isAfter(to) && (r.endedOn() == null || !r.endedOn().isBefore(from));
        }

        /** A count of measures, in total and by one key (cells in the order of their keys). */
        Figure count(Indicator indicator, Dimension dimension, java.util.function.BiPredicate<MeasureFigures, Row> counted,
                java.util.function.Function<Row, String> key) {
            Map<String, long[]> byKey = new HashMap<>();
            long total = 0;
            for (Row r : rows) {
                if (counted.test(this, r)) {
                    total++;
                    String k = key.apply(r);
                    if (k != null) {
                        byKey.computeIfAbsent(k, x -> new long[1])[0]++;
                    }
                }
            }
            Map<String, Long> sorted = new TreeMap<>();
            byKey.forEach((k, n) -> sorted.put(k, n[0]));
            return new Figure(indicator, BigDecimal.valueOf(total), total,
                    List.of(new Breakdown(List.of(dimension), cells(sorted))));
        }

        /** The median number of days over the measures selected (the mean of the two middle ones when even). */
        Figure median(Indicator indicator, Predicate<Row> selected, ToIntFunction<Row> days) {
            int[] values = rows.stream().filter(selected).mapToInt(days).sorted().toArray();
            return new Figure(indicator, AssociationIndicators.median(values), values.length, List.of());
        }

        /**
         * First interviews within the deadline: measures whose deadline fell in the period (and
         * before today), except those cancelled before it; a success when the first interview took
         * place by the deadline.
         */
        Figure withinDeadline(Indicator indicator) {
            LocalDate last = to.isBefore(today) ? to : today;
            long due = 0;
            long kept = 0;
            for (Row r : rows) {
                LocalDate deadline = r.firstDeadline();
                boolean decided = !deadline.isBefore(from) && !deadline.isAfter(last);
                boolean counts = !CANCELLED.equals(r.outcome())
                        || (r.endedOn() != null && !r.endedOn().isBefore(deadline));
                if (decided && counts) {
                    due++;
                    if (r.startedOn() != null && !r.startedOn().isAfter(deadline)) {
                        kept++;
                    }
                }
            }
            return new Figure(indicator, percent(kept, due), due, List.of());
        }

        /** The age band on the period's last day, in whole years as {@link java.time.Period#between} counts them. */
        private AgeBand band(LocalDate birth) {
            if (birth == null || birth.isAfter(to)) {
                return AgeBand.UNKNOWN;
            }
            int age = to.getYear() - birth.getYear();
            if (to.getMonthValue() < birth.getMonthValue()
                    || (to.getMonthValue() == birth.getMonthValue() && to.getDayOfMonth() < birth.getDayOfMonth())) {
                age--;
            }
            return AgeBand.ofAge(age);
        }

        /** The ordered quantity and number of the measures ended in the period whose type tracks UNITS. */
        BigDecimal[] ordered(String... units) {
            List<String> tracked = List.of(units);
            BigDecimal sum = null;
            long count = 0;
            for (Row r : rows) {
                if (tracked.contains(r.trackedQuantity()) && ended(r) && notCancelled(r) && r.orderedQuantity() != null) {
                    sum = sum == null ? r.orderedQuantity() : sum.add(r.orderedQuantity());
                    count++;
                }
            }
            return new BigDecimal[] {sum, BigDecimal.valueOf(count)};
        }

        long followedCount() {
            return rows.stream().filter(this::followed).count();
        }

        /**
         * Distinct people with a measure followed in the period, by sex and by age on the last day
         * (whole years), and the age bands those ages fall in.
         */
        Figure people(Indicator indicator) {
            Set<UUID> counted = new java.util.HashSet<>();
            Map<String, long[]> bandsBySex = new HashMap<>();
            for (Row r : rows) {
                if (followed(r) && r.personId() != null && counted.add(r.personId())) {
                    Person p = persons.getOrDefault(r.personId(), NOBODY);
                    bandsBySex.computeIfAbsent(p.sex() == null ? "UNKNOWN" : p.sex(),
                            x -> new long[AgeBand.values().length])[band(p.birthDate()).ordinal()]++;
                }
            }
            Map<List<String>, Long> bySexAndBand = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                    .thenComparing(k -> k.get(1)));
            bandsBySex.forEach((sex, counts) -> {
                for (AgeBand band : AgeBand.values()) {
                    if (counts[band.ordinal()] > 0) {
                        bySexAndBand.put(List.of(sex, band.name()), counts[band.ordinal()]);
                    }
                }
            });
            Map<String, Long> bySex = new TreeMap<>();
            Map<String, Long> byBand = new TreeMap<>();
            bySexAndBand.forEach((k, v) -> {
                bySex.merge(k.get(0), v, Long::sum);
                byBand.merge(k.get(1), v, Long::sum);
            });
            long total = counted.size();
            List<Breakdown> breakdowns = List.of(
                    new Breakdown(List.of(Dimension.SEX), cells(bySex)),
                    new Breakdown(List.of(Dimension.AGE_BAND), cells(byBand)),
                    new Breakdown(List.of(Dimension.SEX, Dimension.AGE_BAND), bySexAndBand.entrySet().stream()
                            .map(e -> new Cell(e.getKey(), BigDecimal.valueOf(e.getValue()))).toList()));
            return new Figure(indicator, BigDecimal.valueOf(total), total, breakdowns);
        }
    }

    /** The median of sorted values, to one decimal; null when there are none. */
    static BigDecimal median(int[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int n = sorted.length;
        return BigDecimal.valueOf((long) sorted[(n - 1) / 2] + sorted[n / 2]).divide(BigDecimal.valueOf(2), 1,
                java.math.RoundingMode.HALF_UP);
    }

    /** A percentage: the query returns the count of successes, then the population. */
    private Figure share(Indicator indicator, Map<String, Object> params, String sql) {
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new Figure(indicator, percent(rs.getLong(1), rs.getLong(2)), rs.getLong(2), List.of()))
                .single();
    }

    private Figure completed(Indicator indicator, Query q, Map<String, Object> params, String units) {
        return jdbc.sql("""
                        select coalesce(sum(e.quantity), 0), count(distinct m.id)
                        from measures_indicator_quantity_v e join measures_indicator_measure_v m on m.id = e.measure_id
                        where e.entry_date between :from and :to
                          and m.measure_type_id in (select id from measures_indicator_type_v where tracked_quantity in\s""" + units + ")"
                        + q.measureFilters())
                .params(params)
                .query((rs, n) -> new Figure(indicator, rs.getBigDecimal(1), rs.getLong(2), List.of()))
                .single();
    }

    /**
     * Quantities completed against ordered, over the measures ended in the period (not cancelled)
     * with an ordered quantity: every entry of those measures against the sum ordered.
     */
    private Figure completedVsOrdered(Indicator indicator, Query q, Map<String, Object> params, MeasureFigures m,
            String... units) {
        BigDecimal[] ordered = m.ordered(units);
        long measures = ordered[1].longValue();
        if (measures == 0) {
            return new Figure(indicator, null, 0, List.of());
        }
        BigDecimal done = jdbc.sql("""
                        select coalesce(sum(e.quantity), 0) from measures_indicator_quantity_v e join measures_indicator_measure_v m on m.id = e.measure_id
                        where m.ended_on between :from and :to and m.outcome <> 'CANCELLED_BY_MAGISTRATE'
                          and m.ordered_quantity is not null
                          and m.measure_type_id in (select id from measures_indicator_type_v where tracked_quantity in (:units))"""
                        + q.measureFilters())
                .params(params).param("units", List.of(units))
                .query(BigDecimal.class).single();
        BigDecimal value = ordered[0].signum() == 0 ? null
                : done.multiply(BigDecimal.valueOf(100)).divide(ordered[0], 1, java.math.RoundingMode.HALF_UP);
        return new Figure(indicator, value, measures, List.of());
    }

    private Figure incidents(Indicator indicator, Query q, Map<String, Object> params, MeasureFigures m) {
        long measures = m.followedCount();
        long incidents = jdbc.sql("""
                        select count(*) from measures_indicator_incident_v i join measures_indicator_measure_v m on m.id = i.measure_id
                        where i.occurred_on between :from and :to""" + q.measureFilters())
                .params(params).query(Long.class).single();
        BigDecimal value = measures == 0 ? null : BigDecimal.valueOf(incidents * 100)
                .divide(BigDecimal.valueOf(measures), 1, java.math.RoundingMode.HALF_UP);
        return new Figure(indicator, value, measures, List.of());
    }

    /**
     * Euros of the statements sent (or paid), in total and by billed court, line by line so that
     * the measure filters apply to each line's measure; the court filter is the statement's court.
     */
    private Figure amounts(Indicator indicator, Query q, Map<String, Object> params, String where) {
        List<Cell> cells = new ArrayList<>();
        BigDecimal[] total = {BigDecimal.ZERO};
        long[] statements = {0};
        jdbc.sql("""
                         select s.court_code, coalesce(sum(l.amount), 0), count(distinct s.id)
                         from measures_indicator_statement_v s join measures_indicator_statement_line_v l on l.statement_id = s.id
                         where s.status <> 'DRAFT' and """ + " " + where + q.statementFilters()
                        + " group by rollup (s.court_code) order by 1 nulls first")
                .params(params)
                .query((rs, n) -> {
                    String court = rs.getString(1);
                    if (court == null) {
                        total[0] = rs.getBigDecimal(2);
                        statements[0] = rs.getLong(3);
                    } else {
                        cells.add(new Cell(List.of(court), rs.getBigDecimal(2)));
                    }
                    return null;
                })
                .list();
        return new Figure(indicator, total[0], statements[0],
                List.of(new Breakdown(List.of(Dimension.TRIBUNAL), cells)));
    }

    private Figure paymentDelay(Indicator indicator, Query q, Map<String, Object> params) {
        return jdbc.sql("""
                         select round(cast(percentile_cont(0.5) within group (order by s.paid_on - s.sent_on) as numeric), 1),
                                count(*)
                         from measures_indicator_statement_v s
                         where s.status = 'PAID' and s.paid_on between :from and :to""" + q.statementFilters())
                .params(params)
                .query((rs, n) -> new Figure(indicator, rs.getBigDecimal(1), rs.getLong(2), List.of()))
                .single();
    }

    private static List<Cell> cells(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Cell(List.of(e.getKey()), BigDecimal.valueOf(e.getValue())))
                .toList();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100)
                .divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
    }

    /** The filters as SQL conditions on a measure {@code m} of the association, and their parameters. */
    private static final class Query {

        final Map<String, Object> filterParams = new LinkedHashMap<>();
        final List<String> filters = new ArrayList<>();
        final Filters f;

        Query(Filters f, UUID organisation) {
            this.f = f;
            filters.add("m.organisation_id = :org");
            filterParams.put("org", organisation);
            if (f.measureTypeId() != null) {
                filters.add("m.measure_type_id = :typeId");
                filterParams.put("typeId", f.measureTypeId());
            }
            if (f.courtCode() != null && !f.courtCode().isBlank()) {
                filters.add("m.court_code = :court");
                filterParams.put("court", f.courtCode().trim());
            }
            if (f.workerId() != null) {
                filters.add("m.assigned_user_id = :worker");
                filterParams.put("worker", f.workerId());
            }
            if (f.serviceId() != null) {
                filters.add("m.assigned_user_id in (select u.id from identity_user_service_v u where u.service_id = :service)");
                filterParams.put("service", f.serviceId());
            }
            if (f.fieldCode() != null) {
                filters.add("m.measure_type_id in (select t.id from measures_indicator_type_v t where t.field = :field)");
                filterParams.put("field", f.fieldCode());
            }
        }

        /** The parameters of a period's queries: the filters' and the period's days. */
        Map<String, Object> params(Period period, LocalDate today) {
            Map<String, Object> params = new LinkedHashMap<>(filterParams);
            params.put("from", period.from());
            params.put("to", period.to());
            params.put("today", today);
            return params;
        }

        /** {@code and …} for every filter, on a measure {@code m}. */
        String measureFilters() {
            return filters.stream().map(c -> " and " + c).collect(Collectors.joining());
        }

        /** Billing statements: the court filter on the statement, the others on each line's measure. */
        String statementFilters() {
            StringBuilder sql = new StringBuilder();
            if (f.courtCode() != null && !f.courtCode().isBlank()) {
                sql.append(" and s.court_code = :court");
            }
            if (f.measureTypeId() != null || f.workerId() != null || f.serviceId() != null || f.fieldCode() != null) {
                sql.append(" and l.measure_id in (select m.id from measures_indicator_measure_v m where true").append(measureFilters())
                        .append(")");
            }
            return sql.toString();
        }
    }
}
