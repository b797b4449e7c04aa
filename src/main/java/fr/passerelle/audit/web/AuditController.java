package fr.passerelle.audit.web;

import fr.passerelle.audit.AuditChain;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.audit.AuditTrail;
import fr.passerelle.shared.ResultPage;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    @GetMapping("/admin/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String list(@RequestParam(defaultValue = "") String action, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("events", trail.list(action, ResultPage.sanitizePage(page)));
        model.addAttribute("action", action);
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
