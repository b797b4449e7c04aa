package fr.passerelle.measures.web;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Attendance;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.Reports;
import fr.passerelle.shared.web.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A measure's page: its mandate, its timeline and the lifecycle actions allowed now. */
@Controller
@RequestMapping("/measures")
class MeasuresController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Measures measures;
    private final UserAccounts users;
    private final Appointments appointments;
    private final FollowUp followUp;
    private final Reports reports;
    private final AuditLog audit;
    private final Clock clock;
    private final TimelineLines timelineLines;

    MeasuresController(Measures measures, UserAccounts users, Appointments appointments, FollowUp followUp,
            Reports reports, AuditLog audit, Clock clock, TimelineLines timelineLines) {
        this.timelineLines = timelineLines;
        this.audit = audit;
        this.clock = clock;
        this.reports = reports;
        this.measures = measures;
        this.users = users;
        this.appointments = appointments;
        this.followUp = followUp;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('measure:read')")
    String show(@PathVariable UUID id, @RequestParam(required = false) UUID absence,
            @RequestParam(required = false) String events, @RequestParam(required = false) String before,
            java.util.Locale locale, Model model) {
        Measures.Measure measure = measures.get(id);
        audit.record("measure.viewed", "measure", id, Map.of("format", "page"));
        model.addAttribute("measure", measure);
        model.addAttribute("timeline", timelineLines.view(id, events, before, locale));
        model.addAttribute("actions", measures.availableActions(measure));
        model.addAttribute("caseWorkers", users.withRole(Roles.CASE_WORKER));
        model.addAttribute("outcomes", java.util.Arrays.stream(MeasureOutcome.values())
                .filter(o -> o != MeasureOutcome.CANCELLED_BY_MAGISTRATE).toList());
        model.addAttribute("today", LocalDate.now(clock));
        List<Appointments.Appointment> ofMeasure = appointments.ofMeasure(id);
        List<FollowUp.Incident> incidents = followUp.incidents(id);
        model.addAttribute("appointments", ofMeasure);
        // Unexcused absences without an absence incident on their day: each offers to record one, and
        // ?absence= one of them pre-fills the incident form (nothing is recorded until it is sent).
        java.util.Set<UUID> absencesToRecord = ofMeasure.stream()
                .filter(a -> a.attendance() == Attendance.UNEXCUSED_ABSENCE)
                .filter(a -> incidents.stream().noneMatch(i -> i.kind() == IncidentKind.ABSENCE
                        && i.occurredOn().equals(a.scheduledAt().atZone(PARIS).toLocalDate())))
                .map(Appointments.Appointment::id)
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("absencesToRecord", absencesToRecord);
        ofMeasure.stream().filter(a -> a.id().equals(absence) && a.attendance() == Attendance.UNEXCUSED_ABSENCE)
                .findFirst().ifPresent(a -> model.addAttribute("absenceDraft", a));
        model.addAttribute("appointmentKinds", AppointmentKind.values());
        model.addAttribute("attendances", Attendance.values());
        model.addAttribute("obligations", followUp.obligations(id));
        model.addAttribute("progress", followUp.progress(id));
        model.addAttribute("incidents", incidents);
        model.addAttribute("incidentKinds", IncidentKind.values());
        model.addAttribute("reports", reports.ofMeasure(id));
        model.addAttribute("incidentReports", reports.reportsOfIncidents(id));
        model.addAttribute("reportKinds", ReportKind.values());
        return "measures/show";
    }

    /** One lifecycle action; assigning needs {@code measure:assign}, the others {@code measure:write}. */
    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAuthority('measure:write') or hasAuthority('measure:assign')")
    String perform(@PathVariable UUID id, @RequestParam MeasureAction action,
            @RequestParam(required = false) UUID assigneeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            @RequestParam(required = false) MeasureOutcome outcome,
            @RequestParam(required = false) String reason,
            org.springframework.security.core.Authentication authentication, RedirectAttributes redirect) {
        String needed = action.permission();
        if (authentication.getAuthorities().stream().noneMatch(a -> needed.equals(a.getAuthority()))) {
            throw new org.springframework.security.access.AccessDeniedException(needed + " required");
        }
        Forms.perform(redirect, "measure.action.done." + action.name(),
                () -> measures.perform(id, action, new Measures.ActionInput(assigneeId, effectiveOn, outcome, reason)));
        return "redirect:/measures/" + id;
    }

    /** The measure's deadlines: the due date and the planned end (open measures only). */
    @PostMapping("/{id}/deadlines")
    @PreAuthorize("hasAuthority('measure:write')")
    String deadlines(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedEndOn,
            RedirectAttributes redirect) {
        Forms.perform(redirect, "measures.deadlines.saved", () -> measures.updateDeadlines(id, dueOn, plannedEndOn));
        return "redirect:/measures/" + id;
    }
}
