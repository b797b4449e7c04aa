package fr.passerelle.observatory;

import fr.passerelle.observatory.KeyFiguresReport.BreakdownRow;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownTable;
import fr.passerelle.observatory.KeyFiguresReport.FigureRow;
import fr.passerelle.observatory.NationalObservatory.Filters;
import fr.passerelle.observatory.NationalObservatory.Line;
import fr.passerelle.observatory.NationalObservatory.Result;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The federation's "chiffres clés" of a calendar year compared with the year before, as a
 * {@link KeyFiguresReport}: the figures of the national observatory only (aggregate tables, under
 * its own database role, every count through the cell-key perturbation, ADR 0009), never personal tables.
 *
 * <p>Main figures: measures received, active on December 31, ended, median duration, median delay
 * to the first interview; breakdowns: measures received by network region, by field and by measure
 * type, measures ended by outcome. Each year is computed once per breakdown printed; a main figure
 * (a total) is shown only when every one of those tables shows it, so that the report never gives
 * back a total that one of its tables hides. A hidden figure is a null value written "s", and the
 * report says what "s" means and how many associations share their figures.
 *
 * <p>Not transactional on purpose: each {@link NationalObservatory#compute} runs in a transaction
 * of its own, switched to the observatory role.
 */
@Service
public class NationalKeyFigures {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final NationalObservatory observatory;
    private final MessageSource messages;
    private final Clock clock;

    NationalKeyFigures(NationalObservatory observatory, MessageSource messages, Clock clock) {
        this.observatory = observatory;
        this.messages = messages;
        this.clock = clock;
    }

    /** A published figure: its value (null: none), or not shown (below the threshold once perturbed). */
    record Published(BigDecimal value, boolean hidden) {

        static final Published HIDDEN = new Published(null, true);

        static Published count(Long count) {
            return count == null ? HIDDEN : new Published(BigDecimal.valueOf(count), false);
        }
    }

    /** The national tables of one year, one per breakdown printed. */
    private record YearTables(Result byRegion, Result byField, Result byType) {

        List<Result> all() {
            return List.of(byRegion, byField, byType);
        }
    }

    /** The key figures of the network for a calendar year, against the year before, in the reader's language. */
    public KeyFiguresReport report(int year, Locale locale) {
        FigureFormat format = new FigureFormat(messages, locale);
        YearTables now = tables(year);
        YearTables before = tables(year - 1);

        List<FigureRow> rows = new ArrayList<>();
        rows.add(row(format, Indicator.MEASURES_RECEIVED, now, before,
                r -> Published.count(r.received().total())));
        rows.add(row(format, Indicator.MEASURES_ACTIVE, now, before, r -> Published.count(r.active().total())));
        rows.add(row(format, Indicator.MEASURES_ENDED, now, before, r -> Published.count(r.ended().grandTotal())));
        rows.add(row(format, Indicator.MEDIAN_DURATION, now, before, r -> median(r.medianDurationTotal())));
        rows.add(row(format, Indicator.FIRST_INTERVIEW_MEDIAN_DELAY, now, before,
                r -> median(r.medianFirstDelayTotal())));

        List<String> series = List.of(String.valueOf(year), String.valueOf(year - 1));
        List<BreakdownTable> breakdowns = new ArrayList<>();
        breakdowns.add(byLine(format, "byRegion", Dimension.NETWORK_REGION, now.byRegion(), before.byRegion(), series,
                line -> line.key().isEmpty() ? format.message("observatory.national.noRegion") : line.label()));
        breakdowns.add(byLine(format, "byField", Dimension.FIELD, now.byField(), before.byField(), series,
                line -> format.message("measure.field." + line.key())));
        breakdowns.add(byLine(format, "byType", Dimension.MEASURE_TYPE, now.byType(), before.byType(), series,
                Line::label));
        breakdowns.add(byOutcome(format, now.byField(), before.byField(), series));

        Result current = now.byRegion();
        List<String> notes = List.of(
                format.message("observatory.national.sharing", current.sharing(), current.members()),
                format.message("observatory.national.secretMedian"),
                format.message("observatory.national.perturbed"));
        return new KeyFiguresReport(format.message("observatory.keyFigures.national.title", String.valueOf(year)),
                format.message("observatory.keyFigures.national.subject"), String.valueOf(year),
                String.valueOf(year - 1), List.of(), List.copyOf(rows), List.of(), List.copyOf(breakdowns),
                LocalDate.now(clock.withZone(PARIS)), notes);
    }

    private YearTables tables(int year) {
        YearMonth from = YearMonth.of(year, 1);
        YearMonth to = YearMonth.of(year, 12);
        return new YearTables(observatory.compute(from, to, Filters.none(), Dimension.NETWORK_REGION),
                observatory.compute(from, to, Filters.none(), Dimension.FIELD),
                observatory.compute(from, to, Filters.none(), Dimension.MEASURE_TYPE));
    }

    /** A median total: null means not published (its population's perturbed count is below its gate), "s". */
    private static Published median(BigDecimal value) {
        return value == null ? Published.HIDDEN : new Published(value, false);
    }

    /**
     * A main figure of the year and of the year before: hidden when any of the year's tables hides
     * it; an empty year (no measure of a sharing association) is hidden too, like every zero (ADR 0009 §3).
     */
    private static FigureRow row(FigureFormat format, Indicator indicator, YearTables now, YearTables before,
            Function<Result, Published> figure) {
        Published current = total(now, indicator, figure);
        Published previous = total(before, indicator, figure);
        if (!current.hidden() && !previous.hidden()) {
            return format.row(indicator, current.value(), previous.value());
        }
        Indicator.Unit unit = indicator.unit();
        String hidden = format.message("observatory.hidden");
        return new FigureRow(indicator.id(), format.message(indicator.labelKey()),
                format.message(indicator.definitionKey()), format.message(unit.labelKey()), current.value(),
                previous.value(), null, null, current.hidden() ? hidden : format.value(current.value(), unit),
                previous.hidden() ? hidden : format.value(previous.value(), unit), "—", "—",
                format.message("observatory.keyFigures.national.hiddenNote"));
    }

    private static Published total(YearTables tables, Indicator indicator, Function<Result, Published> figure) {
        Published shown = null;
        for (Result r : tables.all()) {
            Published p = r.empty() ? Published.HIDDEN : figure.apply(r);
            if (p.hidden()) {
                return Published.HIDDEN;
            }
            shown = p;
        }
        return shown;
    }

    /** Measures received by the lines of a breakdown, the year beside the year before. */
    private static BreakdownTable byLine(FigureFormat format, String id, Dimension dimension, Result now,
            Result before, List<String> series, Function<Line, String> label) {
        Map<String, Line> lines = new LinkedHashMap<>();
        now.lines().forEach(l -> lines.put(l.key(), l));
        before.lines().forEach(l -> lines.putIfAbsent(l.key(), l));
        BiFunction<Result, String, Published> received = (r, key) -> {
            int i = r.lines().stream().map(Line::key).toList().indexOf(key);
            // A line not listed holds nothing that can be shown (or nothing at all in an empty year).
            if (i < 0) {
                return Published.HIDDEN;
            }
            return Published.count(r.received().cell(i));
        };
        List<BreakdownRow> rows = lines.values().stream()
                .sorted(java.util.Comparator.comparing(label, String.CASE_INSENSITIVE_ORDER))
                .map(line -> breakdownRow(format, label.apply(line), received.apply(now, line.key()),
                        received.apply(before, line.key())))
                .toList();
        return new BreakdownTable(id, format.message("observatory.breakdown." + id),
                format.message(dimension.labelKey()), format.message(Indicator.Unit.COUNT.labelKey()), series, rows,
                false);
    }

    /** Measures ended by outcome (the column totals of the table of ended measures), outcomes shown in one year at least. */
    private static BreakdownTable byOutcome(FigureFormat format, Result now, Result before, List<String> series) {
        List<BreakdownRow> rows = new ArrayList<>();
        for (int c = 0; c < NationalObservatory.OUTCOMES.size(); c++) {
            Published a = endedAs(now, c);
            Published b = endedAs(before, c);
            if (a.hidden() && b.hidden()) {
                continue;
            }
            rows.add(breakdownRow(format, format.message("measure.outcome." + NationalObservatory.OUTCOMES.get(c)), a, b));
        }
        return new BreakdownTable("byOutcome", format.message("observatory.breakdown.byOutcome"),
                format.message(Dimension.OUTCOME.labelKey()), format.message(Indicator.Unit.COUNT.labelKey()), series,
                rows, false);
    }

    private static Published endedAs(Result r, int outcome) {
        return r.empty() ? Published.HIDDEN : Published.count(r.ended().columnTotal(outcome));
    }

    private static BreakdownRow breakdownRow(FigureFormat format, String label, Published a, Published b) {
        String hidden = format.message("observatory.hidden");
        return new BreakdownRow(label, Arrays.asList(a.value(), b.value()), List.of(
                a.hidden() ? hidden : format.number(a.value(), Indicator.Unit.COUNT),
                b.hidden() ? hidden : format.number(b.value(), Indicator.Unit.COUNT)));
    }
}
