package fr.passerelle.observatory;

import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.observatory.suppression.CountList;
import fr.passerelle.observatory.suppression.CountTable;
import fr.passerelle.observatory.suppression.PerturbedList;
import fr.passerelle.observatory.suppression.PerturbedTable;
import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national observatory: figures across the associations that agreed to share theirs, read from
 * the aggregate tables only (ADR 0007). Every query runs under the observatory database role, whose
 * grants hold no personal table, and every count goes through the cell-key perturbation (ADR 0009)
 * before it leaves this class: each cell, total included, is published with a noise drawn from the
 * keys of the measures it counts, and not shown below the threshold, so that overlapping periods,
 * nested geographies and complementary filters do not give back a small count. Callers never see a
 * count they may not publish (the exact counts a result keeps are for tests and operators).
 *
 * <p>Figures: measures received in the period, active on its last day, ended in it (by outcome),
 * the median duration of those ended (other than cancelled), and the median time to the first
 * interview of those started in it. A median is published only where the perturbed count of its
 * population (with that population's own key sum, never its exact count) is at least
 * {@link #MEDIAN_THRESHOLD} (ADR 0009 §7): whether a median is shown tells no more than a perturbed
 * count would.
 */
@Service
public class NationalObservatory {

    /** The figures the aggregate tables hold, in the order they are shown. */
    public static final List<Indicator> INDICATORS = List.of(Indicator.MEASURES_RECEIVED, Indicator.MEASURES_ACTIVE,
            Indicator.MEASURES_ENDED, Indicator.MEDIAN_DURATION, Indicator.FIRST_INTERVIEW_MEDIAN_DELAY);

    /** The dimensions a national table can be broken down by. */
    public static final List<Dimension> BREAKDOWNS = List.of(Dimension.NETWORK_REGION, Dimension.COUR_APPEL,
            Dimension.TRIBUNAL, Dimension.DEPARTEMENT, Dimension.FIELD, Dimension.MEASURE_TYPE, Dimension.PERIOD);

    /** Outcomes in the order of the table's columns. */
    public static final List<String> OUTCOMES = List.of("COMPLETED", "LIFTED_BY_MAGISTRATE", "REVOKED",
            "BREACHES_REPORTED", "NOT_PRESENTED", "TRANSFERRED", "DECEASED", "CANCELLED_BY_MAGISTRATE", "UNKNOWN");

    /** Lower bounds, in days, of the classes of durations the aggregates count (the last one is open). */
    static final int[] DURATION_CLASSES = {0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 365, 450, 540, 730, 1095};

    /** Lower bounds, in days, of the classes of delays to the first interview (the last one is open). */
    static final int[] FIRST_DELAY_CLASSES = {0, 1, 2, 4, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 365};

    /** The smallest perturbed count of its population a median is published on (ADR 0009 §7). */
    public static final int MEDIAN_THRESHOLD = 10;

    /** The longest period one table covers. */
    static final int MAX_MONTHS = 120;

    /**
     * Filters; null or blank means "any".
     *
     * @param field PRE_SENTENCE, POST_SENTENCE, MINORS or RESTORATIVE
     * @param typeCode a code of the national catalogue
     * @param excludedOrganisationId an association left out (an association's comparison with the
     *     rest of the network: its own records would otherwise let it draw new noise on the others')
     */
    public record Filters(String regionCode, String courtOfAppealCode, String courtCode, String departementCode,
            String field, String typeCode, java.util.UUID excludedOrganisationId) {

        public Filters(String regionCode, String courtOfAppealCode, String courtCode, String departementCode,
                String field, String typeCode) {
            this(regionCode, courtOfAppealCode, courtCode, departementCode, field, typeCode, null);
        }

        /** The same filters, without the records of one association. */
        public Filters excluding(java.util.UUID organisationId) {
            return new Filters(regionCode, courtOfAppealCode, courtCode, departementCode, field, typeCode,
                    organisationId);
        }

        public static Filters none() {
            return new Filters(null, null, null, null, null, null);
        }
    }

    /** One line of the breakdown: its key and its label (a region's, a court's... name). */
    public record Line(String key, String label) {}

    /**
     * The published national figures.
     *
     * @param lines the breakdown's lines that hold any measure and have a count shown, in order
     * @param received measures received, by line, perturbed
     * @param active measures active on the last day, by line, perturbed
     * @param ended measures ended, by line and outcome ({@link #OUTCOMES}), perturbed (the three
     *     tables are null when no measure is counted: see {@link #empty()})
     * @param medianDuration by line; null where not published
     * @param medianDurationTotal over all lines; null where not published
     * @param sharing associations counted (those that share their figures)
     * @param members member associations
     */
    public record Result(YearMonth from, YearMonth to, Filters filters, Dimension breakdown, List<Line> lines,
            PerturbedList received, PerturbedList active, PerturbedTable ended,
            List<BigDecimal> medianDuration, BigDecimal medianDurationTotal,
            List<BigDecimal> medianFirstDelay, BigDecimal medianFirstDelayTotal,
            int sharing, int members, long waiting, Instant oldestWaiting) {

        /**
         * Whether no shared measure matches the period and filters (lines may be none otherwise too,
         * when no line has a count that can be shown).
         */
        public boolean empty() {
            return received == null;
        }
    }

    /** A choice of a filter: its code and its name. */
    public record Choice(String code, String label) {}

    /** The choices of the filters, from the reference tables. */
    public record Options(List<Choice> regions, List<Choice> courtsOfAppeal, List<Choice> courts,
            List<Choice> departements, List<Choice> types) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final String role;
    private final CellKeyPerturbation perturbation = new CellKeyPerturbation();
    private final CellKeyPerturbation medianGate = new CellKeyPerturbation(MEDIAN_THRESHOLD);
    private final KeptFigures kept;

    NationalObservatory(JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${spring.flyway.placeholders.observatory_role:passerelle_observatory}") String role,
            KeptFigures kept) {
        this.kept = kept;
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid observatory role name: " + role);
        }
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.role = role;
    }

    /**
     * The figures of the months [from, to], broken down by one dimension. A period that ends before
     * it starts ({@code observatory.period.invalid}), or longer than ten years
     * ({@code observatory.period.tooLong}), is refused.
     */
    @Transactional(readOnly = true)
    public Result compute(YearMonth from, YearMonth to, Filters filters, Dimension breakdown) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new FieldRefusal("to", "observatory.period.invalid");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw new FieldRefusal("to", "observatory.period.tooLong", MAX_MONTHS / 12);
        }
        if (breakdown == null || !BREAKDOWNS.contains(breakdown)) {
            throw new FieldRefusal("by", "observatory.breakdown.invalid");
        }
        Filters f = filters == null ? Filters.none() : filters;
        // The backlog is read before the switch: the observatory role cannot see the queue.
        Map<String, Object> backlog = jdbc.sql("select waiting, oldest from observatory_backlog()").query().singleRow();
        jdbc.sql("set local role " + role).update();
        long waiting = ((Number) backlog.get("waiting")).longValue();
        Instant oldest = backlog.get("oldest") == null ? null : ((java.sql.Timestamp) backlog.get("oldest")).toInstant();
        // Figures computed before from aggregates no write has reached since are the same figures
        // (KeptFigures): only the backlog is read again.
        Result r = kept.national(new CacheKey(from, to, f, breakdown), from, to,
                () -> compute(from, to, f, breakdown, waiting, oldest));
        return new Result(r.from(), r.to(), r.filters(), r.breakdown(), r.lines(), r.received(), r.active(),
                r.ended(), r.medianDuration(), r.medianDurationTotal(), r.medianFirstDelay(), r.medianFirstDelayTotal(),
                r.sharing(), r.members(), waiting, oldest);
    }

    private record CacheKey(YearMonth from, YearMonth to, Filters filters, Dimension breakdown) {}

    private Result compute(YearMonth from, YearMonth to, Filters f, Dimension breakdown, long waiting, Instant oldest) {
        // One process per page: parallel workers made a twelve-month page take both cores (about
        // three times its serial CPU) while the other users waited (docs/benchmarks.md).
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();

        Map<String, Object> params = new HashMap<>();
        params.put("from", Date.valueOf(from.atDay(1)));
        params.put("to", Date.valueOf(to.atDay(1)));
        StringBuilder where = new StringBuilder();
        filter(where, params, "o.region_code", "region", f.regionCode());
        filter(where, params, "j.court_of_appeal_code", "ca", f.courtOfAppealCode());
        filter(where, params, "c.court_code", "court", f.courtCode());
        filter(where, params, "j.departement_code", "dept", f.departementCode());
        filter(where, params, "c.field", "field", f.field());
        filter(where, params, "c.type_code", "type", f.typeCode());
        if (f.excludedOrganisationId() != null) {
            where.append(" and c.organisation_id <> :excluded");
            params.put("excluded", f.excludedOrganisationId());
        }
        boolean byYear = breakdown == Dimension.PERIOD && from.plusMonths(24).isBefore(to);
        String key = switch (breakdown) {
            case NETWORK_REGION -> "coalesce(o.region_code, '')";
            case COUR_APPEL -> "j.court_of_appeal_code";
            case TRIBUNAL -> "c.court_code";
            case DEPARTEMENT -> "j.departement_code";
            case FIELD -> "c.field";
            case MEASURE_TYPE -> "c.type_code";
            default -> byYear ? "to_char(c.month, 'YYYY')" : "to_char(c.month, 'YYYY-MM')";
        };
        // Active measures are counted on the last day of the period: with a breakdown by period,
        // on the last day of each line's month (or year). A yearly row's "active" is its December's.
        String activeMonths = breakdown == Dimension.PERIOD
                ? (byYear ? "extract(month from c.last_month) = 12 or c.last_month = :to" : "true")
                : "c.last_month = :to";
        // The calendar years the period covers whole are read from the yearly roll-up (a twelfth of
        // the rows), the other months from the monthly aggregates; not for a breakdown by month.
        int firstYear = from.getMonthValue() == 1 ? from.getYear() : from.getYear() + 1;
        int lastYear = to.getMonthValue() == 12 ? to.getYear() : to.getYear() - 1;
        String source;
        if (firstYear <= lastYear && (breakdown != Dimension.PERIOD || byYear)) {
            params.put("yearsFrom", Date.valueOf(java.time.LocalDate.of(firstYear, 1, 1)));
            params.put("yearsTo", Date.valueOf(java.time.LocalDate.of(lastYear, 1, 1)));
            params.put("monthsBefore", Date.valueOf(java.time.LocalDate.of(firstYear - 1, 12, 1)));
            params.put("monthsAfter", Date.valueOf(java.time.LocalDate.of(lastYear + 1, 1, 1)));
            source = "(select m.*, m.month as last_month from obs_month m"
                    + " where m.month between :from and :monthsBefore or m.month between :monthsAfter and :to"
                    + " union all select y.*, cast(y.year + interval '11 months' as date) from obs_year y"
                    + " where y.year between :yearsFrom and :yearsTo)";
        } else {
            source = "(select m.*, m.month as last_month from obs_month m where m.month between :from and :to)";
        }

        Map<String, Tally> tallies = new TreeMap<>();
        jdbc.sql("select " + key + " as k, sum(c.received),"
                        + " sum(c.active) filter (where " + activeMonths + "), " + SUMS
                        + ", sum(c.received_key), sum(c.active_key) filter (where " + activeMonths + "), " + KEY_SUMS
                        + " from " + source + " c"
                        + " join identity_organisation_v o on o.id = c.organisation_id"
                        + " join network_judicial_court_v j on j.code = c.court_code"
                        + " where o.kind = 'ASSOCIATION' and o.active and o.shares_statistics"
                        + " and c.month between :from and :to" + where
                        + " group by 1")
                .params(params)
                .query((rs, n) -> {
                    Tally t = new Tally();
                    int column = 2;
                    t.received = rs.getLong(column++);
                    t.active = rs.getLong(column++);
                    for (String outcome : OUTCOMES) {
                        t.ended.put(outcome, rs.getLong(column++));
                    }
                    for (int i = 0; i < DURATION_CLASSES.length; i++) {
                        t.durations.counts[i] = rs.getLong(column++);
                    }
                    for (int i = 0; i < FIRST_DELAY_CLASSES.length; i++) {
                        t.firstDelays.counts[i] = rs.getLong(column++);
                    }
                    t.receivedKey = rs.getLong(column++);
                    t.activeKey = rs.getLong(column++);
                    for (String outcome : OUTCOMES) {
                        t.endedKeys.put(outcome, rs.getLong(column++));
                    }
                    t.durationKey = rs.getLong(column++);
                    t.firstDelayKey = rs.getLong(column++);
                    tallies.put(rs.getString(1), t);
                    return null;
                })
                .list();
        // Without the association left out, if any: "sharing" counts those whose figures are in the table.
        Map<String, Object> sharing = jdbc.sql("select count(*) filter (where shares_statistics"
                        + " and id is distinct from :excluded) as sharing,"
                        + " count(*) as members from identity_organisation_v where kind = 'ASSOCIATION' and active")
                .param("excluded", f.excludedOrganisationId(), java.sql.Types.OTHER)
                .query().singleRow();

        List<String> keys = new ArrayList<>(tallies.keySet());
        Map<String, String> labels = labels(breakdown, keys);
        if (breakdown != Dimension.PERIOD) {
            keys.sort((a, b) -> labels.getOrDefault(a, a).compareToIgnoreCase(labels.getOrDefault(b, b)));
        }
        List<Line> lines = keys.stream().map(k -> new Line(k, labels.getOrDefault(k, k))).toList();
        List<Tally> rows = keys.stream().map(tallies::get).toList();
        Tally all = new Tally();
        rows.forEach(all::addAll);

        int sharingCount = ((Number) sharing.get("sharing")).intValue();
        int members = ((Number) sharing.get("members")).intValue();
        if (rows.isEmpty()) {
            return new Result(from, to, f, breakdown, List.of(), null, null, null, List.of(), null, List.of(), null,
                    sharingCount, members, waiting, oldest);
        }
        // The populations of the medians are gated on their perturbed counts, never on exact ones:
        // otherwise a median appearing as one's own measures move in or out would give the others'
        // exact count at the crossing.
        PerturbedList durationPopulation = medianGate.apply(list(rows, t -> t.durations.total()),
                keys(rows, t -> t.durationKey));
        PerturbedList delayPopulation = medianGate.apply(list(rows, t -> t.firstDelays.total()),
                keys(rows, t -> t.firstDelayKey));
        PerturbedList received = perturbation.apply(list(rows, t -> t.received), keys(rows, t -> t.receivedKey));
        PerturbedList active = perturbation.apply(list(rows, t -> t.active), keys(rows, t -> t.activeKey));
        PerturbedTable ended = perturbation.apply(CountTable.of(endedTable(rows, t -> t.ended)),
                endedTable(rows, t -> t.endedKeys));
        // A line is listed only when one of its counts is shown: that a line is there at all would
        // otherwise tell that it counts at least one measure. Totals stay those of every line.
        int[] kept = java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> received.cell(i) != null || active.cell(i) != null || ended.rowTotal(i) != null
                        || java.util.stream.IntStream.range(0, OUTCOMES.size()).anyMatch(c -> ended.cell(i, c) != null))
                .toArray();
        List<BigDecimal> medianDuration = medians(rows, durationPopulation, t -> t.durations);
        List<BigDecimal> medianFirstDelay = medians(rows, delayPopulation, t -> t.firstDelays);
        return new Result(from, to, f, breakdown, java.util.Arrays.stream(kept).mapToObj(lines::get).toList(),
                received.lines(kept), active.lines(kept), ended.lines(kept),
                java.util.Arrays.stream(kept).mapToObj(medianDuration::get).toList(),
                durationPopulation.total() == null ? null : all.durations.median(),
                java.util.Arrays.stream(kept).mapToObj(medianFirstDelay::get).toList(),
                delayPopulation.total() == null ? null : all.firstDelays.median(),
                sharingCount, members, waiting, oldest);
    }

    /** How long the filters' choices are kept: reference data changes rarely, by hand. */
    private static final java.time.Duration OPTIONS_LIFETIME = java.time.Duration.ofMinutes(5);

    private volatile Options options;
    private volatile long optionsRead;

    /**
     * The filters' choices: regions, cours d'appel, tribunaux, départements, measure types (read
     * again after five minutes; a page within that time opens no transaction for them).
     */
    public Options options() {
        Options cached = options;
        if (cached != null && System.nanoTime() - optionsRead < OPTIONS_LIFETIME.toNanos()) {
            return cached;
        }
        Options read = readOnly.execute(status -> {
            jdbc.sql("set local role " + role).update();
            return new Options(choices("select code, name from identity_network_region_v order by name"),
                    choices("select code, name from network_court_of_appeal_v order by name"),
                    choices("select code, name from network_judicial_court_v order by name"),
                    choices("select distinct departement_code, departement_code || ' ' || departement_name"
                            + " from network_judicial_court_v order by 1"),
                    choices("select code, label from network_measure_catalogue_v order by position"));
        });
        options = read;
        optionsRead = System.nanoTime();
        return read;
    }

    private List<Choice> choices(String sql) {
        return jdbc.sql(sql).query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value.trim());
        }
    }

    private static CountList list(List<Tally> rows, java.util.function.ToLongFunction<Tally> value) {
        long[] cells = rows.stream().mapToLong(value).toArray();
        return CountList.of(cells);
    }

    private static long[] keys(List<Tally> rows, java.util.function.ToLongFunction<Tally> key) {
        return rows.stream().mapToLong(key).toArray();
    }

    /** Lines × outcomes of the counts or of their key sums. */
    private static long[][] endedTable(List<Tally> rows, java.util.function.Function<Tally, Map<String, Long>> values) {
        long[][] cells = new long[rows.size()][OUTCOMES.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < OUTCOMES.size(); c++) {
                cells[r][c] = values.apply(rows.get(r)).getOrDefault(OUTCOMES.get(c), 0L);
            }
        }
        return cells;
    }

    private static List<BigDecimal> medians(List<Tally> rows, PerturbedList population,
            java.util.function.Function<Tally, Histogram> histogram) {
        List<BigDecimal> medians = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            medians.add(population.cell(i) == null ? null : histogram.apply(rows.get(i)).median());
        }
        return medians;
    }

    /** Names of the breakdown's keys, from the reference tables (fields and periods are labelled by the page). */
    private Map<String, String> labels(Dimension breakdown, List<String> keys) {
        String sql = switch (breakdown) {
            case NETWORK_REGION -> "select code, name from identity_network_region_v";
            case COUR_APPEL -> "select code, name from network_court_of_appeal_v";
            case TRIBUNAL -> "select code, name from network_judicial_court_v";
            case DEPARTEMENT -> "select distinct departement_code, departement_code || ' ' || departement_name from network_judicial_court_v";
            case MEASURE_TYPE -> "select code, label from network_measure_catalogue_v";
            default -> null;
        };
        Map<String, String> labels = new HashMap<>();
        if (sql != null && !keys.isEmpty()) {
            jdbc.sql(sql).query((rs, n) -> labels.put(rs.getString(1), rs.getString(2))).list();
        }
        return labels;
    }

    /** The sums of the aggregate columns after received and active, in the order they are read. */
    private static final String SUMS = sums();

    private static String sums() {
        List<String> columns = new ArrayList<>();
        OUTCOMES.forEach(o -> columns.add("sum(c.ended_" + o.toLowerCase(java.util.Locale.ROOT) + ")"));
        for (int i = 0; i < DURATION_CLASSES.length; i++) {
            columns.add("sum(c.duration_" + i + ")");
        }
        for (int i = 0; i < FIRST_DELAY_CLASSES.length; i++) {
            columns.add("sum(c.first_delay_" + i + ")");
        }
        return String.join(", ", columns);
    }

    /**
     * The sums of the key sums of the ended counts, in the order of {@link #OUTCOMES}, then of the
     * medians' populations.
     */
    private static final String KEY_SUMS = String.join(", ", OUTCOMES.stream()
            .map(o -> "sum(c.ended_" + o.toLowerCase(java.util.Locale.ROOT) + "_key)").toList())
            + ", sum(c.duration_key), sum(c.first_delay_key)";

    /**
     * What one line of the breakdown adds up to, with the key sums of its published counts (reduced
     * to cell keys by the perturbation).
     */
    private static final class Tally {
        long received;
        long active;
        final Map<String, Long> ended = new HashMap<>();
        long receivedKey;
        long activeKey;
        final Map<String, Long> endedKeys = new HashMap<>();
        long durationKey;
        long firstDelayKey;
        final Histogram durations = new Histogram(DURATION_CLASSES);
        final Histogram firstDelays = new Histogram(FIRST_DELAY_CLASSES);

        void addAll(Tally other) {
            received += other.received;
            active += other.active;
            other.ended.forEach((k, v) -> ended.merge(k, v, Long::sum));
            durations.addAll(other.durations);
            firstDelays.addAll(other.firstDelays);
        }
    }

    /**
     * Counts by class of days. Its median is the grouped median: found in the class where half the
     * count is reached, by linear interpolation inside that class (the lower bound of the last,
     * open, class).
     */
    static final class Histogram {
        final int[] bounds;
        final long[] counts;

        Histogram(int[] bounds) {
            this.bounds = bounds;
            this.counts = new long[bounds.length];
        }

        void addAll(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
        }

        long total() {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            return total;
        }

        /** The grouped median in days, to one decimal; null when empty. */
        BigDecimal median() {
            long total = total();
            if (total == 0) {
                return null;
            }
            double half = total / 2.0;
            long before = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && before + counts[i] >= half) {
                    if (i == counts.length - 1) {
                        return BigDecimal.valueOf(bounds[i]).setScale(1, RoundingMode.HALF_UP);
                    }
                    double width = bounds[i + 1] - bounds[i];
                    double median = bounds[i] + (half - before) / counts[i] * width;
                    return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
                }
                before += counts[i];
            }
            throw new IllegalStateException("no median in " + java.util.Arrays.toString(counts));
        }
    }
}
