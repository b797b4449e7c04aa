package fr.passerelle.network;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.TenantScope;
import fr.passerelle.shared.mail.MailOutbox;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the associations' public profiles. An association submits its whole profile as a
 * pending change (a new submission replaces the pending one); the federation approves it — the
 * published tables are written in the same transaction — or rejects it with a reason, and the
 * association's administrators and directors are told by mail. Row-level security lets an
 * association see only its own changes and lets the federation alone decide (V202612030410).
 */
@Service
public class ProfileChanges {

    public static final int PAGE_SIZE = 25;
    public static final int MAX_COURTS = 60;
    static final Locale MAIL_LOCALE = Locale.FRENCH;

    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Where a change stands. */
    public enum Status { PENDING, APPROVED, REJECTED, REPLACED }

    /** A change as submitted, with its decision. */
    public record Change(UUID id, UUID organisationId, String organisationName, Status status, Profile profile,
            Instant submittedAt, Instant decidedAt, String reason) {}

    /** The outcome of a submission. */
    public record Submission(UUID id, boolean replacedPending) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Directory directory;
    private final Organisations organisations;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final MailOutbox outbox;
    private final MessageSource messages;

    ProfileChanges(JdbcClient jdbc, AuditLog audit, Directory directory, Organisations organisations,
            UserAccounts users, TenantScope tenantScope, MailOutbox outbox, MessageSource messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.organisations = organisations;
        this.users = users;
        this.tenantScope = tenantScope;
        this.outbox = outbox;
        this.messages = messages;
    }

    /**
     * The current association submits its profile. Refused when a field is invalid or when nothing
     * differs from the published profile; a pending change of the association is replaced.
     */
    @Transactional
    public Submission submit(Profile submitted) {
        UUID organisation = currentAssociation();
        Profile profile = check(submitted);
        Optional<Profile> published = directory.published(organisation);
        if (published.isPresent() && profile.differences(published.get()).isEmpty()) {
            throw BusinessException.invalid("profile.change.unchanged");
        }
        boolean replaced = jdbc.sql("""
                update association_profile_change set status = 'REPLACED', decided_at = now()
                where organisation_id = ? and status = 'PENDING'""")
                .param(organisation).update() > 0;
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    insert into association_profile_change (id, organisation_id, address, postcode, city, latitude,
                           longitude, phone, email, website, description, main_field, court_codes, activity_codes,
                           submitted_by)
                    values (:id, :org, :address, :postcode, :city, :lat, :lon, :phone, :email, :website, :description,
                            :field, cast(:courts as varchar[]), cast(:activities as varchar[]), :by)""")
                    .params(columns(profile))
                    .param("id", id).param("org", organisation)
                    .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                    .update();
        } catch (DuplicateKeyException concurrent) {
            // Another submission of the same association won the race for the one pending change.
            throw BusinessException.conflict("profile.change.concurrent");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", profile.differences(published.orElse(null)));
        details.put("replacedPending", replaced);
        audit.record("profile.change.submitted", "association_profile_change", id, details);
        return new Submission(id, replaced);
    }

    /** The pending change of the current association, if any. */
    @Transactional(readOnly = true)
    public Optional<Change> pending() {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow(BusinessException::notFound);
        return jdbc.sql(SELECT + " where c.organisation_id = ? and c.status = 'PENDING'").param(organisation)
                .query(ProfileChanges::map).optional();
    }

    /** The decided (or replaced) changes of the current association, newest first (the last 20). */
    @Transactional(readOnly = true)
    public List<Change> history() {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow(BusinessException::notFound);
        return jdbc.sql(SELECT + """
                 where c.organisation_id = ? and c.status <> 'PENDING'
                 order by c.submitted_at desc, c.id desc limit 20""")
                .param(organisation).query(ProfileChanges::map).list();
    }

    /** The federation's queue: pending changes of every association, oldest first. */
    @Transactional(readOnly = true)
    public ResultPage<Change> queue(int page) {
        long total = jdbc.sql("select count(*) from association_profile_change where status = 'PENDING'")
                .query(Long.class).single();
        List<Change> items = jdbc.sql(SELECT + """
                 where c.status = 'PENDING' order by c.submitted_at, c.id limit :limit offset :offset""")
                .param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE)
                .query(ProfileChanges::map).list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /** One change, as far as the current organisation may see it (its own, or any for the federation). */
    @Transactional(readOnly = true)
    public Change get(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(ProfileChanges::map).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /**
     * The federation approves a pending change: the published profile, its courts and activities are
     * replaced by the change's in the same transaction. When another decision (or a replacement by
     * the association) came first, refused with a message saying so.
     */
    @Transactional
    public void approve(UUID id) {
        Change change = decide(id, Status.APPROVED, null);
        List<String> changed = change.profile().differences(directory.published(change.organisationId()).orElse(null));
        publish(change.organisationId(), change.profile());
        audit.record("profile.change.approved", "association_profile_change", id,
                Map.of("organisation", change.organisationId().toString(), "changed", changed));
        notifyAssociation(change, Status.APPROVED, null);
    }

    /** The federation rejects a pending change with a reason given to the association; the published profile stays. */
    @Transactional
    public void reject(UUID id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new FieldRefusal("reason", "profile.change.reason.invalid");
        }
        Change change = decide(id, Status.REJECTED, why);
        audit.record("profile.change.rejected", "association_profile_change", id,
                Map.of("organisation", change.organisationId().toString()));
        notifyAssociation(change, Status.REJECTED, why);
    }

    /**
     * The federation publishes a profile without a submitted change (seeding the directory, e.g. the
     * demo network). Checked like a submission.
     */
    @Transactional
    public void publishDirectly(UUID organisationId, Profile profile) {
        requireFederation();
        if (organisations.get(organisationId).kind() != OrganisationKind.ASSOCIATION) {
            throw BusinessException.invalid("profile.change.associationsOnly");
        }
        publish(organisationId, check(profile));
        audit.record("profile.published", "association_profile", organisationId, Map.of("direct", true));
    }

    private Change decide(UUID id, Status decision, String reason) {
        requireFederation();
        Change change = get(id);
        int updated = jdbc.sql("""
                update association_profile_change
                set status = :status, decided_at = now(), decided_by = :by, decision_reason = :reason
                where id = :id and status = 'PENDING'""")
                .param("status", decision.name()).param("reason", reason).param("id", id)
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
        if (updated == 0) {
            // Someone else decided first (the row lock made this update wait for their commit), or
            // the association replaced its change meanwhile.
            Status now = get(id).status();
            throw BusinessException.conflict(now == Status.REPLACED ? "profile.change.replaced"
                    : "profile.change.alreadyDecided");
        }
        return change;
    }

    private void publish(UUID organisationId, Profile profile) {
        Map<String, Object> columns = columns(profile);
        jdbc.sql("""
                insert into association_profile (organisation_id, address, postcode, city, latitude, longitude, phone,
                       email, website, description, main_field, published_at, published_by)
                values (:org, :address, :postcode, :city, :lat, :lon, :phone, :email, :website, :description, :field,
                        now(), :by)
                on conflict (organisation_id) do update set address = excluded.address, postcode = excluded.postcode,
                       city = excluded.city, latitude = excluded.latitude, longitude = excluded.longitude,
                       phone = excluded.phone, email = excluded.email, website = excluded.website,
                       description = excluded.description, main_field = excluded.main_field,
                       published_at = excluded.published_at, published_by = excluded.published_by""")
                .params(columns).param("org", organisationId)
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
        jdbc.sql("delete from association_profile_court where organisation_id = ?").param(organisationId).update();
        jdbc.sql("delete from association_profile_activity where organisation_id = ?").param(organisationId).update();
        jdbc.sql("""
                insert into association_profile_court (organisation_id, court_code)
                select ?, unnest(cast(? as varchar[]))""")
                .param(organisationId).param(profile.courts().toArray(String[]::new)).update();
        jdbc.sql("""
                insert into association_profile_activity (organisation_id, measure_type_code)
                select ?, unnest(cast(? as varchar[]))""")
                .param(organisationId).param(profile.activities().toArray(String[]::new)).update();
    }

    /** Mails the association's administrators and directors, from the association's own outbox. */
    private void notifyAssociation(Change change, Status decision, String reason) {
        String name = change.organisationName();
        String link = outbox.link("/network/profile");
        tenantScope.callAs(change.organisationId(), () -> {
            for (UserAccounts.Recipient recipient : users.withAnyRole(List.of(Roles.ASSOCIATION_ADMIN, Roles.DIRECTOR))) {
                if (recipient.email() == null || recipient.email().isBlank()) {
                    continue;
                }
                String key = "profile.mail." + decision.name().toLowerCase(Locale.ROOT);
                outbox.enqueue("PROFILE_" + decision.name(), "profile-change:" + change.id() + ":" + recipient.id(),
                        recipient.email(), text(key + ".subject", name),
                        decision == Status.REJECTED ? text(key + ".body", name, reason, link) : text(key + ".body", name, link));
            }
            return null;
        });
    }

    /** Checks and normalises a submitted profile; refuses the first invalid field. */
    Profile check(Profile submitted) {
        if (submitted == null) {
            throw BusinessException.invalid("profile.change.empty");
        }
        Profile p = submitted.normalized();
        if (p.address() == null || p.address().length() > 200) {
            throw new FieldRefusal("address", "profile.address.invalid");
        }
        if (p.postcode() == null || !POSTCODE.matcher(p.postcode()).matches()) {
            throw new FieldRefusal("postcode", "profile.postcode.invalid");
        }
        if (p.city() == null || p.city().length() > 120) {
            throw new FieldRefusal("city", "profile.city.invalid");
        }
        if ((p.latitude() == null) != (p.longitude() == null)) {
            throw new FieldRefusal(p.latitude() == null ? "latitude" : "longitude", "profile.coordinates.both");
        }
        if (p.latitude() != null && p.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw new FieldRefusal("latitude", "profile.latitude.invalid");
        }
        if (p.longitude() != null && p.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new FieldRefusal("longitude", "profile.longitude.invalid");
        }
        if (p.phone() != null && (p.phone().length() > 40 || !PHONE.matcher(p.phone()).matches())) {
            throw new FieldRefusal("phone", "profile.phone.invalid");
        }
        if (p.email() != null && (p.email().length() > 200 || !EMAIL.matcher(p.email()).matches())) {
            throw new FieldRefusal("email", "profile.email.invalid");
        }
        if (p.phone() == null && p.email() == null) {
            throw new FieldRefusal("phone", "profile.contact.required");
        }
        if (p.website() != null && (p.website().length() > 300 || !webAddress(p.website()))) {
            throw new FieldRefusal("website", "profile.website.invalid");
        }
        if (p.description() != null && p.description().length() > 2000) {
            throw new FieldRefusal("description", "profile.description.invalid");
        }
        if (p.mainField() == null) {
            throw new FieldRefusal("mainField", "profile.mainField.required");
        }
        if (p.courts().isEmpty() || p.courts().size() > MAX_COURTS) {
            throw new FieldRefusal("courts", "profile.courts.invalid", MAX_COURTS);
        }
        if (jdbc.sql("select count(*) from judicial_court where code in (:codes)").param("codes", p.courts())
                .query(Long.class).single() != p.courts().size()) {
            throw new FieldRefusal("courts", "profile.courts.unknown");
        }
        if (p.activities().isEmpty()) {
            throw new FieldRefusal("activities", "profile.activities.required");
        }
        if (jdbc.sql("select count(*) from network_measure_catalogue_v where code in (:codes)").param("codes", p.activities())
                .query(Long.class).single() != p.activities().size()) {
            throw new FieldRefusal("activities", "profile.activities.unknown");
        }
        return p;
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private UUID currentAssociation() {
        UUID organisation = TenantContext.currentOrganisationId()
                .orElseThrow(() -> new BusinessException(403, "error.403.text"));
        if (organisations.get(organisation).kind() != OrganisationKind.ASSOCIATION) {
            throw BusinessException.invalid("profile.change.associationsOnly");
        }
        return organisation;
    }

    private void requireFederation() {
        UUID organisation = TenantContext.currentOrganisationId()
                .orElseThrow(() -> new BusinessException(403, "error.403.text"));
        if (organisations.get(organisation).kind() != OrganisationKind.FEDERATION) {
            throw new BusinessException(403, "error.403.text");
        }
    }

    private static Map<String, Object> columns(Profile p) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("address", p.address());
        columns.put("postcode", p.postcode());
        columns.put("city", p.city());
        columns.put("lat", p.latitude());
        columns.put("lon", p.longitude());
        columns.put("phone", p.phone());
        columns.put("email", p.email());
        columns.put("website", p.website());
        columns.put("description", p.description());
        columns.put("field", p.mainField() == null ? null : p.mainField().name());
        columns.put("courts", p.courts().toArray(String[]::new));
        columns.put("activities", p.activities().toArray(String[]::new));
        return columns;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, MAIL_LOCALE);
    }

    private static final String SELECT = """
            select c.*, c.court_codes as courts, c.activity_codes as activities, o.name as organisation_name
            from association_profile_change c join identity_organisation_v o on o.id = c.organisation_id
            """;

    private static Change map(ResultSet rs, int n) throws SQLException {
        return new Change(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"), Status.valueOf(rs.getString("status")), Directory.map(rs),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("decision_reason"));
    }
}
