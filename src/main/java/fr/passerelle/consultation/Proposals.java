package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals of participants: one idea of 10 to 140 characters (starting with the consultation's
 * stem when it has one), with the author's email and their acceptance of the charter; they wait
 * for moderation (PENDING). Callers of the public methods act as the consultation's organisation.
 */
@Service
public class Proposals {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 140;
    /** Proposals one participant may submit to one consultation. */
    static final int MAX_PER_PARTICIPANT = 20;

    private static final Set<String> STOP_WORDS = Set.of("faut", "faudrait", "doit", "doivent", "pour", "dans", "avec",
            "sans", "leur", "leurs", "plus", "moins", "tous", "toutes", "tout", "sont", "etre", "avoir", "faire", "cette",
            "ces", "des", "les", "une", "que", "qui", "quoi", "mais", "donc", "elles", "nous", "vous", "ils", "sur", "par",
            "entre", "apres", "avant", "chaque", "aussi", "bien", "tres", "comme", "afin", "lors", "dont", "their", "with",
            "should", "must", "that", "this", "from", "have", "more");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Proposals(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A proposal as its author sees it in "my proposals". */
    public record Proposal(UUID id, UUID consultationId, UUID participantId, String text, ProposalStatus status,
            RefusalReason refusalReason, Instant createdAt) {}

    /** What an author submits. */
    public record Submission(String text, String email, boolean charterAccepted) {}

    @Transactional
    public UUID propose(Consultations.Consultation consultation, UUID participantId, Submission submission) {
        if (!consultation.open()) {
            throw BusinessException.conflict("consultation.proposal.closed");
        }
        String text = submission.text() == null ? "" : submission.text().strip().replaceAll("\\s+", " ");
        if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
            throw new FieldRefusal("text", "consultation.proposal.length", MIN_LENGTH, MAX_LENGTH);
        }
        String stem = consultation.proposalStem();
        if (stem != null && !text.toLowerCase(Locale.ROOT).startsWith(stem.toLowerCase(Locale.ROOT))) {
            throw new FieldRefusal("text", "consultation.proposal.stem", stem);
        }
        if (stem != null && text.length() <= stem.length() + 2) {
            throw new FieldRefusal("text", "consultation.proposal.length", MIN_LENGTH, MAX_LENGTH);
        }
        String email = Consultations.trim(submission.email());
        if (email == null || email.length() > 200 || !Participants.EMAIL.matcher(email).matches()) {
            throw new FieldRefusal("email", "consultation.proposal.email");
        }
        if (!submission.charterAccepted()) {
            throw new FieldRefusal("charterAccepted", "consultation.proposal.charter");
        }
        long already = jdbc.sql("select count(*) from consultation_proposal where participant_id = ?")
                .param(participantId).query(Long.class).single();
        if (already >= MAX_PER_PARTICIPANT) {
            throw BusinessException.conflict("consultation.proposal.tooMany", MAX_PER_PARTICIPANT);
        }
        UUID id = Ids.newId();
        int inserted = jdbc.sql("""
                insert into consultation_proposal (id, organisation_id, consultation_id, participant_id, author_email, text,
                                                   segment, keywords)
                select :id, p.organisation_id, p.consultation_id, p.id, :email, :text, p.segment,
                       string_to_array(:keywords, ',')
                from consultation_participant p where p.id = :participant and p.consultation_id = :consultation""")
                .param("id", id).param("email", email).param("text", text)
                .param("keywords", String.join(",", keywords(text, stem)))
                .param("participant", participantId).param("consultation", consultation.id()).update();
        if (inserted == 0) {
            throw BusinessException.notFound();
        }
        audit.record("consultation.proposal.submitted", "consultation_proposal", id,
                Map.of("consultation", consultation.id().toString()));
        return id;
    }

    /** The proposals of a participant, newest first. */
    @Transactional(readOnly = true)
    public List<Proposal> ofParticipant(UUID participantId) {
        return jdbc.sql("select * from consultation_proposal where participant_id = ? order by created_at desc")
                .param(participantId).query(Proposals::map).list();
    }

    /** The accepted proposals of a consultation with the given ids (cards of a sequence). */
    @Transactional(readOnly = true)
    public Map<UUID, Proposal> accepted(UUID consultationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from consultation_proposal where consultation_id = :c and status = 'ACCEPTED' and id in (:ids)")
                .param("c", consultationId).param("ids", ids).query(Proposals::map).list().stream()
                .collect(java.util.stream.Collectors.toMap(Proposal::id, p -> p));
    }

    /**
     * Accepts a pending (or postponed) proposal: it enters the voting sequence. When the
     * consultation requires themes, the proposal needs one first (enrichment). The moderation
     * queue builds on this transition.
     */
    @Transactional
    @PreAuthorize("hasAuthority('consultation:moderate')")
    public void accept(UUID proposalId) {
        boolean needsTheme = jdbc.sql("""
                select c.themes_required and not exists (select 1 from consultation_proposal_theme t where t.proposal_id = p.id)
                from consultation_proposal p join consultation c on c.id = p.consultation_id where p.id = ?""")
                .param(proposalId).query(Boolean.class).optional().orElse(false);
        if (needsTheme) {
            throw BusinessException.conflict("consultation.proposal.themeRequired");
        }
        int updated = jdbc.sql("""
                update consultation_proposal set status = 'ACCEPTED', moderated_by = ?, moderated_at = now(),
                       lock_holder = null, lock_expires_at = null, updated_at = now()
                where id = ? and status in ('PENDING', 'POSTPONED')""")
                .param(TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null)).param(proposalId)
                .update();
        if (updated == 0) {
            boolean exists = jdbc.sql("select count(*) from consultation_proposal where id = ?").param(proposalId)
                    .query(Long.class).single() > 0;
            throw exists ? BusinessException.conflict("consultation.proposal.notPending") : BusinessException.notFound();
        }
        audit.record("consultation.proposal.accepted", "consultation_proposal", proposalId, Map.of());
    }

    /** Significant words of a text (lower case, without accents, stem and common words removed). */
    static List<String> keywords(String text, String stem) {
        String body = stem != null && text.length() > stem.length() ? text.substring(stem.length()) : text;
        String plain = Normalizer.normalize(body.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        Set<String> words = new LinkedHashSet<>();
        for (String w : plain.split("[^a-z0-9]+")) {
            if (w.length() >= 4 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    private static Proposal map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String reason = rs.getString("refusal_reason");
        return new Proposal(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("participant_id", UUID.class), rs.getString("text"),
                ProposalStatus.valueOf(rs.getString("status")), reason == null ? null : RefusalReason.valueOf(reason),
                rs.getTimestamp("created_at").toInstant());
    }
}
