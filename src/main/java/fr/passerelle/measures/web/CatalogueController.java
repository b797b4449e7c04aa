package fr.passerelle.measures.web;

import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings of the association's catalogue of measure types: labels, deadlines, quantities, billing. */
@Controller
@RequestMapping("/admin/catalogue")
@PreAuthorize("hasAuthority('catalogue:manage')")
class CatalogueController {

    private final MeasureCatalogue catalogue;

    CatalogueController(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, HtmxRequest htmx, Model model) {
        model.addAttribute("entries", catalogue.search(q));
        model.addAttribute("q", q);
        return htmx.isHtmxRequest() ? "catalogue/list :: results" : "catalogue/list";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        MeasureCatalogue.MeasureType type = catalogue.type(id).orElseThrow(BusinessException::notFound);
        model.addAttribute("form", MeasureTypeForm.of(MeasureCatalogue.Settings.of(type)));
        return showForm(type, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") MeasureTypeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        MeasureCatalogue.MeasureType type = catalogue.type(id).orElseThrow(BusinessException::notFound);
        try {
            catalogue.update(id, form.settings());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(type, model);
        }
        Forms.success(redirect, "catalogue.type.saved");
        return "redirect:/admin/catalogue";
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        catalogue.setActive(id, active);
        Forms.success(redirect, active ? "catalogue.type.activated" : "catalogue.type.deactivated");
        return "redirect:/admin/catalogue";
    }

    /** Puts the tariff back to "to be set" (the list and the type's page ask for confirmation first). */
    @PostMapping("/{id}/tariff/reset")
    String resetTariff(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "catalogue.tariff.resetDone", () -> catalogue.resetTariff(id));
        return "redirect:/admin/catalogue";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.perform(redirect, "catalogue.type.deleted", () -> catalogue.delete(id));
        return "redirect:/admin/catalogue";
    }

    private String showForm(MeasureCatalogue.MeasureType type, Model model) {
        model.addAttribute("type", type);
        model.addAttribute("trackedQuantities", MeasureCatalogue.TRACKED_QUANTITIES);
        model.addAttribute("billingModes", MeasureCatalogue.BILLING_MODES);
        return "catalogue/form";
    }
}
