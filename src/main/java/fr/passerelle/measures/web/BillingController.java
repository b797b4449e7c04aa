package fr.passerelle.measures.web;

import fr.passerelle.measures.Billing;
import fr.passerelle.measures.BillingStatus;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.web.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import fr.passerelle.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Billing to courts: the list of monthly statements, one statement's page and its actions, PDF and CSV. */
@Controller
@RequestMapping("/billing")
@PreAuthorize("hasAuthority('billing:manage')")
class BillingController {

    private final Billing billing;
    private final Clock clock;

    BillingController(Billing billing, Clock clock) {
        this.clock = clock;
        this.billing = billing;
    }

    @GetMapping
    String list(@RequestParam(required = false) String court, @RequestParam(required = false) String status,
            @RequestParam(required = false) String year, Model model) {
        Billing.Filters filters = new Billing.Filters(blankToNull(court), parseStatus(status), parseYear(year));
        model.addAttribute("filters", filters);
        return showList(model);
    }

    @PostMapping
    String generate(@RequestParam(required = false) String court, @RequestParam(required = false) String month,
            Model model, RedirectAttributes redirect) {
        try {
            UUID id = billing.generate(blankToNull(court), parseMonth(month));
            Forms.success(redirect, "billing.generated");
            return "redirect:/billing/" + id;
        } catch (BusinessException refusal) {
            model.addAttribute("filters", new Billing.Filters(null, null, null));
            model.addAttribute("refusal", refusal.messageKey());
            model.addAttribute("court", court);
            model.addAttribute("month", month);
            return showList(model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        Billing.Statement statement = billing.get(id);
        model.addAttribute("statement", statement);
        model.addAttribute("actions", statement.status().actions());
        model.addAttribute("typesWithoutTariff", billing.typesWithoutTariff(statement));
        model.addAttribute("late", billing.lateLines(statement));
        model.addAttribute("today", LocalDate.now(clock));
        return "billing/show";
    }

    @PostMapping("/{id}/regenerate")
    String regenerate(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "billing.regenerated", () -> billing.regenerate(id));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Forms.perform(redirect, "billing.deleted", () -> billing.delete(id)) ? "redirect:/billing"
                : "redirect:/billing/" + id;
    }

    @PostMapping("/{id}/send")
    String send(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentOn,
            RedirectAttributes redirect) {
        if (!Forms.perform(redirect, "billing.sent", () -> billing.send(id, sentOn))) {
            redirect.addFlashAttribute("sentOn", sentOn);
        }
        return "redirect:/billing/" + id;
    }

    @PostMapping("/{id}/pay")
    String pay(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            RedirectAttributes redirect) {
        if (!Forms.perform(redirect, "billing.paid", () -> billing.pay(id, paidOn))) {
            redirect.addFlashAttribute("paidOn", paidOn);
        }
        return "redirect:/billing/" + id;
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Billing.Statement statement = billing.get(id);
        return Downloads.attachment(MediaType.APPLICATION_PDF, billing.fileName(statement, "pdf"), billing.pdf(id));
    }

    @GetMapping("/{id}/csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        Billing.Statement statement = billing.get(id);
        return Downloads.attachment(MediaType.parseMediaType("text/csv;charset=UTF-8"), billing.fileName(statement, "csv"),
                billing.csv(id));
    }

    private String showList(Model model) {
        Billing.Filters filters = (Billing.Filters) model.getAttribute("filters");
        model.addAttribute("listing", billing.list(filters));
        model.addAttribute("courts", billing.courts());
        model.addAttribute("statuses", BillingStatus.values());
        if (!model.containsAttribute("month")) {
            model.addAttribute("month", YearMonth.now(clock).minusMonths(1).toString());
        }
        return "billing/list";
    }

    private static String act(UUID id, RedirectAttributes redirect, String successKey, Runnable action) {
        Forms.perform(redirect, successKey, action);
        return "redirect:/billing/" + id;
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BillingStatus parseStatus(String status) {
        try {
            return status == null || status.isBlank() ? null : BillingStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer parseYear(String year) {
        return year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
