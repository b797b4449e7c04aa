package fr.passerelle.measures.web;

import fr.passerelle.measures.DeadlineKind;
import fr.passerelle.measures.Deadlines;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Deadlines dashboard: late and coming items per case worker (the service head's view). */
@Controller
class DeadlinesController {

    private final Deadlines deadlines;

    DeadlinesController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping("/caseload/deadlines")
    @PreAuthorize("hasAuthority('measure:read')")
    String dashboard(Model model) {
        model.addAttribute("dashboard", deadlines.dashboard());
        model.addAttribute("kinds", DeadlineKind.values());
        model.addAttribute("soonDays", Deadlines.SOON_DAYS);
        return "caseload/deadlines";
    }
}
