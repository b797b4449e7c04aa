package fr.passerelle.network.web;

import fr.passerelle.identity.Organisations;
import fr.passerelle.network.Courts;
import fr.passerelle.network.Directory;
import fr.passerelle.network.Membership;
import fr.passerelle.network.MembershipFees;
import fr.passerelle.network.Profile;
import fr.passerelle.network.ProfileChanges;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.web.Downloads;
import fr.passerelle.shared.web.Forms;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An association's public profile in the network directory: what is published, the change waiting
 * for the federation, the decisions taken, and the form to submit a new version.
 */
@Controller
@RequestMapping("/network/profile")
@PreAuthorize("hasAuthority('profile:edit')")
class ProfileController {

    private final Directory directory;
    private final ProfileChanges changes;
    private final Courts courts;
    private final Organisations organisations;
    private final ProfileFormModel formModel;
    private final MembershipFees fees;
    private final Membership membership;

    ProfileController(Directory directory, ProfileChanges changes, Courts courts, Organisations organisations,
            ProfileFormModel formModel, MembershipFees fees, Membership membership) {
        this.fees = fees;
        this.membership = membership;
        this.directory = directory;
        this.changes = changes;
        this.courts = courts;
        this.organisations = organisations;
        this.formModel = formModel;
    }

    @GetMapping
    String show(Model model) {
        UUID organisation = organisation();
        model.addAttribute("organisation", organisations.get(organisation));
        model.addAttribute("published", directory.published(organisation).map(this::view).orElse(null));
        model.addAttribute("publishedAt", directory.publishedAt(organisation).orElse(null));
        ProfileChanges.Change pending = changes.pending().orElse(null);
        model.addAttribute("pending", pending);
        model.addAttribute("pendingView", pending == null ? null : view(pending.profile()));
        model.addAttribute("history", changes.history());
        return "network/profile/show";
    }

    @GetMapping("/edit")
    String edit(Model model) {
        UUID organisation = organisation();
        Profile start = changes.pending().map(ProfileChanges.Change::profile)
                .or(() -> directory.published(organisation))
                .orElseGet(() -> new Profile(null, null, organisations.get(organisation).city(), null, null, null, null,
                        null, null, null, List.of(), List.of()));
        ProfileForm form = ProfileForm.of(start);
        model.addAttribute("form", form);
        return showForm(form, model);
    }

    @PostMapping
    String submit(@ModelAttribute("form") ProfileForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(form, model);
        }
        try {
            ProfileChanges.Submission submission = changes.submit(form.toProfile());
            Forms.success(redirect, submission.replacedPending() ? "profile.change.submittedReplacing"
                    : "profile.change.submitted");
        } catch (FieldRefusal refusal) {
            Forms.reject(result, refusal);
            return showForm(form, model);
        } catch (BusinessException refusal) {
            if (refusal.status() == 404 || refusal.status() == 403) {
                throw refusal;
            }
            result.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
            return showForm(form, model);
        }
        return "redirect:/network/profile";
    }

    /** The association's membership: its status history and its calls for fees. */
    @GetMapping("/fees")
    String fees(Model model) {
        UUID organisation = organisation();
        model.addAttribute("organisation", organisations.get(organisation));
        model.addAttribute("history", membership.history(organisation));
        model.addAttribute("calls", fees.mine());
        return "network/profile/fees";
    }

    @GetMapping("/fees/{id}/pdf")
    ResponseEntity<byte[]> feePdf(@PathVariable UUID id) {
        MembershipFees.Call call = fees.call(id);
        if (!call.organisationId().equals(organisation())) {
            throw BusinessException.notFound();
        }
        return Downloads.attachment(MediaType.APPLICATION_PDF, call.reference() + ".pdf", fees.pdf(id));
    }

    private String showForm(ProfileForm form, Model model) {
        model.addAttribute("pendingExists", changes.pending().isPresent());
        formModel.fill(form, model);
        return "network/profile/form";
    }

    /** A profile with its courts and activities resolved for display. */
    record ProfileView(Profile profile, List<Courts.JudicialCourt> courts, List<Directory.Activity> activities) {}

    private ProfileView view(Profile profile) {
        return new ProfileView(profile, courts.judicialCourts(profile.courts()), directory.activities(profile.activities()));
    }

    private static UUID organisation() {
        return TenantContext.currentOrganisationId().orElseThrow(BusinessException::notFound);
    }

}
