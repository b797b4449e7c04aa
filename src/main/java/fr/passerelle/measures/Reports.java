package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports to the magistrate (rapports): written by case workers from a template per kind,
 * validated or returned by the service head, sent, and rendered to PDF ready to upload to the
 * courts' exchange platform. Every saved text is kept as a version. Only roles with
 * {@code report:write} or {@code report:validate} see reports at all.
 */
@Service
public class Reports {

    /** Days (today, the validation day) are taken in Paris, as in the agenda and billing. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Measures measures;
    private final Organisations organisations;
    private final MessageSource messages;
    private final PdfDocuments pdfDocuments;
    private final UserAccounts users;
    private final Clock clock;
    private final MeasureTimeline timeline;

    Reports(JdbcClient jdbc, AuditLog audit, Measures measures, Organisations organisations, MessageSource messages,
            PdfDocuments pdfDocuments, UserAccounts users, Clock clock, MeasureTimeline timeline) {
        this.timeline = timeline;
        this.users = users;
        this.jdbc = jdbc;
        this.audit = audit;
        this.measures = measures;
        this.organisations = organisations;
        this.messages = messages;
        this.pdfDocuments = pdfDocuments;
        this.clock = clock;
    }

    /**
     * A report with its latest text.
     *
     * @param incident the recorded incident the report is about (incident reports written from it), or null
     * @param authorName who saved the latest text
     * @param validatorName the service head who validated it (null until validated)
     */
    public record Report(UUID id, UUID measureId, ReportKind kind, ReportStatus status, String returnComment,
            LocalDate sentOn, String body, int version, List<Version> versions, LocalDate dueOn,
            LinkedIncident incident, String authorName, String validatorName, Instant validatedAt) {

        /** Whether the report is expected by a date that has passed and it is not sent yet. */
        public boolean late(LocalDate today) {
            return dueOn != null && status != ReportStatus.SENT && dueOn.isBefore(today);
        }
    }

    /** The incident a report is about: when it occurred and what it was. */
    public record LinkedIncident(UUID id, LocalDate occurredOn, IncidentKind kind, String description) {}

    /** One saved text of a report. */
    public record Version(int version, Instant createdAt, String createdByName) {}

    /** One line of a measure's list of reports. */
    public record Summary(UUID id, ReportKind kind, ReportStatus status, LocalDate sentOn, LocalDate dueOn) {

        public boolean late(LocalDate today) {
            return dueOn != null && status != ReportStatus.SENT && dueOn.isBefore(today);
        }
    }

    /**
     * A report waiting for the service head's validation.
     *
     * @param submittedAt when it was (last) submitted
     * @param authorName who saved its latest text
     */
    public record Waiting(UUID id, ReportKind kind, UUID measureId, String measureReference, String personName,
            Instant submittedAt, LocalDate dueOn, String authorName) {}

    /**
     * The reports submitted and waiting for validation, oldest first: those of the signed-in
     * service head's service (measures followed, or reports written, by its members), or of the
     * whole association for a director or a validator outside any service.
     */
    @Transactional(readOnly = true)
    public List<Waiting> awaitingValidation() {
        QueueScope scope = queueScope();
        return jdbc.sql("""
                select r.id, r.kind, r.measure_id, m.reference, p.last_name || ' ' || p.first_name, r.submitted_at,
                       r.due_on, (select v.created_by_name from report_version v where v.report_id = r.id
                                  order by v.version desc limit 1)
                from report r join measure m on m.id = r.measure_id join person p on p.id = m.person_id
                where r.status = 'SUBMITTED'""" + " and " + scope.condition()
                        + " order by r.submitted_at nulls first, r.created_at, r.id")
                .params(scope.params())
                .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), ReportKind.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, LocalDate.class), rs.getString(8)))
                .list();
    }

    /** How many reports {@link #awaitingValidation} lists (the count on the home page). */
    @Transactional(readOnly = true)
    public long awaitingValidationCount() {
        QueueScope scope = queueScope();
        return jdbc.sql("select count(*) from report r join measure m on m.id = r.measure_id"
                        + " where r.status = 'SUBMITTED' and " + scope.condition())
                .params(scope.params()).query(Long.class).single();
    }

    /** Which submitted reports the signed-in user's queue holds: an SQL condition on {@code r} and {@code m}. */
    private record QueueScope(String condition, List<Object> params) {}

    private QueueScope queueScope() {
        if (!TenantContext.hasAuthority("report:validate") && !TenantContext.hasAuthority("ROLE_" + Roles.DIRECTOR)) {
            throw new AccessDeniedException("report:validate or the director's role required");
        }
        List<UUID> service = me() == null ? List.of() : users.sameServiceAs(me());
        if (TenantContext.hasAuthority("ROLE_" + Roles.DIRECTOR) || service.isEmpty()) {
            return new QueueScope("true", List.of());
        }
        String[] members = service.stream().map(UUID::toString).toArray(String[]::new);
        return new QueueScope("(m.assigned_user_id = any(cast(? as uuid[])) or r.created_by = any(cast(? as uuid[])))",
                List.of(members, members));
    }

    /** Starts a report from the French template of its kind. */
    @Transactional
    public UUID create(UUID measureId, ReportKind kind) {
        return create(measureId, kind, null);
    }

    /** Starts a report expected by the magistrate by {@code dueOn} (optional). */
    @Transactional
    public UUID create(UUID measureId, ReportKind kind, LocalDate dueOn) {
        requireWriter();
        Measures.Measure measure = measures.get(measureId);
        MeasureLifecycle.requireOpenForReports(measure.status());
        if (kind == null) {
            throw new FieldRefusal("kind", "report.kind.required");
        }
        checkDueOn(measure, dueOn);
        UUID id = Ids.newId();
        jdbc.sql("insert into report (id, organisation_id, measure_id, kind, status, created_by, due_on) values (?, ?, ?, ?, 'DRAFT', ?, ?)")
                .param(id).param(organisation()).param(measureId).param(kind.name()).param(me()).param(dueOn).update();
        addVersion(id, 1, messages.getMessage("report.template." + kind, null, Locale.FRENCH));
        audit.record("report.created", "report", id, Map.of("measure", measureId.toString(), "kind", kind.name()));
        return id;
    }

    /**
     * The incident report of a recorded incident: started pre-filled from the incident (its date,
     * kind and description in the facts paragraph) and linked to it, or the one already written.
     */
    @Transactional
    public UUID createForIncident(UUID incidentId) {
        requireWriter();
        LinkedIncident incident = incident(incidentId).orElseThrow(BusinessException::notFound);
        UUID measureId = jdbc.sql("select measure_id from measure_incident where id = ?").param(incidentId)
                .query(UUID.class).single();
        var existing = reportOfIncident(incidentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        MeasureLifecycle.requireOpenForReports(measures.get(measureId).status());
        UUID id = Ids.newId();
        // Two clicks at once both find no report; the second insert waits for the first and then
        // inserts nothing (report_incident_idx), and that click opens the report the first one wrote.
        int inserted = jdbc.sql("""
                insert into report (id, organisation_id, measure_id, kind, status, created_by, incident_id)
                values (?, ?, ?, 'INCIDENT', 'DRAFT', ?, ?)
                on conflict (incident_id) where incident_id is not null do nothing""")
                .param(id).param(organisation()).param(measureId).param(me()).param(incidentId).update();
        if (inserted == 0) {
            return reportOfIncident(incidentId).orElseThrow();
        }
        addVersion(id, 1, messages.getMessage("report.template.INCIDENT.prefilled", new Object[] {
                incident.occurredOn().format(FRENCH_DATE),
                messages.getMessage("incident.kind." + incident.kind(), null, Locale.FRENCH),
                incident.description()}, Locale.FRENCH));
        audit.record("report.created", "report", id, Map.of("measure", measureId.toString(), "kind",
                ReportKind.INCIDENT.name(), "incident", incidentId.toString()));
        return id;
    }

    /** For each incident of a measure that has a report, that report; empty for roles that may not see reports. */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> reportsOfIncidents(UUID measureId) {
        if (!mayRead()) {
            return Map.of();
        }
        Map<UUID, UUID> reports = new HashMap<>();
        jdbc.sql("select incident_id, id from report where measure_id = ? and incident_id is not null").param(measureId)
                .query((rs, n) -> reports.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        return reports;
    }

    private Optional<LinkedIncident> incident(UUID incidentId) {
        return jdbc.sql("select id, occurred_on, kind, description from measure_incident where id = ?").param(incidentId)
                .query((rs, n) -> new LinkedIncident(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        IncidentKind.valueOf(rs.getString(3)), rs.getString(4)))
                .optional();
    }

    /**
     * Submits a draft or returned report with the text the writer has in front of them: a text
     * that differs from the latest version is saved first (so submitting never loses what was typed).
     */
    @Transactional
    public void submit(UUID reportId, String body) {
        if (body != null) {
            save(reportId, body);
        }
        move(reportId, ReportStatus.Move.SUBMIT, null, null);
    }

    /** Saves a new version of the text (draft or returned reports only). */
    @Transactional
    public void save(UUID reportId, String body) {
        requireWriter();
        Report report = get(reportId);
        if (!report.status().editable()) {
            throw BusinessException.conflict("report.notEditable");
        }
        MeasureLifecycle.requireOpenForReports(measures.get(report.measureId()).status());
        if (body == null || body.isBlank() || body.length() > 60_000) {
            throw new FieldRefusal("body", "report.body.invalid");
        }
        if (!body.equals(report.body())) {
            addVersion(reportId, report.version() + 1, body);
            audit.record("report.saved", "report", reportId, Map.of("version", report.version() + 1));
        }
    }

    /** Changes the date the report is expected by (until it is sent). */
    @Transactional
    public void changeDueDate(UUID reportId, LocalDate dueOn) {
        requireWriter();
        Report report = get(reportId);
        if (report.status() == ReportStatus.SENT) {
            throw BusinessException.conflict("report.notEditable");
        }
        checkDueOn(measures.get(report.measureId()), dueOn);
        jdbc.sql("update report set due_on = ? where id = ?").param(dueOn).param(reportId).update();
        audit.record("report.dueDate", "report", reportId, Map.of("from", String.valueOf(report.dueOn()),
                "to", String.valueOf(dueOn)));
    }

    private static void checkDueOn(Measures.Measure measure, LocalDate dueOn) {
        if (dueOn != null && dueOn.isBefore(measure.receivedOn())) {
            throw new FieldRefusal("dueOn", "report.dueOn.beforeReceived");
        }
    }

    /** Submits, validates, returns (with a comment) or records the sending (with its date). */
    @Transactional
    public void move(UUID reportId, ReportStatus.Move move, String comment, LocalDate sentOn) {
        switch (move) {
            case SUBMIT, SEND -> requireWriter();
            case VALIDATE, RETURN -> {
                if (!TenantContext.hasAuthority("report:validate")) {
                    throw new AccessDeniedException("report:validate required");
                }
            }
        }
        record Locked(ReportStatus status, UUID measureId, String kind) {}
        Locked locked = jdbc.sql("select status, measure_id, kind from report where id = ? for update").param(reportId)
                .query((rs, n) -> new Locked(ReportStatus.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .optional().orElseThrow(BusinessException::notFound);
        ReportStatus current = locked.status();
        ReportStatus next = current.after(move);
        if (move == ReportStatus.Move.SUBMIT) {
            MeasureLifecycle.requireOpenForReports(measureStatusOf(reportId));
        }
        if (move == ReportStatus.Move.RETURN && (comment == null || comment.isBlank())) {
            throw new FieldRefusal("comment", "report.returnComment.required");
        }
        if (move == ReportStatus.Move.SEND && (sentOn == null || sentOn.isAfter(LocalDate.now(clock.withZone(PARIS))))) {
            throw new FieldRefusal("sentOn", "report.sentOn.invalid");
        }
        jdbc.sql("""
                update report set status = :status,
                       return_comment = case when :move = 'RETURN' then :comment when :move = 'SUBMIT' then return_comment else return_comment end,
                       sent_on = case when :move = 'SEND' then cast(:sentOn as date) else sent_on end,
                       validated_by = case when :move = 'VALIDATE' then :me else validated_by end,
                       validated_at = case when :move = 'VALIDATE' then :now else validated_at end,
                       submitted_at = case when :move = 'SUBMIT' then :now else submitted_at end
                where id = :id""")
                .param("status", next.name()).param("move", move.name()).param("comment", comment == null ? null : comment.trim())
                .param("sentOn", sentOn).param("me", me()).param("now", Timestamp.from(clock.instant())).param("id", reportId)
                .update();
        audit.record("report." + move.name().toLowerCase(Locale.ROOT), "report", reportId, Map.of("from", current.name(),
                "to", next.name()));
        timeline.record(locked.measureId(), "REPORT_" + next.name(), reportId, locked.kind(),
                move == ReportStatus.Move.SEND ? sentOn : null, null);
    }

    @Transactional(readOnly = true)
    public Report get(UUID reportId) {
        requireReader();
        var row = jdbc.sql("select * from report where id = ?").param(reportId).query().listOfRows().stream().findFirst()
                .orElseThrow(BusinessException::notFound);
        List<Version> versions = jdbc.sql("""
                select version, created_at, created_by_name from report_version where report_id = ? order by version""")
                .param(reportId)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
        String body = jdbc.sql("select body from report_version where report_id = ? order by version desc limit 1")
                .param(reportId).query(String.class).single();
        UUID incidentId = (UUID) row.get("incident_id");
        UUID validatedBy = (UUID) row.get("validated_by");
        return new Report(reportId, (UUID) row.get("measure_id"), ReportKind.valueOf((String) row.get("kind")),
                ReportStatus.valueOf((String) row.get("status")), (String) row.get("return_comment"),
                row.get("sent_on") == null ? null : ((java.sql.Date) row.get("sent_on")).toLocalDate(), body,
                versions.size(), versions,
                row.get("due_on") == null ? null : ((java.sql.Date) row.get("due_on")).toLocalDate(),
                incidentId == null ? null : incident(incidentId).orElse(null),
                versions.get(versions.size() - 1).createdByName(),
                validatedBy == null ? null : users.displayNames(List.of(validatedBy)).get(validatedBy),
                row.get("validated_at") == null ? null : ((Timestamp) row.get("validated_at")).toInstant());
    }

    /** The reports of a measure; empty for roles that may not see reports. */
    @Transactional(readOnly = true)
    public List<Summary> ofMeasure(UUID measureId) {
        if (!mayRead()) {
            return List.of();
        }
        return jdbc.sql("select id, kind, status, sent_on, due_on from report where measure_id = ? order by created_at")
                .param(measureId)
                .query((rs, n) -> new Summary(rs.getObject(1, UUID.class), ReportKind.valueOf(rs.getString(2)),
                        ReportStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** The PDF's file name: kind, measure reference and version (e.g. rapport-stage-M-2026-000123-v3.pdf). */
    @Transactional(readOnly = true)
    public String pdfFileName(Report report) {
        return "rapport-" + report.kind().name().toLowerCase(Locale.ROOT) + "-"
                + measures.get(report.measureId()).reference() + "-v" + report.version() + ".pdf";
    }

    /**
     * The report as a PDF (A4), rendered from its latest text. The one place where a PDF download
     * is audited ({@code report.viewed}, format pdf, with the version), once rendering succeeded.
     */
    @Transactional
    public byte[] pdf(UUID reportId) {
        Report report = get(reportId);
        Measures.Measure measure = measures.get(report.measureId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("report", report);
        variables.put("measure", measure);
        variables.put("association", organisations.get(TenantContext.currentOrganisationId().orElseThrow()).name());
        variables.put("paragraphs", Arrays.stream(report.body().split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        variables.put("today", LocalDate.now(clock.withZone(PARIS)));
        variables.put("birthDate", jdbc.sql("select p.birth_date from measure m join person p on p.id = m.person_id where m.id = ?")
                .param(measure.id()).query(LocalDate.class).optional().orElse(null));
        variables.put("validatedOn", report.validatedAt() == null ? null
                : LocalDate.ofInstant(report.validatedAt(), PARIS));
        byte[] pdf = pdfDocuments.render("reports/pdf", variables);
        audit.record("report.viewed", "report", reportId, Map.of("format", "pdf", "version", report.version()));
        timeline.record(report.measureId(), "DOCUMENT_PRODUCED", reportId, report.kind().name(), null,
                java.math.BigDecimal.valueOf(report.version()));
        return pdf;
    }

    private Optional<UUID> reportOfIncident(UUID incidentId) {
        return jdbc.sql("select id from report where incident_id = ?").param(incidentId).query(UUID.class).optional();
    }

    private MeasureStatus measureStatusOf(UUID reportId) {
        return jdbc.sql("select m.status from report r join measure m on m.id = r.measure_id where r.id = ?")
                .param(reportId).query(String.class).optional().map(MeasureStatus::valueOf)
                .orElseThrow(BusinessException::notFound);
    }

    private void addVersion(UUID reportId, int version, String body) {
        jdbc.sql("""
                insert into report_version (id, organisation_id, report_id, version, body, created_by, created_by_name)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .param(Ids.newId()).param(organisation()).param(reportId).param(version).param(body).param(me())
                .param(TenantContext.currentPrincipal().map(TenantPrincipal::displayName).orElse(null))
                .update();
    }

    static boolean mayRead() {
        return TenantContext.hasAuthority("report:write") || TenantContext.hasAuthority("report:validate");
    }

    private static void requireReader() {
        if (!mayRead()) {
            throw new AccessDeniedException("report:write or report:validate required");
        }
    }

    private static void requireWriter() {
        if (!TenantContext.hasAuthority("report:write")) {
            throw new AccessDeniedException("report:write required");
        }
    }

    private static UUID organisation() {
        return TenantContext.currentOrganisationId().orElseThrow();
    }

    private static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
