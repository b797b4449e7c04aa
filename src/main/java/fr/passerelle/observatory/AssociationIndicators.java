package fr.passerelle.observatory;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's indicators for the current association, computed from its own measures (the data
 * source of the association dashboard). Everything is counted by SQL aggregates inside one
 * read-only transaction, under the association's row-level security; the definitions followed are
 * the ones shown to users ({@code observatory.indicator.<id>.definition}).
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
        if (from == null || to == null || to.isBefore(from)) {
            throw new FieldRefusal("to", "observatory.period.invalid");
        }
        Filters f = filters == null ? Filters.none() : filters;
        if (f.fieldCode() != null && !FIELDS.contains(f.fieldCode())) {
            throw new FieldRefusal("field", "observatory.filter.fieldInvalid");
        }
        Query q = new Query(from, to, f, LocalDate.now(clock.withZone(PARIS)));
        Map<Indicator, Figure> figures = new EnumMap<>(Indicator.class);
        Set<Dimension> used = f.dimensions();
        for (Indicator indicator : Indicator.values()) {
            if (wanted.contains(indicator) && indicator.dimensions().containsAll(used)) {
                figures.put(indicator, compute(indicator, q));
            }
        }
        return new Result(from, to, f, Collections.unmodifiableMap(figures));
    }

    private Figure compute(Indicator indicator, Query q) {
        return switch (indicator) {
            case MEASURES_RECEIVED -> count(indicator, q, "m.received_on between :from and :to",
                    List.of(Dimension.MEASURE_TYPE), "m.type_code");
            case MEASURES_ACTIVE -> count(indicator, q, "m.received_on <= :to and (m.ended_on is null or m.ended_on > :to)",
                    List.of(Dimension.MEASURE_TYPE), "m.type_code");
            case MEASURES_ENDED -> count(indicator, q, "m.ended_on between :from and :to",
                    List.of(Dimension.OUTCOME), "m.outcome");
            case MEDIAN_DURATION -> median(indicator, q, "m.ended_on - m.received_on",
                    "m.ended_on between :from and :to and m.outcome <> '" + CANCELLED + "'");
            case FIRST_INTERVIEW_MEDIAN_DELAY -> median(indicator, q, "m.started_on - m.received_on",
                    "m.started_on between :from and :to");
            case FIRST_INTERVIEW_WITHIN_DEADLINE -> share(indicator, q, q.measures()
                    + " select count(*) filter (where m.started_on <= m.first_deadline), count(*) from m"
                    + " where m.first_deadline between :from and least(:to, :today)"
                    + " and (m.outcome is distinct from '" + CANCELLED + "' or m.ended_on >= m.first_deadline)");
            case REPORTS_ON_TIME -> share(indicator, q, q.measures()
                    + " select count(*) filter (where r.sent_on <= r.due_on), count(*)"
                    + " from report r join m on m.id = r.measure_id"
                    + " where r.due_on between :from and least(:to, :today)");
            case HOURS_COMPLETED -> completed(indicator, q, "('HOURS')");
            case DAYS_COMPLETED -> completed(indicator, q, "('DAYS', 'NIGHTS')");
            case HOURS_COMPLETED_VS_ORDERED -> completedVsOrdered(indicator, q, "('HOURS')");
            case DAYS_COMPLETED_VS_ORDERED -> completedVsOrdered(indicator, q, "('DAYS', 'NIGHTS')");
            case INCIDENTS_PER_100_MEASURES -> incidents(indicator, q);
            case PEOPLE_ACCOMPANIED -> people(indicator, q);
            case AMOUNT_BILLED -> amounts(indicator, q, "s.sent_on between :from and :to");
            case AMOUNT_AWAITING_PAYMENT -> amounts(indicator, q,
                    "s.sent_on <= :to and (s.paid_on is null or s.paid_on > :to)");
            case PAYMENT_MEDIAN_DELAY -> paymentDelay(indicator, q);
        };
    }

    /** A count of measures, in total and by one column. */
    private Figure count(Indicator indicator, Query q, String where, List<Dimension> dimensions, String column) {
        List<Cell> cells = new ArrayList<>();
        long[] total = {0};
        jdbc.sql(q.measures() + " select " + column + " as k, count(*) from m where " + where
                        + " group by rollup (" + column + ") order by 1 nulls first")
                .params(q.params)
                .query((rs, n) -> {
                    // The rollup's grand total is the row without a key (every measure has a type and,
                    // once ended, an outcome).
                    String key = rs.getString(1);
                    long count = rs.getLong(2);
                    if (key == null) {
                        total[0] = count;
                    } else {
                        cells.add(new Cell(List.of(key), BigDecimal.valueOf(count)));
                    }
                    return null;
                })
                .list();
        return new Figure(indicator, BigDecimal.valueOf(total[0]), total[0], List.of(new Breakdown(dimensions, cells)));
    }

    /** A median number of days over the measures selected. */
    private Figure median(Indicator indicator, Query q, String days, String where) {
        return jdbc.sql(q.measures() + " select round(cast(percentile_cont(0.5) within group (order by " + days
                        + ") as numeric), 1), count(*) from m where " + where)
                .params(q.params)
                .query((rs, n) -> new Figure(indicator, rs.getBigDecimal(1), rs.getLong(2), List.of()))
                .single();
    }

    /** A percentage: the query returns the count of successes, then the population. */
    private Figure share(Indicator indicator, Query q, String sql) {
        return jdbc.sql(sql).params(q.params)
                .query((rs, n) -> new Figure(indicator, percent(rs.getLong(1), rs.getLong(2)), rs.getLong(2), List.of()))
                .single();
    }

    private Figure completed(Indicator indicator, Query q, String units) {
        return jdbc.sql(q.measures() + " select coalesce(sum(e.quantity), 0), count(distinct m.id)"
                        + " from measure_quantity_entry e join m on m.id = e.measure_id"
                        + " where m.tracked_quantity in " + units + " and e.entry_date between :from and :to")
                .params(q.params)
                .query((rs, n) -> new Figure(indicator, rs.getBigDecimal(1), rs.getLong(2), List.of()))
                .single();
    }

    private Figure completedVsOrdered(Indicator indicator, Query q, String units) {
        return jdbc.sql(q.measures() + """
                        , ended as (
                            select m.id, m.ordered_quantity from m
                            where m.tracked_quantity in """ + units + """
                              and m.ended_on between :from and :to and m.outcome <> 'CANCELLED_BY_MAGISTRATE'
                              and m.ordered_quantity is not null)
                        select coalesce((select sum(e.quantity) from measure_quantity_entry e
                                         where e.measure_id in (select id from ended)), 0),
                               (select sum(ordered_quantity) from ended), (select count(*) from ended)""")
                .params(q.params)
                .query((rs, n) -> {
                    BigDecimal done = rs.getBigDecimal(1);
                    BigDecimal ordered = rs.getBigDecimal(2);
                    BigDecimal value = ordered == null || ordered.signum() == 0 ? null
                            : done.multiply(BigDecimal.valueOf(100)).divide(ordered, 1, java.math.RoundingMode.HALF_UP);
                    return new Figure(indicator, value, rs.getLong(3), List.of());
                })
                .single();
    }

    private Figure incidents(Indicator indicator, Query q) {
        return jdbc.sql(q.measures() + """
                         select (select count(*) from measure_incident i join m on m.id = i.measure_id
                                 where i.occurred_on between :from and :to),
                                (select count(*) from m where """ + " " + Query.FOLLOWED + ")")
                .params(q.params)
                .query((rs, n) -> {
                    long measures = rs.getLong(2);
                    BigDecimal value = measures == 0 ? null : BigDecimal.valueOf(rs.getLong(1) * 100)
                            .divide(BigDecimal.valueOf(measures), 1, java.math.RoundingMode.HALF_UP);
                    return new Figure(indicator, value, measures, List.of());
                })
                .single();
    }

    /**
     * Distinct people with a measure followed in the period, by sex and by age on the last day: the
     * database counts them by sex and age in years (one age per person), the bands add those up.
     */
    private Figure people(Indicator indicator, Query q) {
        Map<List<String>, Long> bySexAndBand = new LinkedHashMap<>();
        jdbc.sql(q.measures() + """
                         select coalesce(p.sex, 'UNKNOWN'),
                                case when p.birth_date <= :to then cast(date_part('year', age(cast(:to as timestamp), cast(p.birth_date as timestamp))) as int) end,
                                count(distinct p.id)
                         from person p where p.id in (select m.person_id from m where """ + " " + Query.FOLLOWED + """
                         ) group by 1, 2""")
                .params(q.params)
                .query((rs, n) -> {
                    String sex = rs.getString(1);
                    int age = rs.getInt(2);
                    AgeBand band = AgeBand.ofAge(rs.wasNull() ? null : age);
                    bySexAndBand.merge(List.of(sex, band.name()), rs.getLong(3), Long::sum);
                    return null;
                })
                .list();
        Map<String, Long> bySex = new LinkedHashMap<>();
        Map<String, Long> byBand = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<List<String>, Long> e : bySexAndBand.entrySet()) {
            bySex.merge(e.getKey().get(0), e.getValue(), Long::sum);
            byBand.merge(e.getKey().get(1), e.getValue(), Long::sum);
            total += e.getValue();
        }
        List<Breakdown> breakdowns = List.of(
                new Breakdown(List.of(Dimension.SEX), cells(bySex)),
                new Breakdown(List.of(Dimension.AGE_BAND), cells(byBand)),
                new Breakdown(List.of(Dimension.SEX, Dimension.AGE_BAND), bySexAndBand.entrySet().stream()
                        .map(e -> new Cell(e.getKey(), BigDecimal.valueOf(e.getValue()))).toList()));
        return new Figure(indicator, BigDecimal.valueOf(total), total, breakdowns);
    }

    /**
     * Euros of the statements sent (or paid), in total and by billed court, line by line so that
     * the measure filters apply to each line's measure; the court filter is the statement's court.
     */
    private Figure amounts(Indicator indicator, Query q, String where) {
        List<Cell> cells = new ArrayList<>();
        BigDecimal[] total = {BigDecimal.ZERO};
        long[] statements = {0};
        jdbc.sql(q.measures() + """
                         select s.court_code, coalesce(sum(l.amount), 0), count(distinct s.id)
                         from billing_statement s join billing_statement_line l on l.statement_id = s.id
                         where s.status <> 'DRAFT' and """ + " " + where + q.statementFilters()
                        + " group by rollup (s.court_code) order by 1 nulls first")
                .params(q.params)
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

    private Figure paymentDelay(Indicator indicator, Query q) {
        return jdbc.sql(q.measures() + """
                         select round(cast(percentile_cont(0.5) within group (order by s.paid_on - s.sent_on) as numeric), 1),
                                count(*)
                         from billing_statement s
                         where s.status = 'PAID' and s.paid_on between :from and :to""" + q.statementFilters())
                .params(q.params)
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

    /** The filtered measures of the association with their dates, as a common table {@code m}. */
    private static final class Query {

        /** Followed during the period: received by its last day, not ended before its first. */
        static final String FOLLOWED = "m.received_on <= :to and (m.ended_on is null or m.ended_on >= :from)";

        final Map<String, Object> params = new LinkedHashMap<>();
        final List<String> filters = new ArrayList<>();
        final Filters f;

        Query(LocalDate from, LocalDate to, Filters f, LocalDate today) {
            this.f = f;
            params.put("from", from);
            params.put("to", to);
            params.put("today", today);
            if (f.measureTypeId() != null) {
                filters.add("m.measure_type_id = :typeId");
                params.put("typeId", f.measureTypeId());
            }
            if (f.courtCode() != null && !f.courtCode().isBlank()) {
                filters.add("m.court_code = :court");
                params.put("court", f.courtCode().trim());
            }
            if (f.workerId() != null) {
                filters.add("m.assigned_user_id = :worker");
                params.put("worker", f.workerId());
            }
            if (f.serviceId() != null) {
                filters.add("m.assigned_user_id in (select u.id from app_user u where u.service_id = :service)");
                params.put("service", f.serviceId());
            }
            if (f.fieldCode() != null) {
                filters.add("t.field = :field");
                params.put("field", f.fieldCode());
            }
        }

        String measures() {
            String where = filters.isEmpty() ? "" : " where " + String.join(" and ", filters);
            return """
                    with m as (
                        select m.id, m.person_id, m.measure_type_id, m.received_on, m.outcome, m.ordered_quantity,
                               t.code as type_code, t.tracked_quantity, m.received_on + t.first_interview_days as first_deadline,
                               m.ended_on, m.started_on
                        from measure m join measure_type t on t.id = m.measure_type_id""" + where + ")";
        }

        /** Billing statements: the court filter on the statement, the others on each line's measure. */
        String statementFilters() {
            StringBuilder sql = new StringBuilder();
            if (f.courtCode() != null && !f.courtCode().isBlank()) {
                sql.append(" and s.court_code = :court");
            }
            if (f.measureTypeId() != null || f.workerId() != null || f.serviceId() != null || f.fieldCode() != null) {
                sql.append(" and l.measure_id in (select m.id from m)");
            }
            return sql.toString();
        }
    }
}
