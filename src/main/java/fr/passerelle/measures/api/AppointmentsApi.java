package fr.passerelle.measures.api;

import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Attendance;
import fr.passerelle.measures.Measures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Appointments (entretiens) of a measure and their attendance. */
@RestController
@Tag(name = "Appointments", description = "Appointments of a measure and attendance")
class AppointmentsApi {

    private final Appointments appointments;
    private final Measures measures;

    AppointmentsApi(Appointments appointments, Measures measures) {
        this.appointments = appointments;
        this.measures = measures;
    }

    /** An appointment to schedule: local date and time in Paris, 5 to 480 minutes (60 when absent). */
    record ScheduleInput(LocalDateTime at, Integer durationMinutes, AppointmentKind kind, String place) {}

    /** Whether the person came; a first interview held starts an assigned measure. */
    record AttendanceInput(Attendance attendance, String notes) {}

    @GetMapping(path = "/api/v1/measures/{id}/appointments", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('measure:read')")
    @Operation(summary = "The appointments of a measure, in date order")
    List<Appointments.Appointment> ofMeasure(@PathVariable UUID id) {
        measures.get(id);
        return appointments.ofMeasure(id);
    }

    @GetMapping(path = "/api/v1/appointments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('measure:read')")
    @Operation(summary = "One appointment")
    Appointments.Appointment get(@PathVariable UUID id) {
        return appointments.get(id);
    }

    @PostMapping(path = "/api/v1/measures/{id}/appointments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('measure:write')")
    @Operation(summary = "Schedule an appointment; 409 when the measure is ended or closed")
    ResponseEntity<Created> schedule(@PathVariable UUID id, @RequestBody ScheduleInput input) {
        UUID appointment = appointments.schedule(id, new Appointments.Schedule(input.at(),
                input.durationMinutes() == null ? 60 : input.durationMinutes(), input.kind(), input.place()));
        return Created.at("/api/v1/appointments/{id}", appointment);
    }

    @PostMapping(path = "/api/v1/appointments/{id}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('measure:write')")
    @Operation(summary = "Record attendance (and notes); a first interview held starts an assigned measure")
    Appointments.Appointment attendance(@PathVariable UUID id, @RequestBody AttendanceInput input) {
        appointments.recordAttendance(id, input.attendance(), input.notes());
        return appointments.get(id);
    }
}
