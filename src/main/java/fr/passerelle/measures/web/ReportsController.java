package fr.passerelle.measures.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.ReportStatus;
import fr.passerelle.measures.Reports;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reports to the magistrate: writing, review by the service head, sending, and the PDF. */
@Controller
class ReportsController {

    private final Reports reports;
    private final Measures measures;
    private final FollowUp followUp;
    private final Clock clock;

    private final AuditLog audit;

    ReportsController(Reports reports, Measures measures, FollowUp followUp, AuditLog audit, Clock clock) {
        this.followUp = followUp;
        this.audit = audit;
        this.clock = clock;
        this.reports = reports;
        this.measures = measures;
    }

    @PostMapping("/measures/{id}/reports")
    @PreAuthorize("hasAuthority('report:write')")
    String create(@PathVariable UUID id, @RequestParam(required = false) ReportKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        try {
            UUID report = reports.create(id, kind, dueOn);
            return "redirect:/reports/" + report;
        } catch (BusinessException refusal) {
            if (refusal.status() == 404) {
                throw refusal;
            }
            Forms.error(redirect, refusal.messageKey());
            return "redirect:/measures/" + id;
        }
    }

    /** Writes the report of a recorded incident: pre-filled from it and linked to it, or the one already written. */
    @PostMapping("/incidents/{id}/incident-report")
    @PreAuthorize("hasAuthority('report:write')")
    String createForIncident(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            return "redirect:/reports/" + reports.createForIncident(id);
        } catch (BusinessException refusal) {
            if (refusal.status() == 404) {
                throw refusal;
            }
            Forms.error(redirect, refusal.messageKey());
            return "redirect:/measures/" + followUp.measureOfIncident(id);
        }
    }

    @GetMapping("/reports/{id}")
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    String show(@PathVariable UUID id, Model model) {
        Reports.Report report = reports.get(id);
        audit.record("report.viewed", "report", id, Map.of("format", "page"));
        model.addAttribute("report", report);
        model.addAttribute("measure", measures.get(report.measureId()));
        model.addAttribute("moves", report.status().moves());
        model.addAttribute("paragraphs", Arrays.stream(report.body().split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "reports/edit";
    }

    @PostMapping("/reports/{id}")
    @PreAuthorize("hasAuthority('report:write')")
    String save(@PathVariable UUID id, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        return act(id, redirect, "report.saved", () -> reports.save(id, body));
    }

    @PostMapping("/reports/{id}/due-date")
    @PreAuthorize("hasAuthority('report:write')")
    String dueDate(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        return act(id, redirect, "report.dueDate.saved", () -> reports.changeDueDate(id, dueOn));
    }

    @PostMapping("/reports/{id}/moves")
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    String move(@PathVariable UUID id, @RequestParam ReportStatus.Move move, @RequestParam(required = false) String comment,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentOn,
            @RequestParam(required = false) String body, RedirectAttributes redirect) {
        // Submitting from the text form carries the text as it is on screen: it is saved first.
        if (move == ReportStatus.Move.SUBMIT) {
            return act(id, redirect, "report.moved.SUBMIT", () -> reports.submit(id, body));
        }
        return act(id, redirect, "report.moved." + move.name(), () -> reports.move(id, move, comment, sentOn));
    }

    @GetMapping("/reports/{id}/pdf")
    @PreAuthorize("hasAuthority('report:write') or hasAuthority('report:validate')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Reports.Report report = reports.get(id);
        return Downloads.attachment(MediaType.APPLICATION_PDF, reports.pdfFileName(report), reports.pdf(id));
    }

    private static String act(UUID reportId, RedirectAttributes redirect, String successKey, Runnable action) {
        Forms.perform(redirect, successKey, action);
        return "redirect:/reports/" + reportId;
    }
}
