package fr.passerelle.measures;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Organisations;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Reports to the magistrate (rapports): written by case workers from a template per kind,
 * validated or returned by the service head, sent, and rendered to PDF ready to upload to the
 * courts' exchange platform. Every saved text is kept as a version. Only roles with
 * {@code report:write} or {@code report:validate} see reports at all.
 */
@Service
public class Reports {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Measures measures;
    private final Organisations organisations;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;
    private final Clock clock;

    Reports(JdbcClient jdbc, AuditLog audit, Measures measures, Organisations organisations, MessageSource messages,
            SpringTemplateEngine templates, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.measures = measures;
        this.organisations = organisations;
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
    }

    /** A report with its latest text. */
    public record Report(UUID id, UUID measureId, ReportKind kind, ReportStatus status, String returnComment,
            LocalDate sentOn, String body, int version, List<Version> versions) {}

    /** One saved text of a report. */
    public record Version(int version, Instant createdAt, String createdByName) {}

    /** One line of a measure's list of reports. */
    public record Summary(UUID id, ReportKind kind, ReportStatus status, LocalDate sentOn) {}

    /** Starts a report from the French template of its kind. */
    @Transactional
    public UUID create(UUID measureId, ReportKind kind) {
        requireWriter();
        measures.get(measureId);
        if (kind == null) {
            throw new FieldRefusal("kind", "report.kind.required");
        }
        UUID id = Ids.newId();
        jdbc.sql("insert into report (id, organisation_id, measure_id, kind, status, created_by) values (?, ?, ?, ?, 'DRAFT', ?)")
                .param(id).param(organisation()).param(measureId).param(kind.name()).param(me()).update();
        addVersion(id, 1, messages.getMessage("report.template." + kind, null, Locale.FRENCH));
        audit.record("report.created", "report", id, Map.of("measure", measureId.toString(), "kind", kind.name()));
        return id;
    }

    /** Saves a new version of the text (draft or returned reports only). */
    @Transactional
    public void save(UUID reportId, String body) {
        requireWriter();
        Report report = get(reportId);
        if (!report.status().editable()) {
            throw BusinessException.conflict("report.notEditable");
        }
        if (body == null || body.isBlank() || body.length() > 60_000) {
            throw new FieldRefusal("body", "report.body.invalid");
        }
        if (!body.equals(report.body())) {
            addVersion(reportId, report.version() + 1, body);
            audit.record("report.saved", "report", reportId, Map.of("version", report.version() + 1));
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
        ReportStatus current = jdbc.sql("select status from report where id = ? for update").param(reportId)
                .query(String.class).optional().map(ReportStatus::valueOf).orElseThrow(BusinessException::notFound);
        ReportStatus next = current.after(move);
        if (move == ReportStatus.Move.RETURN && (comment == null || comment.isBlank())) {
            throw new FieldRefusal("comment", "report.returnComment.required");
        }
        if (move == ReportStatus.Move.SEND && (sentOn == null || sentOn.isAfter(LocalDate.now(clock)))) {
            throw new FieldRefusal("sentOn", "report.sentOn.invalid");
        }
        jdbc.sql("""
                update report set status = :status,
                       return_comment = case when :move = 'RETURN' then :comment when :move = 'SUBMIT' then return_comment else return_comment end,
                       sent_on = case when :move = 'SEND' then cast(:sentOn as date) else sent_on end,
                       validated_by = case when :move = 'VALIDATE' then :me else validated_by end,
                       validated_at = case when :move = 'VALIDATE' then :now else validated_at end
                where id = :id""")
                .param("status", next.name()).param("move", move.name()).param("comment", comment == null ? null : comment.trim())
                .param("sentOn", sentOn).param("me", me()).param("now", Timestamp.from(clock.instant())).param("id", reportId)
                .update();
        audit.record("report." + move.name().toLowerCase(Locale.ROOT), "report", reportId, Map.of("from", current.name(),
                "to", next.name()));
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
        return new Report(reportId, (UUID) row.get("measure_id"), ReportKind.valueOf((String) row.get("kind")),
                ReportStatus.valueOf((String) row.get("status")), (String) row.get("return_comment"),
                row.get("sent_on") == null ? null : ((java.sql.Date) row.get("sent_on")).toLocalDate(), body,
                versions.size(), versions);
    }

    /** The reports of a measure; empty for roles that may not see reports. */
    @Transactional(readOnly = true)
    public List<Summary> ofMeasure(UUID measureId) {
        if (!mayRead()) {
            return List.of();
        }
        return jdbc.sql("select id, kind, status, sent_on from report where measure_id = ? order by created_at")
                .param(measureId)
                .query((rs, n) -> new Summary(rs.getObject(1, UUID.class), ReportKind.valueOf(rs.getString(2)),
                        ReportStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** The PDF's file name: kind, measure reference and version (e.g. rapport-stage-M-2026-000123-v3.pdf). */
    @Transactional(readOnly = true)
    public String pdfFileName(Report report) {
        return "rapport-" + report.kind().name().toLowerCase(Locale.ROOT) + "-"
                + measures.get(report.measureId()).reference() + "-v" + report.version() + ".pdf";
    }

    /** The report as a PDF (A4), rendered from its latest text. */
    @Transactional
    public byte[] pdf(UUID reportId) {
        Report report = get(reportId);
        Measures.Measure measure = measures.get(report.measureId());
        Context context = new Context(Locale.FRENCH);
        context.setVariable("report", report);
        context.setVariable("measure", measure);
        context.setVariable("association", organisations.get(TenantContext.currentOrganisationId().orElseThrow()).name());
        context.setVariable("paragraphs", Arrays.stream(report.body().split("\\R\\s*\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        context.setVariable("today", LocalDate.now(clock));
        String html = templates.process("reports/pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report", e);
        }
        audit.record("report.pdf", "report", reportId, Map.of("version", report.version()));
        return out.toByteArray();
    }

    private void addVersion(UUID reportId, int version, String body) {
        jdbc.sql("""
                insert into report_version (id, organisation_id, report_id, version, body, created_by, created_by_name)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .param(Ids.newId()).param(organisation()).param(reportId).param(version).param(body).param(me())
                .param(TenantContext.currentPrincipal().map(TenantPrincipal::displayName).orElse(null))
                .update();
    }

    private static boolean mayRead() {
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
