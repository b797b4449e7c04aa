package fr.passerelle.imports.web;

import fr.passerelle.imports.ImportField;
import fr.passerelle.imports.ImportJobs;
import fr.passerelle.shared.BusinessException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
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

/** Imports of a caseload: upload, column mapping, dry run, import, progress. */
@Controller
@RequestMapping("/imports")
@PreAuthorize("hasAuthority('" + ImportJobs.PERMISSION + "')")
class ImportsController {

    private final ImportJobs jobs;
    private final MessageSource messages;

    ImportsController(ImportJobs jobs, MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String refused, Locale locale, Model model) {
        if ("tooLarge".equals(refused) && !model.containsAttribute("importError")) {
            model.addAttribute("importError", messages.getMessage("import.file.tooLarge",
                    new Object[] {ImportJobs.MAX_BYTES / (1024 * 1024)}, locale));
        }
        model.addAttribute("jobs", jobs.recent());
        model.addAttribute("choices", jobs.rememberedChoices());
        model.addAttribute("maxMegabytes", ImportJobs.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxBytes", ImportJobs.MAX_BYTES);
        model.addAttribute("maxRows", ImportJobs.MAX_ROWS);
        return "imports/list";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            return refused(redirect, "/imports", new BusinessException(400, "import.file.empty"), locale);
        }
        try (InputStream content = file.getInputStream()) {
            UUID id = jobs.upload(file.getOriginalFilename(), file.getSize(), content);
            return "redirect:/imports/" + id;
        } catch (ImportJobs.FileRefused refusal) {
            return refused(redirect, "/imports", refusal, locale);
        } catch (IOException e) {
            return refused(redirect, "/imports", new BusinessException(400, "import.file.unreadable"), locale);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        ImportJobs.Job job = jobs.get(id);
        model.addAttribute("job", job);
        model.addAttribute("fields", ImportField.values());
        if (!job.unknownValues().isEmpty() && job.mappable()) {
            model.addAttribute("known", jobs.knownValues());
        }
        return "imports/show";
    }

    /** Polled while the job runs; asks the page to reload when it is over. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        ImportJobs.Job job = jobs.get(id);
        model.addAttribute("job", job);
        if (!job.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "imports/show :: progress";
    }

    /** Saves the mapping (parameters {@code column<i>} = field) and starts the dry run or the import. */
    @PostMapping("/{id}/mapping")
    String map(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @RequestParam(defaultValue = "check") String action, Locale locale, RedirectAttributes redirect) {
        Map<Integer, ImportField> mapping = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.matches("column\\d{1,4}") && value != null && !value.isBlank()) {
                Arrays.stream(ImportField.values()).filter(f -> f.name().equals(value)).findFirst()
                        .ifPresent(f -> mapping.put(Integer.parseInt(name.substring(6)), f));
            }
        });
        try {
            jobs.map(id, mapping, "import".equals(action));
        } catch (BusinessException refusal) {
            if (refusal.status() == 404) {
                throw refusal;
            }
            // The page shows the choices just made again, not the saved ones.
            redirect.addFlashAttribute("submittedMapping", mapping);
            return refused(redirect, "/imports/" + id, refusal, locale);
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        return attempt(id, () -> jobs.commit(id), locale, redirect);
    }

    /**
     * Remembers the choices made for unknown values (parameters {@code field<i>}, {@code value<i>},
     * {@code choice<i>}) and checks the file again with them.
     */
    @PostMapping("/{id}/values")
    String values(@PathVariable UUID id, @RequestParam Map<String, String> params, Locale locale,
            RedirectAttributes redirect) {
        List<ImportJobs.ValueChoice> chosen = new ArrayList<>();
        params.forEach((name, field) -> {
            if (name.matches("field\\d{1,4}")) {
                String index = name.substring(5);
                ImportField.MAPPED_VALUES.stream().filter(f -> f.name().equals(field)).findFirst()
                        .ifPresent(f -> chosen.add(new ImportJobs.ValueChoice(f, params.get("value" + index),
                                params.get("choice" + index))));
            }
        });
        return attempt(id, () -> jobs.chooseValues(id, chosen), locale, redirect);
    }

    /** Forgets a remembered choice for an unknown value (parameters {@code field}, {@code value}). */
    @PostMapping("/choices/forget")
    String forget(@RequestParam(required = false) String field, @RequestParam(required = false) String value) {
        ImportField.MAPPED_VALUES.stream().filter(f -> f.name().equals(field)).findFirst()
                .ifPresent(f -> jobs.forgetChoice(f, value));
        return "redirect:/imports";
    }

    /** The file with every error beside its row, as a workbook to correct and upload again. */
    @GetMapping("/{id}/errors.xlsx")
    void errors(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        jobs.requireErrorsDownloadable(id);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("erreurs-import-" + id.toString().substring(0, 8) + ".xlsx").build().toString());
        jobs.writeErrors(id, e -> messages.getMessage(e.key(), e.args().toArray(), locale),
                messages.getMessage("imports.errors.sheet", null, locale),
                messages.getMessage("imports.errors.column", null, locale), response.getOutputStream());
    }

    /** Runs an action on a job and comes back to its page, with the refusal if there is one. */
    private String attempt(UUID id, Runnable action, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (BusinessException refusal) {
            if (refusal.status() == 404) {
                throw refusal;
            }
            return refused(redirect, "/imports/" + id, refusal, locale);
        }
        return "redirect:/imports/" + id;
    }

    /** A refusal shown on the page redirected to, with its arguments (field names are translated). */
    private String refused(RedirectAttributes redirect, String target, BusinessException refusal, Locale locale) {
        Object[] args = Arrays.stream(refusal.arguments() == null ? new Object[0] : refusal.arguments())
                .map(a -> a instanceof String s && Arrays.stream(ImportField.values()).anyMatch(f -> f.name().equals(s))
                        ? messages.getMessage(ImportField.valueOf(s).labelKey(), null, locale) : a)
                .toArray();
        redirect.addFlashAttribute("importError", messages.getMessage(refusal.messageKey(), args, locale));
        return "redirect:" + target;
    }
}
