package fr.passerelle.partners.web;

import fr.passerelle.partners.ConventionDocuments;
import fr.passerelle.partners.ConventionObject;
import fr.passerelle.partners.PartnerConventions;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The conventions of the association with its partners: the list (filters, soonest end first), the
 * form, a convention's page with its signed document, and two fragments other pages include (a
 * partner's conventions, and those about to end on the deadlines page).
 */
@Controller
class ConventionsController {

    private final PartnerConventions conventions;
    private final ConventionDocuments documents;

    ConventionsController(PartnerConventions conventions, ConventionDocuments documents) {
        this.conventions = conventions;
        this.documents = documents;
    }

    @GetMapping("/partners/conventions")
    @PreAuthorize("hasAuthority('partner:read')")
    String list(@RequestParam(required = false) ConventionObject object, @RequestParam(required = false) UUID partner,
            @RequestParam(required = false) Integer within, @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        model.addAttribute("object", object);
        model.addAttribute("partner", partner);
        model.addAttribute("within", within);
        model.addAttribute("archived", archived);
        model.addAttribute("objects", ConventionObject.values());
        model.addAttribute("partners", conventions.partnerChoices());
        model.addAttribute("today", conventions.today());
        model.addAttribute("alertDays", conventions.alertDays());
        try {
            model.addAttribute("conventions", conventions.list(new PartnerConventions.Filter(object, partner, within, archived)));
        } catch (FieldRefusal refusal) {
            model.addAttribute("filterError", refusal);
            model.addAttribute("conventions", java.util.List.of());
        }
        return "partners/conventions-list";
    }

    @GetMapping("/partners/conventions/new")
    @PreAuthorize("hasAuthority('partner:manage')")
    String create(@RequestParam(required = false) UUID partner, Model model) {
        ConventionForm form = new ConventionForm();
        form.setPartnerId(partner == null ? null : partner.toString());
        model.addAttribute("form", form);
        return showForm(null, model);
    }

    @PostMapping("/partners/conventions")
    @PreAuthorize("hasAuthority('partner:manage')")
    String save(@ModelAttribute("form") ConventionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        UUID id;
        try {
            id = conventions.create(form.data());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(null, model);
        }
        Forms.success(redirect, "convention.saved");
        return "redirect:/partners/conventions/" + id;
    }

    @GetMapping("/partners/conventions/{id}")
    @PreAuthorize("hasAuthority('partner:read')")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("convention", conventions.get(id));
        model.addAttribute("versions", documents.versions(id));
        model.addAttribute("today", conventions.today());
        model.addAttribute("maxMegabytes", documents.maxMegabytes());
        return "partners/conventions-show";
    }

    @GetMapping("/partners/conventions/{id}/edit")
    @PreAuthorize("hasAuthority('partner:manage')")
    String edit(@PathVariable UUID id, Model model) {
        PartnerConventions.Convention convention = conventions.get(id);
        model.addAttribute("form", ConventionForm.of(convention));
        return showForm(convention, model);
    }

    @PostMapping("/partners/conventions/{id}")
    @PreAuthorize("hasAuthority('partner:manage')")
    String update(@PathVariable UUID id, @ModelAttribute("form") ConventionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        PartnerConventions.Convention convention = conventions.get(id);
        try {
            conventions.update(id, form.getVersion(), form.data());
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(convention, model);
        }
        Forms.success(redirect, "convention.saved");
        return "redirect:/partners/conventions/" + id;
    }

    @PostMapping("/partners/conventions/{id}/archive")
    @PreAuthorize("hasAuthority('partner:manage')")
    String archive(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        Forms.perform(redirect, archived ? "convention.archivedDone" : "convention.restoredDone",
                () -> conventions.setArchived(id, archived));
        return "redirect:/partners/conventions/" + id;
    }

    /** A new version of the signed document; a refused file changes nothing and the page says why. */
    @PostMapping("/partners/conventions/{id}/document")
    @PreAuthorize("hasAuthority('partner:manage')")
    String upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        conventions.get(id);
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        Forms.perform(redirect, "convention.document.attached", () -> documents.attach(id, name, content));
        return "redirect:/partners/conventions/" + id;
    }

    /** The document (current, or a version), with the type detected at upload, never shown in the page. */
    @GetMapping("/partners/conventions/{id}/document")
    @PreAuthorize("hasAuthority('partner:read')")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        ConventionDocuments.Download download = documents.download(id, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(download.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    /** A partner's conventions (the fragment the partner's page includes). */
    @GetMapping("/partners/{id}/conventions")
    @PreAuthorize("hasAuthority('partner:read')")
    String ofPartner(@PathVariable UUID id, Model model) {
        model.addAttribute("partnerId", id);
        model.addAttribute("partnerConventions", conventions.ofPartner(id));
        model.addAttribute("today", conventions.today());
        return "partners/conventions-of-partner :: conventions";
    }

    /** The conventions about to end (the fragment the deadlines page loads). */
    @GetMapping("/partners/conventions/expiring")
    @PreAuthorize("hasAuthority('partner:read')")
    String expiring(Model model) {
        model.addAttribute("expiring", conventions.expiringSoon());
        model.addAttribute("alertDays", conventions.alertDays());
        model.addAttribute("today", conventions.today());
        return "partners/conventions-expiring :: expiring";
    }

    private String showForm(PartnerConventions.Convention convention, Model model) {
        model.addAttribute("convention", convention);
        model.addAttribute("objects", ConventionObject.values());
        model.addAttribute("partners", conventions.partnerChoices());
        return "partners/conventions-form";
    }
}
