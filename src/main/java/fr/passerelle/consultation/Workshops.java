package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-construction workshops of a consultation: ideas selected from the results (accepted
 * proposals) and solution sheets (fiches solutions: problem, proposed solution, actors, resources,
 * steps, indicators) written from them; the sessions and their invitations are
 * {@link WorkshopSessions}. Organisers only; every write is audited.
 */
@Service
@PreAuthorize("hasAuthority('consultation:manage')")
public class Workshops {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Workshops(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Idea(UUID id, UUID proposalId, String text) {}

    /** A solution sheet; {@code id} null for a new one. */
    public record Sheet(UUID id, UUID ideaId, String title, String problem, String solution, String actors,
            String resources, String steps, String indicators) {}

    @Transactional(readOnly = true)
    public List<Idea> ideas(UUID consultationId) {
        return jdbc.sql("""
                select i.id, i.proposal_id, p.text from consultation_workshop_idea i
                join consultation_proposal p on p.id = i.proposal_id where i.consultation_id = ? order by i.created_at, i.id""")
                .param(consultationId)
                .query((rs, n) -> new Idea(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }

    /** Selects an accepted proposal of the consultation as a workshop idea (once). */
    @Transactional
    public UUID selectIdea(UUID consultationId, UUID proposalId) {
        if (proposalId == null) {
            throw new FieldRefusal("proposal", "workshop.idea.required");
        }
        UUID id = Ids.newId();
        int inserted = jdbc.sql("""
                insert into consultation_workshop_idea (id, organisation_id, consultation_id, proposal_id, selected_by)
                select :id, p.organisation_id, p.consultation_id, p.id, :by from consultation_proposal p
                where p.id = :proposal and p.consultation_id = :c and p.status = 'ACCEPTED'
                on conflict (consultation_id, proposal_id) do nothing""")
                .param("id", id).param("by", me()).param("proposal", proposalId).param("c", consultationId).update();
        if (inserted == 0) {
            throw BusinessException.conflict("workshop.idea.unavailable");
        }
        audit.record("consultation.workshop.idea.selected", "consultation", consultationId,
                Map.of("proposal", proposalId.toString()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Sheet> sheets(UUID consultationId) {
        return jdbc.sql("select * from consultation_solution_sheet where consultation_id = ? order by created_at, id")
                .param(consultationId).query(Workshops::sheet).list();
    }

    /** One solution sheet of the consultation; not found otherwise. */
    @Transactional(readOnly = true)
    public Sheet sheet(UUID consultationId, UUID sheetId) {
        return jdbc.sql("select * from consultation_solution_sheet where id = ? and consultation_id = ?")
                .params(sheetId, consultationId).query(Workshops::sheet).optional().orElseThrow(BusinessException::notFound);
    }

    private static Sheet sheet(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Sheet(rs.getObject("id", UUID.class), rs.getObject("idea_id", UUID.class), rs.getString("title"),
                rs.getString("problem"), rs.getString("solution"), rs.getString("actors"), rs.getString("resources"),
                rs.getString("steps"), rs.getString("indicators"));
    }

    /** Creates or updates a solution sheet of one of the consultation's ideas. */
    @Transactional
    public UUID saveSheet(UUID consultationId, Sheet sheet) {
        String title = required(sheet.title(), "title", 200);
        String problem = required(sheet.problem(), "problem", 4000);
        String solution = required(sheet.solution(), "solution", 4000);
        String actors = optional(sheet.actors(), "actors", 2000);
        String resources = optional(sheet.resources(), "resources", 2000);
        String steps = optional(sheet.steps(), "steps", 4000);
        String indicators = optional(sheet.indicators(), "indicators", 2000);
        if (sheet.ideaId() == null || jdbc.sql("select count(*) from consultation_workshop_idea where id = ? and consultation_id = ?")
                .params(sheet.ideaId(), consultationId).query(Long.class).single() == 0) {
            throw new FieldRefusal("ideaId", "workshop.sheet.idea");
        }
        UUID id = sheet.id() == null ? Ids.newId() : sheet.id();
        int written = sheet.id() == null
                ? jdbc.sql("""
                        insert into consultation_solution_sheet (id, organisation_id, consultation_id, idea_id, title, problem,
                                solution, actors, resources, steps, indicators)
                        select :id, organisation_id, consultation_id, :idea, :title, :problem, :solution, :actors, :resources,
                               :steps, :indicators from consultation_workshop_idea where id = :idea""")
                        .param("id", id).param("idea", sheet.ideaId()).param("title", title).param("problem", problem)
                        .param("solution", solution).param("actors", actors).param("resources", resources)
                        .param("steps", steps).param("indicators", indicators).update()
                : jdbc.sql("""
                        update consultation_solution_sheet set idea_id = :idea, title = :title, problem = :problem,
                               solution = :solution, actors = :actors, resources = :resources, steps = :steps,
                               indicators = :indicators, updated_at = now()
                        where id = :id and consultation_id = :c""")
                        .param("id", id).param("c", consultationId).param("idea", sheet.ideaId()).param("title", title)
                        .param("problem", problem).param("solution", solution).param("actors", actors)
                        .param("resources", resources).param("steps", steps).param("indicators", indicators).update();
        if (written == 0) {
            throw BusinessException.notFound();
        }
        audit.record(sheet.id() == null ? "consultation.workshop.sheet.created" : "consultation.workshop.sheet.updated",
                "consultation_solution_sheet", id, Map.of("consultation", consultationId.toString()));
        return id;
    }

    private static String required(String value, String field, int max) {
        String v = Consultations.trim(value);
        if (v == null || v.length() > max) {
            throw new FieldRefusal(field, "workshop.sheet.required", max);
        }
        return v;
    }

    private static String optional(String value, String field, int max) {
        String v = Consultations.trim(value);
        if (v != null && v.length() > max) {
            throw new FieldRefusal(field, "workshop.sheet.tooLong", max);
        }
        return v == null ? "" : v;
    }

    private static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }

}
