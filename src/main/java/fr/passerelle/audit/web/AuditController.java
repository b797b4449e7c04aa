package fr.passerelle.audit.web;

import fr.passerelle.audit.AuditChain;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.audit.AuditTrail;
import fr.passerelle.shared.ResultPage;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The administrators' view of their organisation's audit trail, and the chain verification. */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final AuditChain chain;
    private final AuditLog audit;

    AuditController(AuditTrail trail, AuditChain chain, AuditLog audit) {
        this.trail = trail;
        this.chain = chain;
        this.audit = audit;
    }

    /** The trail filtered by action, person (reference), user and period; a period ending before it starts is refused. */
    @GetMapping("/admin/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String list(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String person,
            @RequestParam(required = false) UUID user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, Model model) {
        boolean periodValid = from == null || to == null || !to.isBefore(from);
        AuditTrail.Filter filter = new AuditTrail.Filter(action, person, user, from, periodValid ? to : null);
        AuditTrail.Result result = trail.search(filter, ResultPage.sanitizePage(page));
        model.addAttribute("events", result.events());
        model.addAttribute("personFound", result.personFound());
        model.addAttribute("periodValid", periodValid);
        model.addAttribute("actors", trail.actors());
        model.addAttribute("action", action);
        model.addAttribute("person", person);
        model.addAttribute("user", user);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/audit")
                .queryParam("action", action).queryParam("person", person)
                .queryParam("user", user == null ? "" : user)
                .queryParam("from", from == null ? "" : from).queryParam("to", to == null ? "" : to)
                .encode().build().toUriString());
        return "admin/audit/list";
    }

    @PostMapping("/admin/audit/verify")
    @PreAuthorize("hasAuthority('audit:verify')")
    String verify(RedirectAttributes redirect) {
        AuditChain.Verification result = chain.verify();
        audit.record("audit.verified", "audit_chain", null,
                Map.of("checked", result.checked(), "intact", result.intact()));
        redirect.addFlashAttribute("verification", result);
        return "redirect:/admin/audit";
    }
}
