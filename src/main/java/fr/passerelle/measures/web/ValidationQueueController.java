package fr.passerelle.measures.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.Reports;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The reports waiting for the service head's validation, and their count on the home page. */
@Controller
@PreAuthorize("hasAuthority('report:validate') or hasRole('DIRECTOR')")
class ValidationQueueController {

    private final Reports reports;
    private final AuditLog audit;

    ValidationQueueController(Reports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/reports/queue")
    String queue(Model model) {
        List<Reports.Waiting> waiting = reports.awaitingValidation();
        audit.record("reports.listed", "report_queue", null, Map.of("format", "page", "lines", waiting.size()));
        model.addAttribute("waiting", waiting);
        return "reports/queue";
    }

    /** The count shown on the home page (loaded into it by htmx). */
    @GetMapping("/reports/queue/summary")
    String summary(Model model) {
        model.addAttribute("count", reports.awaitingValidationCount());
        return "reports/queue-summary";
    }
}
