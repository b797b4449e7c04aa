package fr.passerelle.observatory.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.Caseloads;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.network.Courts;
import fr.passerelle.observatory.AssociationIndicators;
import fr.passerelle.observatory.AssociationIndicators.Filters;
import fr.passerelle.observatory.AssociationKeyFigures;
import fr.passerelle.observatory.AssociationKeyFigures.Scope;
import fr.passerelle.observatory.KeyFiguresPdf;
import fr.passerelle.observatory.KeyFiguresReport;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownRow;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownTable;
import fr.passerelle.observatory.KeyFiguresReport.Criterion;
import fr.passerelle.observatory.KeyFiguresReport.FigureRow;
import fr.passerelle.observatory.NetworkComparison;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The association dashboard: every indicator for a period compared with the previous period of the
 * same length, with filters in the address (period, service, measure type, court, worker), the
 * breakdowns as charts and tables, the comparison with the network (the national observatory's
 * published figures, for the period rounded out to whole months), the CSV/XLSX export of exactly
 * the dashboard's figures and the yearly "chiffres clés" PDF. Directors see the whole association; anyone else with
 * {@code indicators:read} (service heads) sees their own service only, whatever the address says:
 * {@link AssociationKeyFigures#scope()} decides it and forces it on every computation.
 */
@Controller
@PreAuthorize("hasAuthority('indicators:read')")
class IndicatorsController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Years offered for the key figures PDF, back from the current one. */
    static final int PDF_YEARS = 6;

    private final AssociationKeyFigures keyFigures;
    private final KeyFiguresPdf keyFiguresPdf;
    private final NetworkComparison networkComparison;
    private final AssociationServices services;
    private final UserAccounts users;
    private final MeasureCatalogue catalogue;
    private final Caseloads caseloads;
    private final Courts courts;
    private final MessageSource messages;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final PartnersDashboard partners;

    IndicatorsController(AssociationKeyFigures keyFigures, KeyFiguresPdf keyFiguresPdf,
            NetworkComparison networkComparison, AssociationServices services, UserAccounts users,
            MeasureCatalogue catalogue, Caseloads caseloads, Courts courts, MessageSource messages, AuditLog audit,
            JsonMapper json, Clock clock, PartnersDashboard partners) {
        this.partners = partners;
        this.keyFigures = keyFigures;
        this.keyFiguresPdf = keyFiguresPdf;
        this.networkComparison = networkComparison;
        this.services = services;
        this.users = users;
        this.catalogue = catalogue;
        this.caseloads = caseloads;
        this.courts = courts;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The filters as given in the address; dates as typed, so that a wrong one gets a message. */
    record Query(String from, String to, UUID service, UUID type, String court, UUID worker, String field) {

        public String courtCode() {
            return court == null || court.isBlank() ? null : court.strip();
        }

        /** The field (champ) asked for, or null for any. */
        public String fieldCode() {
            return field == null || field.isBlank() ? null : field.strip();
        }

        /** Refuses a field that is not in the catalogue's list. */
        void checkField() {
            if (fieldCode() != null && !AssociationIndicators.FIELDS.contains(fieldCode())) {
                throw new FieldRefusal("field", "observatory.filter.fieldInvalid");
            }
        }
    }

    /** A choice in a filter list. */
    record Option(String value, String label) {}


    @GetMapping("/indicators")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID service, @RequestParam(required = false) UUID type,
            @RequestParam(required = false) String court, @RequestParam(required = false) UUID worker,
            @RequestParam(required = false) String field, @AuthenticationPrincipal PasserelleUser me, Model model,
            Locale locale, HttpServletResponse response) {
        Query query = new Query(from, to, service, type, court, worker, field);
        Scope scope = keyFigures.scope();
        LocalDate today = today();
        model.addAttribute("query", query);
        model.addAttribute("scope", scope);
        model.addAttribute("years", IntStream.range(0, PDF_YEARS).map(i -> today.getYear() - i).boxed().toList());
        model.addAttribute("defaultYear", today.getYear() - 1);
        if (scope.noService()) {
            return "observatory/dashboard";
        }
        Options options = options(scope, me);
        model.addAttribute("options", options);
        model.addAttribute("fields", AssociationIndicators.FIELDS);
        ReportingPeriod period;
        try {
            period = ReportingPeriod.parse(from, to, today);
            query.checkField();
        } catch (FieldRefusal refusal) {
            response.setStatus(400);
            model.addAttribute("periodError", refusal);
            model.addAttribute("shortcuts", ReportingPeriod.shortcuts(null, today));
            return "observatory/dashboard";
        }
        model.addAttribute("period", period);
        model.addAttribute("shortcuts", ReportingPeriod.shortcuts(period, today));
        AssociationKeyFigures.Computed computed = keyFigures.compute(scope, request(period, filters(query)));
        KeyFiguresReport report = report(message("observatory.dashboard.title", locale), period, query, scope, options,
                locale, computed);
        model.addAttribute("report", report);
        model.addAttribute("noFigures", report.figures().stream()
                .allMatch(f -> f.value() == null || f.value().signum() == 0));
        Map<String, String> charts = new LinkedHashMap<>();
        report.breakdowns().stream().filter(t -> !t.isEmpty()).forEach(t -> charts.put(t.id(), chartData(t)));
        model.addAttribute("charts", charts);
        model.addAttribute("network", networkComparison.compare(period.from(), period.to(),
                computed.request().filters(), locale, computed.current()));
        model.addAttribute("partners", partners.section(period.from(), period.to(), locale).orElse(null));
        return "observatory/dashboard";
    }

    /** The figures shown by the dashboard for the same address, as CSV (French Excel) or XLSX; audited. */
    @GetMapping("/indicators/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID service, @RequestParam(required = false) UUID type,
            @RequestParam(required = false) String court, @RequestParam(required = false) UUID worker,
            @RequestParam(required = false) String field, @RequestParam(defaultValue = "CSV") SpreadsheetFormat format,
            @AuthenticationPrincipal PasserelleUser me, Locale locale) {
        Query query = new Query(from, to, service, type, court, worker, field);
        Scope scope = keyFigures.scope();
        if (scope.noService()) {
            throw BusinessException.invalid("observatory.scope.noService");
        }
        ReportingPeriod period = ReportingPeriod.parse(from, to, today());
        query.checkField();
        KeyFiguresReport report = report(message("observatory.dashboard.title", locale), period, query, scope,
                options(scope, me), locale);
        Sheet sheet = sheet(report, locale);
        partners.section(period.from(), period.to(), locale).ifPresent(s -> partners.export(s, sheet, locale));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.writeCells(format, message("observatory.export.sheet", locale), sheet.rows(), sheet.headings(),
                out);
        audit.record("observatory.dashboard.exported", "organisation", me.organisationId(),
                auditDetails(format.name(), period, report));
        // The file's name carries the period and the filters, as its header block does.
        List<String> parts = new ArrayList<>(List.of(period.from().toString(), period.to().toString()));
        report.criteria().forEach(c -> parts.add(c.value()));
        String filename = ExportFileNames.of("indicateurs", parts, format.extension());
        return Downloads.attachment(MediaType.parseMediaType(format.mediaType()), filename, out.toByteArray());
    }

    /**
     * The key figures of a calendar year against the year before, as a PDF (in French), of every
     * field or of one (then named in its header); audited.
     */
    @GetMapping("/indicators/key-figures.pdf")
    ResponseEntity<byte[]> keyFigures(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String field, @AuthenticationPrincipal PasserelleUser me) {
        Scope scope = keyFigures.scope();
        if (scope.noService()) {
            throw BusinessException.invalid("observatory.scope.noService");
        }
        int current = today().getYear();
        int chosen = year == null ? current - 1 : year;
        if (chosen < ReportingPeriod.FIRST_YEAR || chosen > current) {
            throw BusinessException.invalid("observatory.keyFigures.yearInvalid");
        }
        ReportingPeriod period = ReportingPeriod.year(chosen);
        Query query = new Query(null, null, null, null, null, null, field);
        query.checkField();
        KeyFiguresReport report = report(message("observatory.keyFigures.title", Locale.FRENCH, String.valueOf(chosen)), period, query,
                scope, options(scope, me), Locale.FRENCH);
        byte[] body = keyFiguresPdf.render(report);
        audit.record("observatory.keyFigures.exported", "organisation", me.organisationId(),
                auditDetails("PDF", period, report));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "chiffres-cles-" + chosen + ".pdf", body);
    }

    /** The choices of the filter lists: a service head chooses among their own service's workers only. */
    record Options(List<Option> services, List<Option> types, List<Option> courts, List<Option> workers) {

        String label(List<Option> options, Object value) {
            if (value == null) {
                return null;
            }
            return options.stream().filter(o -> o.value().equals(value.toString())).map(Option::label).findFirst()
                    .orElse(null);
        }
    }

    private Options options(Scope scope, PasserelleUser me) {
        List<Option> serviceOptions = scope.wholeAssociation()
                ? services.list().stream().map(s -> new Option(s.id().toString(), s.name())).toList()
                : List.of(new Option(scope.service().toString(), scope.serviceName()));
        List<Option> types = catalogue.types().stream().map(t -> new Option(t.id().toString(), t.label())).toList();
        List<Option> courtOptions = courts.judicialCourts(caseloads.courtCodesInUse()).stream()
                .map(c -> new Option(c.code(), c.name())).toList();
        List<Option> workers;
        if (scope.wholeAssociation()) {
            workers = users.withRole(Roles.CASE_WORKER).stream()
                    .map(u -> new Option(u.id().toString(), u.displayName())).toList();
        } else {
            workers = users.displayNames(users.sameServiceAs(me.userId())).entrySet().stream()
                    .map(e -> new Option(e.getKey().toString(), e.getValue()))
                    .sorted(java.util.Comparator.comparing(o -> o.label().toLowerCase(Locale.ROOT))).toList();
        }
        return new Options(serviceOptions, types, courtOptions, workers);
    }

    /** The report of the period with the filters asked (the service forced to the user's own when restricted). */
    private KeyFiguresReport report(String title, ReportingPeriod period, Query query, Scope scope, Options options,
            Locale locale) {
        return report(title, period, query, scope, options, locale,
                keyFigures.compute(scope, request(period, filters(query))));
    }

    /** The period and the previous one, with the filters. */
    private static AssociationKeyFigures.Request request(ReportingPeriod period, Filters filters) {
        ReportingPeriod previous = period.previous();
        return new AssociationKeyFigures.Request(period.from(), period.to(), previous.from(), previous.to(), filters);
    }

    /** The same from the figures already computed. */
    private KeyFiguresReport report(String title, ReportingPeriod period, Query query, Scope scope, Options options,
            Locale locale, AssociationKeyFigures.Computed computed) {
        Filters filters = computed.request().filters();
        UUID serviceId = filters.serviceId();
        List<Criterion> criteria = new ArrayList<>();
        String unknown = message("observatory.filter.unknown", locale);
        if (serviceId != null) {
            criteria.add(new Criterion(message("observatory.dimension.SERVICE", locale),
                    orElse(options.label(options.services(), serviceId), unknown)));
        }
        if (query.fieldCode() != null) {
            criteria.add(new Criterion(message("observatory.dimension.FIELD", locale),
                    message("measure.field." + query.fieldCode(), locale)));
        }
        if (query.type() != null) {
            criteria.add(new Criterion(message("observatory.dimension.MEASURE_TYPE", locale),
                    orElse(options.label(options.types(), query.type()), unknown)));
        }
        if (query.courtCode() != null) {
            criteria.add(new Criterion(message("observatory.dimension.TRIBUNAL", locale),
                    orElse(options.label(options.courts(), query.courtCode()), query.courtCode())));
        }
        if (query.worker() != null) {
            criteria.add(new Criterion(message("observatory.dimension.WORKER", locale),
                    orElse(options.label(options.workers(), query.worker()), unknown)));
        }
        return keyFigures.report(title, text(period, locale), text(period.previous(), locale), criteria, computed,
                locale);
    }

    /** The filters as asked (the figures' service restricts the service to the user's own when it must). */
    private static Filters filters(Query query) {
        return new Filters(query.service(), query.type(), query.courtCode(), query.worker(), query.fieldCode());
    }

    /** "2025" for a calendar year, "du 01/01/2025 au 31/03/2025" otherwise. */
    private String text(ReportingPeriod period, Locale locale) {
        return period.isYear() ? String.valueOf(period.from().getYear())
                : message("observatory.period.range", locale, DAY.format(period.from()), DAY.format(period.to()));
    }

    /** The chart of a breakdown for charts.js: categories, and one series per charted column. */
    private String chartData(BreakdownTable table) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "groupedBars");
        data.put("labels", table.rows().stream().map(BreakdownRow::label).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int s = 0; s < table.charted(); s++) {
            int column = s;
            series.add(Map.of("name", table.series().get(s), "values",
                    table.rows().stream().map(r -> r.values().get(column)).toList()));
        }
        data.put("series", series);
        return json.writeValueAsString(data);
    }

    /** The rows of an export, and which of them are headings (written in bold). */
    record Sheet(List<List<?>> rows, Set<Integer> headings) {

        void add(List<?> row) {
            rows.add(row);
        }

        void heading(List<?> row) {
            headings.add(rows.size());
            rows.add(row);
        }
    }

    /** The export: a header (title, association, period, filters), the figures, then each breakdown. */
    private Sheet sheet(KeyFiguresReport report, Locale locale) {
        Sheet sheet = new Sheet(new ArrayList<>(), new java.util.HashSet<>());
        sheet.heading(List.of(report.title()));
        sheet.add(List.of(message("observatory.export.association", locale), report.subject()));
        sheet.add(List.of(message("observatory.export.period", locale), report.period()));
        sheet.add(List.of(message("observatory.export.previous", locale), report.previousPeriod()));
        for (Criterion c : report.criteria()) {
            sheet.add(List.of(c.name(), c.value()));
        }
        sheet.add(List.of(message("observatory.export.generated", locale), DAY.format(report.generatedOn())));
        sheet.add(List.of());
        sheet.heading(List.of(message("observatory.col.indicator", locale), message("observatory.col.unit", locale),
                message("observatory.col.value", locale), message("observatory.col.previous", locale),
                message("observatory.col.difference", locale), message("observatory.col.evolutionPercent", locale),
                message("observatory.col.note", locale), message("observatory.col.definition", locale)));
        for (FigureRow f : report.figures()) {
            sheet.add(Arrays.asList(f.label(), f.unit(), f.value(), f.previous(), f.difference(), f.evolution(),
                    f.note(), f.definition()));
        }
        if (!report.unavailable().isEmpty()) {
            sheet.add(List.of());
            sheet.heading(List.of(message("observatory.unavailable.title", locale)));
            report.unavailable().forEach(u -> sheet.add(List.of(u.label(), u.reason())));
        }
        for (BreakdownTable t : report.breakdowns()) {
            sheet.add(List.of());
            sheet.heading(List.of(t.title()));
            List<Object> header = new ArrayList<>(List.of(t.category()));
            header.addAll(t.series());
            sheet.heading(header);
            if (t.isEmpty()) {
                sheet.add(List.of(message("observatory.breakdown.empty", locale)));
            }
            for (BreakdownRow r : t.rows()) {
                List<Object> row = new ArrayList<>();
                row.add(r.label());
                row.addAll(r.values());
                sheet.add(row);
            }
        }
        return sheet;
    }

    private static Map<String, Object> auditDetails(String format, ReportingPeriod period, KeyFiguresReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("from", period.from().toString());
        details.put("to", period.to().toString());
        details.put("filters", report.criteria().size());
        return details;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
