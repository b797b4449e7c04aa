package fr.passerelle.programmes.web;

import fr.passerelle.programmes.ProgrammeBeneficiaries;
import fr.passerelle.programmes.Programmes;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.web.Forms;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A programme's beneficiaries (only for signed members of its group holding
 * {@code programme:beneficiaries}: the service refuses the others with the reason) from the liaison
 * form to the exit, and its sessions with their attendance sheets.
 */
@Controller
class BeneficiariesController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Programmes programmes;
    private final ProgrammeBeneficiaries beneficiaries;
    private final Clock clock;

    BeneficiariesController(Programmes programmes, ProgrammeBeneficiaries beneficiaries, Clock clock) {
        this.programmes = programmes;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    private void common(UUID id, String tab, Model model) {
        model.addAttribute("programme", programmes.get(id));
        model.addAttribute("tab", tab);
        model.addAttribute("today", LocalDate.now(clock.withZone(PARIS)));
    }

    @GetMapping("/programmes/{id}/beneficiaries")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String list(@PathVariable UUID id, Model model) {
        List<ProgrammeBeneficiaries.BeneficiaryLine> lines = beneficiaries.list(id);
        common(id, "beneficiaries", model);
        model.addAttribute("beneficiaries", lines);
        model.addAttribute("sexes", ProgrammeBeneficiaries.SEXES);
        return "programmes/beneficiaries-list";
    }

    @PostMapping("/programmes/{id}/beneficiaries")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String addLiaison(@PathVariable UUID id, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String sex, @RequestParam(required = false) String neighbourhood,
            @RequestParam(required = false) String liaisonFrom, @RequestParam(required = false) String liaisonOn,
            @RequestParam(required = false) String liaisonReason, RedirectAttributes redirect) {
        UUID[] created = {null};
        if (Forms.perform(redirect, "programme.beneficiary.added.flash", () -> created[0] = beneficiaries.addLiaison(id,
                new ProgrammeBeneficiaries.LiaisonInput(firstName, lastName, Inputs.date("birthDate", birthDate), sex,
                        neighbourhood, liaisonFrom, Inputs.date("liaisonOn", liaisonOn), liaisonReason)))) {
            return "redirect:/programmes/" + id + "/beneficiaries/" + created[0];
        }
        // Refused: the form comes back as it was typed, with the reason above it.
        redirect.addFlashAttribute("liaison", new LiaisonDraft(firstName, lastName, birthDate, sex, neighbourhood,
                liaisonFrom, liaisonOn, liaisonReason));
        return "redirect:/programmes/" + id + "/beneficiaries";
    }

    @GetMapping("/programmes/{id}/beneficiaries/{beneficiary}")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String show(@PathVariable UUID id, @PathVariable UUID beneficiary, Model model) {
        ProgrammeBeneficiaries.Beneficiary b = beneficiaries.get(id, beneficiary);
        common(id, "beneficiaries", model);
        model.addAttribute("b", b);
        model.addAttribute("contacts", beneficiaries.contacts(id, beneficiary));
        model.addAttribute("orientations", beneficiaries.orientations(id, beneficiary));
        model.addAttribute("referents", programmes.members(id).stream().filter(Programmes.Member::active).toList());
        model.addAttribute("consents", ProgrammeBeneficiaries.CONSENTS);
        model.addAttribute("contactKinds", ProgrammeBeneficiaries.CONTACT_KINDS);
        model.addAttribute("orientationKinds", ProgrammeBeneficiaries.ORIENTATION_KINDS);
        model.addAttribute("outcomes", ProgrammeBeneficiaries.EXIT_OUTCOMES);
        return "programmes/beneficiary-show";
    }

    private static String back(UUID id, UUID beneficiary) {
        return "redirect:/programmes/" + id + "/beneficiaries/" + beneficiary;
    }

    @PostMapping("/programmes/{id}/beneficiaries/{beneficiary}/decision")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String decide(@PathVariable UUID id, @PathVariable UUID beneficiary, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String decisionOn, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.decision.flash", () -> beneficiaries.decide(id, beneficiary, decision,
                Inputs.date("decisionOn", decisionOn), reason));
        return back(id, beneficiary);
    }

    @PostMapping("/programmes/{id}/beneficiaries/{beneficiary}/consent")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String consent(@PathVariable UUID id, @PathVariable UUID beneficiary, @RequestParam(required = false) String consentOn,
            @RequestParam(required = false) String consentBy, @RequestParam(required = false) String guardianName,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.consent.flash", () -> beneficiaries.consent(id, beneficiary,
                Inputs.date("consentOn", consentOn), consentBy, guardianName));
        return back(id, beneficiary);
    }

    @PostMapping("/programmes/{id}/beneficiaries/{beneficiary}/contract")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String contract(@PathVariable UUID id, @PathVariable UUID beneficiary, @RequestParam(required = false) UUID referentId,
            @RequestParam(required = false) String contractStartsOn, @RequestParam(required = false) String contractEndsOn,
            @RequestParam(required = false) String contractObjectives, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.contract.flash", () -> beneficiaries.contract(id, beneficiary, referentId,
                Inputs.date("contractStartsOn", contractStartsOn), Inputs.date("contractEndsOn", contractEndsOn),
                contractObjectives));
        return back(id, beneficiary);
    }

    @PostMapping("/programmes/{id}/beneficiaries/{beneficiary}/contacts")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String addContact(@PathVariable UUID id, @PathVariable UUID beneficiary, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String happenedOn, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.contact.flash", () -> beneficiaries.addContact(id, beneficiary, kind,
                Inputs.date("happenedOn", happenedOn), note));
        return back(id, beneficiary);
    }

    @PostMapping("/programmes/{id}/beneficiaries/{beneficiary}/orientations")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String addOrientation(@PathVariable UUID id, @PathVariable UUID beneficiary, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String service, @RequestParam(required = false) String orientedOn,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.orientation.flash", () -> beneficiaries.addOrientation(id, beneficiary, kind,
                service, Inputs.date("orientedOn", orientedOn)));
        return back(id, beneficiary);
    }

    @PostMapping("/programmes/{id}/beneficiaries/{beneficiary}/exit")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String exit(@PathVariable UUID id, @PathVariable UUID beneficiary, @RequestParam(required = false) String exitOn,
            @RequestParam(required = false) String exitOutcome, @RequestParam(defaultValue = "false") boolean contractCompleted,
            @RequestParam(required = false) String exitReview, RedirectAttributes redirect) {
        Forms.perform(redirect, "programme.exit.flash", () -> beneficiaries.endReview(id, beneficiary,
                Inputs.date("exitOn", exitOn), exitOutcome, contractCompleted, exitReview));
        return back(id, beneficiary);
    }

    // ---------------------------------------------------------------- sessions

    @GetMapping("/programmes/{id}/sessions")
    @PreAuthorize("hasAuthority('programme:read')")
    String sessions(@PathVariable UUID id, Model model) {
        common(id, "sessions", model);
        model.addAttribute("sessions", beneficiaries.sessions(id));
        model.addAttribute("signed", TenantContext.hasAuthority(Programmes.BENEFICIARIES) && programmes.signedMember(id));
        model.addAttribute("leads", programmes.leads(id));
        model.addAttribute("weekdays", List.of(DayOfWeek.values()));
        return "programmes/sessions-list";
    }

    @PostMapping("/programmes/{id}/sessions")
    @PreAuthorize("hasAuthority('programme:lead')")
    String planSessions(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String count, @RequestParam(name = "days", required = false) List<DayOfWeek> days,
            @RequestParam(required = false) String halfDay, @RequestParam(required = false) String label,
            RedirectAttributes redirect) {
        Set<DayOfWeek> chosen = days == null || days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        Forms.perform(redirect, "programme.sessions.planned.flash", () -> beneficiaries.planSessions(id,
                Inputs.date("from", from), Inputs.number("count", count, 0), chosen, halfDay, label));
        return "redirect:/programmes/" + id + "/sessions";
    }

    @GetMapping("/programmes/{id}/sessions/{session}")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String attendance(@PathVariable UUID id, @PathVariable UUID session, Model model) {
        List<ProgrammeBeneficiaries.AttendanceLine> lines = beneficiaries.attendance(id, session);
        common(id, "sessions", model);
        model.addAttribute("slot", beneficiaries.session(id, session));
        model.addAttribute("lines", lines);
        return "programmes/session-attendance";
    }

    /**
     * The attendance sheet as sent: for each beneficiary listed, {@code present-<id>} (present,
     * absent) and {@code late-<id>} when late; a line left unanswered is not recorded, unless the
     * user chose "the others present" ({@code rest=present}).
     */
    @PostMapping("/programmes/{id}/sessions/{session}")
    @PreAuthorize("hasAuthority('programme:beneficiaries')")
    String recordAttendance(@PathVariable UUID id, @PathVariable UUID session,
            @RequestParam(name = "beneficiary", required = false) List<UUID> listed,
            @RequestParam(required = false) String rest, HttpServletRequest request, RedirectAttributes redirect) {
        List<ProgrammeBeneficiaries.Mark> marks = new ArrayList<>();
        for (UUID b : listed == null ? List.<UUID>of() : listed) {
            String answer = request.getParameter("present-" + b);
            if (answer == null && "present".equals(rest)) {
                answer = "yes";
            }
            if ("yes".equals(answer) || "no".equals(answer)) {
                marks.add(new ProgrammeBeneficiaries.Mark(b, "yes".equals(answer), request.getParameter("late-" + b) != null));
            }
        }
        if (Forms.perform(redirect, "programme.attendance.flash", () -> beneficiaries.recordAttendance(id, session, marks))) {
            return "redirect:/programmes/" + id + "/sessions";
        }
        return "redirect:/programmes/" + id + "/sessions/" + session;
    }
}
