package fr.passerelle.network.web;

import fr.passerelle.network.MembershipFees;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/** The members' annual fees: each year's rule, the calls issued, payments and reminders. */
@Controller
@RequestMapping("/network/fees")
@PreAuthorize("hasAuthority('membership:review')")
class FeesController {

    /** Rows of the bracket form. */
    static final int BRACKET_ROWS = 6;

    private final MembershipFees fees;

    FeesController(MembershipFees fees) {
        this.fees = fees;
    }

    @GetMapping
    String year(@RequestParam(required = false) Integer year, @RequestParam(required = false) MembershipFees.State state,
            @RequestParam(required = false) Integer page, Model model) {
        int shown = year == null ? fees.today().getYear() : year;
        if (shown < 2000 || shown > 2100) {
            throw BusinessException.notFound();
        }
        model.addAttribute("year", shown);
        model.addAttribute("rule", fees.rule(shown).orElse(null));
        model.addAttribute("calls", fees.calls(shown, state, ResultPage.sanitizePage(page)));
        model.addAttribute("state", state);
        model.addAttribute("states", MembershipFees.State.values());
        model.addAttribute("bases", MembershipFees.Basis.values());
        model.addAttribute("bracketRows", BRACKET_ROWS);
        return "network/fees/year";
    }

    @PostMapping("/rule")
    @PreAuthorize("hasAuthority('membership:decide')")
    String saveRule(@RequestParam int year, @RequestParam(required = false) MembershipFees.Basis basis,
            @RequestParam(defaultValue = "") String dueDate, @RequestParam(name = "from", required = false) List<String> from,
            @RequestParam(name = "amount", required = false) List<String> amount, RedirectAttributes redirect) {
        List<MembershipFees.Bracket> brackets = new ArrayList<>();
        int rows = Math.min(from == null ? 0 : from.size(), amount == null ? 0 : amount.size());
        boolean unreadable = false;
        for (int i = 0; i < rows; i++) {
            if (from.get(i).isBlank() && amount.get(i).isBlank()) {
                continue;
            }
            BigDecimal f = Inputs.decimal(from.get(i));
            BigDecimal a = Inputs.decimal(amount.get(i));
            if (f == null || a == null) {
                unreadable = true;
            } else {
                brackets.add(new MembershipFees.Bracket(f, a));
            }
        }
        if (unreadable) {
            Forms.error(redirect, "fees.brackets.unreadable");
        } else {
            Forms.perform(redirect, "fees.rule.saved", () -> fees.saveRule(year, basis, Inputs.date(dueDate), brackets));
        }
        return "redirect:/network/fees?year=" + year;
    }

    @PostMapping("/issue")
    @PreAuthorize("hasAuthority('membership:decide')")
    String issue(@RequestParam int year, RedirectAttributes redirect) {
        try {
            MembershipFees.Issued issued = fees.issue(year);
            Forms.success(redirect, "fees.issued", issued.issued(), issued.alreadyIssued(), issued.withoutFigures().size());
            redirect.addFlashAttribute("withoutFigures", issued.withoutFigures());
        } catch (BusinessException refusal) {
            Forms.error(redirect, refusal.messageKey(), refusal.arguments());
        }
        return "redirect:/network/fees?year=" + year;
    }

    @PostMapping("/remind")
    @PreAuthorize("hasAuthority('membership:decide')")
    String remind(@RequestParam int year, RedirectAttributes redirect) {
        int reminded = fees.remind(year);
        Forms.success(redirect, "fees.reminded", reminded);
        return "redirect:/network/fees?year=" + year;
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable UUID id, Model model) {
        model.addAttribute("call", fees.call(id));
        model.addAttribute("payments", fees.payments(id));
        model.addAttribute("methods", MembershipFees.Method.values());
        model.addAttribute("today", fees.today());
        return "network/fees/call";
    }

    @GetMapping("/calls/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        MembershipFees.Call call = fees.call(id);
        return Downloads.attachment(MediaType.APPLICATION_PDF, call.reference() + ".pdf", fees.pdf(id));
    }

    @PostMapping("/calls/{id}/payments")
    @PreAuthorize("hasAuthority('membership:decide')")
    String pay(@PathVariable UUID id, @RequestParam(defaultValue = "") String paidOn,
            @RequestParam(defaultValue = "") String amount, @RequestParam(required = false) MembershipFees.Method method,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        BigDecimal value = Inputs.decimal(amount);
        Forms.perform(redirect, "fees.payment.saved", () -> fees.recordPayment(id, Inputs.date(paidOn),
                value, method, note));
        return "redirect:/network/fees/calls/" + id;
    }
}
