package fr.passerelle.identity.web;

import fr.passerelle.identity.AssociationServices;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of the services (teams) of an association. */
@Controller
@RequestMapping("/admin/services")
@PreAuthorize("hasAuthority('service:manage')")
class ServiceAdminController {

    private final AssociationServices services;

    ServiceAdminController(AssociationServices services) {
        this.services = services;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("services", services.list());
        return "admin/services/list";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            services.create(name);
            Forms.success(redirect, "service.created");
        } catch (FieldRefusal refusal) {
            Forms.error(redirect, refusal.messageKey());
        }
        return "redirect:/admin/services";
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            services.rename(id, name);
            Forms.success(redirect, "service.renamed");
        } catch (FieldRefusal refusal) {
            Forms.error(redirect, refusal.messageKey());
        }
        return "redirect:/admin/services";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "service.deleted", () -> services.delete(id));
        return "redirect:/admin/services";
    }
}
