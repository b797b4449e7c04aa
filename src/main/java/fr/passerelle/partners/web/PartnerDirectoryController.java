package fr.passerelle.partners.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.partners.PartnerDirectory;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
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
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    PartnerDirectoryController(PartnerDirectory directory, MessageSource messages, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
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

    /**
     * The directory as CSV (French Excel) or XLSX, with the list's filters and sort: one line per
     * partner, its sites and contacts joined in a cell each. Audited.
     */
    @GetMapping("/export")
    @PreAuthorize("hasAuthority('partner:read')")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String departement, @RequestParam(defaultValue = "") String tag,
            @RequestParam(required = false) Integer level, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "NAME") String sort, @RequestParam(defaultValue = "XLSX") SpreadsheetFormat format,
            Locale locale) {
        List<PartnerDirectory.Details> partners = directory.export(
                new PartnerDirectory.Filter(q, type, departement, tag, level, archived, sort));
        List<String> headers = List.of("partners.field.name", "partners.field.type", "partners.field.level",
                "partners.level.date", "partners.field.activities", "partners.field.tags", "partners.field.phone",
                "partners.field.email", "partners.field.website", "partners.sites", "partners.contacts",
                "partners.archived").stream().map(key -> messages.getMessage(key, null, locale)).toList();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        List<List<String>> rows = partners.stream().map(d -> {
            PartnerDirectory.Partner p = d.partner();
            Optional<PartnerDirectory.LevelAssessment> current = d.currentLevel();
            return Arrays.asList(p.name(), messages.getMessage("partners.type." + p.type(), null, locale),
                    current.map(a -> messages.getMessage("partners.level." + a.level(), null, locale)).orElse(null),
                    current.map(a -> date.format(a.assessedOn())).orElse(null), String.join(", ", p.activities()),
                    String.join(", ", p.tags()), p.phone(), p.email(), p.website(),
                    d.sites().stream().map(PartnerDirectoryController::siteLine).collect(Collectors.joining(" | ")),
                    d.contacts().stream().map(PartnerDirectoryController::contactLine).collect(Collectors.joining(" | ")),
                    messages.getMessage(p.archived() ? "common.yes" : "common.no", null, locale));
        }).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(format, messages.getMessage("partners.title", null, locale), headers, rows, out);
        audit.record("partners.exported", "partner_directory", null, Map.of("format", format.name(), "lines", rows.size()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("partenaires-" + LocalDate.now(clock) + "." + format.extension()).build().toString())
                .body(out.toByteArray());
    }

    private static String siteLine(PartnerDirectory.Site s) {
        return Stream.of(s.name(), s.address(), s.postcode(), s.city()).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }

    private static String contactLine(PartnerDirectory.Contact c) {
        return Stream.of(c.fullName(), c.roleLabel(), c.phone(), c.email()).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
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

    @PostMapping("/sites/{siteId}")
    @PreAuthorize("hasAuthority('partner:manage')")
    String updateSite(@PathVariable UUID siteId, @RequestParam UUID partnerId,
            @ModelAttribute PartnerDirectory.SiteInput site, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.site.saved", () -> directory.updateSite(siteId, site));
        return "redirect:/partners/" + partnerId + "#sites";
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

    @PostMapping("/contacts/{contactId}")
    @PreAuthorize("hasAuthority('partner:manage')")
    String updateContact(@PathVariable UUID contactId, @RequestParam UUID partnerId,
            @ModelAttribute PartnerDirectory.ContactInput contact, RedirectAttributes redirect) {
        Forms.perform(redirect, "partners.contact.saved", () -> directory.updateContact(contactId, contact));
        return "redirect:/partners/" + partnerId + "#contacts";
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
