package fr.passerelle.measures.web;

import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.Caseloads;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureStatus;
import fr.passerelle.network.Courts;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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

    CaseloadController(Caseloads caseloads, MeasureCatalogue catalogue, Courts courts, UserAccounts users,
            FollowUp followUp) {
        this.caseloads = caseloads;
        this.catalogue = catalogue;
        this.courts = courts;
        this.users = users;
        this.followUp = followUp;
    }

    /** The counts shown on the home page (loaded into it by htmx): what needs attention now. */
    @GetMapping("/caseload/summary")
    @PreAuthorize("hasAuthority('measure:read')")
    String summary(Model model) {
        model.addAttribute("counts", caseloads.counts());
        model.addAttribute("unreportedIncidents", followUp.unreportedCount());
        return "caseload/summary";
    }

    @GetMapping("/caseload")
    @PreAuthorize("hasAuthority('measure:read')")
    String caseload(@RequestParam(defaultValue = "MINE") Caseloads.View view,
            @RequestParam(required = false) UUID type, @RequestParam(required = false) String field,
            @RequestParam(required = false) MeasureStatus status, @RequestParam(required = false) String court,
            @RequestParam(required = false) UUID worker,
            @RequestParam(defaultValue = "RECEIVED") Caseloads.Sort sort,
            @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        Caseloads.Filters filters = new Caseloads.Filters(type, field, status, court, worker);
        model.addAttribute("view", view);
        model.addAttribute("sort", sort);
        model.addAttribute("filters", filters);
        model.addAttribute("counts", caseloads.counts());
        model.addAttribute("page", caseloads.page(view, filters, sort, cursor));
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("views", Caseloads.View.values());
        model.addAttribute("sorts", Caseloads.Sort.values());
        model.addAttribute("types", catalogue.types());
        model.addAttribute("fields", catalogue.types().stream().map(MeasureCatalogue.MeasureType::field).distinct().toList());
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("courts", courts.judicialCourts("", ""));
        model.addAttribute("workers", users.withRole(Roles.CASE_WORKER));
        return htmx.isHtmxRequest() ? "caseload/list :: results" : "caseload/list";
    }
}
