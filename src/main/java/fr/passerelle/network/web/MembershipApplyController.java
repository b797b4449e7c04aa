package fr.passerelle.network.web;

import fr.passerelle.identity.Organisations;
import fr.passerelle.network.Membership;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public application for membership of the federation (no account needed). */
@Controller
@RequestMapping("/reseau/adhesion")
class MembershipApplyController {

    private static final Pattern REFERENCE = Pattern.compile("ADH-[0-9]{4}-[0-9]{4,8}");

    private final Membership membership;
    private final Organisations organisations;
    private final ProfileFormModel formModel;

    MembershipApplyController(Membership membership, Organisations organisations, ProfileFormModel formModel) {
        this.membership = membership;
        this.organisations = organisations;
        this.formModel = formModel;
    }

    @GetMapping
    String form(@ModelAttribute("form") ApplicationForm form, Model model) {
        return showForm(form, model);
    }

    @PostMapping
    String apply(@ModelAttribute("form") ApplicationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(form, model);
        }
        try {
            String reference = membership.apply(form.toInput());
            redirect.addAttribute("reference", reference);
            return "redirect:/reseau/adhesion/envoyee";
        } catch (FieldRefusal refusal) {
            fr.passerelle.shared.web.Forms.reject(result, refusal);
        } catch (BusinessException refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
        }
        return showForm(form, model);
    }

    @GetMapping("/envoyee")
    String applied(@RequestParam(defaultValue = "") String reference, Model model) {
        if (!REFERENCE.matcher(reference).matches()) {
            throw BusinessException.notFound();
        }
        model.addAttribute("reference", reference);
        return "network/membership/applied";
    }

    private String showForm(ApplicationForm form, Model model) {
        formModel.fill(form, model);
        model.addAttribute("legalForms", Membership.LegalForm.values());
        model.addAttribute("regions", organisations.regions());
        model.addAttribute("sponsors", membership.sponsors());
        model.addAttribute("charterVersion", Membership.CHARTER_VERSION);
        return "network/membership/apply";
    }
}
