package fr.passerelle.network.web;

import fr.passerelle.identity.Organisations;
import fr.passerelle.network.Courts;
import fr.passerelle.network.Directory;
import fr.passerelle.network.Membership;
import fr.passerelle.network.MembershipFees;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.web.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The federation's side of membership: applications reviewed and decided, members and their status. */
@Controller
@RequestMapping("/network")
@PreAuthorize("hasAuthority('membership:review')")
class MembershipController {

    private final Membership membership;
    private final MembershipFees fees;
    private final Organisations organisations;
    private final Courts courts;
    private final Directory directory;
    private final fr.passerelle.network.Forum forum;

    MembershipController(Membership membership, MembershipFees fees, Organisations organisations, Courts courts,
            Directory directory, fr.passerelle.network.Forum forum) {
        this.forum = forum;
        this.membership = membership;
        this.fees = fees;
        this.organisations = organisations;
        this.courts = courts;
        this.directory = directory;
    }

    @GetMapping("/membership")
    String applications(@RequestParam(required = false) Membership.Status status,
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer page,
            HtmxRequest htmx, Model model) {
        ResultPage<Membership.ApplicationLine> result = membership.applications(status, q, ResultPage.sanitizePage(page));
        model.addAttribute("applications", result);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", Membership.Status.values());
        return htmx.isHtmxRequest() ? "network/membership/list :: results" : "network/membership/list";
    }

    /** The federation home's card: applications waiting for an opinion or a decision, fees in arrears, reported posts. */
    @GetMapping("/membership/summary")
    String summary(Model model) {
        model.addAttribute("waiting", membership.waiting());
        model.addAttribute("arrears", fees.arrears());
        if (fr.passerelle.shared.TenantContext.hasAuthority(fr.passerelle.identity.Permissions.FORUM_MODERATE)) {
            model.addAttribute("reportedPosts", forum.openReportCount());
        }
        return "network/membership/summary :: summary";
    }

    @GetMapping("/membership/{id}")
    String application(@PathVariable UUID id, Model model) {
        Membership.Application application = membership.application(id);
        model.addAttribute("a", application);
        model.addAttribute("sponsorNames", membership.sponsorNames(application));
        model.addAttribute("courts", courts.judicialCourts(application.profile().courts()));
        model.addAttribute("activities", directory.activities(application.profile().activities()));
        model.addAttribute("opinions", Membership.Opinion.values());
        model.addAttribute("decisions", Membership.Decision.values());
        model.addAttribute("suggestedUsername", suggestedUsername(application.adminEmail()));
        return "network/membership/show";
    }

    @PostMapping("/membership/{id}/opinion")
    String opinion(@PathVariable UUID id, @RequestParam int rowVersion,
            @RequestParam(required = false) Membership.Opinion opinion, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "membership.opinion.saved", () -> membership.giveOpinion(id, rowVersion, opinion, text));
        return "redirect:/network/membership/" + id;
    }

    @PostMapping("/membership/{id}/decision")
    @PreAuthorize("hasAuthority('membership:decide')")
    String decide(@PathVariable UUID id, @RequestParam int rowVersion,
            @RequestParam(required = false) Membership.Decision decision, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String adminUsername, @RequestParam(defaultValue = "") String adminPassword,
            RedirectAttributes redirect) {
        Membership.FirstAdmin admin = decision == Membership.Decision.ACCEPT
                ? new Membership.FirstAdmin(adminUsername.strip(), adminPassword) : null;
        Forms.perform(redirect, "membership.decision.saved",
                () -> membership.decide(id, rowVersion, decision, reason, admin));
        return "redirect:/network/membership/" + id;
    }

    @GetMapping("/members")
    String members(@RequestParam(required = false) Membership.MemberStatus status,
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer page,
            HtmxRequest htmx, Model model) {
        model.addAttribute("members", membership.members(status, q, ResultPage.sanitizePage(page)));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", Membership.MemberStatus.values());
        return htmx.isHtmxRequest() ? "network/membership/members :: results" : "network/membership/members";
    }

    @GetMapping("/members/{id}")
    String member(@PathVariable UUID id, Model model) {
        model.addAttribute("organisation", organisations.find(id)
                .orElseThrow(fr.passerelle.shared.BusinessException::notFound));
        model.addAttribute("history", membership.history(id));
        model.addAttribute("statuses", Membership.MemberStatus.values());
        model.addAttribute("figures", fees.figures(id));
        model.addAttribute("thisYear", fees.today().getYear());
        return "network/membership/member";
    }

    @PostMapping("/members/{id}/status")
    @PreAuthorize("hasAuthority('membership:decide')")
    String changeStatus(@PathVariable UUID id, @RequestParam(required = false) Membership.MemberStatus status,
            @RequestParam(defaultValue = "") String since, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        LocalDate from = Inputs.date(since);
        Forms.perform(redirect, "membership.status.saved", () -> membership.changeStatus(id, status, from, reason));
        return "redirect:/network/members/" + id;
    }

    @PostMapping("/members/{id}/figures")
    @PreAuthorize("hasAuthority('membership:decide')")
    String figures(@PathVariable UUID id, @RequestParam(defaultValue = "0") int year,
            @RequestParam(defaultValue = "") String annualBudget, @RequestParam(defaultValue = "") String staff,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "fees.figures.saved", () -> fees.recordFigures(id, year, Inputs.decimal(annualBudget),
                Inputs.decimal(staff)));
        return "redirect:/network/members/" + id;
    }

    /** The first administrator's login suggested from the e-mail's local part (the decider may change it). */
    static String suggestedUsername(String email) {
        String local = email == null ? "" : email.substring(0, Math.max(0, email.indexOf('@')));
        return java.text.Normalizer.normalize(local, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
    }
}
