package fr.passerelle.measures.web;

import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Attendance;
import fr.passerelle.shared.web.Forms;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Scheduling appointments of a measure and recording attendance. */
@Controller
@PreAuthorize("hasAuthority('measure:write')")
class AppointmentsController {

    private final Appointments appointments;

    AppointmentsController(Appointments appointments) {
        this.appointments = appointments;
    }

    @PostMapping("/measures/{id}/appointments")
    String schedule(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
            @RequestParam(defaultValue = "60") int durationMinutes, @RequestParam(required = false) AppointmentKind kind,
            @RequestParam(required = false) String place, RedirectAttributes redirect) {
        Forms.perform(redirect, "appointment.scheduled",
                () -> appointments.schedule(id, new Appointments.Schedule(at, durationMinutes, kind, place)));
        return "redirect:/measures/" + id;
    }

    @PostMapping("/appointments/{id}/attendance")
    String attendance(@PathVariable UUID id, @RequestParam(required = false) Attendance attendance,
            @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        Appointments.Appointment appointment = appointments.get(id);
        boolean recorded = Forms.perform(redirect, "appointment.attendanceRecorded",
                () -> appointments.recordAttendance(id, attendance, notes));
        if (recorded && attendance == Attendance.UNEXCUSED_ABSENCE) {
            // Offer (never create) the incident: the measure's page asks, its form comes pre-filled.
            redirect.addFlashAttribute("absencePrompt", id);
        }
        return "redirect:/measures/" + appointment.measureId();
    }
}
