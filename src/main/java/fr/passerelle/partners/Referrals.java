package fr.passerelle.partners;

import static fr.passerelle.partners.PartnerPlaces.organisation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.PdfDocuments;
import fr.passerelle.identity.Organisations;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.mail.MailOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orientation (referral) of a person of the association to a partner: the worker picks, section
 * by section, what is shared (see {@link Section}); health details only with the person's consent
 * covering them and only by a user allowed to read them ({@link Persons#HEALTH_PERMISSION}). The
 * consent is recorded with the referral and in the person's file; the referral is rendered as a PDF
 * (kept as sent) and mailed through the outbox to the partner's contact, the PDF attached. Then
 * sent → accepted / refused (reason) / no answer → entered ({@link ReferralStatus}), each change an
 * event; every write and every read of a referral is audited.
 */
@Service
public class Referrals {

    public static final int PAGE_SIZE = 25;
    public static final int PURPOSE_MAX = 2000;
    public static final int REASON_MAX = 1000;
    public static final List<String> SORTS = List.of("sent", "partner", "status");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What a referral may share with the partner. */
    public enum Section { IDENTITY, SITUATION, OBLIGATIONS, HEALTH }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Persons persons;
    private final Measures measures;
    private final FollowUp followUp;
    private final PdfDocuments pdf;
    private final MailOutbox outbox;
    private final Organisations organisations;
    private final MessageSource messages;
    private final ReferralProperties properties;

    Referrals(JdbcClient jdbc, AuditLog audit, Clock clock, Persons persons, Measures measures, FollowUp followUp,
            PdfDocuments pdf, MailOutbox outbox, Organisations organisations, MessageSource messages,
            ReferralProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.persons = persons;
        this.measures = measures;
        this.followUp = followUp;
        this.pdf = pdf;
        this.outbox = outbox;
        this.organisations = organisations;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * What a worker sends: the partner (and the contact of theirs to write to, else the partner's
     * address), the person (and a measure of theirs, needed to share its obligations), why, the
     * sections shared, and the person's consent: the day it was given and whether it covers health.
     */
    public record Request(UUID partnerId, UUID contactId, UUID personId, UUID measureId, String purpose,
            Set<Section> shared, LocalDate consentGivenOn, boolean consentCoversHealth) {}

    /** A referral as its page shows it (what was shared, never the shared data itself). */
    public record Referral(UUID id, UUID partnerId, String partnerName, String partnerType, UUID personId,
            String personLabel, UUID measureId, String measureReference, String recipientEmail, String recipientName,
            String purpose, Set<Section> shared, LocalDate consentGivenOn, boolean consentCoversHealth,
            String consentRecordedByName, ReferralStatus status, LocalDate sentOn, LocalDate answeredOn,
            String refusalReason, LocalDate enteredOn) {

        public Set<ReferralStatus.Action> actions() {
            return status.actions();
        }

        /** Days from the request to the answer, null before an answer (no answer counts none). */
        public Integer daysToAnswer() {
            return status.answered() ? (int) (answeredOn.toEpochDay() - sentOn.toEpochDay()) : null;
        }

        /** Days from the answer to the entry, null before the entry. */
        public Integer daysToEntry() {
            return enteredOn == null ? null : (int) (enteredOn.toEpochDay() - answeredOn.toEpochDay());
        }
    }

    public record Event(String kind, LocalDate effectiveOn, String reason, Instant occurredAt, String actorName) {}

    /**
     * What the list is filtered by; nulls do not filter.
     *
     * @param sort one of {@link #SORTS} (latest sent first by default)
     */
    public record Filter(ReferralStatus status, UUID partnerId, UUID personId, String sort) {

        public static Filter all() {
            return new Filter(null, null, null, null);
        }
    }

    // ------------------------------------------------------------------------------------------ writes

    /**
     * Sends a referral: checks the input (nothing is written when it is refused), records the
     * person's consent in their file, renders the PDF, stores the referral and queues the mail to the
     * partner with the PDF attached, in one transaction.
     */
    @Transactional
    public UUID send(Request request) {
        return send(request, LocalDate.now(clock));
    }

    /** Sends a referral dated {@code sentOn} (the demo data's year of referrals). */
    @Transactional
    UUID send(Request request, LocalDate sentOn) {
        Recipient partner = recipient(request.partnerId(), request.contactId());
        String personLabel = persons.labels(Set.of(request.personId())).get(request.personId());
        if (personLabel == null) {
            throw BusinessException.notFound();
        }
        Measures.Measure measure = request.measureId() == null ? null : measures.get(request.measureId());
        if (measure != null && !measure.personId().equals(request.personId())) {
            throw new FieldRefusal("measureId", "referral.measure.otherPerson");
        }
        String purpose = request.purpose() == null ? "" : request.purpose().strip();
        if (purpose.isEmpty()) {
            throw new FieldRefusal("purpose", "referral.purpose.required");
        }
        FieldRefusal.requireAtMost("purpose", purpose, PURPOSE_MAX);
        Set<Section> shared = request.shared() == null || request.shared().isEmpty() ? EnumSet.noneOf(Section.class)
                : EnumSet.copyOf(request.shared());
        if (shared.isEmpty()) {
            throw new FieldRefusal("shared", "referral.shared.required");
        }
        if (shared.contains(Section.OBLIGATIONS) && measure == null) {
            throw new FieldRefusal("measureId", "referral.obligations.measureRequired");
        }
        if (request.consentGivenOn() == null) {
            throw new FieldRefusal("consentGivenOn", "referral.consent.required");
        }
        if (request.consentGivenOn().isAfter(sentOn)) {
            throw new FieldRefusal("consentGivenOn", "referral.consent.future");
        }
        if (shared.contains(Section.HEALTH)) {
            if (!TenantContext.hasAuthority(Persons.HEALTH_PERMISSION)) {
                throw new FieldRefusal("shared", "referral.health.notAllowed");
            }
            if (!request.consentCoversHealth()) {
                throw new FieldRefusal("consentCoversHealth", "referral.health.noConsent");
            }
        }
        TenantPrincipal me = TenantContext.currentPrincipal().orElseThrow();
        UUID consent = persons.addConsent(request.personId(), consentSubject(shared, request.consentCoversHealth()),
                partner.partnerName(), request.consentGivenOn());
        UUID id = Ids.newId();
        byte[] document = document(id, partner, request.personId(), measure, purpose, shared, request, sentOn, me);
        jdbc.sql("""
                insert into partner_referral (id, organisation_id, partner_id, person_id, measure_id, recipient_email,
                    recipient_name, purpose, shares_identity, shares_situation, shares_obligations, shares_health,
                    consent_given_on, consent_covers_health, consent_id, consent_recorded_by, consent_recorded_by_name,
                    status, sent_on, document, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?, ?, ?, ?)""")
                .params(id, organisation(), request.partnerId(), request.personId(), request.measureId(), partner.email(),
                        partner.contactName(), purpose, shared.contains(Section.IDENTITY),
                        shared.contains(Section.SITUATION), shared.contains(Section.OBLIGATIONS),
                        shared.contains(Section.HEALTH), request.consentGivenOn(), request.consentCoversHealth(), consent,
                        me.userId(), me.displayName(), sentOn, document, now(), me.userId())
                .update();
        event(id, "SENT", sentOn, null);
        String association = organisations.get(organisation()).name();
        outbox.enqueue("partner.referral", "referral:" + id, partner.email(),
                text("referral.mail.subject", association),
                text("referral.mail.body", partner.contactName() == null ? partner.partnerName() : partner.contactName(),
                        association, me.displayName()),
                List.of(new MailOutbox.Attachment(fileName(id), "application/pdf", document)));
        audit.record("referral.sent", "partner_referral", id, Map.of("partner", request.partnerId().toString(),
                "person", request.personId().toString(), "shared", shared.stream().map(Enum::name).sorted().toList(),
                "consent", consent.toString()));
        return id;
    }

    /** Records the partner's acceptance, on a date from the sending until today. */
    @Transactional
    public void accept(UUID id, LocalDate answeredOn) {
        Row row = lockedRow(id);
        row.status().after(ReferralStatus.Action.ACCEPT);
        requireDate(answeredOn, row.sentOn(), "referral.answer.beforeSent");
        jdbc.sql("""
                update partner_referral set status = 'ACCEPTED', answered_on = ?, version = version + 1 where id = ?""")
                .params(answeredOn, id).update();
        event(id, "ACCEPTED", answeredOn, null);
        audit.record("referral.accepted", "partner_referral", id, Map.of("on", answeredOn.toString()));
    }

    /** Records the partner's refusal, on a date from the sending until today, for a reason. */
    @Transactional
    public void refuse(UUID id, LocalDate answeredOn, String reason) {
        Row row = lockedRow(id);
        row.status().after(ReferralStatus.Action.REFUSE);
        requireDate(answeredOn, row.sentOn(), "referral.answer.beforeSent");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new FieldRefusal("reason", "referral.reason.required");
        }
        FieldRefusal.requireAtMost("reason", why, REASON_MAX);
        jdbc.sql("""
                update partner_referral set status = 'REFUSED', answered_on = ?, refusal_reason = ?, version = version + 1
                where id = ?""")
                .params(answeredOn, why, id).update();
        event(id, "REFUSED", answeredOn, why);
        audit.record("referral.refused", "partner_referral", id, Map.of("on", answeredOn.toString()));
    }

    /** Records by hand that the partner did not answer (as of today). */
    @Transactional
    public void markNoAnswer(UUID id) {
        Row row = lockedRow(id);
        row.status().after(ReferralStatus.Action.NO_ANSWER);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update partner_referral set status = 'NO_ANSWER', answered_on = ?, version = version + 1 where id = ?")
                .params(today, id).update();
        event(id, "NO_ANSWER", today, null);
        audit.record("referral.noAnswer", "partner_referral", id, Map.of());
    }

    /** Records that the person entered the partner, on a date from the acceptance until today. */
    @Transactional
    public void enter(UUID id, LocalDate enteredOn) {
        Row row = lockedRow(id);
        row.status().after(ReferralStatus.Action.ENTER);
        requireDate(enteredOn, row.answeredOn(), "referral.entry.beforeAnswer");
        jdbc.sql("update partner_referral set status = 'ENTERED', entered_on = ?, version = version + 1 where id = ?")
                .params(enteredOn, id).update();
        event(id, "ENTERED", enteredOn, null);
        audit.record("referral.entered", "partner_referral", id, Map.of("on", enteredOn.toString()));
    }

    /**
     * Marks "no answer" the current association's referrals sent {@link ReferralProperties#noAnswerDays()}
     * days ago or more and still waiting; the daily job's work, audited with no user as actor.
     * Returns how many were marked.
     */
    @Transactional
    public int markUnanswered(LocalDate today) {
        List<UUID> due = jdbc.sql("""
                select id from partner_referral where status = 'SENT' and sent_on <= ? order by sent_on, id for update""")
                .param(today.minusDays(properties.noAnswerDays())).query(UUID.class).list();
        for (UUID id : due) {
            jdbc.sql("update partner_referral set status = 'NO_ANSWER', answered_on = ?, version = version + 1 where id = ?")
                    .params(today, id).update();
            jdbc.sql("""
                    insert into partner_referral_event (id, organisation_id, referral_id, kind, effective_on, occurred_at)
                    values (?, ?, ?, 'NO_ANSWER', ?, ?)""")
                    .params(Ids.newId(), organisation(), id, today, now()).update();
            audit.append(new AuditLog.AuditEntry(organisation(), null, null, "referral.noAnswer", "partner_referral",
                    id.toString(), Map.of("afterDays", properties.noAnswerDays())));
        }
        return due.size();
    }

    // ------------------------------------------------------------------------------------------- reads

    private static final String SELECT = """
            select r.*, p.name as partner_name, p.partner_type from partner_referral r join partner p on p.id = r.partner_id""";

    /** A referral, audited as a read of the person's data. */
    @Transactional
    public Referral view(UUID id) {
        Referral referral = named(jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::map).list()).stream()
                .findFirst().orElseThrow(BusinessException::notFound);
        audit.record("referral.viewed", "partner_referral", id, Map.of("person", referral.personId().toString()));
        return referral;
    }

    /** Where a referral stands (not found outside the current association). */
    @Transactional(readOnly = true)
    public ReferralStatus status(UUID id) {
        return jdbc.sql("select status from partner_referral where id = ?").param(id).query(String.class).optional()
                .map(ReferralStatus::valueOf).orElseThrow(BusinessException::notFound);
    }

    @Transactional(readOnly = true)
    public List<Event> events(UUID id) {
        return jdbc.sql("""
                select kind, effective_on, reason, occurred_at, actor_name from partner_referral_event
                where referral_id = ? order by occurred_at, id""")
                .param(id)
                .query((rs, n) -> new Event(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /** The PDF as it was sent; one with health details only for a user allowed to read them. Audited. */
    @Transactional
    public byte[] document(UUID id) {
        var row = jdbc.sql("select document, shares_health, sent_on from partner_referral where id = ?").param(id)
                .query((rs, n) -> Map.entry(rs.getBytes(1), rs.getBoolean(2))).optional()
                .orElseThrow(BusinessException::notFound);
        if (row.getValue() && !TenantContext.hasAuthority(Persons.HEALTH_PERMISSION)) {
            throw new AccessDeniedException(Persons.HEALTH_PERMISSION + " required");
        }
        audit.record("referral.viewed", "partner_referral", id, Map.of("format", "pdf"));
        return row.getKey();
    }

    /** The file name of a referral's PDF (its short reference, as printed on it). */
    public static String fileName(UUID id) {
        return "orientation-" + reference(id) + ".pdf";
    }

    private static String reference(UUID id) {
        return id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** One page of referrals, filtered and sorted; the read is audited (with the filters, no names). */
    @Transactional
    public ResultPage<Referral> list(Filter filter, int page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.partnerId() != null) {
            where.append(" and r.partner_id = :partner");
            params.put("partner", filter.partnerId());
        }
        if (filter.personId() != null) {
            where.append(" and r.person_id = :person");
            params.put("person", filter.personId());
        }
        String order = switch (filter.sort() == null ? "sent" : filter.sort()) {
            case "partner" -> "lower(p.name), r.sent_on desc, r.id desc";
            case "status" -> "r.status, r.sent_on desc, r.id desc";
            default -> "r.sent_on desc, r.created_at desc, r.id desc";
        };
        long total = jdbc.sql("select count(*) from partner_referral r" + where).params(params).query(Long.class).single();
        int safePage = Math.max(0, page);
        params.put("limit", PAGE_SIZE);
        params.put("offset", safePage * PAGE_SIZE);
        List<Referral> items = named(jdbc.sql(SELECT + where + " order by " + order + " limit :limit offset :offset")
                .params(params).query(this::map).list());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("page", safePage);
        details.put("shown", items.size());
        if (filter.personId() != null) {
            details.put("person", filter.personId().toString());
        }
        audit.record("referral.listed", "partner_referral", null, details);
        return new ResultPage<>(items, safePage, PAGE_SIZE, total);
    }

    /** The referrals of a person, latest first (for the person's file), audited as a list read. */
    @Transactional
    public List<Referral> ofPerson(UUID personId) {
        return list(new Filter(null, null, personId, null), 0).items();
    }

    /** The partners a referral may be sent to: not archived, by name. */
    @Transactional(readOnly = true)
    public List<Choice> partners() {
        return jdbc.sql("select id, name, partner_type, email from partner where not archived order by lower(name), id")
                .query((rs, n) -> new Choice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    /** The contacts of a partner that have an e-mail address, by name. */
    @Transactional(readOnly = true)
    public List<Choice> contacts(UUID partnerId) {
        return jdbc.sql("""
                select id, full_name, role_label, email from partner_contact where partner_id = ? and email is not null
                order by lower(full_name), id""")
                .param(partnerId).query((rs, n) -> new Choice(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    /** A partner or a contact to pick in the form: its name, its type or role, its e-mail address. */
    public record Choice(UUID id, String name, String kind, String email) {}

    /** The number of days after which a waiting referral is marked "no answer". */
    public int noAnswerDays() {
        return properties.noAnswerDays();
    }

    // --------------------------------------------------------------------------------------- internals

    private record Recipient(String partnerName, String email, String contactName) {}

    private record PartnerRow(String name, String email, boolean archived) {}

    /** The partner (404 outside the association, refused when archived) and the address to write to. */
    private Recipient recipient(UUID partnerId, UUID contactId) {
        if (partnerId == null) {
            throw new FieldRefusal("partnerId", "referral.partner.required");
        }
        PartnerRow partner = jdbc.sql("select name, email, archived from partner where id = ?")
                .param(partnerId).query((rs, n) -> new PartnerRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional().orElseThrow(BusinessException::notFound);
        if (partner.archived()) {
            throw new FieldRefusal("partnerId", "referral.partner.archived");
        }
        Recipient recipient = contactId == null ? new Recipient(partner.name(), partner.email(), null)
                : jdbc.sql("select full_name, email from partner_contact where id = ? and partner_id = ?")
                        .params(contactId, partnerId)
                        .query((rs, n) -> new Recipient(partner.name(), rs.getString(2), rs.getString(1)))
                        .optional().orElseThrow(() -> new FieldRefusal("contactId", "referral.contact.unknown"));
        if (recipient.email() == null || !EMAIL.matcher(recipient.email().strip()).matches()) {
            throw new FieldRefusal("contactId", "referral.recipient.noEmail");
        }
        return new Recipient(recipient.partnerName(), recipient.email().strip(), recipient.contactName());
    }

    /** The PDF sent: the sections chosen, read now through the measures module. */
    private byte[] document(UUID id, Recipient partner, UUID personId, Measures.Measure measure, String purpose,
            Set<Section> shared, Request request, LocalDate sentOn, TenantPrincipal me) {
        Persons.PersonFile file = persons.view(personId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("association", organisations.get(organisation()).name());
        variables.put("partnerName", partner.partnerName());
        variables.put("recipientName", partner.contactName());
        variables.put("reference", reference(id));
        variables.put("sentOn", sentOn);
        variables.put("author", me.displayName());
        variables.put("purpose", List.of(purpose.split("\\R\\s*\\R")));
        variables.put("shared", shared);
        variables.put("person", file.data());
        variables.put("personReference", file.reference());
        variables.put("measure", measure);
        variables.put("obligations", shared.contains(Section.OBLIGATIONS) ? followUp.obligations(measure.id()) : List.of());
        variables.put("health", shared.contains(Section.HEALTH) ? file.health().orElseThrow() : null);
        variables.put("consentGivenOn", request.consentGivenOn());
        variables.put("consentCoversHealth", request.consentCoversHealth());
        return pdf.render("partners/referrals-pdf", variables);
    }

    private String consentSubject(Set<Section> shared, boolean health) {
        String sections = shared.stream().map(s -> text("referral.section." + s.name())).collect(Collectors.joining(", "));
        return text(health ? "referral.consent.subjectWithHealth" : "referral.consent.subject", sections);
    }

    private record Row(ReferralStatus status, LocalDate sentOn, LocalDate answeredOn) {}

    private Row lockedRow(UUID id) {
        return jdbc.sql("select status, sent_on, answered_on from partner_referral where id = ? for update").param(id)
                .query((rs, n) -> new Row(ReferralStatus.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .optional().orElseThrow(BusinessException::notFound);
    }

    /** A date given, not before {@code earliest}, not in the future. */
    private void requireDate(LocalDate date, LocalDate earliest, String beforeKey) {
        if (date == null) {
            throw new FieldRefusal("effectiveOn", "referral.date.required");
        }
        if (date.isBefore(earliest)) {
            throw new FieldRefusal("effectiveOn", beforeKey, Dates.argument(earliest));
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new FieldRefusal("effectiveOn", "referral.date.future");
        }
    }

    private void event(UUID id, String kind, LocalDate effectiveOn, String reason) {
        TenantPrincipal actor = TenantContext.currentPrincipal().orElseThrow();
        jdbc.sql("""
                insert into partner_referral_event (id, organisation_id, referral_id, kind, effective_on, reason,
                                                    occurred_at, actor_id, actor_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(), organisation(), id, kind, effectiveOn, reason, now(), actor.userId(),
                        actor.displayName())
                .update();
    }

    private Referral map(ResultSet rs, int n) throws SQLException {
        Set<Section> shared = EnumSet.noneOf(Section.class);
        if (rs.getBoolean("shares_identity")) {
            shared.add(Section.IDENTITY);
        }
        if (rs.getBoolean("shares_situation")) {
            shared.add(Section.SITUATION);
        }
        if (rs.getBoolean("shares_obligations")) {
            shared.add(Section.OBLIGATIONS);
        }
        if (rs.getBoolean("shares_health")) {
            shared.add(Section.HEALTH);
        }
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"), rs.getString("partner_type"), rs.getObject("person_id", UUID.class), null,
                rs.getObject("measure_id", UUID.class), null, rs.getString("recipient_email"),
                rs.getString("recipient_name"), rs.getString("purpose"), shared,
                rs.getObject("consent_given_on", LocalDate.class), rs.getBoolean("consent_covers_health"),
                rs.getString("consent_recorded_by_name"), ReferralStatus.valueOf(rs.getString("status")),
                rs.getObject("sent_on", LocalDate.class), rs.getObject("answered_on", LocalDate.class),
                rs.getString("refusal_reason"), rs.getObject("entered_on", LocalDate.class));
    }

    /** Person and measure labels come from the measures module's API, in one query each. */
    private List<Referral> named(List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return referrals;
        }
        Map<UUID, String> people = persons.labels(referrals.stream().map(Referral::personId).collect(Collectors.toSet()));
        Map<UUID, String> references = measures.references(referrals.stream().map(Referral::measureId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<Referral> named = new ArrayList<>(referrals.size());
        for (Referral r : referrals) {
            named.add(new Referral(r.id(), r.partnerId(), r.partnerName(), r.partnerType(), r.personId(),
                    people.get(r.personId()), r.measureId(), r.measureId() == null ? null : references.get(r.measureId()),
                    r.recipientEmail(), r.recipientName(), r.purpose(), r.shared(), r.consentGivenOn(),
                    r.consentCoversHealth(), r.consentRecordedByName(), r.status(), r.sentOn(), r.answeredOn(),
                    r.refusalReason(), r.enteredOn()));
        }
        return named;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
