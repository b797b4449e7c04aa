package fr.passerelle.observatory.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.observatory.Dimension;
import fr.passerelle.observatory.FigureFormat;
import fr.passerelle.observatory.Indicator;
import fr.passerelle.observatory.KeyFiguresPdf;
import fr.passerelle.observatory.KeyFiguresReport;
import fr.passerelle.observatory.NationalKeyFigures;
import fr.passerelle.observatory.NationalObservatory;
import fr.passerelle.observatory.NationalObservatory.Filters;
import fr.passerelle.observatory.NationalObservatory.Result;
import fr.passerelle.observatory.NationalPartnerships;
import fr.passerelle.observatory.suppression.PerturbedTable;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.Downloads;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national observatory for federation staff: figures across the associations that share
 * theirs, by the breakdown chosen, every count already perturbed (ADR 0009), the page and the
 * CSV/XLSX export from the same result; and the federation's "chiffres clés" PDF of a calendar year.
 */
@Controller
@RequestMapping("/observatory/national")
@PreAuthorize("hasAuthority('observatory:national')")
class NationalObservatoryController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<String> FIELDS = List.of("PRE_SENTENCE", "POST_SENTENCE", "MINORS", "RESTORATIVE");

    /** The request's filters, as typed (kept to fill the form again). */
    record Query(String from, String to, String region, String ca, String court, String dept, String field,
            String type, String by) {

        Filters filters() {
            return new Filters(region, ca, court, dept, field, type);
        }
    }

    /**
     * One line of the page's table; a null count or median is not published.
     *
     * @param ended measures ended by outcome, in the order of {@link NationalObservatory#OUTCOMES}
     */
    record Row(String label, Long received, Long active, Long endedTotal, List<Long> ended,
            BigDecimal medianDuration, BigDecimal medianFirstDelay) {}

    private final NationalObservatory observatory;
    private final NationalKeyFigures keyFigures;
    private final KeyFiguresPdf keyFiguresPdf;
    private final MessageSource messages;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final NationalPartnerships partnerships;

    NationalObservatoryController(NationalObservatory observatory, NationalKeyFigures keyFigures,
            KeyFiguresPdf keyFiguresPdf, MessageSource messages, AuditLog audit, JsonMapper json, Clock clock,
            NationalPartnerships partnerships) {
        this.partnerships = partnerships;
        this.observatory = observatory;
        this.keyFigures = keyFigures;
        this.keyFiguresPdf = keyFiguresPdf;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String region, @RequestParam(required = false) String ca,
            @RequestParam(required = false) String court, @RequestParam(required = false) String dept,
            @RequestParam(required = false) String field, @RequestParam(required = false) String type,
            @RequestParam(required = false) String by, Model model) {
        YearMonth now = YearMonth.now(clock.withZone(PARIS));
        Query query = new Query(blankTo(from, now.withMonth(1).toString()), blankTo(to, now.toString()), region, ca,
                court, dept, field, type, blankTo(by, Dimension.NETWORK_REGION.name()));
        model.addAttribute("query", query);
        model.addAttribute("options", observatory.options());
        model.addAttribute("fields", FIELDS.stream().map(f -> new NationalObservatory.Choice(f, text("measure.field." + f)))
                .toList());
        model.addAttribute("breakdowns", NationalObservatory.BREAKDOWNS);
        model.addAttribute("outcomes", NationalObservatory.OUTCOMES);
        model.addAttribute("indicators", NationalObservatory.INDICATORS);
        model.addAttribute("years", IntStream.range(0, IndicatorsController.PDF_YEARS)
                .map(i -> now.getYear() - i).boxed().toList());
        model.addAttribute("defaultYear", now.getYear() - 1);
        try {
            Result result = compute(query);
            List<Row> rows = rows(result);
            model.addAttribute("result", result);
            model.addAttribute("rows", rows);
            model.addAttribute("total", total(result));
            model.addAttribute("chart", json.writeValueAsString(Map.of(
                    "labels", rows.stream().map(Row::label).toList(),
                    "values", rows.stream().map(Row::received).toList())));
            model.addAttribute("partnerships", partnerships(partnerships.compute(result.from(), result.to())));
        } catch (BusinessException refusal) {
            model.addAttribute("refusal", refusal);
        }
        return "observatory/national";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "CSV") String format,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String region, @RequestParam(required = false) String ca,
            @RequestParam(required = false) String court, @RequestParam(required = false) String dept,
            @RequestParam(required = false) String field, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "NETWORK_REGION") String by) {
        SpreadsheetFormat spreadsheet;
        try {
            spreadsheet = SpreadsheetFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(400, "observatory.export.format");
        }
        Query query = new Query(from, to, region, ca, court, dept, field, type, by);
        Result result = compute(query);
        List<Criterion> criteria = criteria(query);
        // The file says what it holds: a header block (period, filters, breakdown, date), then the
        // table, counts as numbers ("s" where a count is under statistical secrecy).
        List<List<?>> rows = new ArrayList<>();
        java.util.Set<Integer> headings = new java.util.HashSet<>();
        headings.add(rows.size());
        rows.add(List.of(text("observatory.national.title")));
        rows.add(List.of(text("observatory.export.period"), query.from() + " – " + query.to()));
        if (criteria.isEmpty()) {
            rows.add(List.of(text("observatory.export.filters"), text("observatory.export.filter.none")));
        }
        for (Criterion c : criteria) {
            rows.add(List.of(c.name(), c.value()));
        }
        rows.add(List.of(text("observatory.export.breakdown"), text(result.breakdown().labelKey())));
        rows.add(List.of(text("observatory.export.generated"),
                java.time.LocalDate.now(clock.withZone(PARIS)).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        rows.add(List.of(text("observatory.export.note")));
        rows.add(List.of());
        List<Object> headers = new ArrayList<>();
        headers.add(text(result.breakdown().labelKey()));
        headers.add(text("observatory.indicator.measuresReceived.label"));
        headers.add(text("observatory.indicator.measuresActive.label"));
        headers.add(text("observatory.indicator.measuresEnded.label"));
        for (String outcome : NationalObservatory.OUTCOMES) {
            headers.add(text("observatory.national.endedAs", text("measure.outcome." + outcome)));
        }
        headers.add(text("observatory.indicator.medianDuration.label"));
        headers.add(text("observatory.indicator.firstInterviewMedianDelay.label"));
        headings.add(rows.size());
        rows.add(headers);
        List<Row> table = new ArrayList<>(rows(result));
        if (!result.empty()) {
            table.add(total(result));
        }
        for (Row row : table) {
            List<Object> line = new ArrayList<>();
            line.add(row.label());
            line.add(cell(row.received()));
            line.add(cell(row.active()));
            line.add(cell(row.endedTotal()));
            row.ended().forEach(n -> line.add(cell(n)));
            line.add(row.medianDuration() == null ? text("observatory.hidden") : row.medianDuration());
            line.add(row.medianFirstDelay() == null ? text("observatory.hidden") : row.medianFirstDelay());
            rows.add(line);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.writeCells(spreadsheet, text("observatory.export.sheet"), rows, headings, out);
        audit.record("observatory.national.exported", "observatory", null,
                Map.of("format", spreadsheet.name(), "from", query.from(), "to", query.to(), "by", query.by(),
                        "filters", criteria.size()));
        return Downloads.attachment(MediaType.parseMediaType(spreadsheet.mediaType()),
                fileName(query, spreadsheet), out.toByteArray());
    }

    /** A line of the partners' levels table: the type's label, the published counts by level, the total. */
    record LevelLine(String label, List<Long> counts, Long total) {}

    /** A region's line of the occupancy table (the whole network's has no code). */
    record RegionLine(String code, String name, Long associations, String rate) {}

    /** The partnerships section: levels by type (with the column totals), occupancy by region, the chart's data. */
    record Partnerships(List<String> levelColumns, List<LevelLine> levels, LevelLine levelsTotal,
            List<RegionLine> regions, RegionLine network, String chart) {}

    private Partnerships partnerships(NationalPartnerships.Result r) {
        List<LevelLine> levels = new ArrayList<>();
        LevelLine total = null;
        if (r.levels() != null) {
            PerturbedTable.Rendered t = r.levels().render();
            for (int i = 0; i < r.types().size(); i++) {
                levels.add(new LevelLine(text("partners.type." + r.types().get(i)), t.cells().get(i), t.rowTotals().get(i)));
            }
            total = new LevelLine(text("observatory.national.total"), t.columnTotals(), t.grandTotal());
        }
        FigureFormat format = new FigureFormat(messages, LocaleContextHolder.getLocale());
        java.util.function.Function<NationalPartnerships.RegionOccupancy, RegionLine> line = o -> new RegionLine(o.code(),
                o.code() == null ? text("observatory.national.partners.network") : o.name(), o.associations(),
                format.value(o.rate(), Indicator.Unit.PERCENT));
        String chart = json.writeValueAsString(Map.of(
                "labels", r.regions().stream().map(NationalPartnerships.RegionOccupancy::name).toList(),
                "values", r.regions().stream().map(NationalPartnerships.RegionOccupancy::rate).toList()));
        return new Partnerships(NationalPartnerships.LEVELS.stream()
                        .map(l -> text(l == 0 ? "partners.level.none" : "partners.level." + l)).toList(),
                levels, total, r.regions().stream().map(line).toList(),
                r.network() == null ? null : line.apply(r.network()), chart);
    }

    /** A filter of an export, named and with its value's label (an unknown code is named as typed). */
    record Criterion(String code, String name, String value) {}

    private List<Criterion> criteria(Query query) {
        NationalObservatory.Options options = observatory.options();
        List<Criterion> criteria = new ArrayList<>();
        criterion(criteria, Dimension.NETWORK_REGION, query.region(), options.regions());
        criterion(criteria, Dimension.COUR_APPEL, query.ca(), options.courtsOfAppeal());
        criterion(criteria, Dimension.TRIBUNAL, query.court(), options.courts());
        criterion(criteria, Dimension.DEPARTEMENT, query.dept(), options.departements());
        criterion(criteria, Dimension.FIELD, query.field(), FIELDS.stream()
                .map(f -> new NationalObservatory.Choice(f, text("measure.field." + f))).toList());
        criterion(criteria, Dimension.MEASURE_TYPE, query.type(), options.types());
        return criteria;
    }

    private void criterion(List<Criterion> criteria, Dimension dimension, String code,
            List<NationalObservatory.Choice> choices) {
        if (code == null || code.isBlank()) {
            return;
        }
        String value = choices.stream().filter(c -> c.code().equals(code.strip())).map(NationalObservatory.Choice::label)
                .findFirst().orElse(code.strip());
        criteria.add(new Criterion(code.strip(), text(dimension.labelKey()), value));
    }

    /** observatoire-2025-01-2025-12-par-field-type-tig.csv: the period, the breakdown and each filter, as codes. */
    static String fileName(Query query, SpreadsheetFormat format) {
        List<String> parts = new ArrayList<>(List.of(query.from(), query.to(), "par", query.by()));
        List<String> parameters = List.of("region", "ca", "court", "dept", "field", "type");
        List<String> values = java.util.Arrays.asList(query.region(), query.ca(), query.court(), query.dept(),
                query.field(), query.type());
        for (int i = 0; i < parameters.size(); i++) {
            if (values.get(i) != null && !values.get(i).isBlank()) {
                parts.add(parameters.get(i));
                parts.add(values.get(i));
            }
        }
        return ExportFileNames.of("observatoire", parts, format.extension());
    }

    /**
     * The network's key figures of a calendar year against the year before, as a PDF (in French),
     * from the national observatory's published figures only; audited.
     */
    @GetMapping("/key-figures.pdf")
    ResponseEntity<byte[]> keyFigures(@RequestParam(required = false) String year) {
        int current = YearMonth.now(clock.withZone(PARIS)).getYear();
        int chosen;
        try {
            chosen = year == null || year.isBlank() ? current - 1 : Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("observatory.keyFigures.yearInvalid");
        }
        if (chosen < ReportingPeriod.FIRST_YEAR || chosen > current) {
            throw BusinessException.invalid("observatory.keyFigures.yearInvalid");
        }
        KeyFiguresReport report = keyFigures.report(chosen, Locale.FRENCH);
        byte[] body = keyFiguresPdf.render(report);
        audit.record("observatory.national.keyFigures.exported", "observatory", null,
                Map.of("format", "PDF", "year", chosen));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "chiffres-cles-reseau-" + chosen + ".pdf", body);
    }

    private Result compute(Query query) {
        Dimension by;
        try {
            by = Dimension.valueOf(query.by());
        } catch (IllegalArgumentException e) {
            throw new fr.passerelle.shared.FieldRefusal("by", "observatory.breakdown.invalid");
        }
        return observatory.compute(month(query.from(), "from"), month(query.to(), "to"), query.filters(), by);
    }

    private static YearMonth month(String value, String field) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new fr.passerelle.shared.FieldRefusal(field, "observatory.month.invalid");
        }
    }

    private List<Row> rows(Result r) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            List<Long> ended = new ArrayList<>();
            for (int c = 0; c < NationalObservatory.OUTCOMES.size(); c++) {
                ended.add(r.ended().cell(i, c));
            }
            rows.add(new Row(label(r.breakdown(), r.lines().get(i)), r.received().cell(i), r.active().cell(i),
                    r.ended().rowTotal(i), ended, r.medianDuration().get(i), r.medianFirstDelay().get(i)));
        }
        return rows;
    }

    private Row total(Result r) {
        if (r.empty()) {
            return null;
        }
        List<Long> ended = new ArrayList<>();
        for (int c = 0; c < NationalObservatory.OUTCOMES.size(); c++) {
            ended.add(r.ended().columnTotal(c));
        }
        return new Row(text("observatory.national.total"), r.received().total(), r.active().total(),
                r.ended().grandTotal(), ended, r.medianDurationTotal(), r.medianFirstDelayTotal());
    }

    private String label(Dimension by, NationalObservatory.Line line) {
        return switch (by) {
            case FIELD -> text("measure.field." + line.key());
            case NETWORK_REGION -> line.key().isEmpty() ? text("observatory.national.noRegion") : line.label();
            default -> line.label();
        };
    }

    /** A published count as a number, or the statistical secrecy mark. */
    private Object cell(Long value) {
        return value == null ? text("observatory.hidden") : value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
