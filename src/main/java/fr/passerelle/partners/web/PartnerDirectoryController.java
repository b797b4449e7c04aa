package fr.passerelle.partners.web;

import fr.passerelle.partners.PartnerDirectory;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The association's partner directory: the searchable list, a partner's page (sites, contacts,
 * partnership level and its history, exchanges), the partner form and the review of exchanges.
 */
@Controller
@RequestMapping("/partners")
class PartnerDirectoryController {

    private final PartnerDirectory directory;

    PartnerDirectoryController(PartnerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('partner:read')")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String departement, @RequestParam(defaultValue = "") String tag,
            @RequestParam(required = false) Integer level, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "NAME") String sort, @RequestParam(required = false) Integer page,
            HtmxRequest htmx, Model model) {
        PartnerDirectory.Filter filter = new PartnerDirectory.Filter(q, type, departement, tag, level, archived, sort);
        model.addAttribute("partners", directory.search(filter, ResultPage.sanitizePage(page)));
        model.addAttribute("filter", filter);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/partners").queryParam("q", q)
                .queryParam("type", type).queryParam("departement", departement).queryParam("tag", tag)
                .queryParam("level", level == null ? "" : level).queryParam("archived", archived)
                .queryParam("sort", sort).encode().build().toUriString());
        if (htmx.isHtmxRequest()) {
            return "partners/directory-list :: results";
        }
        model.addAttribute("types", PartnerDirectory.TYPES);
        model.addAttribute("levels", PartnerDirectory.LEVELS);
        model.addAttribute("sorts", PartnerDirectory.SORTS);
        model.addAttribute("tags", directory.tags());
        model.addAttribute("departements", directory.departements());
        return "partners/directory-list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('partner:manage')")
    String newForm(@ModelAttribute("form") PartnerForm form, Model model) {
        return showForm(null, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('partner:manage')")
    String create(@ModelAttribute("form") PartnerForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            UUID id = directory.create(form.input());
            Forms.success(redirect, "partners.created");
            return "redirect:/partners/" + id;
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(null, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('partner:read')")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("details", directory.details(id));
        model.addAttribute("levels", PartnerDirectory.LEVELS);
        model.addAttribute("exchangeKinds", PartnerDirectory.EXCHANGE_KINDS);
        return "partners/directory-show";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('partner:manage')")
    String edit(@PathVariable UUID id, Model model) {
        PartnerDirectory.Details details = directory.details(id);
        model.addAttribute("form", PartnerForm.of(PartnerDirectory.PartnerInput.of(details.partner())));
        return showForm(details.partner(), model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('partner:manage')")
    String update(@PathVariable UUID id, @ModelAttribute("form") PartnerForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        PartnerDirectory.Details details = directory.details(id);
        try {
            directory.update(id, form.input());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(details.partner(), model);
        }
        Forms.success(redirect, "partners.saved");
        return "redirect:/partners/" + id;
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('partner:manage')")
    String archive(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean archived,
            RedirectAttributes redirect) {
        Forms.perform(redirect, archived ? "partners.archivedDone" : "partners.restoredDone",
                () -> directory.setArchived(id, archived));
        return "redirect:/partners/" + id;
    }

    @PostMapping("/{id}/sites")
    @PreAuthorize("hasAuthority('partner:manage')")
    String addSite(@PathVariable UUID id, @ModelAttribute PartnerDirectory.SiteInput site, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.site.added", () -> directory.addSite(id, site));
        return "redirect:/partners/" + id + "#sites";
    }

    @PostMapping("/sites/{siteId}/delete")
    @PreAuthorize("hasAuthority('partner:manage')")
    String removeSite(@PathVariable UUID siteId, @RequestParam UUID partnerId, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.site.removed", () -> directory.removeSite(siteId));
        return "redirect:/partners/" + partnerId + "#sites";
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('partner:manage')")
    String addContact(@PathVariable UUID id, @ModelAttribute PartnerDirectory.ContactInput contact,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.contact.added", () -> directory.addContact(id, contact));
        return "redirect:/partners/" + id + "#contacts";
    }

    @PostMapping("/contacts/{contactId}/delete")
    @PreAuthorize("hasAuthority('partner:manage')")
    String removeContact(@PathVariable UUID contactId, @RequestParam UUID partnerId, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.contact.removed", () -> directory.removeContact(contactId));
        return "redirect:/partners/" + partnerId + "#contacts";
    }

    @PostMapping("/{id}/levels")
    @PreAuthorize("hasAuthority('partner:manage')")
    String assessLevel(@PathVariable UUID id, @RequestParam(required = false) Integer level,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.level.recorded", () -> directory.assessLevel(id, level, comment));
        return "redirect:/partners/" + id + "#level";
    }

    @PostMapping("/{id}/exchanges")
    @PreAuthorize("hasAuthority('partner:read')")
    String recordExchange(@PathVariable UUID id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String occurredOn, @RequestParam(required = false) String summary,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.exchange.recorded",
                () -> directory.recordExchange(id, kind, occurredOn, summary));
        return "redirect:/partners/" + id + "#exchanges";
    }

    @GetMapping("/exchanges/review")
    @PreAuthorize("hasAuthority('partner:manage')")
    String review(Model model) {
        model.addAttribute("exchanges", directory.exchangesToReview());
        return "partners/directory-review";
    }

    @PostMapping("/exchanges/{exchangeId}/reviewed")
    @PreAuthorize("hasAuthority('partner:manage')")
    String markReviewed(@PathVariable UUID exchangeId, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.exchange.reviewedDone", () -> directory.markReviewed(exchangeId));
        return "redirect:/partners/exchanges/review";
    }

    private String showForm(PartnerDirectory.Partner partner, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("types", PartnerDirectory.TYPES);
        return "partners/directory-form";
    }
}
