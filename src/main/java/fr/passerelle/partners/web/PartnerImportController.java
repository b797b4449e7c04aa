package fr.passerelle.partners.web;

import fr.passerelle.imports.ImportJobs;
import fr.passerelle.partners.PartnerImport;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.Forms;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import of a partner list: upload, column mapping with sample values, dry run with the errors
 * grouped by kind, then the import (all or nothing). The mapping travels with each form (parameters
 * {@code column<i>} = field), so nothing but the file is kept between the steps.
 */
@Controller
@RequestMapping("/partners/import")
@PreAuthorize("hasAuthority('partner:manage')")
class PartnerImportController {

    private final PartnerImport imports;
    private final MessageSource messages;

    PartnerImportController(PartnerImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    String start(@RequestParam(required = false) String refused, Locale locale, Model model) {
        if ("tooLarge".equals(refused) && !model.containsAttribute("importError")) {
            model.addAttribute("importError", messages.getMessage("import.file.tooLarge",
                    new Object[] {ImportJobs.MAX_BYTES / (1024 * 1024)}, locale));
        }
        model.addAttribute("maxMegabytes", ImportJobs.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxBytes", ImportJobs.MAX_BYTES);
        model.addAttribute("maxRows", PartnerImport.MAX_ROWS);
        model.addAttribute("fields", PartnerImport.Field.values());
        return "partners/import-upload";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return refused(redirect, new BusinessException(400, "import.file.empty"), locale);
        }
        try (InputStream content = file.getInputStream()) {
            return "redirect:/partners/import/" + imports.upload(file.getOriginalFilename(), file.getSize(), content);
        } catch (BusinessException refusal) {
            return refused(redirect, refusal, locale);
        } catch (IOException e) {
            return refused(redirect, new BusinessException(400, "import.file.unreadable"), locale);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(id, PartnerImport.propose(imports.file(id).headers()), null, model);
    }

    /** The dry run: the page again, with what the import would do and every error. */
    @PostMapping("/{id}/check")
    String check(@PathVariable UUID id, @RequestParam Map<String, String> params, Locale locale, Model model) {
        Map<Integer, PartnerImport.Field> mapping = mapping(params);
        try {
            return page(id, mapping, imports.check(id, mapping), model);
        } catch (BusinessException refusal) {
            return refusedOnPage(id, mapping, refusal, locale, model);
        }
    }

    /** The import: back to the directory when done; the page with the errors when nothing was imported. */
    @PostMapping("/{id}/run")
    String run(@PathVariable UUID id, @RequestParam Map<String, String> params, Locale locale, Model model,
            RedirectAttributes redirect) {
        Map<Integer, PartnerImport.Field> mapping = mapping(params);
        PartnerImport.Report report;
        try {
            report = imports.run(id, mapping);
        } catch (BusinessException refusal) {
            return refusedOnPage(id, mapping, refusal, locale, model);
        }
        if (!report.imported()) {
            return page(id, mapping, report, model);
        }
        Forms.success(redirect, "partners.import.done");
        return "redirect:/partners?sort=UPDATED";
    }

    private String page(UUID id, Map<Integer, PartnerImport.Field> mapping, PartnerImport.Report report, Model model) {
        model.addAttribute("file", imports.file(id));
        model.addAttribute("mapping", mapping);
        model.addAttribute("fields", PartnerImport.Field.values());
        model.addAttribute("report", report);
        model.addAttribute("keptPerKind", PartnerImport.MAX_KEPT_PER_KIND);
        return "partners/import-show";
    }

    private String refusedOnPage(UUID id, Map<Integer, PartnerImport.Field> mapping, BusinessException refusal,
            Locale locale, Model model) {
        if (refusal.status() == 404 || refusal.status() == 403) {
            throw refusal;
        }
        if (refusal.status() == 409) {
            model.addAttribute("importError", message(refusal, locale));
            return start(null, locale, model);
        }
        model.addAttribute("importError", message(refusal, locale));
        return page(id, mapping, null, model);
    }

    private static Map<Integer, PartnerImport.Field> mapping(Map<String, String> params) {
        Map<Integer, PartnerImport.Field> mapping = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.matches("column\\d{1,4}") && value != null && !value.isBlank()) {
                Arrays.stream(PartnerImport.Field.values()).filter(f -> f.name().equals(value)).findFirst()
                        .ifPresent(f -> mapping.put(Integer.parseInt(name.substring(6)), f));
            }
        });
        return mapping;
    }

    private String refused(RedirectAttributes redirect, BusinessException refusal, Locale locale) {
        redirect.addFlashAttribute("importError", message(refusal, locale));
        return "redirect:/partners/import";
    }

    /** A refusal's message, its arguments that name a field translated. */
    private String message(BusinessException refusal, Locale locale) {
        Object[] args = Arrays.stream(refusal.arguments() == null ? new Object[0] : refusal.arguments())
                .map(a -> a instanceof String s && s.startsWith("partners.import.field.")
                        ? messages.getMessage(s, null, locale) : a)
                .toArray();
        return messages.getMessage(refusal.messageKey(), args, locale);
    }
}
