package fr.passerelle.programmes;

import static fr.passerelle.programmes.PracticeLibrary.blankToNull;
import static fr.passerelle.programmes.PracticeLibrary.require;
import static fr.passerelle.programmes.Programmes.localDate;
import static fr.passerelle.programmes.Programmes.principal;
import static fr.passerelle.programmes.Programmes.requireOpen;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The beneficiaries of a programme, personal data of minors for most of them, and what is recorded
 * about them: the liaison form from a spotting partner, the group's decision, consent (a parent's or
 * guardian's for anyone under 18 on the day of consent), the référent de parcours and the
 * individual contract, follow-up contacts, orientations to mainstream services, the end review with
 * the exit outcome; and the programme's collective sessions with each admitted beneficiary's
 * attendance and punctuality.
 *
 * <p>Only members of the programme's group, tied to their account, who signed the charter's current
 * version and hold {@code programme:beneficiaries}, read or write any of it: checked here with a
 * clear refusal, and again by row-level security. Every read of a beneficiary's file and every
 * write is audited.
 */
@Service
public class ProgrammeBeneficiaries {

    public static final List<String> SEXES = List.of("F", "M", "X");
    public static final List<String> CONSENTS = List.of("SELF", "PARENT", "GUARDIAN");
    public static final List<String> CONTACT_KINDS = List.of("INTERVIEW", "PHONE", "HOME_VISIT", "FAMILY", "PARTNER", "OTHER");
    public static final List<String> ORIENTATION_KINDS = List.of("EMPLOYMENT", "TRAINING", "SCHOOL", "HEALTH", "HOUSING", "SOCIAL",
            "SPORT_CULTURE", "JUSTICE", "OTHER");
    public static final List<String> EXIT_OUTCOMES = List.of("JOB", "TRAINING", "SCHOOL", "GARANTIE_JEUNES", "NONE", "OTHER");
    public static final List<String> CONTRACT_STATUSES = List.of("SIGNED", "COMPLETED", "BROKEN");
    static final int SESSIONS_AT_ONCE = 200;

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final AuditLog audit;
    private final Clock clock;

    ProgrammeBeneficiaries(JdbcClient jdbc, Programmes programmes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    /** A line of the list of beneficiaries. */
    public record BeneficiaryLine(UUID id, String firstName, String lastName, LocalDate birthDate, String sex,
            String liaisonFrom, LocalDate liaisonOn, String decision, LocalDate consentOn, String contractStatus,
            String exitOutcome, String referentName) {

        /** Where the beneficiary is in the workflow. */
        public String stage() {
            return Beneficiary.stage(decision, consentOn, contractStatus, exitOutcome);
        }

        public int ageOn(LocalDate date) {
            return Period.between(birthDate, date).getYears();
        }
    }

    /** A beneficiary's file. */
    public record Beneficiary(UUID id, UUID programmeId, String firstName, String lastName, LocalDate birthDate,
            String sex, String neighbourhood, String liaisonFrom, LocalDate liaisonOn, String liaisonReason,
            String decision, LocalDate decisionOn, String decisionReason, LocalDate consentOn, String consentBy,
            String guardianName, UUID referentId, String referentName, LocalDate contractStartsOn,
            LocalDate contractEndsOn, String contractObjectives, String contractStatus, LocalDate exitOn,
            String exitOutcome, String exitReview) {

        static String stage(String decision, LocalDate consentOn, String contractStatus, String exitOutcome) {
            if (exitOutcome != null) {
                return "EXITED";
            }
            if (!"ADMITTED".equals(decision)) {
                return decision;
            }
            if (consentOn == null) {
                return "CONSENT";
            }
            return contractStatus == null ? "CONTRACT" : "FOLLOW_UP";
        }

        public String stage() {
            return stage(decision, consentOn, contractStatus, exitOutcome);
        }

        /** Age in whole years on a date. */
        public int ageOn(LocalDate date) {
            return Period.between(birthDate, date).getYears();
        }
    }

    /** What a liaison form says. */
    public record LiaisonInput(String firstName, String lastName, LocalDate birthDate, String sex, String neighbourhood,
            String liaisonFrom, LocalDate liaisonOn, String liaisonReason) {}

    /** A follow-up contact. */
    public record Contact(UUID id, String kind, LocalDate happenedOn, String note, String createdByName) {}

    /** An orientation to a mainstream service. */
    public record Orientation(UUID id, String kind, String service, LocalDate orientedOn) {}

    /**
     * A collective session with its attendance counts: null for whoever may not see the programme's
     * beneficiaries (attendance is about them).
     */
    public record Session(UUID id, LocalDate heldOn, String halfDay, String label, Long expected, Long present, Long late) {

        public boolean recorded() {
            return expected != null && expected > 0;
        }
    }

    /** One admitted beneficiary's attendance at a session (null when not recorded yet). */
    public record AttendanceLine(UUID beneficiaryId, String name, Boolean present, boolean late) {}

    /** One beneficiary's mark for a session. */
    public record Mark(UUID beneficiaryId, boolean present, boolean late) {}

    // ---------------------------------------------------------------- access

    /** Refuses unless the signed-in user may see the programme's beneficiaries (403 with the reason). */
    Programmes.Programme requireSigned(UUID programme) {
        require(Programmes.BENEFICIARIES);
        Programmes.Programme found = programmes.find(programme);
        if (!programmes.signedMember(programme)) {
            throw new BusinessException(403, "programme.charter.required");
        }
        return found;
    }

    /** {@link #requireSigned}, for a write: the programme must still be running. */
    private Programmes.Programme requireSignedWrite(UUID programme) {
        Programmes.Programme found = requireSigned(programme);
        requireOpen(found);
        return found;
    }

    // ---------------------------------------------------------------- beneficiaries

    @Transactional(readOnly = true)
    public List<BeneficiaryLine> list(UUID programme) {
        requireSigned(programme);
        return jdbc.sql("""
                select b.id, b.first_name, b.last_name, b.birth_date, b.sex, b.liaison_from, b.liaison_on, b.decision,
                       b.consent_on, b.contract_status, b.exit_outcome, m.full_name as referent_name
                from programme_beneficiary b left join programme_member m on m.id = b.referent_id
                where b.programme_id = ?
                order by case b.decision when 'PENDING' then 0 when 'ADMITTED' then 1 when 'WAITING' then 2 else 3 end,
                         b.exit_on is not null, lower(b.last_name), lower(b.first_name)""")
                .param(programme)
                .query((rs, n) -> new BeneficiaryLine(rs.getObject("id", UUID.class), rs.getString("first_name"),
                        rs.getString("last_name"), localDate(rs, "birth_date"), rs.getString("sex"),
                        rs.getString("liaison_from"), localDate(rs, "liaison_on"), rs.getString("decision"),
                        localDate(rs, "consent_on"), rs.getString("contract_status"), rs.getString("exit_outcome"),
                        rs.getString("referent_name")))
                .list();
    }

    /** A beneficiary's file; the read is audited. */
    @Transactional
    public Beneficiary get(UUID programme, UUID id) {
        requireSigned(programme);
        Beneficiary beneficiary = find(programme, id);
        audit.record("programme.beneficiary.read", "programme_beneficiary", id, Map.of("programme", programme));
        return beneficiary;
    }

    private Beneficiary find(UUID programme, UUID id) {
        return jdbc.sql("""
                select b.*, m.full_name as referent_name
                from programme_beneficiary b left join programme_member m on m.id = b.referent_id
                where b.id = ? and b.programme_id = ?""")
                .param(id).param(programme).query(this::map).optional().orElseThrow(BusinessException::notFound);
    }

    /** Records a liaison form from a spotting partner: the beneficiary waits for the group's decision. */
    @Transactional
    public UUID addLiaison(UUID programme, LiaisonInput input) {
        requireSignedWrite(programme);
        String first = required("firstName", input.firstName(), 100, "programme.beneficiary.firstName.required");
        String last = required("lastName", input.lastName(), 100, "programme.beneficiary.lastName.required");
        LocalDate today = programmes.today();
        if (input.birthDate() == null) {
            throw new FieldRefusal("birthDate", "programme.beneficiary.birthDate.required");
        }
        if (input.birthDate().isAfter(today) || input.birthDate().isBefore(today.minusYears(120))) {
            throw new FieldRefusal("birthDate", "programme.beneficiary.birthDate.invalid");
        }
        if (input.sex() == null || !SEXES.contains(input.sex())) {
            throw new FieldRefusal("sex", "programme.beneficiary.sex.required");
        }
        FieldRefusal.requireAtMost("neighbourhood", input.neighbourhood(), 200);
        String from = required("liaisonFrom", input.liaisonFrom(), 200, "programme.beneficiary.liaisonFrom.required");
        LocalDate on = input.liaisonOn() == null ? today : input.liaisonOn();
        notFuture("liaisonOn", on, today);
        if (on.isBefore(input.birthDate())) {
            throw new FieldRefusal("liaisonOn", "programme.beneficiary.liaisonOn.beforeBirth");
        }
        String reason = required("liaisonReason", input.liaisonReason(), 4000, "programme.beneficiary.liaisonReason.required");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into programme_beneficiary (id, programme_id, organisation_id, first_name, last_name, birth_date,
                    sex, neighbourhood, liaison_from, liaison_on, liaison_reason, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, programme, principal().organisationId(), first, last, Date.valueOf(input.birthDate()),
                        input.sex(), blankToNull(input.neighbourhood()), from, Date.valueOf(on), reason,
                        Timestamp.from(Instant.now(clock)))
                .update();
        audit.record("programme.beneficiary.liaison", "programme_beneficiary", id, Map.of("programme", programme));
        return id;
    }

    /** The group's decision on a liaison form: admit, refuse with a reason, or put on the waiting list. */
    @Transactional
    public void decide(UUID programme, UUID id, String decision, LocalDate on, String reason) {
        Programmes.Programme p = requireSignedWrite(programme);
        Beneficiary b = find(programme, id);
        if (decision == null || !List.of("ADMITTED", "REFUSED", "WAITING").contains(decision)) {
            throw new FieldRefusal("decision", "programme.decision.invalid");
        }
        if (b.consentOn() != null || b.exitOutcome() != null) {
            throw BusinessException.conflict("programme.decision.alreadyEngaged");
        }
        LocalDate date = on == null ? programmes.today() : on;
        notFuture("decisionOn", date, programmes.today());
        if (date.isBefore(b.liaisonOn())) {
            throw new FieldRefusal("decisionOn", "programme.decision.beforeLiaison");
        }
        String why = blankToNull(reason);
        if ("REFUSED".equals(decision) && why == null) {
            throw new FieldRefusal("reason", "programme.decision.reason.required");
        }
        FieldRefusal.requireAtMost("reason", why, 2000);
        if ("ADMITTED".equals(decision) && !"ADMITTED".equals(b.decision()) && admitted(programme) >= p.capacity()) {
            throw BusinessException.conflict("programme.decision.full", p.capacity());
        }
        jdbc.sql("update programme_beneficiary set decision = ?, decision_on = ?, decision_reason = ? where id = ?")
                .params(decision, Date.valueOf(date), why, id).update();
        audit.record("programme.beneficiary.decided", "programme_beneficiary", id,
                Map.of("programme", programme, "decision", decision));
    }

    private long admitted(UUID programme) {
        // Counted under a lock on the programme, so that two decisions at once cannot pass the capacity.
        jdbc.sql("select id from programme where id = ? for update").param(programme).query(UUID.class).single();
        return jdbc.sql("select count(*) from programme_beneficiary where programme_id = ? and decision = 'ADMITTED' "
                + "and exit_outcome is null").param(programme).query(Long.class).single();
    }

    /**
     * Consent to the programme and to the exchange of information: the person's own when 18 or over on
     * the day of consent, otherwise a parent's or guardian's, named.
     */
    @Transactional
    public void consent(UUID programme, UUID id, LocalDate on, String by, String guardianName) {
        requireSignedWrite(programme);
        Beneficiary b = find(programme, id);
        if (!"ADMITTED".equals(b.decision())) {
            throw BusinessException.conflict("programme.consent.notAdmitted");
        }
        if (b.consentOn() != null) {
            throw BusinessException.conflict("programme.consent.already");
        }
        if (on == null) {
            throw new FieldRefusal("consentOn", "programme.consent.date.required");
        }
        notFuture("consentOn", on, programmes.today());
        if (on.isBefore(b.decisionOn())) {
            throw new FieldRefusal("consentOn", "programme.consent.beforeDecision");
        }
        if (by == null || !CONSENTS.contains(by)) {
            throw new FieldRefusal("consentBy", "programme.consent.by.required");
        }
        String guardian = blankToNull(guardianName);
        FieldRefusal.requireAtMost("guardianName", guardian, 200);
        int age = b.ageOn(on);
        if (age < 18 && ("SELF".equals(by) || guardian == null)) {
            throw new FieldRefusal("guardianName", "programme.consent.minor", age);
        }
        if ("SELF".equals(by)) {
            guardian = null;
        } else if (guardian == null) {
            throw new FieldRefusal("guardianName", "programme.consent.guardian.required");
        }
        jdbc.sql("update programme_beneficiary set consent_on = ?, consent_by = ?, guardian_name = ? where id = ?")
                .params(Date.valueOf(on), by, guardian, id).update();
        audit.record("programme.beneficiary.consent", "programme_beneficiary", id,
                Map.of("programme", programme, "by", by));
    }

    /** Names the référent de parcours (an active member of the group) and sets the individual contract. */
    @Transactional
    public void contract(UUID programme, UUID id, UUID referent, LocalDate startsOn, LocalDate endsOn, String objectives) {
        requireSignedWrite(programme);
        Beneficiary b = find(programme, id);
        if (b.consentOn() == null) {
            throw BusinessException.conflict("programme.contract.noConsent");
        }
        if (b.exitOutcome() != null) {
            throw BusinessException.conflict("programme.beneficiary.exited");
        }
        if (referent == null) {
            throw new FieldRefusal("referentId", "programme.contract.referent.required");
        }
        Programmes.Member member = programmes.member(programme, referent);
        if (!member.active()) {
            throw new FieldRefusal("referentId", "programme.contract.referent.left");
        }
        if (startsOn == null) {
            throw new FieldRefusal("contractStartsOn", "programme.contract.startsOn.required");
        }
        if (endsOn == null) {
            throw new FieldRefusal("contractEndsOn", "programme.contract.endsOn.required");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new FieldRefusal("contractEndsOn", "programme.contract.endsBeforeStart");
        }
        if (startsOn.isBefore(b.consentOn())) {
            throw new FieldRefusal("contractStartsOn", "programme.contract.beforeConsent");
        }
        String goals = required("contractObjectives", objectives, 8000, "programme.contract.objectives.required");
        jdbc.sql("""
                update programme_beneficiary set referent_id = ?, contract_starts_on = ?, contract_ends_on = ?,
                    contract_objectives = ?, contract_status = coalesce(contract_status, 'SIGNED')
                where id = ?""")
                .params(referent, Date.valueOf(startsOn), Date.valueOf(endsOn), goals, id).update();
        audit.record("programme.beneficiary.contract", "programme_beneficiary", id, Map.of("programme", programme));
    }

    /** Records a follow-up contact. */
    @Transactional
    public UUID addContact(UUID programme, UUID id, String kind, LocalDate on, String note) {
        requireSignedWrite(programme);
        Beneficiary b = find(programme, id);
        requireFollowed(b);
        if (kind == null || !CONTACT_KINDS.contains(kind)) {
            throw new FieldRefusal("kind", "programme.contact.kind.required");
        }
        if (on == null) {
            throw new FieldRefusal("happenedOn", "programme.contact.date.required");
        }
        notFuture("happenedOn", on, programmes.today());
        if (on.isBefore(b.liaisonOn())) {
            throw new FieldRefusal("happenedOn", "programme.contact.beforeLiaison");
        }
        FieldRefusal.requireAtMost("note", note, 4000);
        UUID contact = UUID.randomUUID();
        jdbc.sql("""
                insert into programme_contact (id, beneficiary_id, programme_id, organisation_id, kind, happened_on, note,
                    created_at, created_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contact, id, programme, principal().organisationId(), kind, Date.valueOf(on),
                        note == null ? "" : note.strip(), Timestamp.from(Instant.now(clock)), principal().displayName())
                .update();
        audit.record("programme.contact.recorded", "programme_contact", contact, Map.of("programme", programme, "kind", kind));
        return contact;
    }

    @Transactional(readOnly = true)
    public List<Contact> contacts(UUID programme, UUID id) {
        requireSigned(programme);
        return jdbc.sql("select * from programme_contact where beneficiary_id = ? and programme_id = ? "
                        + "order by happened_on desc, created_at desc")
                .param(id).param(programme)
                .query((rs, n) -> new Contact(rs.getObject("id", UUID.class), rs.getString("kind"),
                        localDate(rs, "happened_on"), rs.getString("note"), rs.getString("created_by_name")))
                .list();
    }

    /** Records an orientation to a mainstream service. */
    @Transactional
    public UUID addOrientation(UUID programme, UUID id, String kind, String service, LocalDate on) {
        requireSignedWrite(programme);
        Beneficiary b = find(programme, id);
        requireFollowed(b);
        if (kind == null || !ORIENTATION_KINDS.contains(kind)) {
            throw new FieldRefusal("kind", "programme.orientation.kind.required");
        }
        String to = required("service", service, 200, "programme.orientation.service.required");
        if (on == null) {
            throw new FieldRefusal("orientedOn", "programme.orientation.date.required");
        }
        notFuture("orientedOn", on, programmes.today());
        if (on.isBefore(b.liaisonOn())) {
            throw new FieldRefusal("orientedOn", "programme.orientation.beforeLiaison");
        }
        UUID orientation = UUID.randomUUID();
        jdbc.sql("""
                insert into programme_orientation (id, beneficiary_id, programme_id, organisation_id, kind, service_name,
                    oriented_on, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orientation, id, programme, principal().organisationId(), kind, to, Date.valueOf(on),
                        Timestamp.from(Instant.now(clock)))
                .update();
        audit.record("programme.orientation.recorded", "programme_orientation", orientation,
                Map.of("programme", programme, "kind", kind));
        return orientation;
    }

    @Transactional(readOnly = true)
    public List<Orientation> orientations(UUID programme, UUID id) {
        requireSigned(programme);
        return jdbc.sql("select * from programme_orientation where beneficiary_id = ? and programme_id = ? "
                        + "order by oriented_on desc")
                .param(id).param(programme)
                .query((rs, n) -> new Orientation(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("service_name"), localDate(rs, "oriented_on")))
                .list();
    }

    /** The end review: the contract's end (completed or broken), the exit outcome and the review. */
    @Transactional
    public void endReview(UUID programme, UUID id, LocalDate on, String outcome, boolean contractCompleted, String review) {
        requireSignedWrite(programme);
        Beneficiary b = find(programme, id);
        if (!"ADMITTED".equals(b.decision()) || b.consentOn() == null) {
            throw BusinessException.conflict("programme.exit.notFollowed");
        }
        if (b.exitOutcome() != null) {
            throw BusinessException.conflict("programme.beneficiary.exited");
        }
        if (on == null) {
            throw new FieldRefusal("exitOn", "programme.exit.date.required");
        }
        notFuture("exitOn", on, programmes.today());
        if (on.isBefore(b.consentOn())) {
            throw new FieldRefusal("exitOn", "programme.exit.beforeConsent");
        }
        if (outcome == null || !EXIT_OUTCOMES.contains(outcome)) {
            throw new FieldRefusal("exitOutcome", "programme.exit.outcome.required");
        }
        String text = required("exitReview", review, 8000, "programme.exit.review.required");
        String contract = b.contractStatus() == null ? null : (contractCompleted ? "COMPLETED" : "BROKEN");
        jdbc.sql("""
                update programme_beneficiary set exit_on = ?, exit_outcome = ?, exit_review = ?, contract_status = ?
                where id = ?""")
                .params(Date.valueOf(on), outcome, text, contract, id).update();
        audit.record("programme.beneficiary.exit", "programme_beneficiary", id,
                Map.of("programme", programme, "outcome", outcome));
    }

    private static void requireFollowed(Beneficiary b) {
        if (!"ADMITTED".equals(b.decision())) {
            throw BusinessException.conflict("programme.beneficiary.notAdmitted");
        }
        if (b.exitOutcome() != null) {
            throw BusinessException.conflict("programme.beneficiary.exited");
        }
    }

    // ---------------------------------------------------------------- sessions and attendance

    /** The programme's sessions with their attendance counts (no beneficiary named). */
    @Transactional(readOnly = true)
    public List<Session> sessions(UUID programme) {
        return sessions(programme, null);
    }

    /** The programme's sessions, or the one given. */
    private List<Session> sessions(UUID programme, UUID only) {
        require(Programmes.READ);
        programmes.find(programme);
        boolean signed = TenantContext.hasAuthority(Programmes.BENEFICIARIES) && programmes.signedMember(programme);
        return jdbc.sql("""
                select s.id, s.held_on, s.half_day, s.label, coalesce(a.expected, 0) as expected,
                       coalesce(a.present, 0) as present, coalesce(a.late, 0) as late
                from programme_session s
                left join lateral (select count(*) as expected, count(*) filter (where t.present) as present,
                                          count(*) filter (where t.late) as late
                                   from programme_attendance t where t.session_id = s.id) a on true
                where s.programme_id = :programme and (cast(:only as uuid) is null or s.id = :only)
                order by s.held_on, s.half_day""")
                .param("programme", programme).param("only", only)
                .query((rs, n) -> new Session(rs.getObject("id", UUID.class), localDate(rs, "held_on"),
                        rs.getString("half_day"), rs.getString("label"), signed ? rs.getLong("expected") : null,
                        signed ? rs.getLong("present") : null, signed ? rs.getLong("late") : null))
                .list();
    }

    /**
     * Plans sessions: {@code count} half-days from {@code from}, on the given weekdays and half-day
     * (AM, PM, or both), skipping dates already planned; returns how many were added.
     */
    @Transactional
    public int planSessions(UUID programme, LocalDate from, int count, Set<java.time.DayOfWeek> days, String halfDay,
            String label) {
        Programmes.Programme p = programmes.requireRunning(programme);
        if (from == null) {
            throw new FieldRefusal("from", "programme.session.from.required");
        }
        if (from.isBefore(p.startsOn()) || from.isAfter(p.endsOn())) {
            throw new FieldRefusal("from", "programme.session.outside", p.startsOn(), p.endsOn());
        }
        if (count < 1 || count > SESSIONS_AT_ONCE) {
            throw new FieldRefusal("count", "programme.session.count", SESSIONS_AT_ONCE);
        }
        if (days == null || days.isEmpty()) {
            throw new FieldRefusal("days", "programme.session.days.required");
        }
        List<String> halves = switch (halfDay == null ? "" : halfDay) {
            case "AM" -> List.of("AM");
            case "PM" -> List.of("PM");
            case "BOTH" -> List.of("AM", "PM");
            default -> throw new FieldRefusal("halfDay", "programme.session.halfDay.required");
        };
        String text = label == null ? "" : label.strip();
        FieldRefusal.requireAtMost("label", text, 200);
        UUID organisation = principal().organisationId();
        int added = 0;
        LocalDate day = from;
        while (added < count) {
            if (day.isAfter(p.endsOn())) {
                throw new FieldRefusal("count", "programme.session.pastEnd", p.endsOn());
            }
            if (days.contains(day.getDayOfWeek())) {
                for (String half : halves) {
                    if (added < count) {
                        added += jdbc.sql("""
                                insert into programme_session (id, programme_id, organisation_id, held_on, half_day, label)
                                values (?, ?, ?, ?, ?, ?) on conflict (programme_id, held_on, half_day) do nothing""")
                                .params(UUID.randomUUID(), programme, organisation, Date.valueOf(day), half, text)
                                .update();
                    }
                }
            }
            day = day.plusDays(1);
        }
        audit.record("programme.sessions.planned", "programme", programme, Map.of("sessions", added));
        return added;
    }

    /** The attendance sheet of a session: every beneficiary admitted and not exited before it. */
    @Transactional(readOnly = true)
    public List<AttendanceLine> attendance(UUID programme, UUID session) {
        requireSigned(programme);
        return expected(programme, session(programme, session));
    }

    private List<AttendanceLine> expected(UUID programme, Session slot) {
        UUID session = slot.id();
        LocalDate heldOn = slot.heldOn();
        return jdbc.sql("""
                select b.id, b.first_name || ' ' || b.last_name as name, t.present, coalesce(t.late, false) as late
                from programme_beneficiary b
                left join programme_attendance t on t.beneficiary_id = b.id and t.session_id = :session
                where b.programme_id = :programme and b.decision = 'ADMITTED'
                  and (t.session_id is not null or ((b.exit_on is null or b.exit_on >= :day) and b.decision_on <= :day))
                order by lower(b.last_name), lower(b.first_name)""")
                .param("session", session).param("programme", programme).param("day", Date.valueOf(heldOn))
                .query((rs, n) -> new AttendanceLine(rs.getObject("id", UUID.class), rs.getString("name"),
                        (Boolean) rs.getObject("present"), rs.getBoolean("late")))
                .list();
    }

    /** One session of the programme (its counts as {@link #sessions} gives them). */
    @Transactional(readOnly = true)
    public Session session(UUID programme, UUID session) {
        return sessions(programme, session).stream().findFirst().orElseThrow(BusinessException::notFound);
    }

    /**
     * Records a session's attendance: for each beneficiary marked, present or absent, and late when
     * present. A beneficiary of another programme, or not admitted, refuses the whole sheet.
     */
    @Transactional
    public int recordAttendance(UUID programme, UUID session, List<Mark> marks) {
        requireSignedWrite(programme);
        Session s = session(programme, session);
        if (s.heldOn().isAfter(programmes.today())) {
            throw BusinessException.conflict("programme.attendance.future");
        }
        // Those expected at this session: admitted by then and not exited before it (or already marked).
        Set<UUID> admitted = new HashSet<>(expected(programme, s).stream().map(AttendanceLine::beneficiaryId).toList());
        Map<UUID, Mark> byBeneficiary = new LinkedHashMap<>();
        for (Mark mark : marks) {
            if (!admitted.contains(mark.beneficiaryId())) {
                throw BusinessException.invalid("programme.attendance.otherProgramme");
            }
            if (mark.late() && !mark.present()) {
                throw BusinessException.invalid("programme.attendance.lateAbsent");
            }
            byBeneficiary.put(mark.beneficiaryId(), mark);
        }
        UUID organisation = principal().organisationId();
        for (Mark mark : byBeneficiary.values()) {
            jdbc.sql("""
                    insert into programme_attendance (session_id, beneficiary_id, programme_id, organisation_id, present, late)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (session_id, beneficiary_id) do update set present = excluded.present, late = excluded.late""")
                    .params(session, mark.beneficiaryId(), programme, organisation, mark.present(), mark.late())
                    .update();
        }
        audit.record("programme.attendance.recorded", "programme_session", session,
                Map.of("programme", programme, "marks", byBeneficiary.size()));
        return byBeneficiary.size();
    }

    // ---------------------------------------------------------------- helpers

    private static String required(String field, String value, int max, String key) {
        String text = blankToNull(value);
        if (text == null) {
            throw new FieldRefusal(field, key);
        }
        FieldRefusal.requireAtMost(field, text, max);
        return text;
    }

    private static void notFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new FieldRefusal(field, "programme.date.future");
        }
    }

    private Beneficiary map(ResultSet rs, int n) throws SQLException {
        return new Beneficiary(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
                rs.getString("first_name"), rs.getString("last_name"), localDate(rs, "birth_date"), rs.getString("sex"),
                rs.getString("neighbourhood"), rs.getString("liaison_from"), localDate(rs, "liaison_on"),
                rs.getString("liaison_reason"), rs.getString("decision"), localDate(rs, "decision_on"),
                rs.getString("decision_reason"), localDate(rs, "consent_on"), rs.getString("consent_by"),
                rs.getString("guardian_name"), rs.getObject("referent_id", UUID.class), rs.getString("referent_name"),
                localDate(rs, "contract_starts_on"), localDate(rs, "contract_ends_on"), rs.getString("contract_objectives"),
                rs.getString("contract_status"), localDate(rs, "exit_on"), rs.getString("exit_outcome"),
                rs.getString("exit_review"));
    }
}
