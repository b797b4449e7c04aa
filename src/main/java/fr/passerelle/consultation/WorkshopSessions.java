package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.mail.MailOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
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
 * Workshop sessions of a consultation (séances d'atelier): planned with a title, date, place and
 * capacity; changed (never below the seats already taken by invitations) or cancelled, the
 * invited participants being told by mail — except for a session whose date has passed, which is
 * corrected or cancelled without mails (see {@link #change}); invitations sent through the mail outbox to
 * participants who consented to be re-contacted (their addresses are never shown, only counted).
 * Each participant's mails are written in the language they consented in ({@link MailLanguage}).
 *
 * <p>Every change of a consultation's sessions and invitations first locks the consultation's row
 * ({@code for no key update}: votes, which only reference the row, are not held up), so that two
 * organisers inviting at once neither exceed a session's capacity nor invite the same participant
 * twice, and a capacity is never lowered under an invitation being sent. Organisers only; every
 * write is audited.
 */
@Service
@PreAuthorize("hasAuthority('consultation:manage')")
public class WorkshopSessions {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Participants not invited to a session that is not cancelled yet (they are invited once). */
    private static final String NOT_INVITED_YET = """
            not exists (select 1 from consultation_workshop_invitation i join consultation_workshop_session s on s.id = i.session_id
                    where i.participant_id = p.id and s.cancelled_at is null)""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Clock clock;

    WorkshopSessions(JdbcClient jdbc, AuditLog audit, MailOutbox outbox, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A session with the number of participants invited to it; {@code past} when its date and time
     * had come when it was read (by the application's clock).
     */
    public record Session(UUID id, String title, Instant startsAt, String place, int capacity, long invited,
            Instant cancelledAt, boolean past) {

        public boolean cancelled() {
            return cancelledAt != null;
        }

        public boolean full() {
            return invited >= capacity;
        }

        /** The fewest seats the session may be given: those already taken by invitations (at least one). */
        public long fewestSeats() {
            return Math.max(1, invited);
        }

        /** The date and time in Europe/Paris, as a form edits it. */
        public LocalDateTime localStartsAt() {
            return LocalDateTime.ofInstant(startsAt, PARIS);
        }
    }

    /** What an organiser sets on a session (date and time in Europe/Paris). */
    public record Plan(String title, LocalDateTime startsAt, String place, Integer capacity) {}

    /** Participants who consented to be re-contacted and are not invited to a session yet (a count, never their addresses). */
    @Transactional(readOnly = true)
    public long reachable(UUID consultationId) {
        return jdbc.sql("""
                select count(*) from consultation_participant p where p.consultation_id = ? and p.recontact_consent
                and p.recontact_email is not null and p.merged_into is null and
                """ + NOT_INVITED_YET)
                .param(consultationId).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Session> sessions(UUID consultationId) {
        return jdbc.sql(SELECT + " where s.consultation_id = ? order by s.starts_at, s.id").param(consultationId)
                .query(this::map).list();
    }

    /** One session of the consultation; not found otherwise. */
    @Transactional(readOnly = true)
    public Session session(UUID consultationId, UUID sessionId) {
        return find(consultationId, sessionId);
    }

    @Transactional
    public UUID plan(UUID consultationId, Plan plan) {
        Plan p = valid(plan, false);
        UUID id = Ids.newId();
        int inserted = jdbc.sql("""
                insert into consultation_workshop_session (id, organisation_id, consultation_id, title, starts_at, place, capacity)
                select :id, c.organisation_id, c.id, :title, :at, :place, :capacity from consultation c where c.id = :c""")
                .param("id", id).param("title", p.title()).param("at", timestamp(p.startsAt())).param("place", p.place())
                .param("capacity", p.capacity()).param("c", consultationId).update();
        if (inserted == 0) {
            throw BusinessException.notFound();
        }
        audit.record("consultation.workshop.session.planned", "consultation_workshop_session", id,
                Map.of("consultation", consultationId.toString(), "capacity", p.capacity()));
        return id;
    }

    /**
     * Changes a session that is not cancelled. The capacity cannot go below the participants
     * already invited.
     *
     * <p>A session to come keeps a date to come; when its date or place changes, the invited
     * participants are told. A session whose date has passed may be corrected (title, place,
     * capacity, and its date, which must stay in the past: it records a meeting that took place),
     * and nobody is mailed about a meeting that is over. Moving a past session to a date to come is
     * refused rather than taken as a rescheduling: its invitations were for the date that passed
     * (and may have been honoured), so a session that did not take place is cancelled — without
     * mails, which frees its invited participants — and a new session is planned and invited to.
     * A correction is audited as {@code consultation.workshop.session.corrected}.
     *
     * @return how many invited participants were told of the change (always 0 for a past session)
     */
    @Transactional
    public int change(UUID consultationId, UUID sessionId, Plan plan) {
        lockConsultation(consultationId);
        Session before = notCancelled(consultationId, sessionId);
        Plan p = valid(plan, before.past());
        if (p.capacity() < before.invited()) {
            throw new FieldRefusal("capacity", "workshop.session.capacityBelowInvited", before.invited());
        }
        jdbc.sql("""
                update consultation_workshop_session set title = :title, starts_at = :at, place = :place, capacity = :capacity,
                       updated_at = :now where id = :id""")
                .param("title", p.title()).param("at", timestamp(p.startsAt())).param("place", p.place())
                .param("capacity", p.capacity()).param("now", Timestamp.from(clock.instant())).param("id", sessionId)
                .update();
        Instant startsAt = p.startsAt().atZone(PARIS).toInstant();
        boolean moved = !startsAt.equals(before.startsAt()) || !p.place().equals(before.place());
        int told = 0;
        if (before.past()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("consultation", consultationId.toString());
            details.put("title", !p.title().equals(before.title()));
            details.put("startsAt", startsAt.toString());
            details.put("previousStartsAt", before.startsAt().toString());
            details.put("place", !p.place().equals(before.place()));
            details.put("capacity", p.capacity());
            details.put("previousCapacity", before.capacity());
            details.put("told", 0);
            audit.record("consultation.workshop.session.corrected", "consultation_workshop_session", sessionId, details);
            return 0;
        }
        if (moved) {
            String version = String.valueOf(clock.millis());
            told = tell(consultationId, sessionId, "workshop-change:" + sessionId + ":" + version + ":",
                    "workshop.mail.changed.subject", "workshop.mail.changed.body", p.title(), startsAt, p.place());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("consultation", consultationId.toString());
        details.put("capacity", p.capacity());
        details.put("previousCapacity", before.capacity());
        details.put("moved", moved);
        details.put("told", told);
        audit.record("consultation.workshop.session.changed", "consultation_workshop_session", sessionId, details);
        return told;
    }

    /**
     * Cancels a session; the participants it invited are told, and may be invited to another one.
     * A session whose date has passed is cancelled to record that it did not take place: nobody is
     * mailed about it (its invited participants are freed for another session all the same).
     *
     * @return how many invited participants were told
     */
    @Transactional
    public int cancel(UUID consultationId, UUID sessionId) {
        lockConsultation(consultationId);
        Session session = notCancelled(consultationId, sessionId);
        jdbc.sql("update consultation_workshop_session set cancelled_at = ?, cancelled_by = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), me(), Timestamp.from(clock.instant()), sessionId).update();
        int told = session.past() ? 0 : tell(consultationId, sessionId, "workshop-cancel:" + sessionId + ":",
                "workshop.mail.cancelled.subject", "workshop.mail.cancelled.body", session.title(), session.startsAt(),
                session.place());
        audit.record("consultation.workshop.session.cancelled", "consultation_workshop_session", sessionId,
                Map.of("consultation", consultationId.toString(), "invited", session.invited(), "told", told,
                        "past", session.past()));
        return told;
    }

    /**
     * Invites to a session to come, up to its remaining capacity, participants who consented to be
     * re-contacted and are not invited to another session: one mail each through the outbox.
     *
     * @return how many were invited
     */
    @Transactional
    public int invite(UUID consultationId, UUID sessionId) {
        record Target(UUID participant, String email, Locale locale) {}
        lockConsultation(consultationId);
        // Read after the lock: counts committed by an organiser who held it before are seen.
        Session session = notCancelled(consultationId, sessionId);
        if (session.past()) {
            throw BusinessException.conflict("workshop.session.past");
        }
        long room = session.capacity() - session.invited();
        if (room <= 0) {
            throw BusinessException.conflict("workshop.session.full");
        }
        List<Target> targets = jdbc.sql("""
                select p.id, p.recontact_email, p.recontact_language from consultation_participant p
                where p.consultation_id = ? and p.recontact_consent
                and p.recontact_email is not null and p.merged_into is null and
                """ + NOT_INVITED_YET + " order by p.created_at, p.id limit ?")
                .params(consultationId, room)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2),
                        MailLanguage.locale(rs.getString(3)))).list();
        if (targets.isEmpty()) {
            throw BusinessException.conflict("workshop.invite.nobody");
        }
        Map<String, Object> consultation = consultation(consultationId);
        jdbc.sql("""
                insert into consultation_workshop_invitation (organisation_id, session_id, participant_id, invited_at)
                select s.organisation_id, s.id, p, :at from consultation_workshop_session s, unnest(:participants) p
                where s.id = :session""")
                .param("at", Timestamp.from(clock.instant())).param("session", sessionId)
                .param("participants", targets.stream().map(Target::participant).toArray(UUID[]::new)).update();
        for (Target target : targets) {
            Locale locale = target.locale();
            outbox.enqueue("CONSULTATION_WORKSHOP", "workshop:" + sessionId + ":" + target.participant(), target.email(),
                    text(locale, "workshop.mail.subject", consultation.get("question")),
                    text(locale, "workshop.mail.body", consultation.get("question"), session.title(),
                            when(session.startsAt(), locale), session.place(), outbox.link("/c/" + consultation.get("slug"))));
        }
        audit.record("consultation.workshop.invited", "consultation_workshop_session", sessionId,
                Map.of("invited", targets.size()));
        return targets.size();
    }

    private static final String SELECT = """
            select s.*, (select count(*) from consultation_workshop_invitation i where i.session_id = s.id) invited
            from consultation_workshop_session s""";

    private Session find(UUID consultationId, UUID sessionId) {
        return jdbc.sql(SELECT + " where s.id = ? and s.consultation_id = ?").params(sessionId, consultationId)
                .query(this::map).optional().orElseThrow(BusinessException::notFound);
    }

    /** The session, refused when it is cancelled (read after {@link #lockConsultation}). */
    private Session notCancelled(UUID consultationId, UUID sessionId) {
        Session session = find(consultationId, sessionId);
        if (session.cancelled()) {
            throw BusinessException.conflict("workshop.session.cancelledAlready");
        }
        return session;
    }

    /** Serialises the changes of a consultation's sessions and invitations (see the class comment). */
    private void lockConsultation(UUID consultationId) {
        jdbc.sql("select id from consultation where id = ? for no key update").param(consultationId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
    }

    private Map<String, Object> consultation(UUID consultationId) {
        return jdbc.sql("select question, slug from consultation where id = ?").param(consultationId).query().singleRow();
    }

    /**
     * Mails the participants invited to the session whose consent to be re-contacted is still
     * given now, each in their language (subject and body get the question, then the session's
     * title, date and time, place, then the consultation's link). An invitation of an anonymous
     * participant since merged into an account's participant follows the merge: the account's
     * participant's consent and address count (and one mail per person).
     */
    private int tell(UUID consultationId, UUID sessionId, String dedupPrefix, String subjectKey, String bodyKey,
            String title, Instant startsAt, String place) {
        Map<String, Object> consultation = consultation(consultationId);
        record Invited(UUID participant, String email, Locale locale) {}
        List<Invited> invited = jdbc.sql("""
                select p.id, p.recontact_email, p.recontact_language from consultation_workshop_invitation i
                join consultation_participant a on a.id = i.participant_id
                join consultation_participant p on p.id = coalesce(a.merged_into, a.id)
                where i.session_id = ? and p.recontact_consent and p.recontact_email is not null and p.merged_into is null
                group by p.id, p.recontact_email, p.recontact_language order by min(i.invited_at), p.id""")
                .param(sessionId).query((rs, n) -> new Invited(rs.getObject(1, UUID.class), rs.getString(2),
                        MailLanguage.locale(rs.getString(3)))).list();
        String link = outbox.link("/c/" + consultation.get("slug"));
        for (Invited i : invited) {
            outbox.enqueue("CONSULTATION_WORKSHOP", dedupPrefix + i.participant(), i.email(),
                    text(i.locale(), subjectKey, consultation.get("question")),
                    text(i.locale(), bodyKey, consultation.get("question"), title, when(startsAt, i.locale()), place, link));
        }
        return invited.size();
    }

    /** A session's date and time in Europe/Paris, as a mail in {@code locale} writes it. */
    private String when(Instant startsAt, Locale locale) {
        var at = startsAt.atZone(PARIS);
        return text(locale, "workshop.mail.when", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at));
    }

    /** The plan, trimmed; its date must be to come, or for a {@code past} session, not to come. */
    private Plan valid(Plan plan, boolean past) {
        String title = Consultations.trim(plan.title());
        String place = Consultations.trim(plan.place());
        if (title == null || title.length() > 200) {
            throw new FieldRefusal("title", "workshop.session.title");
        }
        if (plan.startsAt() == null) {
            throw new FieldRefusal("startsAt", past ? "workshop.session.datePast" : "workshop.session.date");
        }
        boolean toCome = plan.startsAt().atZone(PARIS).toInstant().isAfter(clock.instant());
        if (!past && !toCome) {
            throw new FieldRefusal("startsAt", "workshop.session.date");
        }
        if (past && toCome) {
            throw new FieldRefusal("startsAt", "workshop.session.datePast");
        }
        if (place == null || place.length() > 200) {
            throw new FieldRefusal("place", "workshop.session.place");
        }
        Integer capacity = plan.capacity();
        if (capacity == null || capacity < 1 || capacity > 500) {
            throw new FieldRefusal("capacity", "workshop.session.capacity");
        }
        return new Plan(title, plan.startsAt(), place, capacity);
    }

    private static Timestamp timestamp(LocalDateTime parisTime) {
        return Timestamp.from(parisTime.atZone(PARIS).toInstant());
    }

    private Session map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        Instant startsAt = rs.getTimestamp("starts_at").toInstant();
        return new Session(rs.getObject("id", UUID.class), rs.getString("title"), startsAt,
                rs.getString("place"), rs.getInt("capacity"), rs.getLong("invited"),
                cancelled == null ? null : cancelled.toInstant(), !startsAt.isAfter(clock.instant()));
    }

    private static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
