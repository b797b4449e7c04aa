package fr.passerelle.measures.web;

import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.Caseloads;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureStatus;
import fr.passerelle.network.Courts;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Caseloads: mine, my service, unassigned, late (and all), with filters and keyset pagination. */
@Controller
class CaseloadController {

    private final Caseloads caseloads;
    private final MeasureCatalogue catalogue;
    private final Courts courts;
    private final UserAccounts users;
    private final FollowUp followUp;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    /** Exports stop here: beyond, the user narrows the view with filters. */
    static final int EXPORT_LIMIT = 50_000;

    CaseloadController(Caseloads caseloads, MeasureCatalogue catalogue, Courts courts, UserAccounts users,
            FollowUp followUp, MessageSource messages, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.audit = audit;
        this.caseloads = caseloads;
        this.catalogue = catalogue;
        this.courts = courts;
        this.users = users;
        this.followUp = followUp;
    }

    /** The caseload as CSV (French Excel) or XLSX, with the same view, filters and sort; audited. */
    @GetMapping("/caseload/export")
    @PreAuthorize("hasAuthority('measure:read')")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "MINE") Caseloads.View view,
            @RequestParam(required = false) UUID type, @RequestParam(required = false) String field,
            @RequestParam(required = false) MeasureStatus status, @RequestParam(required = false) String court,
            @RequestParam(required = false) UUID worker, @RequestParam(required = false) String q,
            @RequestParam(required = false) Caseloads.Incidents incidents,
            @RequestParam(required = false) UUID importJob,
            @RequestParam(defaultValue = "RECEIVED") Caseloads.Sort sort,
            @RequestParam(defaultValue = "XLSX") SpreadsheetFormat format, java.util.Locale locale) {
        List<Caseloads.Line> lines = caseloads.all(view,
                new Caseloads.Filters(type, field, status, court, worker, q, incidents, importJob), sort, EXPORT_LIMIT);
        List<String> headers = List.of("measures.col.reference", "persons.col.name", "measures.field.type",
                "measures.field.receivedOn", "measures.field.dueOn", "measures.col.status", "measures.col.worker",
                "caseload.view.LATE").stream().map(key -> messages.getMessage(key, null, locale)).toList();
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<List<String>> rows = lines.stream().map(l -> java.util.Arrays.asList(l.reference(), l.personName(),
                l.typeLabel(), date.format(l.receivedOn()), l.dueOn() == null ? null : date.format(l.dueOn()),
                messages.getMessage("measure.status." + l.status(), null, locale), l.assignedUserName(),
                messages.getMessage(l.late() ? "common.yes" : "common.no", null, locale))).toList();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        SpreadsheetWriter.write(format, messages.getMessage("caseload.title", null, locale), headers, rows, out);
        audit.record("caseload.exported", "caseload", view.name(), Map.of("format", format.name(), "lines", lines.size()));
        String filename = "portefeuille-" + view.name().toLowerCase(java.util.Locale.ROOT) + "-" + LocalDate.now(clock) + "."
                + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(out.toByteArray());
    }

    /** The counts shown on the home page (loaded into it by htmx): what needs attention now. */
    @GetMapping("/caseload/summary")
    @PreAuthorize("hasAuthority('measure:read')")
    String summary(Model model) {
        model.addAttribute("counts", caseloads.counts());
        model.addAttribute("unreportedIncidents", followUp.measuresWithUnreportedIncidents(false));
        return "caseload/summary";
    }

    /**
     * The home page's card of urgent incidents not yet reported to the magistrate (loaded into it by
     * htmx): how many measures have one, the first of them, and the caseload filtered on them.
     */
    @GetMapping("/caseload/urgent-incidents")
    @PreAuthorize("hasAuthority('measure:read')")
    String urgentIncidents(Model model) {
        model.addAttribute("count", followUp.measuresWithUnreportedIncidents(true));
        model.addAttribute("urgent", followUp.urgentUnreported(URGENT_ON_HOME));
        return "caseload/urgent-incidents";
    }

    /** The dates of the lines. */
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The deadlines a line can have passed ({@link Caseloads.Line#lateKinds()}). */
    private static final String[] LATE_KINDS = {"firstInterview", "dueDate", "report", "plannedEnd"};

    /** The label of each value, by value: {@code prefix + value} in the messages. */
    private <T> Map<T, String> labels(T[] values, String prefix, java.util.Locale locale) {
        Map<T, String> labels = new java.util.HashMap<>();
        for (T value : values) {
            labels.put(value, messages.getMessage(prefix + value, null, locale));
        }
        return labels;
    }

    /** How many measures with an urgent unreported incident the home page lists (the caseload has them all). */
    static final int URGENT_ON_HOME = 5;

    // One read-only transaction for everything the page shows (one tenant setting, one snapshot).
    @GetMapping("/caseload")
    @PreAuthorize("hasAuthority('measure:read')")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    String caseload(@RequestParam(defaultValue = "MINE") Caseloads.View view,
            @RequestParam(required = false) UUID type, @RequestParam(required = false) String field,
            @RequestParam(required = false) MeasureStatus status, @RequestParam(required = false) String court,
            @RequestParam(required = false) UUID worker, @RequestParam(required = false) String q,
            @RequestParam(required = false) Caseloads.Incidents incidents,
            @RequestParam(required = false) UUID importJob,
            @RequestParam(defaultValue = "RECEIVED") Caseloads.Sort sort,
            @RequestParam(required = false) String cursor, HtmxRequest htmx, java.util.Locale locale, Model model) {
        Caseloads.Filters filters = new Caseloads.Filters(type, field, status, court, worker, q, incidents, importJob);
        model.addAttribute("view", view);
        model.addAttribute("sort", sort);
        model.addAttribute("filters", filters);
        Map<Caseloads.View, Long> counts = caseloads.counts();
        model.addAttribute("counts", counts);
        model.addAttribute("page", caseloads.page(view, filters, sort, cursor, filters.isNone() ? counts.get(view) : null));
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("views", Caseloads.View.values());
        model.addAttribute("sorts", Caseloads.Sort.values());
        List<MeasureCatalogue.MeasureType> types = catalogue.types();
        model.addAttribute("types", types);
        model.addAttribute("fields", types.stream().map(MeasureCatalogue.MeasureType::field).distinct().toList());
        model.addAttribute("statuses", MeasureStatus.values());
        // What every line shows, prepared once for the page rather than once per line.
        model.addAttribute("dayFormat", DAY);
        model.addAttribute("statusLabels", labels(MeasureStatus.values(), "measure.status.", locale));
        model.addAttribute("lateLabels", labels(LATE_KINDS, "caseload.late.", locale));
        model.addAttribute("incidentFilters", Caseloads.Incidents.values());
        java.util.Set<String> usedCourts = new java.util.TreeSet<>(caseloads.courtCodesInUse());
        if (court != null && !court.isBlank()) {
            usedCourts.add(court);
        }
        // Every court offered here has measures of the association: grouped by cour d'appel.
        model.addAttribute("courts", courts.choices(usedCourts, List.of()));
        model.addAttribute("workers", users.withRole(Roles.CASE_WORKER));
        return htmx.isHtmxRequest() ? "caseload/list :: results" : "caseload/list";
    }
}
