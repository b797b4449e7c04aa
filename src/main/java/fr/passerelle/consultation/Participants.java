package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.ClientNetworks;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants of a consultation: anonymous (their id lives in a signed cookie for the
 * consultation's lifetime) or signed in. An anonymous participant who signs in is merged into the
 * account's participant: their votes move, without ever counting a proposal twice (where both
 * voted, the account's vote stays and the anonymous one is retracted with its counts).
 * Callers act as the consultation's organisation.
 */
@Service
public class Participants {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final Votes votes;
    private final AuditLog audit;
    private final ProposalKeys keys;
    private final ConsultationProperties.Issue limits;

    Participants(JdbcClient jdbc, Votes votes, AuditLog audit, ProposalKeys keys, ConsultationProperties properties) {
        this.jdbc = jdbc;
        this.votes = votes;
        this.audit = audit;
        this.keys = keys;
        this.limits = properties.issue();
    }

    /**
     * A participant; {@code proven}: their votes with a valid key count as trusted (a proof of work
     * solved, a signed-in account, or made by the server itself).
     */
    public record Participant(UUID id, UUID consultationId, UUID userId, String segment, boolean recontactConsent,
            String recontactEmail, boolean proven) {}

    /**
     * The participant for the server's own work (demo data, replays, tests): the signed-in account's
     * (created on first use, absorbing the anonymous participant of the cookie if any), else the
     * cookie's, else a new anonymous one, taken as proven (no browser is involved). Requests from
     * browsers go through {@link #issue}.
     */
    @Transactional
    public Participant resolve(UUID consultationId, UUID fromCookie, UUID userId) {
        return resolve(consultationId, fromCookie, userId,
                () -> Optional.of(create(consultationId, null, "GENERATED", null, null))).orElseThrow();
    }

    /**
     * The participant of a browser's request: the signed-in account's (proven by the account,
     * absorbing the cookie's anonymous participant), else the cookie's, else a new anonymous one,
     * not proven yet, issued only while fewer than {@code per-address} participants were issued from
     * the client's address, and fewer than {@code per-network} from its network, within the window
     * (counted in the database under a lock of that network, so that it holds across nodes). Empty
     * when the limit is reached: no participant is created.
     */
    @Transactional
    public Optional<Participant> issue(UUID consultationId, UUID fromCookie, UUID userId, String clientAddress) {
        return resolve(consultationId, fromCookie, userId, () -> issueAnonymous(consultationId, clientAddress));
    }

    private Optional<Participant> resolve(UUID consultationId, UUID fromCookie, UUID userId,
            Supplier<Optional<Participant>> anonymous) {
        Optional<Participant> cookie = fromCookie == null ? Optional.empty() : find(consultationId, fromCookie);
        if (userId == null) {
            return cookie.isPresent() ? cookie : anonymous.get();
        }
        Participant account = ofAccount(consultationId, userId)
                .orElseGet(() -> create(consultationId, userId, "ACCOUNT", null, null));
        if (cookie.filter(p -> p.userId() == null && !p.id().equals(account.id())).isEmpty()) {
            return Optional.of(account);
        }
        merge(cookie.get(), account);
        return find(consultationId, account.id());
    }

    private Optional<Participant> issueAnonymous(UUID consultationId, String clientAddress) {
        String addressKey = keys.signAddress("address", ClientNetworks.canonical(clientAddress));
        String networkKey = keys.signAddress("network",
                ClientNetworks.networkOf(clientAddress, limits.ipv4Prefix(), limits.ipv6Prefix()));
        // One issue at a time per (consultation, network), on every node: the count below holds.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(? || ?, 14))")
                .param(consultationId.toString()).param(networkKey).query((rs, n) -> 1).list();
        record Issued(long fromAddress, long fromNetwork) {}
        Issued issued = jdbc.sql("""
                select count(*) filter (where address_key = ?), count(*) from consultation_participant
                where consultation_id = ? and network_key = ? and created_at > now() - make_interval(secs => ?)""")
                .param(addressKey).param(consultationId).param(networkKey).param(limits.window().toSeconds())
                .query((rs, n) -> new Issued(rs.getLong(1), rs.getLong(2))).single();
        if (issued.fromAddress() >= limits.perAddress() || issued.fromNetwork() >= limits.perNetwork()) {
            return Optional.empty();
        }
        return Optional.of(create(consultationId, null, null, addressKey, networkKey));
    }

    /**
     * Records a participant's proof of work (verified by {@link ParticipantProofs}) and turns the
     * votes they cast before it into trusted ones, moving the counters. Returns false when the
     * participant was already proven (nothing changes).
     */
    @Transactional
    public boolean prove(UUID consultationId, UUID participantId) {
        int proven = jdbc.sql("""
                update consultation_participant set proof = 'POW', proven_at = now()
                where id = ? and consultation_id = ? and merged_into is null and proven_at is null""")
                .param(participantId).param(consultationId).update();
        if (proven == 0) {
            return false;
        }
        votes.promote(participantId);
        return true;
    }

    /** A participant of this consultation (not merged into another), if it exists. */
    @Transactional(readOnly = true)
    public Optional<Participant> find(UUID consultationId, UUID id) {
        return jdbc.sql("select * from consultation_participant where id = ? and consultation_id = ? and merged_into is null")
                .param(id).param(consultationId).query(Participants::map).optional();
    }

    /** The participant of a signed-in account in this consultation, if it has one (nothing created). */
    @Transactional(readOnly = true)
    public Optional<Participant> ofAccount(UUID consultationId, UUID userId) {
        return jdbc.sql("select * from consultation_participant where consultation_id = ? and user_id = ?")
                .param(consultationId).param(userId).query(Participants::map).optional();
    }

    /** A new participant; {@code proof} null = not proven yet. */
    private Participant create(UUID consultationId, UUID userId, String proof, String addressKey, String networkKey) {
        UUID id = Ids.newId();
        // An account's first two requests at once: one row, the other request reads it.
        jdbc.sql("""
                insert into consultation_participant (id, organisation_id, consultation_id, user_id, proof, proven_at,
                                                      address_key, network_key)
                select ?, organisation_id, id, ?, ?::varchar, case when ?::varchar is null then null else now() end, ?, ?
                from consultation where id = ?
                on conflict do nothing""")
                .param(id).param(userId).param(proof).param(proof).param(addressKey).param(networkKey)
                .param(consultationId).update();
        return (userId == null ? find(consultationId, id) : ofAccount(consultationId, userId))
                .orElseThrow(BusinessException::notFound);
    }

    private void merge(Participant anonymous, Participant account) {
        List<UUID> both = jdbc.sql("""
                select a.proposal_id from consultation_vote a
                join consultation_vote b on b.proposal_id = a.proposal_id and b.participant_id = ?
                where a.participant_id = ?""")
                .param(account.id()).param(anonymous.id()).query(UUID.class).list();
        both.forEach(proposal -> votes.retract(anonymous.id(), proposal));
        jdbc.sql("update consultation_vote set participant_id = ?, updated_at = now() where participant_id = ?")
                .param(account.id()).param(anonymous.id()).update();
        jdbc.sql("update consultation_proposal set participant_id = ? where participant_id = ?")
                .param(account.id()).param(anonymous.id()).update();
        jdbc.sql("""
                insert into consultation_profile_answer (organisation_id, participant_id, question_id, answer, answered_at)
                select organisation_id, ?, question_id, answer, answered_at from consultation_profile_answer
                where participant_id = ? on conflict do nothing""")
                .param(account.id()).param(anonymous.id()).update();
        jdbc.sql("""
                update consultation_participant a set segment = coalesce(a.segment, o.segment),
                       recontact_consent = a.recontact_consent or o.recontact_consent,
                       recontact_email = coalesce(a.recontact_email, o.recontact_email),
                       recontact_language = case when a.recontact_email is null and o.recontact_email is not null
                                                 then o.recontact_language else a.recontact_language end
                from consultation_participant o where a.id = ? and o.id = ?""")
                .param(account.id()).param(anonymous.id()).update();
        // Workshop invitations follow the person: mails about them go by the account's consent, and
        // the account is not invited again. Where both were invited to a session, the anonymous
        // invitation stays as a record (mails about the session are sent once per person).
        jdbc.sql("""
                update consultation_workshop_invitation i set participant_id = ? where i.participant_id = ?
                and not exists (select 1 from consultation_workshop_invitation j
                                where j.session_id = i.session_id and j.participant_id = ?)""")
                .param(account.id()).param(anonymous.id()).param(account.id()).update();
        jdbc.sql("update consultation_participant set merged_into = ? where id = ?").param(account.id())
                .param(anonymous.id()).update();
        // The account is proven: the votes the anonymous participant cast before any proof now count.
        votes.promote(account.id());
    }

    /** The participant's answers, by question code. */
    @Transactional(readOnly = true)
    public Map<String, String> answers(UUID participantId) {
        return jdbc.sql("""
                select q.code, a.answer from consultation_profile_answer a
                join consultation_profile_question q on q.id = a.question_id where a.participant_id = ?""")
                .param(participantId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** {@link #saveProfile(Consultations.Consultation, UUID, Map, boolean, String, Locale)} in French. */
    @Transactional
    public void saveProfile(Consultations.Consultation consultation, UUID participantId, Map<String, String> answers,
            boolean recontact, String email) {
        saveProfile(consultation, participantId, answers, recontact, email, Locale.FRENCH);
    }

    /**
     * Saves the participant's optional answers (blank = no answer) and their consent to be
     * re-contacted, with the language of the page they consent from ({@code locale}): the
     * workshop mails are written in it. The answer of the segment question becomes their segment.
     */
    @Transactional
    public void saveProfile(Consultations.Consultation consultation, UUID participantId, Map<String, String> answers,
            boolean recontact, String email, Locale locale) {
        String address = Consultations.trim(email);
        if (recontact && (address == null || address.length() > 200 || !EMAIL.matcher(address).matches())) {
            throw new FieldRefusal("email", "consultation.profile.email.invalid");
        }
        for (Consultations.ProfileQuestion q : consultation.profileQuestions()) {
            String answer = Consultations.trim(answers.get(q.code()));
            if (answer != null && !q.accepts(answer)) {
                throw new FieldRefusal(q.code(), "consultation.profile.answer.invalid");
            }
        }
        for (Consultations.ProfileQuestion q : consultation.profileQuestions()) {
            String answer = Consultations.trim(answers.get(q.code()));
            if (answer == null) {
                jdbc.sql("delete from consultation_profile_answer where participant_id = ? and question_id = ?")
                        .param(participantId).param(q.id()).update();
            } else {
                jdbc.sql("""
                        insert into consultation_profile_answer (organisation_id, participant_id, question_id, answer)
                        select organisation_id, id, ?, ? from consultation_participant where id = ?
                        on conflict (participant_id, question_id) do update set answer = excluded.answer, answered_at = now()""")
                        .param(q.id()).param(answer).param(participantId).update();
            }
            if (q.definesSegment()) {
                jdbc.sql("update consultation_participant set segment = ? where id = ?").param(answer).param(participantId)
                        .update();
            }
        }
        boolean consentedBefore = jdbc.sql("select recontact_consent from consultation_participant where id = ?")
                .param(participantId).query(Boolean.class).optional().orElse(false);
        // The language is kept with the address it goes with (a withdrawal keeps the last one, unused).
        jdbc.sql("""
                update consultation_participant set recontact_consent = ?, recontact_email = ?,
                       recontact_language = case when ? then ? else recontact_language end where id = ?""")
                .param(recontact).param(recontact ? address : null).param(recontact).param(MailLanguage.of(locale))
                .param(participantId).update();
        // Audited without the answers or the address: which questions were answered, and the consent.
        long answered = consultation.profileQuestions().stream()
                .filter(q -> Consultations.trim(answers.get(q.code())) != null).count();
        audit.record("consultation.participant.profileSaved", "consultation_participant", participantId,
                Map.of("consultation", consultation.id().toString(), "answered", answered,
                        "consent", recontact == consentedBefore ? (recontact ? "KEPT" : "NONE")
                                : (recontact ? "GIVEN" : "WITHDRAWN")));
    }

    private static Participant map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Participant(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("segment"), rs.getBoolean("recontact_consent"),
                rs.getString("recontact_email"), rs.getObject("proven_at") != null);
    }
}
