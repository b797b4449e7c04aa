package fr.passerelle.network;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.Like;
import fr.passerelle.shared.mail.MailOutbox;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership of the federation. A structure applies through the public form; the federation's staff
 * give the regional opinion; its administrators decide: accepted, the association, its public
 * profile and its first administrator are created at once (through the identity module and the
 * directory) and it becomes a member; refused, with a reason; postponed, to be decided again. A
 * member's status (member, suspended, resigned) is a history. Row-level security lets anyone submit
 * but only the federation read or decide (V202612110300).
 */
@Service
public class Membership {

    public static final int PAGE_SIZE = 25;
    /** The version of the charter of reciprocal commitments signed in the application form. */
    public static final int CHARTER_VERSION = 1;
    static final Locale MAIL_LOCALE = Locale.FRENCH;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Where an application stands. */
    public enum Status { SUBMITTED, REVIEWED, POSTPONED, ACCEPTED, REFUSED;

        public boolean open() {
            return this == SUBMITTED || this == REVIEWED || this == POSTPONED;
        }
    }

    /** The legal form of an applying structure. */
    public enum LegalForm { ASSOCIATION_1901, ASSOCIATION_LOCAL_LAW, FOUNDATION, OTHER }

    /** The regional opinion on an application. */
    public enum Opinion { FAVOURABLE, RESERVED, UNFAVOURABLE }

    /** The commission's decision. */
    public enum Decision { ACCEPT, REFUSE, POSTPONE }

    /** A member association's status. */
    public enum MemberStatus { MEMBER, SUSPENDED, RESIGNED }

    /** What a structure fills in to apply. */
    public record ApplicationInput(String name, String siret, LegalForm legalForm, String regionCode, Profile profile,
            String habilitations, BigDecimal annualBudget, BigDecimal staff, List<UUID> sponsors, String directorName,
            String adminName, String adminEmail, boolean charterAccepted, String charterSignedBy) {}

    /** An application as the federation reads it. */
    public record Application(UUID id, String reference, Status status, String name, String siret, LegalForm legalForm,
            String regionCode, String regionName, Profile profile, String habilitations, BigDecimal annualBudget,
            BigDecimal staff, List<UUID> sponsors, String directorName, String adminName, String adminEmail,
            int charterVersion, String charterSignedBy, Instant charterSignedAt, Instant submittedAt, Opinion opinion,
            String opinionText, String opinionByName, Instant opinionAt, String decisionReason, String decidedByName,
            Instant decidedAt, UUID organisationId, int rowVersion) {}

    /** A line of the federation's list of applications. */
    public record ApplicationLine(UUID id, String reference, Status status, String name, String regionName,
            Instant submittedAt, Opinion opinion) {}

    /** The acceptance's first administrator account. */
    public record FirstAdmin(String username, String password) {}

    /** A sponsor a structure may name: an association that is a member today. */
    public record Sponsor(UUID id, String name, String city) {}

    /** A change of a member's status. */
    public record StatusEvent(MemberStatus status, LocalDate since, String reason, String applicationReference,
            String recordedByName, Instant recordedAt) {}

    /** A member association and its current status (none recorded: null). */
    public record Member(UUID id, String name, String city, String regionName, MemberStatus status, LocalDate since) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Organisations organisations;
    private final ProfileChanges profiles;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final MembershipFees fees;

    Membership(JdbcClient jdbc, AuditLog audit, Organisations organisations, ProfileChanges profiles,
            MailOutbox outbox, MessageSource messages, Clock clock, MembershipFees fees) {
        this.fees = fees;
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
        this.profiles = profiles;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** The associations a structure may name as sponsors: members today, by name. */
    @Transactional(readOnly = true)
    public List<Sponsor> sponsors() {
        return jdbc.sql("""
                select o.id, o.name, o.city from identity_organisation_v o
                join membership_current_v c on c.organisation_id = o.id
                where o.kind = 'ASSOCIATION' and o.active and c.status = 'MEMBER' order by o.name""")
                .query((rs, n) -> new Sponsor(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("city")))
                .list();
    }

    /**
     * A structure applies (no account needed). Checked field by field, the first invalid one refused
     * with its message; nothing is written then. Returns the application's reference.
     */
    @Transactional
    public String apply(ApplicationInput input) {
        if (input == null) {
            throw BusinessException.invalid("membership.application.empty");
        }
        String name = trimmed(input.name());
        if (name == null || name.length() > 200) {
            throw new FieldRefusal("name", "membership.name.invalid");
        }
        String siret = input.siret() == null ? null : input.siret().replaceAll("[\\s.]", "");
        if (siret == null || !Siret.valid(siret)) {
            throw new FieldRefusal("siret", "membership.siret.invalid");
        }
        if (input.legalForm() == null) {
            throw new FieldRefusal("legalForm", "membership.legalForm.required");
        }
        if (input.regionCode() == null || organisations.regions().stream()
                .noneMatch(r -> r.code().equals(input.regionCode()))) {
            throw new FieldRefusal("regionCode", "membership.region.invalid");
        }
        Profile profile = profiles.check(input.profile());
        String habilitations = trimmed(input.habilitations());
        if (habilitations != null && habilitations.length() > 2000) {
            throw new FieldRefusal("habilitations", "membership.habilitations.invalid");
        }
        if (input.annualBudget() == null || input.annualBudget().signum() < 0
                || input.annualBudget().compareTo(new BigDecimal("999999999999")) > 0) {
            throw new FieldRefusal("annualBudget", "membership.budget.invalid");
        }
        if (input.staff() == null || input.staff().signum() < 0 || input.staff().compareTo(new BigDecimal("99999")) > 0) {
            throw new FieldRefusal("staff", "membership.staff.invalid");
        }
        List<UUID> sponsors = input.sponsors() == null ? List.of()
                : input.sponsors().stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (sponsors.size() != 2) {
            throw new FieldRefusal("sponsors", "membership.sponsors.two");
        }
        Set<UUID> members = Set.copyOf(sponsors().stream().map(Sponsor::id).toList());
        if (!members.containsAll(sponsors)) {
            throw new FieldRefusal("sponsors", "membership.sponsors.notMembers");
        }
        String director = person("directorName", input.directorName());
        String admin = person("adminName", input.adminName());
        String adminEmail = trimmed(input.adminEmail());
        if (adminEmail == null || adminEmail.length() > 200 || !EMAIL.matcher(adminEmail).matches()) {
            throw new FieldRefusal("adminEmail", "membership.adminEmail.invalid");
        }
        if (!input.charterAccepted()) {
            throw new FieldRefusal("charterAccepted", "membership.charter.required");
        }
        String signedBy = person("charterSignedBy", input.charterSignedBy());
        UUID id = Ids.newId();
        long number = jdbc.sql("select nextval('membership_application_number')").query(Long.class).single();
        Instant now = clock.instant();
        String reference = "ADH-" + LocalDate.ofInstant(now, PARIS).getYear() + "-" + String.format(Locale.ROOT, "%04d", number);
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                insert into membership_application (id, reference, name, siret, legal_form, region_code, address,
                       postcode, city, latitude, longitude, phone, email, website, description, main_field,
                       court_codes, activity_codes, habilitations, annual_budget, staff, sponsor_ids, director_name, admin_name, admin_email,
                       charter_version, charter_signed_by, charter_signed_at, submitted_at)
                values (:id, :reference, :name, :siret, :legalForm, :region, :address, :postcode, :city, :lat, :lon,
                        :phone, :email, :website, :description, :field, cast(:courts as varchar[]), cast(:activities as varchar[]),
                        :habilitations, :budget, :staff, cast(:sponsors as uuid[]), :director, :admin, :adminEmail,
                        :charter, :signedBy, :at, :at)""")
                .param("id", id).param("reference", reference).param("name", name).param("siret", siret)
                .param("legalForm", input.legalForm().name()).param("region", input.regionCode())
                .param("address", profile.address()).param("postcode", profile.postcode()).param("city", profile.city())
                .param("lat", profile.latitude()).param("lon", profile.longitude())
                .param("phone", profile.phone()).param("email", profile.email()).param("website", profile.website())
                .param("description", profile.description()).param("field", profile.mainField().name())
                .param("courts", profile.courts().toArray(String[]::new))
                .param("activities", profile.activities().toArray(String[]::new))
                .param("habilitations", habilitations).param("budget", input.annualBudget())
                .param("staff", input.staff()).param("sponsors", sponsors.toArray(UUID[]::new))
                .param("director", director).param("admin", admin).param("adminEmail", adminEmail)
                .param("charter", CHARTER_VERSION).param("signedBy", signedBy).param("at", at)
                .update();
        audit.record("membership.applied", "membership_application", id, Map.of("reference", reference));
        return reference;
    }

    /** The federation's list of applications, of one status or all, newest first; searched by name or reference. */
    @Transactional(readOnly = true)
    public ResultPage<ApplicationLine> applications(Status status, String query, int page) {
        requireReview();
        String q = trimmed(query);
        String where = " where (cast(:status as varchar) is null or a.status = :status)"
                + " and (cast(:q as varchar) is null or a.name ilike '%' || :q || '%' or a.reference ilike '%' || :q || '%')";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status == null ? null : status.name());
        params.put("q", q == null ? null : Like.literal(q));
        long total = jdbc.sql("select count(*) from membership_application a" + where).params(params)
                .query(Long.class).single();
        List<ApplicationLine> items = jdbc.sql("""
                select a.id, a.reference, a.status, a.name, r.name as region_name, a.submitted_at, a.opinion
                from membership_application a left join identity_network_region_v r on r.code = a.region_code"""
                + where + " order by a.submitted_at desc, a.reference desc limit :limit offset :offset")
                .params(params).param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query((rs, n) -> new ApplicationLine(rs.getObject("id", UUID.class), rs.getString("reference"),
                        Status.valueOf(rs.getString("status")), rs.getString("name"), rs.getString("region_name"),
                        rs.getTimestamp("submitted_at").toInstant(), enumOrNull(Opinion.class, rs.getString("opinion"))))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** The applications waiting for the federation: for the regional opinion, and for the commission's decision. */
    public record Waiting(long forOpinion, long forDecision) {

        public long total() {
            return forOpinion + forDecision;
        }
    }

    /** How many applications wait for the federation (to review or decide). */
    @Transactional(readOnly = true)
    public Waiting waiting() {
        requireReview();
        return jdbc.sql("""
                select count(*) filter (where status = 'SUBMITTED') as opinion,
                       count(*) filter (where status in ('REVIEWED', 'POSTPONED')) as decision
                from membership_application""")
                .query((rs, n) -> new Waiting(rs.getLong("opinion"), rs.getLong("decision"))).single();
    }

    /** One application; its reading is audited (it names persons). */
    @Transactional
    public Application application(UUID id) {
        requireReview();
        Application application = jdbc.sql("""
                select a.*, r.name as region_name from membership_application a
                left join identity_network_region_v r on r.code = a.region_code where a.id = ?""")
                .param(id).query(Membership::map).optional().orElseThrow(BusinessException::notFound);
        audit.record("membership.application.read", "membership_application", id, Map.of());
        return application;
    }

    /** The sponsors' names of an application, in its order. */
    @Transactional(readOnly = true)
    public List<String> sponsorNames(Application application) {
        requireReview();
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from identity_organisation_v where id in (:ids)").param("ids", application.sponsors())
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return application.sponsors().stream().map(s -> names.getOrDefault(s, s.toString())).toList();
    }

    /** The regional opinion, given once on a submitted application. */
    @Transactional
    public void giveOpinion(UUID id, int rowVersion, Opinion opinion, String text) {
        requireReview();
        if (opinion == null) {
            throw new FieldRefusal("opinion", "membership.opinion.required");
        }
        String why = trimmed(text);
        if (why == null || why.length() > 2000) {
            throw new FieldRefusal("opinionText", "membership.opinion.text");
        }
        int updated = jdbc.sql("""
                update membership_application set status = 'REVIEWED', opinion = :opinion, opinion_text = :text,
                       opinion_by_name = :by, opinion_at = :at, row_version = row_version + 1
                where id = :id and row_version = :version and status = 'SUBMITTED'""")
                .param("opinion", opinion.name()).param("text", why).param("by", actorName())
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("version", rowVersion).update();
        if (updated == 0) {
            stale(id);
        }
        audit.record("membership.opinion", "membership_application", id, Map.of("opinion", opinion.name()));
    }

    /**
     * The commission decides an application that has its opinion (or was postponed). Accepted: the
     * association is created with its first administrator (identity), its public profile published
     * (directory) and its membership recorded, all in this transaction; the applicant is told by mail.
     */
    @Transactional
    public UUID decide(UUID id, int rowVersion, Decision decision, String reason, FirstAdmin firstAdmin) {
        requireDecide();
        if (decision == null) {
            throw new FieldRefusal("decision", "membership.decision.required");
        }
        String why = trimmed(reason);
        if ((decision != Decision.ACCEPT && why == null) || (why != null && why.length() > 2000)) {
            throw new FieldRefusal("reason", "membership.reason.required");
        }
        Application a = application(id);
        if (a.rowVersion() != rowVersion) {
            throw BusinessException.conflict("membership.application.stale");
        }
        if (a.status() != Status.REVIEWED && a.status() != Status.POSTPONED) {
            throw BusinessException.conflict(a.status() == Status.SUBMITTED ? "membership.decision.opinionFirst"
                    : "membership.application.decided");
        }
        Status next = switch (decision) {
            case ACCEPT -> Status.ACCEPTED;
            case REFUSE -> Status.REFUSED;
            case POSTPONE -> Status.POSTPONED;
        };
        UUID organisation = null;
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update membership_application set status = :status, decision_reason = :reason, decided_by_name = :by,
                       decided_at = :at, row_version = row_version + 1
                where id = :id and row_version = :version and status in ('REVIEWED', 'POSTPONED')""")
                .param("status", next.name()).param("reason", why).param("by", actorName())
                .param("at", Timestamp.from(now)).param("id", id).param("version", rowVersion).update();
        if (updated == 0) {
            stale(id);
        }
        if (decision == Decision.ACCEPT) {
            if (firstAdmin == null) {
                throw new FieldRefusal("adminUsername", "membership.admin.required");
            }
            organisation = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION, a.name(),
                    a.profile().city(), departement(a.profile().postcode()), a.regionCode(), false, true),
                    new UserAccounts.NewUser(firstAdmin.username(), a.adminName(), a.adminEmail(), firstAdmin.password(),
                            null, List.of(), false, false));
            profiles.publishDirectly(organisation, a.profile());
            jdbc.sql("update membership_application set organisation_id = ? where id = ?").param(organisation).param(id)
                    .update();
            recordStatus(organisation, MemberStatus.MEMBER, LocalDate.ofInstant(now, PARIS), null, id);
            fees.recordFromApplication(organisation, LocalDate.ofInstant(now, PARIS).getYear(), a.annualBudget(),
                    a.staff());
        }
        audit.record("membership.decided", "membership_application", id, decisionDetails(next, organisation));
        tellApplicant(a, next, why, firstAdmin);
        return organisation;
    }

    /** The member associations with their current status, by name. */
    @Transactional(readOnly = true)
    public ResultPage<Member> members(MemberStatus status, String query, int page) {
        requireReview();
        String q = trimmed(query);
        String from = """
                from (select o.id, o.name, o.city, r.name as region_name, e.status, e.since
                      from identity_organisation_v o
                      left join identity_network_region_v r on r.code = o.region_code
                      left join membership_current_v e on e.organisation_id = o.id
                      where o.kind = 'ASSOCIATION') m
                where (cast(:status as varchar) is null or m.status = :status)
                  and (cast(:q as varchar) is null or m.name ilike '%' || :q || '%')""";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status == null ? null : status.name());
        params.put("q", q == null ? null : Like.literal(q));
        long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
        List<Member> items = jdbc.sql("select m.* " + from + " order by m.name, m.id limit :limit offset :offset")
                .params(params).param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("city"),
                        rs.getString("region_name"), enumOrNull(MemberStatus.class, rs.getString("status")),
                        rs.getObject("since", LocalDate.class)))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** A member association as a survey or a mailing targets it. */
    public record CurrentMember(UUID id, String name, String regionCode) {}

    /**
     * The associations that are members today, by name: all of them, those of a region, or those
     * whose published profile offers a measure type (a code of the national catalogue). For the
     * federation's people (who read the whole network).
     */
    @Transactional(readOnly = true)
    public List<CurrentMember> currentMembers(String regionCode, String measureTypeCode) {
        if (!TenantContext.hasAuthority(Permissions.NETWORK_READ)) {
            throw new org.springframework.security.access.AccessDeniedException(Permissions.NETWORK_READ);
        }
        return jdbc.sql("""
                select o.id, o.name, o.region_code
                from identity_organisation_v o
                join membership_current_v e on e.organisation_id = o.id and e.status = 'MEMBER'
                where o.kind = 'ASSOCIATION' and o.active
                  and (cast(:region as varchar) is null or o.region_code = :region)
                  and (cast(:measure as varchar) is null or exists (
                      select 1 from association_profile_activity a
                      where a.organisation_id = o.id and a.measure_type_code = :measure))
                order by o.name, o.id""")
                .param("region", regionCode).param("measure", measureTypeCode)
                .query((rs, n) -> new CurrentMember(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The status history of an association, newest first (the federation, or the association itself). */
    @Transactional(readOnly = true)
    public List<StatusEvent> history(UUID organisationId) {
        if (!TenantContext.hasAuthority(Permissions.MEMBERSHIP_REVIEW)
                && !organisationId.equals(TenantContext.currentOrganisationId().orElse(null))) {
            throw BusinessException.notFound();
        }
        return jdbc.sql("""
                select e.status, e.since, e.reason, a.reference, e.recorded_by_name, e.recorded_at
                from membership_status_event e left join membership_application a on a.id = e.application_id
                where e.organisation_id = ? order by e.recorded_at desc, e.id""")
                .param(organisationId)
                .query((rs, n) -> new StatusEvent(MemberStatus.valueOf(rs.getString("status")),
                        rs.getObject("since", LocalDate.class), rs.getString("reason"), rs.getString("reference"),
                        rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The federation changes a member's status (suspended, resigned, member again) from a date, with a reason. */
    @Transactional
    public void changeStatus(UUID organisationId, MemberStatus status, LocalDate since, String reason) {
        requireDecide();
        if (status == null) {
            throw new FieldRefusal("status", "membership.status.required");
        }
        Organisations.Organisation organisation = organisations.find(organisationId)
                .filter(o -> o.kind() == OrganisationKind.ASSOCIATION).orElseThrow(BusinessException::notFound);
        String why = trimmed(reason);
        if (why == null || why.length() > 1000) {
            throw new FieldRefusal("reason", "membership.reason.required");
        }
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        // Not in the future: the latest status recorded is the current one, from the day it is recorded.
        if (since == null || since.isAfter(today) || since.isBefore(today.minusYears(5))) {
            throw new FieldRefusal("since", "membership.since.invalid");
        }
        List<StatusEvent> history = history(organisationId);
        if (!history.isEmpty() && history.get(0).status() == status) {
            throw new FieldRefusal("status", "membership.status.unchanged");
        }
        recordStatus(organisation.id(), status, since, why, null);
    }

    private void recordStatus(UUID organisationId, MemberStatus status, LocalDate since, String reason, UUID application) {
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into membership_status_event (id, organisation_id, status, since, reason, application_id,
                       recorded_by_name, recorded_at)
                values (:id, :org, :status, :since, :reason, :application, :by, :at)""")
                .param("id", id).param("org", organisationId).param("status", status.name())
                .param("since", java.sql.Date.valueOf(since)).param("reason", reason).param("application", application)
                .param("by", actorName()).param("at", Timestamp.from(clock.instant())).update();
        audit.record("membership.status", "organisation", organisationId, Map.of("status", status.name(),
                "since", since.toString()));
    }

    private void tellApplicant(Application a, Status decision, String reason, FirstAdmin firstAdmin) {
        String key = "membership.mail." + decision.name().toLowerCase(Locale.ROOT);
        String body = switch (decision) {
            case ACCEPTED -> text(key + ".body", a.name(), a.reference(), firstAdmin.username(), outbox.link("/login"));
            default -> text(key + ".body", a.name(), a.reference(), reason);
        };
        outbox.enqueue("MEMBERSHIP_" + decision.name(), "membership:" + a.id() + ":" + decision.name() + ":"
                + (a.rowVersion() + 1), a.adminEmail(), text(key + ".subject", a.name(), a.reference()), body);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, MAIL_LOCALE);
    }

    private void stale(UUID id) {
        Status now = jdbc.sql("select status from membership_application where id = ?").param(id).query(String.class)
                .optional().map(Status::valueOf).orElseThrow(BusinessException::notFound);
        throw BusinessException.conflict(now.open() ? "membership.application.stale" : "membership.application.decided");
    }

    private static Map<String, Object> decisionDetails(Status status, UUID organisation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status.name());
        if (organisation != null) {
            details.put("organisation", organisation.toString());
        }
        return details;
    }

    /** The département of a French postcode (Corsica split at 20200, overseas on three digits). */
    static String departement(String postcode) {
        if (postcode.startsWith("97") || postcode.startsWith("98")) {
            return postcode.substring(0, 3);
        }
        if (postcode.startsWith("20")) {
            return Integer.parseInt(postcode) < 20200 ? "2A" : "2B";
        }
        return postcode.substring(0, 2);
    }

    private static String person(String field, String value) {
        String v = trimmed(value);
        if (v == null || v.length() > 200) {
            throw new FieldRefusal(field, "membership.person.invalid");
        }
        return v;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String actorName() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::displayName).orElse(null);
    }

    static void requireReview() {
        if (!TenantContext.hasAuthority(Permissions.MEMBERSHIP_REVIEW)) {
            throw new org.springframework.security.access.AccessDeniedException("membership:review");
        }
    }

    static void requireDecide() {
        if (!TenantContext.hasAuthority(Permissions.MEMBERSHIP_DECIDE)) {
            throw new org.springframework.security.access.AccessDeniedException("membership:decide");
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static Application map(ResultSet rs, int n) throws SQLException {
        Profile profile = new Profile(rs.getString("address"), rs.getString("postcode"), rs.getString("city"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("phone"), rs.getString("email"), rs.getString("website"), rs.getString("description"),
                MainField.valueOf(rs.getString("main_field")), Arrays.asList((String[]) rs.getArray("court_codes").getArray()),
                Arrays.asList((String[]) rs.getArray("activity_codes").getArray()));
        return new Application(rs.getObject("id", UUID.class), rs.getString("reference"),
                Status.valueOf(rs.getString("status")), rs.getString("name"), rs.getString("siret"),
                LegalForm.valueOf(rs.getString("legal_form")), rs.getString("region_code"), rs.getString("region_name"),
                profile, rs.getString("habilitations"), rs.getBigDecimal("annual_budget"), rs.getBigDecimal("staff"),
                Arrays.asList((UUID[]) rs.getArray("sponsor_ids").getArray()), rs.getString("director_name"),
                rs.getString("admin_name"), rs.getString("admin_email"), rs.getInt("charter_version"),
                rs.getString("charter_signed_by"), rs.getTimestamp("charter_signed_at").toInstant(),
                rs.getTimestamp("submitted_at").toInstant(), enumOrNull(Opinion.class, rs.getString("opinion")),
                rs.getString("opinion_text"), rs.getString("opinion_by_name"), instant(rs, "opinion_at"),
                rs.getString("decision_reason"), rs.getString("decided_by_name"), instant(rs, "decided_at"),
                rs.getObject("organisation_id", UUID.class), rs.getInt("row_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
