package fr.passerelle.programmes;

import static fr.passerelle.programmes.PracticeLibrary.blankToNull;
import static fr.passerelle.programmes.PracticeLibrary.require;
import static fr.passerelle.programmes.PracticeLibrary.strings;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sheets proposed by member associations from their own actions ({@code practice:propose}), and
 * the federation's moderation ({@code practice:edit}): accepted, the proposal becomes a published
 * sheet of the library (origin PROPOSAL, the association's action as its reference action); refused,
 * it keeps the federation's reasons, which the association reads. A decided proposal is never
 * changed again. Row-level security keeps each association to its own proposals; the federation
 * reads them all. Every write is audited.
 */
@Service
public class PracticeProposals {

    public static final String PROPOSE = "practice:propose";
    static final int REASON_MAX = 2000;
    private static final TypeReference<Map<String, String>> SECTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final PracticeLibrary library;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    PracticeProposals(JdbcClient jdbc, PracticeLibrary library, AuditLog audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.library = library;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A proposal, with the sheet it became when accepted. */
    public record Proposal(UUID id, UUID organisationId, String organisationName, String status,
            PracticeLibrary.SheetInput sheet, String actionName, String actionPlace, Instant submittedAt,
            String submittedByName, Instant decidedAt, String decidedByName, String decisionReason, String sheetCode) {

        public boolean submitted() {
            return "SUBMITTED".equals(status);
        }
    }

    /** An association proposes a sheet drawn from its action (named, with its place). */
    @Transactional
    public UUID propose(PracticeLibrary.SheetInput input, String actionName, String actionPlace) {
        require(PROPOSE);
        library.validate(input, false);
        if (actionName == null || actionName.isBlank()) {
            throw new FieldRefusal("actionName", "practice.proposal.action.required");
        }
        FieldRefusal.requireAtMost("actionName", actionName.strip(), 300);
        FieldRefusal.requireAtMost("actionPlace", actionPlace, 200);
        TenantPrincipal author = principal();
        UUID id = UUID.randomUUID();
        Map<String, String> sections = new LinkedHashMap<>();
        input.sections().forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                sections.put(key, text.strip());
            }
        });
        jdbc.sql("""
                insert into practice_proposal (id, organisation_id, title, axis, theme, publics, age_min, age_max,
                    carriers, fundings, sections, indicators, action_name, action_place, submitted_at, submitted_by,
                    submitted_by_name)
                values (:id, :org, :title, :axis, :theme, cast(:publics as text[]), :ageMin, :ageMax,
                    cast(:carriers as text[]), cast(:fundings as text[]), cast(:sections as jsonb),
                    cast(:indicators as text[]), :actionName, :actionPlace, :at, :by, :byName)""")
                .param("id", id).param("org", author.organisationId()).param("title", input.title().strip())
                .param("axis", input.axis()).param("theme", blankToNull(input.theme()))
                .param("publics", input.publics().toArray(String[]::new)).param("ageMin", input.ageMin())
                .param("ageMax", input.ageMax()).param("carriers", input.carriers().toArray(String[]::new))
                .param("fundings", input.fundings().toArray(String[]::new))
                .param("sections", json.writeValueAsString(sections))
                .param("indicators", input.indicators().stream().filter(s -> s != null && !s.isBlank())
                        .map(String::strip).toArray(String[]::new))
                .param("actionName", actionName.strip()).param("actionPlace", blankToNull(actionPlace))
                .param("at", Timestamp.from(Instant.now(clock))).param("by", author.userId())
                .param("byName", author.displayName())
                .update();
        audit.record("practice.proposal.submitted", "practice_proposal", id, Map.of("title", input.title().strip()));
        return id;
    }

    /** The association's own proposals, or, for the federation, every association's: waiting ones first. */
    @Transactional(readOnly = true)
    public List<Proposal> list() {
        requireReader();
        return jdbc.sql(SELECT + " order by p.status <> 'SUBMITTED', p.submitted_at desc limit 500")
                .query(this::map).list();
    }

    @Transactional(readOnly = true)
    public Proposal get(UUID id) {
        requireReader();
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::map).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** How many proposals wait for the federation's decision (its navigation shows it). */
    @Transactional(readOnly = true)
    public long waiting() {
        if (!TenantContext.hasAuthority(PracticeLibrary.EDIT)) {
            return 0;
        }
        return jdbc.sql("select count(*) from practice_proposal where status = 'SUBMITTED'").query(Long.class).single();
    }

    /** The federation accepts: the sheet is published from the proposal; returns its code. */
    @Transactional
    public String accept(UUID id, String note) {
        require(PracticeLibrary.EDIT);
        Proposal proposal = lockSubmitted(id);
        FieldRefusal.requireAtMost("reason", note, REASON_MAX);
        PracticeSheet sheet = library.publish(proposal.sheet(), "PROPOSAL", List.of(new PracticeSheet.ReferenceAction(
                proposal.actionName(), proposal.organisationName(), proposal.actionPlace())));
        decide(id, "ACCEPTED", note, sheet.id());
        audit.record("practice.proposal.accepted", "practice_proposal", id, Map.of("code", sheet.code()));
        return sheet.code();
    }

    /** The federation refuses, with its reasons (required: the association reads them). */
    @Transactional
    public void refuse(UUID id, String reason) {
        require(PracticeLibrary.EDIT);
        lockSubmitted(id);
        if (reason == null || reason.isBlank()) {
            throw new FieldRefusal("reason", "practice.proposal.reason.required");
        }
        FieldRefusal.requireAtMost("reason", reason.strip(), REASON_MAX);
        decide(id, "REFUSED", reason, null);
        audit.record("practice.proposal.refused", "practice_proposal", id, Map.of("reason", reason.strip()));
    }

    private Proposal lockSubmitted(UUID id) {
        String status = jdbc.sql("select status from practice_proposal where id = ? for update").param(id)
                .query(String.class).optional().orElseThrow(BusinessException::notFound);
        if (!"SUBMITTED".equals(status)) {
            throw BusinessException.conflict("practice.proposal.decided");
        }
        return get(id);
    }

    private void decide(UUID id, String status, String reason, UUID sheetId) {
        jdbc.sql("""
                update practice_proposal set status = ?, decided_at = ?, decided_by_name = ?, decision_reason = ?,
                    sheet_id = ?
                where id = ?""")
                .params(status, Timestamp.from(Instant.now(clock)), principal().displayName(), blankToNull(reason),
                        sheetId, id)
                .update();
    }

    private static final String SELECT = """
            select p.*, o.name as organisation_name, s.code as sheet_code
            from practice_proposal p join identity_organisation_v o on o.id = p.organisation_id
            left join practice_sheet s on s.id = p.sheet_id""";

    private Proposal map(ResultSet rs, int n) throws SQLException {
        PracticeLibrary.SheetInput sheet = new PracticeLibrary.SheetInput(rs.getString("title"), rs.getString("axis"),
                rs.getString("theme"), strings(rs.getArray("publics")), (Integer) rs.getObject("age_min"),
                (Integer) rs.getObject("age_max"), strings(rs.getArray("carriers")), strings(rs.getArray("fundings")),
                json.readValue(rs.getString("sections"), SECTIONS), strings(rs.getArray("indicators")), null);
        return new Proposal(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"), rs.getString("status"), sheet, rs.getString("action_name"),
                rs.getString("action_place"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("submitted_by_name"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decided_by_name"), rs.getString("decision_reason"), rs.getString("sheet_code"));
    }

    private static void requireReader() {
        if (!TenantContext.hasAuthority(PROPOSE) && !TenantContext.hasAuthority(PracticeLibrary.EDIT)) {
            throw new AccessDeniedException(PROPOSE + " or " + PracticeLibrary.EDIT + " required");
        }
    }

    private static TenantPrincipal principal() {
        return TenantContext.currentPrincipal().orElseThrow(() -> new AccessDeniedException("signed-in user required"));
    }
}
