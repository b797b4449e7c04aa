package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments (entretiens) of a measure: scheduling, attendance and notes. Recording that the
 * first interview was held moves an assigned measure to "in progress".
 */
@Service
public class Appointments {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Measures measures;
    private final java.time.Clock clock;
    private final MeasureTimeline timeline;

    Appointments(JdbcClient jdbc, AuditLog audit, Measures measures, java.time.Clock clock, MeasureTimeline timeline) {
        this.timeline = timeline;
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.measures = measures;
    }

    /** An appointment as listed on the measure's page and in the worker's calendar. */
    public record Appointment(UUID id, UUID measureId, Instant scheduledAt, int durationMinutes, AppointmentKind kind,
            String place, UUID workerId, Attendance attendance, String notes) {}

    /** What is needed to schedule an appointment (local date and time in Paris). */
    public record Schedule(LocalDateTime at, int durationMinutes, AppointmentKind kind, String place) {}

    @Transactional
    public UUID schedule(UUID measureId, Schedule schedule) {
        Measures.Measure measure = measures.get(measureId);
        if (measure.status() == MeasureStatus.CLOSED || measure.status() == MeasureStatus.ENDED) {
            throw BusinessException.conflict("appointment.measureNotOpen");
        }
        if (schedule.at() == null) {
            throw new FieldRefusal("at", "appointment.at.required");
        }
        if (schedule.durationMinutes() < 5 || schedule.durationMinutes() > 480) {
            throw new FieldRefusal("durationMinutes", "appointment.duration.invalid");
        }
        if (schedule.kind() == null) {
            throw new FieldRefusal("kind", "appointment.kind.required");
        }
        if (schedule.place() != null && schedule.place().length() > 200) {
            throw new FieldRefusal("place", "appointment.place.tooLong");
        }
        UUID id = Ids.newId();
        UUID worker = measure.assignedUserId() != null ? measure.assignedUserId()
                : TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
        jdbc.sql("""
                insert into appointment (id, organisation_id, measure_id, scheduled_at, duration_minutes, kind, place,
                                         worker_id, created_by)
                values (:id, :org, :measure, :at, :duration, :kind, :place, :worker, :by)""")
                .param("id", id).param("org", TenantContext.currentOrganisationId().orElseThrow())
                .param("measure", measureId)
                .param("at", Timestamp.from(schedule.at().atZone(PARIS).toInstant()))
                .param("duration", schedule.durationMinutes()).param("kind", schedule.kind().name())
                .param("place", schedule.place() == null || schedule.place().isBlank() ? null : schedule.place().trim())
                .param("worker", worker)
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
        audit.record("appointment.scheduled", "appointment", id, Map.of("measure", measureId.toString()));
        return id;
    }

    /** The longest note kept on an appointment, an obligation or a logged quantity. */
    public static final int NOTES_MAX = 2000;

    /** Records whether the person came; the first interview held starts an assigned measure. */
    @Transactional
    public void recordAttendance(UUID id, Attendance attendance, String notes) {
        if (attendance == null) {
            throw new FieldRefusal("attendance", "appointment.attendance.required");
        }
        FieldRefusal.requireAtMost("notes", notes, NOTES_MAX);
        Appointment appointment = get(id);
        jdbc.sql("update appointment set attendance = ?, notes = ? where id = ?")
                .param(attendance.name()).param(notes == null || notes.isBlank() ? null : notes.trim()).param(id)
                .update();
        audit.record("appointment.attendance", "appointment", id, Map.of("attendance", attendance.name()));
        timeline.record(appointment.measureId(), "ATTENDANCE_RECORDED", id, attendance.name(),
                appointment.scheduledAt().atZone(PARIS).toLocalDate(), null);
        if (attendance.held() && measures.get(appointment.measureId()).status() == MeasureStatus.ASSIGNED) {
            LocalDate day = appointment.scheduledAt().atZone(PARIS).toLocalDate();
            measures.perform(appointment.measureId(), MeasureAction.START,
                    new Measures.ActionInput(null, day.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : day, null,
                            null));
        }
    }

    @Transactional(readOnly = true)
    public Appointment get(UUID id) {
        return jdbc.sql("select * from appointment where id = ?").param(id).query(Appointments::map).optional()
                .orElseThrow(BusinessException::notFound);
    }

    @Transactional(readOnly = true)
    public List<Appointment> ofMeasure(UUID measureId) {
        return jdbc.sql("select * from appointment where measure_id = ? order by scheduled_at").param(measureId)
                .query(Appointments::map).list();
    }

    /** A worker's appointments from a date on (their calendar). */
    @Transactional(readOnly = true)
    public List<Appointment> ofWorkerFrom(UUID workerId, Instant from) {
        return jdbc.sql("select * from appointment where worker_id = ? and scheduled_at >= ? order by scheduled_at")
                .param(workerId).param(Timestamp.from(from)).query(Appointments::map).list();
    }

    private static Appointment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("measure_id", UUID.class),
                rs.getTimestamp("scheduled_at").toInstant(), rs.getInt("duration_minutes"),
                AppointmentKind.valueOf(rs.getString("kind")), rs.getString("place"),
                rs.getObject("worker_id", UUID.class),
                rs.getString("attendance") == null ? null : Attendance.valueOf(rs.getString("attendance")),
                rs.getString("notes"));
    }
}
