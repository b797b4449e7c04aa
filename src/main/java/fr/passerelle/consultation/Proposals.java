package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals of participants: one idea of 10 to 140 characters (starting with the consultation's
 * stem when it has one), with the author's email and their acceptance of the charter; they wait
 * for moderation (PENDING). The author of a refused proposal may rephrase it once: a new proposal
 * of the same participant, under the same rules, that points to the refused one. Callers of the
 * public methods act as the consultation's organisation.
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

    /** A proposal with whether a later proposal of its author rephrases it. */
    private static final String SELECT = """
            select p.*, exists (select 1 from consultation_proposal r where r.rephrases = p.id) rephrased
            from consultation_proposal p""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ProposalKeys keys;
    private final Moderation moderation;
    private final ConsultationProperties properties;
    private final Clock clock;

    Proposals(JdbcClient jdbc, AuditLog audit, ProposalKeys keys, Moderation moderation,
            ConsultationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.keys = keys;
        this.moderation = moderation;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A proposal as its author sees it in "my proposals": {@code rephrases} is the refused proposal
     * it rephrases, {@code rephrased} says that a later one rephrases it.
     */
    public record Proposal(UUID id, UUID consultationId, UUID participantId, String text, ProposalStatus status,
            RefusalReason refusalReason, Instant createdAt, UUID rephrases, boolean rephrased) {}

    /**
     * What an author submits; {@code locale} is the language of the page they submit from, in
     * which the moderation's decision is mailed to them (French when null).
     */
    public record Submission(String text, String email, boolean charterAccepted, Locale locale) {

        /** A submission in French (the platform's own proposals, tests). */
        public Submission(String text, String email, boolean charterAccepted) {
            this(text, email, charterAccepted, Locale.FRENCH);
        }
    }

    /** A refused proposal its author is rephrasing: what the form starts from. */
    public record Rephrasing(UUID refusedId, UUID participantId, String text, String email, RefusalReason reason) {}

    @Transactional
    public UUID propose(Consultations.Consultation consultation, UUID participantId, Submission submission) {
        UUID id = submit(consultation, participantId, submission, null);
        audit.record("consultation.proposal.submitted", "consultation_proposal", id,
                Map.of("consultation", consultation.id().toString()));
        return id;
    }

    /**
     * The refused proposal an author is about to rephrase (the form starts from its text). Only its
     * author may see it: the participant it belongs to ({@code requester}, from the signed cookie or
     * the account), or whoever holds the signed token of the refusal mail ({@link
     * ProposalKeys#signRephrase}), which may be opened on another device. An unknown proposal,
     * another consultation's, or a missing or wrong token get the same answer, which tells nothing
     * about the proposal.
     *
     * <p>The mail's token is a bearer credential, so it is limited: it works only while the
     * consultation is open, once (a rephrased proposal is not rephrased again), and until {@link
     * ConsultationProperties#rephraseLinkValidity} after the refusal ({@code moderated_at}). The
     * author's own participant is not bound by that delay (it is who wrote the proposal, not a
     * link that may have been forwarded); the consultation's closing and the single use bind both.
     */
    @Transactional(readOnly = true)
    public Rephrasing toRephrase(Consultations.Consultation consultation, UUID refusedId, UUID requester, String token) {
        return rephrasable(consultation, refusedId, requester, token, false);
    }

    /**
     * Rephrases a refused proposal (see {@link #toRephrase} for who may): a new pending proposal of
     * the refused one's participant, under the rules of {@link #propose}, pointing to it. A refused
     * proposal is rephrased once; the new one, if refused in turn, may be rephrased again.
     */
    @Transactional
    public UUID rephrase(Consultations.Consultation consultation, UUID refusedId, UUID requester, String token,
            Submission submission) {
        Rephrasing refused = rephrasable(consultation, refusedId, requester, token, true);
        UUID id;
        try {
            id = submit(consultation, refused.participantId(), submission, refusedId);
        } catch (DuplicateKeyException concurrent) {
            // Another request rephrased it between our check and our insert (unique index on rephrases).
            throw BusinessException.conflict("consultation.rephrase.already");
        }
        audit.record("consultation.proposal.rephrased", "consultation_proposal", id,
                Map.of("consultation", consultation.id().toString(), "rephrases", refusedId.toString()));
        return id;
    }

    private Rephrasing rephrasable(Consultations.Consultation consultation, UUID refusedId, UUID requester,
            String token, boolean lock) {
        if (refusedId == null) {
            throw BusinessException.invalid("consultation.rephrase.invalidLink");
        }
        Optional<Map<String, Object>> row = jdbc.sql("""
                select participant_id, author_email, text, status, refusal_reason, moderated_at from consultation_proposal
                where id = :id and consultation_id = :c""" + (lock ? " for update" : ""))
                .param("id", refusedId).param("c", consultation.id()).query().listOfRows().stream().findFirst();
        boolean author = row.isPresent() && requester != null && requester.equals(row.get().get("participant_id"));
        if (row.isEmpty() || !(author || keys.verifyRephrase(consultation.id(), refusedId, token))) {
            throw BusinessException.invalid("consultation.rephrase.invalidLink");
        }
        if (!consultation.open()) {
            throw BusinessException.conflict("consultation.rephrase.closed");
        }
        if (!"REFUSED".equals(row.get().get("status"))) {
            throw BusinessException.conflict("consultation.rephrase.notRefused");
        }
        // A statement of its own after the lock: it sees a rephrasing committed while we waited.
        boolean rephrased = jdbc.sql("select count(*) from consultation_proposal where rephrases = ?").param(refusedId)
                .query(Long.class).single() > 0;
        if (rephrased) {
            throw BusinessException.conflict("consultation.rephrase.already");
        }
        if (!author && !clock.instant().isBefore(linkExpiry(row.get().get("moderated_at")))) {
            throw new BusinessException(410, "consultation.rephrase.expired");
        }
        return new Rephrasing(refusedId, (UUID) row.get().get("participant_id"), (String) row.get().get("text"),
                (String) row.get().get("author_email"), RefusalReason.valueOf((String) row.get().get("refusal_reason")));
    }

    /** When the rephrase link of a proposal refused at {@code moderatedAt} stops working. */
    private Instant linkExpiry(Object moderatedAt) {
        // A refused proposal always has its moderation time; without one, the link has nothing to count from.
        Instant refusedAt = moderatedAt instanceof java.sql.Timestamp t ? t.toInstant()
                : moderatedAt instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.MIN;
        return refusedAt == Instant.MIN ? Instant.MIN : refusedAt.plus(properties.rephraseLinkValidity());
    }

    private UUID submit(Consultations.Consultation consultation, UUID participantId, Submission submission,
            UUID rephrases) {
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
                insert into consultation_proposal (id, organisation_id, consultation_id, participant_id, author_email,
                                                   author_language, text, segment, keywords, rephrases)
                select :id, p.organisation_id, p.consultation_id, p.id, :email, :language, :text, p.segment,
                       string_to_array(:keywords, ','), :rephrases
                from consultation_participant p where p.id = :participant and p.consultation_id = :consultation""")
                .param("id", id).param("email", email).param("language", MailLanguage.of(submission.locale()))
                .param("text", text).param("rephrases", rephrases)
                .param("keywords", String.join(",", keywords(text, stem)))
                .param("participant", participantId).param("consultation", consultation.id()).update();
        if (inserted == 0) {
            throw BusinessException.notFound();
        }
        return id;
    }

    /** The proposals of a participant, newest first. */
    @Transactional(readOnly = true)
    public List<Proposal> ofParticipant(UUID participantId) {
        return jdbc.sql(SELECT + " where p.participant_id = ? order by p.created_at desc")
                .param(participantId).query(Proposals::map).list();
    }

    /** The accepted proposals of a consultation with the given ids (cards of a sequence). */
    @Transactional(readOnly = true)
    public Map<UUID, Proposal> accepted(UUID consultationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT + " where p.consultation_id = :c and p.status = 'ACCEPTED' and p.id in (:ids)")
                .param("c", consultationId).param("ids", ids).query(Proposals::map).list().stream()
                .collect(java.util.stream.Collectors.toMap(Proposal::id, p -> p));
    }

    /**
     * Accepts a pending (or postponed) proposal the platform entered itself (demo data, replays):
     * the moderation's acceptance ({@link Moderation#acceptWithoutMail}: same rules, themes when
     * required, audit), without mailing the author. Moderators accept through {@link Moderation}.
     */
    @Transactional
    @PreAuthorize("hasAuthority('consultation:moderate')")
    public void accept(UUID proposalId) {
        moderation.acceptWithoutMail(proposalId);
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
                rs.getTimestamp("created_at").toInstant(), rs.getObject("rephrases", UUID.class),
                rs.getBoolean("rephrased"));
    }
}
