package fr.passerelle.measures.api;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.ReportStatus;
import fr.passerelle.measures.Reports;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reports to the magistrate: drafts, text versions, review moves and the PDF; only for report roles. */
@RestController
@Tag(name = "Reports", description = "Reports to the magistrate (report:write, report:validate)")
class ReportsApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Reports reports;
    private final Measures measures;

    private final AuditLog audit;

    ReportsApi(Reports reports, Measures measures, AuditLog audit) {
        this.audit = audit;
        this.reports = reports;
        this.measures = measures;
    }

    /** A report with its latest text and versions, and the moves its status allows. */
    record ReportView(Reports.Report report, Set<ReportStatus.Move> moves) {}

    record NewReport(ReportKind kind) {}

    record TextInput(String body) {}

    /** A review move: {@code comment} to return, {@code sentOn} to record the sending. */
    record MoveInput(ReportStatus.Move move, String comment, LocalDate sentOn) {}

    @GetMapping(path = "/api/v1/measures/{id}/reports", produces = JSON)
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    @Operation(summary = "The reports of a measure")
    List<Reports.Summary> ofMeasure(@PathVariable UUID id) {
        measures.get(id);
        return reports.ofMeasure(id);
    }

    @PostMapping(path = "/api/v1/measures/{id}/reports", consumes = JSON, produces = JSON)
    @PreAuthorize("hasAuthority('report:write')")
    @Operation(summary = "Start a draft from the template of its kind")
    ResponseEntity<Created> create(@PathVariable UUID id, @RequestBody NewReport input) {
        return Created.at("/api/v1/reports/{id}", reports.create(id, input.kind()));
    }

    @GetMapping(path = "/api/v1/reports/{id}", produces = JSON)
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    @Operation(summary = "A report with its latest text, its versions and the moves allowed now")
    ReportView get(@PathVariable UUID id) {
        ReportView view = view(id);
        audit.record("report.viewed", "report", id, Map.of("format", "api"));
        return view;
    }

    @PutMapping(path = "/api/v1/reports/{id}/text", consumes = JSON, produces = JSON)
    @PreAuthorize("hasAuthority('report:write')")
    @Operation(summary = "Save a new version of the text (draft or returned reports); 409 otherwise")
    ReportView save(@PathVariable UUID id, @RequestBody TextInput input) {
        reports.save(id, input.body());
        return view(id);
    }

    @PostMapping(path = "/api/v1/reports/{id}/moves", consumes = JSON, produces = JSON)
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    @Operation(summary = "Submit or send (report:write), validate or return (report:validate); 409 if the status does not allow it")
    ReportView move(@PathVariable UUID id, @RequestBody MoveInput input) {
        if (input.move() == null) {
            throw new FieldRefusal("move", "api.report.move.required");
        }
        reports.move(id, input.move(), input.comment(), input.sentOn());
        return view(id);
    }

    @GetMapping(path = "/api/v1/reports/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    @Operation(summary = "The report as a PDF (A4), rendered from its latest text")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Reports.Report report = reports.get(id);
        return Downloads.attachment(MediaType.APPLICATION_PDF, reports.pdfFileName(report), reports.pdf(id));
    }

    private ReportView view(UUID id) {
        Reports.Report report = reports.get(id);
        return new ReportView(report, report.status().moves());
    }
}
