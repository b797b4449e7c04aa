package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.mail.MailOutbox;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-construction workshops of a consultation: ideas selected from the results (accepted
 * proposals), workshop sessions (title, date, place, capacity), invitations sent through the mail
 * outbox to participants who consented to be re-contacted (their addresses are never shown, only
 * counted), and solution sheets (problem, proposed solution, actors, resources, steps, indicators).
 * Organisers only; every write is audited.
 */
@Service
@PreAuthorize("hasAuthority('consultation:manage')")
public class Workshops {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRENCH);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final MessageSource messages;

    Workshops(JdbcClient jdbc, AuditLog audit, MailOutbox outbox, MessageSource messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
    }

    public record Idea(UUID id, UUID proposalId, String text) {}

    public record Session(UUID id, String title, Instant startsAt, String place, int capacity, long invited) {}

    /** A solution sheet; {@code id} null for a new one. */
    public record Sheet(UUID id, UUID ideaId, String title, String problem, String solution, String actors,
            String resources, String steps, String indicators) {}

    /** Participants who consented to be re-contacted and are not invited yet (a count, never their addresses). */
    @Transactional(readOnly = true)
    public long reachable(UUID consultationId) {
        return jdbc.sql("""
                select count(*) from consultation_participant p where p.consultation_id = ? and p.recontact_consent
                and p.recontact_email is not null and p.merged_into is null
                and not exists (select 1 from consultation_workshop_invitation i where i.participant_id = p.id)""")
                .param(consultationId).query(Long.class).single();
    }

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
    public List<Session> sessions(UUID consultationId) {
        return jdbc.sql("""
                select s.*, (select count(*) from consultation_workshop_invitation i where i.session_id = s.id) invited
                from consultation_workshop_session s where s.consultation_id = ? order by s.starts_at, s.id""")
                .param(consultationId)
                .query((rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getInt("capacity"),
                        rs.getLong("invited")))
                .list();
    }

    @Transactional
    public UUID planSession(UUID consultationId, String title, LocalDateTime startsAt, String place, Integer capacity) {
        String t = Consultations.trim(title);
        String p = Consultations.trim(place);
        if (t == null || t.length() > 200) {
            throw new FieldRefusal("title", "workshop.session.title");
        }
        if (startsAt == null || startsAt.atZone(PARIS).toInstant().isBefore(Instant.now())) {
            throw new FieldRefusal("startsAt", "workshop.session.date");
        }
        if (p == null || p.length() > 200) {
            throw new FieldRefusal("place", "workshop.session.place");
        }
        if (capacity == null || capacity < 1 || capacity > 500) {
            throw new FieldRefusal("capacity", "workshop.session.capacity");
        }
        UUID id = Ids.newId();
        int inserted = jdbc.sql("""
                insert into consultation_workshop_session (id, organisation_id, consultation_id, title, starts_at, place, capacity)
                select :id, c.organisation_id, c.id, :title, :at, :place, :capacity from consultation c where c.id = :c""")
                .param("id", id).param("title", t).param("at", java.sql.Timestamp.from(startsAt.atZone(PARIS).toInstant()))
                .param("place", p).param("capacity", capacity).param("c", consultationId).update();
        if (inserted == 0) {
            throw BusinessException.notFound();
        }
        audit.record("consultation.workshop.session.planned", "consultation_workshop_session", id,
                Map.of("consultation", consultationId.toString(), "capacity", capacity));
        return id;
    }

    /**
     * Invites, up to the session's remaining capacity, participants who consented to be
     * re-contacted and were not invited to any session yet: one mail each through the outbox.
     *
     * @return how many were invited
     */
    @Transactional
    public int invite(UUID consultationId, UUID sessionId) {
        record Target(UUID participant, String email) {}
        Map<String, Object> session = jdbc.sql("""
                select s.title, s.starts_at, s.place, s.capacity, c.question, c.slug,
                       (select count(*) from consultation_workshop_invitation i where i.session_id = s.id) invited
                from consultation_workshop_session s join consultation c on c.id = s.consultation_id
                where s.id = ? and s.consultation_id = ? for update of s""")
                .params(sessionId, consultationId).query().listOfRows().stream().findFirst()
                .orElseThrow(BusinessException::notFound);
        long room = ((Number) session.get("capacity")).longValue() - ((Number) session.get("invited")).longValue();
        if (room <= 0) {
            throw BusinessException.conflict("workshop.session.full");
        }
        List<Target> targets = jdbc.sql("""
                select p.id, p.recontact_email from consultation_participant p where p.consultation_id = ? and p.recontact_consent
                and p.recontact_email is not null and p.merged_into is null
                and not exists (select 1 from consultation_workshop_invitation i where i.participant_id = p.id)
                order by p.created_at, p.id limit ?""")
                .params(consultationId, room)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2))).list();
        if (targets.isEmpty()) {
            throw BusinessException.conflict("workshop.invite.nobody");
        }
        String when = WHEN.format(((java.sql.Timestamp) session.get("starts_at")).toInstant().atZone(PARIS));
        for (Target target : targets) {
            jdbc.sql("""
                    insert into consultation_workshop_invitation (organisation_id, session_id, participant_id)
                    select organisation_id, id, ? from consultation_workshop_session where id = ?""")
                    .params(target.participant(), sessionId).update();
            outbox.enqueue("CONSULTATION_WORKSHOP", "workshop:" + sessionId + ":" + target.participant(), target.email(),
                    text("workshop.mail.subject", session.get("question")),
                    text("workshop.mail.body", session.get("question"), session.get("title"), when, session.get("place"),
                            outbox.link("/c/" + session.get("slug"))));
        }
        audit.record("consultation.workshop.invited", "consultation_workshop_session", sessionId,
                Map.of("invited", targets.size()));
        return targets.size();
    }

    @Transactional(readOnly = true)
    public List<Sheet> sheets(UUID consultationId) {
        return jdbc.sql("select * from consultation_solution_sheet where consultation_id = ? order by created_at, id")
                .param(consultationId).query((rs, n) -> new Sheet(rs.getObject("id", UUID.class),
                        rs.getObject("idea_id", UUID.class), rs.getString("title"), rs.getString("problem"),
                        rs.getString("solution"), rs.getString("actors"), rs.getString("resources"), rs.getString("steps"),
                        rs.getString("indicators")))
                .list();
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

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
