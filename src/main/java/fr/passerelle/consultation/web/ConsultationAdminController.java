package fr.passerelle.consultation.web;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.RefusalReason;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisers create, edit, publish and close consultations, and publish their results. */
@Controller
@RequestMapping("/consultations")
@PreAuthorize("hasAuthority('consultation:manage')")
class ConsultationAdminController {

    private final Consultations consultations;
    private final MessageSource messages;

    ConsultationAdminController(Consultations consultations, MessageSource messages) {
        this.consultations = consultations;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("consultations", consultations.list());
        return "consultation/admin/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new ConsultationForm());
        return showForm(null, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") ConsultationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(null, model);
        }
        UUID id;
        try {
            id = consultations.create(settings(form));
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(null, model);
        }
        Forms.success(redirect, "consultation.saved");
        return "redirect:/consultations/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Consultations.Consultation c = consultations.get(id);
        model.addAttribute("form", ConsultationForm.of(c));
        return showForm(c, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") ConsultationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Consultations.Consultation c = consultations.get(id);
        if (result.hasErrors()) {
            return showForm(c, model);
        }
        try {
            consultations.update(id, settings(form));
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(c, model);
        }
        Forms.success(redirect, "consultation.saved");
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "consultation.published", () -> consultations.publish(id));
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "consultation.closed", () -> consultations.close(id));
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/{id}/publish-results")
    String publishResults(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "consultation.resultsPublished", () -> consultations.publishResults(id));
        return "redirect:/consultations/" + id;
    }

    private Consultations.Settings settings(ConsultationForm form) {
        var locale = LocaleContextHolder.getLocale();
        return form.settings(messages.getMessage("consultation.profile.PROFESSIONAL", null, locale),
                messages.getMessage("consultation.profile.DEPARTEMENT", null, locale));
    }

    private String showForm(Consultations.Consultation consultation, Model model) {
        model.addAttribute("consultation", consultation);
        model.addAttribute("reasons", RefusalReason.values());
        if (consultation != null) {
            model.addAttribute("counters", consultations.counters(consultation.id()));
        }
        return "consultation/admin/form";
    }
}
