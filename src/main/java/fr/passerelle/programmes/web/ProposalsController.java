package fr.passerelle.programmes.web;

import fr.passerelle.programmes.PracticeProposals;
import fr.passerelle.programmes.PracticeVocabulary;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.web.Forms;
import java.util.UUID;
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

/**
 * Sheets proposed to the library by member associations ({@code practice:propose}) and their
 * moderation by the federation ({@code practice:edit}).
 */
@Controller
@PreAuthorize("hasAuthority('practice:propose') or hasAuthority('practice:edit')")
class ProposalsController {

    private final PracticeProposals proposals;

    ProposalsController(PracticeProposals proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/practices/proposals")
    String list(Model model) {
        model.addAttribute("proposals", proposals.list());
        return "programmes/proposals-list";
    }

    @GetMapping("/practices/proposals/new")
    @PreAuthorize("hasAuthority('practice:propose')")
    String create(Model model) {
        model.addAttribute("form", new PracticeSheetForm());
        return PracticesController.form(null, true, model);
    }

    @PostMapping("/practices/proposals")
    @PreAuthorize("hasAuthority('practice:propose')")
    String propose(@ModelAttribute("form") PracticeSheetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        UUID id;
        try {
            id = proposals.propose(form.input(), form.getActionName(), form.getActionPlace());
        } catch (FieldRefusal refusal) {
            PracticesController.reject(result, refusal);
            return PracticesController.form(null, true, model);
        }
        Forms.success(redirect, "practice.proposal.submitted.flash");
        return "redirect:/practices/proposals/" + id;
    }

    @GetMapping("/practices/proposals/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("proposal", proposals.get(id));
        model.addAttribute("sections", PracticeVocabulary.SECTIONS.keySet());
        return "programmes/proposals-show";
    }

    @PostMapping("/practices/proposals/{id}/accept")
    @PreAuthorize("hasAuthority('practice:edit')")
    String accept(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        String[] code = {null};
        if (Forms.perform(redirect, "practice.proposal.accepted", () -> code[0] = proposals.accept(id, note))) {
            return "redirect:/practices/" + code[0];
        }
        return "redirect:/practices/proposals/" + id;
    }

    @PostMapping("/practices/proposals/{id}/refuse")
    @PreAuthorize("hasAuthority('practice:edit')")
    String refuse(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Forms.perform(redirect, "practice.proposal.refused", () -> proposals.refuse(id, reason));
        return "redirect:/practices/proposals/" + id;
    }
}
