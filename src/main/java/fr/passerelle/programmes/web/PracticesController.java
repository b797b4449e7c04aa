package fr.passerelle.programmes.web;

import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.programmes.PracticeLibrary;
import fr.passerelle.programmes.PracticeProposals;
import fr.passerelle.programmes.PracticeSheet;
import fr.passerelle.programmes.PracticeVocabulary;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The good-practice library: search with facets, a sheet's page, its PDF, two sheets side by side,
 * a sheet's versions; the federation's forms (edit, publish, withdraw).
 */
@Controller
@PreAuthorize("hasAuthority('practice:read')")
class PracticesController {

    private final PracticeLibrary library;
    private final PracticeProposals proposals;
    private final PdfDocuments pdf;
    private final MessageSource messages;

    PracticesController(PracticeLibrary library, PracticeProposals proposals, PdfDocuments pdf, MessageSource messages) {
        this.library = library;
        this.proposals = proposals;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/practices")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) List<String> axis,
            @RequestParam(name = "public", required = false) List<String> publics,
            @RequestParam(required = false) List<String> age, @RequestParam(required = false) List<String> carrier,
            @RequestParam(required = false) List<String> funding, @RequestParam(defaultValue = "") String sort,
            @RequestParam(required = false) Integer page, HtmxRequest htmx, Model model) {
        PracticeLibrary.Query query = new PracticeLibrary.Query(q, set(axis), set(publics), set(age), set(carrier),
                set(funding), sort);
        model.addAttribute("query", query);
        PracticeLibrary.Results results;
        try {
            results = library.search(query, ResultPage.sanitizePage(page));
        } catch (FieldRefusal refusal) {
            model.addAttribute("refusal", refusal);
            results = library.search(PracticeLibrary.Query.all(), 0);
        }
        model.addAttribute("results", results);
        model.addAttribute("facets", facets(results, query));
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/practices").queryParam("q", q);
        query.axes().forEach(v -> base.queryParam("axis", v));
        query.publics().forEach(v -> base.queryParam("public", v));
        query.ages().forEach(v -> base.queryParam("age", v));
        query.carriers().forEach(v -> base.queryParam("carrier", v));
        query.fundings().forEach(v -> base.queryParam("funding", v));
        base.queryParam("sort", sort);
        model.addAttribute("baseUrl", base.encode().build().toUriString());
        model.addAttribute("sorts", PracticeLibrary.SORTS);
        model.addAttribute("waitingProposals", proposals.waiting());
        if (htmx.isHtmxRequest()) {
            return "programmes/practices-list :: library";
        }
        return "programmes/practices-list";
    }

    @GetMapping("/practices/{code}")
    String show(@PathVariable String code, Model model) {
        PracticeSheet sheet = library.sheet(code);
        model.addAttribute("sheet", sheet);
        model.addAttribute("choices", library.choices());
        return "programmes/practices-show";
    }

    @GetMapping("/practices/{code}/versions")
    String versions(@PathVariable String code, Model model) {
        model.addAttribute("sheet", library.sheet(code));
        model.addAttribute("versions", library.versions(code));
        return "programmes/practices-versions";
    }

    @GetMapping("/practices/{code}/versions/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        model.addAttribute("sheet", library.version(code, version));
        model.addAttribute("choices", library.choices());
        return "programmes/practices-show";
    }

    @GetMapping("/practices/{code}/pdf")
    ResponseEntity<byte[]> document(@PathVariable String code) {
        PracticeSheet sheet = library.sheet(code);
        byte[] body = pdf.render("programmes/practices-pdf", Map.of("sheet", sheet));
        return Downloads.attachment(MediaType.APPLICATION_PDF, "fiche-" + sheet.code() + ".pdf", body);
    }

    @GetMapping("/practices/compare")
    String compare(@RequestParam(defaultValue = "") String a, @RequestParam(defaultValue = "") String b, Model model) {
        model.addAttribute("choices", library.choices());
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        if (!a.isBlank() && !b.isBlank()) {
            try {
                model.addAttribute("left", library.sheet(a));
                model.addAttribute("right", library.sheet(b));
            } catch (BusinessException unknown) {
                model.addAttribute("compareError", "practice.compare.unknown");
            }
        }
        model.addAttribute("sections", PracticeVocabulary.SECTIONS.keySet());
        return "programmes/practices-compare";
    }

    @GetMapping("/practices/new")
    @PreAuthorize("hasAuthority('practice:edit')")
    String create(Model model) {
        model.addAttribute("form", new PracticeSheetForm());
        return showForm(null, model);
    }

    /** The form of a sheet: the federation's (new sheet, next version) or a member's proposal. */
    static String form(PracticeSheet sheet, boolean proposal, Model model) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("proposal", proposal);
        model.addAttribute("formAction", proposal ? "/practices/proposals"
                : sheet == null ? "/practices" : "/practices/" + sheet.code());
        model.addAttribute("axes", PracticeVocabulary.AXES);
        model.addAttribute("publics", PracticeVocabulary.PUBLICS);
        model.addAttribute("carriers", PracticeVocabulary.CARRIERS);
        model.addAttribute("fundings", PracticeVocabulary.FUNDINGS);
        model.addAttribute("sections", PracticeVocabulary.SECTIONS.keySet());
        return "programmes/practices-form";
    }

    @PostMapping("/practices")
    @PreAuthorize("hasAuthority('practice:edit')")
    String publish(@ModelAttribute("form") PracticeSheetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        String code;
        try {
            code = library.publish(form.input());
        } catch (FieldRefusal refusal) {
            reject(result, refusal);
            return showForm(null, model);
        }
        Forms.success(redirect, "practice.published");
        return "redirect:/practices/" + code;
    }

    @GetMapping("/practices/{code}/edit")
    @PreAuthorize("hasAuthority('practice:edit')")
    String edit(@PathVariable String code, Model model) {
        PracticeSheet sheet = library.sheet(code);
        model.addAttribute("form", PracticeSheetForm.of(sheet));
        return showForm(sheet, model);
    }

    @PostMapping("/practices/{code}")
    @PreAuthorize("hasAuthority('practice:edit')")
    String update(@PathVariable String code, @ModelAttribute("form") PracticeSheetForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        PracticeSheet sheet = library.sheet(code);
        try {
            library.edit(code, form.getVersion(), form.input());
        } catch (FieldRefusal refusal) {
            reject(result, refusal);
            return showForm(sheet, model);
        } catch (BusinessException stale) {
            if (stale.status() != 409) {
                throw stale;
            }
            result.reject(stale.messageKey(), stale.arguments(), stale.messageKey());
            return showForm(sheet, model);
        }
        Forms.success(redirect, "practice.edited");
        return "redirect:/practices/" + code;
    }

    @PostMapping("/practices/{code}/withdraw")
    @PreAuthorize("hasAuthority('practice:edit')")
    String withdraw(@PathVariable String code, RedirectAttributes redirect) {
        library.setPublished(code, false);
        Forms.success(redirect, "practice.withdrawn");
        return "redirect:/practices/" + code;
    }

    @PostMapping("/practices/{code}/republish")
    @PreAuthorize("hasAuthority('practice:edit')")
    String republish(@PathVariable String code, RedirectAttributes redirect) {
        library.setPublished(code, true);
        Forms.success(redirect, "practice.republished");
        return "redirect:/practices/" + code;
    }

    private String showForm(PracticeSheet sheet, Model model) {
        return form(sheet, false, model);
    }

    /** A section's refusal goes next to its text area. */
    static void reject(BindingResult result, FieldRefusal refusal) {
        if (refusal.field() != null && PracticeVocabulary.SECTIONS.containsKey(refusal.field())) {
            result.rejectValue("sections[" + refusal.field() + "]", refusal.messageKey(), refusal.arguments(),
                    refusal.messageKey());
        } else {
            Forms.reject(result, refusal);
        }
    }

    /** A facet's value as the page shows it: its label and count resolved once here, not per template expression. */
    record FacetOption(String id, String value, String label, long count, boolean checked) {}

    /** A facet with the values worth showing (a count, or checked). */
    record FacetView(String key, String legend, List<FacetOption> options) {}

    private List<FacetView> facets(PracticeLibrary.Results results, PracticeLibrary.Query query) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Set<String>> chosen = Map.of("axis", query.axes(), "public", query.publics(), "age", query.ages(),
                "carrier", query.carriers(), "funding", query.fundings());
        List<FacetView> views = new ArrayList<>();
        results.facets().forEach((key, counts) -> {
            List<FacetOption> options = new ArrayList<>();
            counts.forEach((value, count) -> {
                boolean checked = chosen.get(key).contains(value);
                if (count > 0 || checked) {
                    options.add(new FacetOption(key + "-" + value, value,
                            messages.getMessage("practice." + key + "." + value, null, locale), count, checked));
                }
            });
            views.add(new FacetView(key, messages.getMessage("practice.facet." + key, null, locale), options));
        });
        return views;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values.stream().filter(v -> !v.isBlank()).toList());
    }
}
