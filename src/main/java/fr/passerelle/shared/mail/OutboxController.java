package fr.passerelle.shared.mail;

import fr.passerelle.shared.ResultPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's outgoing mail, for administrators (and the only mailbox in development). */
@Controller
class OutboxController {

    private final MailOutbox outbox;
    private final OutboxSender sender;

    OutboxController(MailOutbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/admin/outbox")
    @PreAuthorize("hasAuthority('audit:read')")
    String list(@RequestParam(required = false) MailOutbox.Status status,
            @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", MailOutbox.Status.values());
        model.addAttribute("mails", outbox.list(status, ResultPage.sanitizePage(page)));
        model.addAttribute("delivering", sender.enabled());
        return "admin/outbox/list";
    }
}
