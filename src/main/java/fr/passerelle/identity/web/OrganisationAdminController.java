package fr.passerelle.identity.web;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.List;
import java.util.Map;
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

/** The federation administrators' management of organisations. */
@Controller
@RequestMapping("/admin/organisations")
@PreAuthorize("hasAuthority('organisation:manage')")
class OrganisationAdminController {

    private static final Map<String, String> ADMIN_FIELDS = Map.of("username", "adminUsername",
            "displayName", "adminDisplayName", "email", "adminEmail", "password", "adminPassword");

    private final Organisations organisations;

    OrganisationAdminController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) Integer page, HtmxRequest htmx, Model model) {
        ResultPage<Organisations.Organisation> result = organisations.list(q, kind, ResultPage.sanitizePage(page));
        model.addAttribute("organisations", result);
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", OrganisationKind.values());
        return htmx.isHtmxRequest() ? "admin/organisations/list :: results" : "admin/organisations/list";
    }

    @GetMapping("/new")
    String newForm(@ModelAttribute("form") OrganisationForm form, Model model) {
        return showForm(null, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") OrganisationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(null, model);
        }
        try {
            UUID id = organisations.create(data(form), new UserAccounts.NewUser(form.getAdminUsername(),
                    form.getAdminDisplayName(), form.getAdminEmail(), form.getAdminPassword(), null, List.of(),
                    false, false));
            Forms.success(redirect, "organisation.created");
            return "redirect:/admin/organisations/" + id;
        } catch (FieldRefusal refusal) {
            String field = ADMIN_FIELDS.getOrDefault(refusal.field(), refusal.field());
            Forms.reject(result, new FieldRefusal(field, refusal.messageKey(), refusal.arguments()));
            return showForm(null, model);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Organisations.Organisation organisation = organisations.get(id);
        OrganisationForm form = new OrganisationForm();
        form.setKind(organisation.kind());
        form.setName(organisation.name());
        form.setCity(organisation.city());
        form.setDepartementCode(organisation.departementCode());
        form.setRegionCode(organisation.regionCode());
        form.setSharesStatistics(organisation.sharesStatistics());
        form.setActive(organisation.active());
        model.addAttribute("form", form);
        return showForm(organisation, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") OrganisationForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Organisations.Organisation organisation = organisations.get(id);
        form.setKind(organisation.kind());
        if (result.hasErrors()) {
            return showForm(organisation, model);
        }
        try {
            organisations.update(id, data(form));
            Forms.success(redirect, "organisation.updated");
            return "redirect:/admin/organisations/" + id;
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(organisation, model);
        }
    }

    private static Organisations.OrganisationData data(OrganisationForm form) {
        return new Organisations.OrganisationData(form.getKind(), form.getName(), form.getCity(),
                form.getDepartementCode(), form.getRegionCode(), form.isSharesStatistics(), form.isActive());
    }

    private String showForm(Organisations.Organisation organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("regions", organisations.regions());
        return "admin/organisations/form";
    }
}
