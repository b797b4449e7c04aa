package fr.passerelle.measures.web;

import fr.passerelle.measures.Reports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The reports waiting for the service head's validation, and their count on the home page. */
@Controller
@PreAuthorize("hasAuthority('report:validate') or hasRole('DIRECTOR')")
class ValidationQueueController {

    private final Reports reports;

    ValidationQueueController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/reports/queue")
    String queue(Model model) {
        model.addAttribute("waiting", reports.awaitingValidation());
        return "reports/queue";
    }

    /** The count shown on the home page (loaded into it by htmx). */
    @GetMapping("/reports/queue/summary")
    String summary(Model model) {
        model.addAttribute("count", reports.awaitingValidationCount());
        return "reports/queue-summary";
    }
}
