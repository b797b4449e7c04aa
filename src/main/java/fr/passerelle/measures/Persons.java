package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.internal.References;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons accompanied (personnes placées sous main de justice) of the current association:
 * search by name (accent- and case-insensitive, partial) and birth date, creation with a duplicate
 * warning, and the person's file, every view of which is audited. Health details are only read and
 * written with the {@code person:health} permission.
 */
@Service
public class Persons {

    public static final int PAGE_SIZE = 25;
    public static final String HEALTH_PERMISSION = "person:health";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final References references;
    private final Clock clock;

    Persons(JdbcClient jdbc, AuditLog audit, References references, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.references = references;
    }

    /** One line of a search result (no sensitive detail). */
    public record PersonSummary(UUID id, String reference, String lastName, String firstName, LocalDate birthDate,
            long activeMeasures) {}

    /** Identity, contacts and situation of a person. */
    public record PersonData(String lastName, String firstName, LocalDate birthDate, String sex, String birthPlace,
            String phone, String email, String address, String housing, String employment, String resources) {}

    /** A person's file; {@code health} is empty for users without the permission. */
    public record PersonFile(UUID id, String reference, PersonData data, Optional<Health> health) {}

    /** Health and addiction notes (restricted). */
    public record Health(String healthNotes, String addictionNotes) {}

    /** Creation refused because the person probably exists already; the user may confirm. */
    public static class DuplicateSuspected extends BusinessException {

        private final transient List<PersonSummary> candidates;

        DuplicateSuspected(List<PersonSummary> candidates) {
            super(409, "person.duplicateSuspected");
            this.candidates = candidates;
        }

        public List<PersonSummary> candidates() {
            return candidates;
        }
    }

    /**
     * Persons found by name (accents and case ignored) and born on a date. First the names that start
     * with the query, last name first or first name first, through prefix indexes on the stored
     * search names (operators row-level security lets the planner use); only when none does, the
     * names that contain it or resemble it (trigram similarity, for typing errors).
     */
    @Transactional(readOnly = true)
    public ResultPage<PersonSummary> search(String query, LocalDate birthDate, int page) {
        String q = query == null ? "" : query.trim();
        String where = """
                 where (:q = '' or starts_with(p.search_name, immutable_unaccent(lower(:q)))
                        or starts_with(p.search_name_rev, immutable_unaccent(lower(:q))))
                   and (cast(:birth as date) is null or p.birth_date = :birth)
                """;
        long total = count(where, q, birthDate);
        if (total == 0 && !q.isEmpty()) {
            return fuzzy(q, birthDate, page);
        }
        List<PersonSummary> items = jdbc.sql(SELECT_SUMMARY + " from person p" + where
                        + " order by p.search_name, p.id limit :limit offset :offset")
                .param("q", q).param("birth", birthDate).param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE)
                .query((rs, n) -> summary(rs))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    /**
     * The fallback when no name starts with the query: names containing it or close to it (trigram
     * similarity), the closest first, through {@code person_fuzzy_search} (an index despite
     * row-level security; the persons themselves are then read under the policy).
     */
    private ResultPage<PersonSummary> fuzzy(String q, LocalDate birthDate, int page) {
        List<Long> totals = new ArrayList<>();
        List<PersonSummary> items = jdbc.sql(SELECT_SUMMARY + """
                        , count(*) over () as total
                        from person_fuzzy_search(immutable_unaccent(lower(:q)), cast(:birth as date)) f
                        join person p on p.id = f.id
                        order by f.rank desc, p.search_name, p.id limit :limit offset :offset""")
                .param("q", q).param("birth", birthDate).param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE)
                .query((rs, n) -> {
                    totals.add(rs.getLong("total"));
                    return summary(rs);
                })
                .list();
        long total = totals.isEmpty()
                ? jdbc.sql("select count(*) from person_fuzzy_search(immutable_unaccent(lower(:q)), cast(:birth as date))")
                        .param("q", q).param("birth", birthDate).query(Long.class).single()
                : totals.get(0);
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    private static final String SELECT_SUMMARY = """
            select p.id, p.reference, p.last_name, p.first_name, p.birth_date,
                   (select count(*) from measure m where m.person_id = p.id and m.status not in ('ENDED', 'CLOSED')) as active
            """;

    private static PersonSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PersonSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getLong(6));
    }

    private long count(String where, String q, LocalDate birthDate) {
        return jdbc.sql("select count(*) from person p" + where)
                .param("q", q).param("birth", birthDate).query(Long.class).single();
    }

    /** Persons who are probably the same as the one described: same birth date and a similar name. */
    @Transactional(readOnly = true)
    public List<PersonSummary> probableDuplicates(String lastName, String firstName, LocalDate birthDate) {
        if (birthDate == null || lastName == null || firstName == null) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.reference, p.last_name, p.first_name, p.birth_date, 0
                from person p
                where p.birth_date = :birth
                  and similarity(immutable_unaccent(lower(p.last_name || ' ' || p.first_name)),
                                 immutable_unaccent(lower(:name))) > 0.5
                order by p.reference""")
                .param("birth", birthDate).param("name", lastName.trim() + " " + firstName.trim())
                .query((rs, n) -> new PersonSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), 0))
                .list();
    }

    /** Creates a person; refuses with the candidates when a probable duplicate exists, unless confirmed. */
    @Transactional
    public UUID create(PersonData data, boolean duplicateConfirmed) {
        check(data);
        List<PersonSummary> duplicates = probableDuplicates(data.lastName(), data.firstName(), data.birthDate());
        if (!duplicates.isEmpty() && !duplicateConfirmed) {
            throw new DuplicateSuspected(duplicates);
        }
        UUID id = Ids.newId();
        String reference = references.next("P");
        jdbc.sql("""
                insert into person (id, organisation_id, reference, last_name, first_name, birth_date, sex, birth_place,
                                    phone, email, address, housing, employment, resources, created_by)
                values (:id, :org, :ref, :last, :first, :birth, :sex, :place, :phone, :email, :address, :housing,
                        :employment, :resources, :by)""")
                .params(params(data, Map.of("id", id, "org", TenantContext.currentOrganisationId().orElseThrow(),
                        "ref", reference)))
                .update();
        audit.record("person.created", "person", id, Map.of("reference", reference, "duplicateConfirmed", duplicateConfirmed));
        return id;
    }

    @Transactional
    public void update(UUID id, PersonData data) {
        check(data);
        int updated = jdbc.sql("""
                update person set last_name = :last, first_name = :first, birth_date = :birth, sex = :sex,
                       birth_place = :place, phone = :phone, email = :email, address = :address, housing = :housing,
                       employment = :employment, resources = :resources, updated_at = now()
                where id = :id""")
                .params(params(data, Map.of("id", id))).update();
        if (updated == 0) {
            throw BusinessException.notFound();
        }
        audit.record("person.updated", "person", id, Map.of());
    }

    /**
     * The reference and name of persons of the current association ("P-00012 – DUPONT Jean"), by id,
     * in one query; an id of another association (or unknown) is absent. For other modules that
     * show whom a record concerns without opening the file.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> labels(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> labels = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, reference, last_name, first_name from person where id in (:ids)").param("ids", ids)
                .query((rs, n) -> labels.put(rs.getObject(1, UUID.class), rs.getString(2) + " – "
                        + rs.getString(3).toUpperCase(java.util.Locale.ROOT) + " " + rs.getString(4)))
                .list();
        return labels;
    }

    /** The person's file, audited as a read of personal data. */
    @Transactional
    public PersonFile view(UUID id) {
        PersonFile file = jdbc.sql("select * from person where id = ?").param(id)
                .query((rs, n) -> new PersonFile(rs.getObject("id", UUID.class), rs.getString("reference"),
                        new PersonData(rs.getString("last_name"), rs.getString("first_name"),
                                rs.getObject("birth_date", LocalDate.class), rs.getString("sex"),
                                rs.getString("birth_place"), rs.getString("phone"), rs.getString("email"),
                                rs.getString("address"), rs.getString("housing"), rs.getString("employment"),
                                rs.getString("resources")), Optional.empty()))
                .optional()
                .orElseThrow(BusinessException::notFound);
        boolean mayReadHealth = hasPermission(HEALTH_PERMISSION);
        audit.record("person.viewed", "person", id, Map.of("health", mayReadHealth));
        if (!mayReadHealth) {
            return file;
        }
        Health health = jdbc.sql("select health_notes, addiction_notes from person_health where person_id = ?")
                .param(id).query((rs, n) -> new Health(rs.getString(1), rs.getString(2))).optional()
                .orElse(new Health(null, null));
        return new PersonFile(file.id(), file.reference(), file.data(), Optional.of(health));
    }

    /** Writes health details; refused without the permission. */
    @Transactional
    public void updateHealth(UUID id, Health health) {
        if (!hasPermission(HEALTH_PERMISSION)) {
            throw new org.springframework.security.access.AccessDeniedException("person:health required");
        }
        FieldRefusal.requireAtMost("healthNotes", health.healthNotes(), HEALTH_NOTES_MAX);
        FieldRefusal.requireAtMost("addictionNotes", health.addictionNotes(), HEALTH_NOTES_MAX);
        if (jdbc.sql("select count(*) from person where id = ?").param(id).query(Long.class).single() == 0) {
            throw BusinessException.notFound();
        }
        jdbc.sql("""
                insert into person_health (person_id, organisation_id, health_notes, addiction_notes, updated_by)
                values (:id, :org, :health, :addiction, :by)
                on conflict (person_id) do update set health_notes = excluded.health_notes,
                    addiction_notes = excluded.addiction_notes, updated_at = now(), updated_by = excluded.updated_by""")
                .param("id", id).param("org", TenantContext.currentOrganisationId().orElseThrow())
                .param("health", blankToNull(health.healthNotes())).param("addiction", blankToNull(health.addictionNotes()))
                .param("by", currentUserId())
                .update();
        audit.record("person.health_updated", "person", id, Map.of());
    }

    /** A consent given by the person: what, for whom, when, and when withdrawn. */
    public record Consent(UUID id, String subject, String recipient, LocalDate givenOn, LocalDate withdrawnOn) {}

    /** Records a consent (e.g. "échange d'informations avec le CSAPA" for "CSAPA de Lyon"). */
    @Transactional
    public UUID addConsent(UUID personId, String subject, String recipient, LocalDate givenOn) {
        if (jdbc.sql("select count(*) from person where id = ?").param(personId).query(Long.class).single() == 0) {
            throw BusinessException.notFound();
        }
        if (subject == null || subject.isBlank() || subject.length() > 300) {
            throw new FieldRefusal("subject", "consent.subject.invalid");
        }
        if (recipient == null || recipient.isBlank() || recipient.length() > 200) {
            throw new FieldRefusal("recipient", "consent.recipient.invalid");
        }
        if (givenOn == null || givenOn.isAfter(LocalDate.now(clock))) {
            throw new FieldRefusal("givenOn", "consent.date.invalid");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into person_consent (id, organisation_id, person_id, subject, recipient, given_on, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(TenantContext.currentOrganisationId().orElseThrow()).param(personId)
                .param(subject.trim()).param(recipient.trim()).param(givenOn).param(currentUserId()).update();
        audit.record("consent.recorded", "person", personId, Map.of("consent", id.toString()));
        return id;
    }

    /** Records that a consent was withdrawn on a date; returns the person concerned. */
    @Transactional
    public UUID withdrawConsent(UUID consentId, LocalDate withdrawnOn) {
        if (withdrawnOn == null || withdrawnOn.isAfter(LocalDate.now(clock))) {
            throw new FieldRefusal("withdrawnOn", "consent.date.invalid");
        }
        UUID personId = jdbc.sql("""
                update person_consent set withdrawn_on = ? where id = ? and withdrawn_on is null and given_on <= ?
                returning person_id""")
                .param(withdrawnOn).param(consentId).param(withdrawnOn).query(UUID.class).optional()
                .orElseThrow(() -> jdbc.sql("select count(*) from person_consent where id = ?").param(consentId)
                        .query(Long.class).single() == 0 ? BusinessException.notFound()
                        : BusinessException.conflict("consent.cannotWithdraw"));
        audit.record("consent.withdrawn", "person", personId, Map.of("consent", consentId.toString()));
        return personId;
    }

    /** The person a consent belongs to (not found outside the current association). */
    @Transactional(readOnly = true)
    public UUID personOfConsent(UUID consentId) {
        return jdbc.sql("select person_id from person_consent where id = ?").param(consentId).query(UUID.class)
                .optional().orElseThrow(BusinessException::notFound);
    }

    @Transactional(readOnly = true)
    public List<Consent> consents(UUID personId) {
        return jdbc.sql("""
                select id, subject, recipient, given_on, withdrawn_on from person_consent where person_id = ?
                order by given_on desc, recorded_at desc""")
                .param(personId)
                .query((rs, n) -> new Consent(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
    }

    private static Map<String, Object> params(PersonData d, Map<String, Object> others) {
        Map<String, Object> p = new java.util.HashMap<>(others);
        p.put("by", currentUserId());
        p.put("last", d.lastName().trim());
        p.put("first", d.firstName().trim());
        p.put("birth", d.birthDate());
        p.put("sex", blankToNull(d.sex()));
        p.put("place", blankToNull(d.birthPlace()));
        p.put("phone", blankToNull(d.phone()));
        p.put("email", blankToNull(d.email()));
        p.put("address", blankToNull(d.address()));
        p.put("housing", blankToNull(d.housing()));
        p.put("employment", blankToNull(d.employment()));
        p.put("resources", blankToNull(d.resources()));
        return p;
    }

    private void check(PersonData d) {
        List<FieldRefusal> problems = problems(d, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /**
     * Every rule a person's data breaks (empty when valid), on the given day (Europe/Paris); shared
     * by the form and bulk imports.
     */
    static List<FieldRefusal> problems(PersonData d, LocalDate today) {
        List<FieldRefusal> problems = new java.util.ArrayList<>();
        if (d.lastName() == null || d.lastName().isBlank() || d.lastName().length() > 120) {
            problems.add(new FieldRefusal("lastName", "person.lastName.invalid"));
        }
        if (d.firstName() == null || d.firstName().isBlank() || d.firstName().length() > 120) {
            problems.add(new FieldRefusal("firstName", "person.firstName.invalid"));
        }
        if (d.birthDate() != null && (d.birthDate().isAfter(today) || d.birthDate().getYear() < 1900)) {
            problems.add(new FieldRefusal("birthDate", "person.birthDate.invalid"));
        }
        if (d.sex() != null && !d.sex().isBlank() && !d.sex().matches("[FMX]")) {
            problems.add(new FieldRefusal("sex", "person.sex.invalid"));
        }
        if (d.phone() != null && d.phone().trim().length() > 40) {
            problems.add(new FieldRefusal("phone", "person.phone.tooLong"));
        }
        tooLong(problems, "birthPlace", d.birthPlace(), 120);
        tooLong(problems, "address", d.address(), ADDRESS_MAX);
        tooLong(problems, "housing", d.housing(), 40);
        tooLong(problems, "employment", d.employment(), 40);
        tooLong(problems, "resources", d.resources(), 40);
        if (d.email() != null && !d.email().isBlank()
                && (d.email().trim().length() > 200 || !d.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add(new FieldRefusal("email", "person.email.invalid"));
        }
        return problems;
    }

    /** The longest health or addiction notes kept. */
    public static final int HEALTH_NOTES_MAX = 4000;

    /** The longest postal address kept (as the form allows; the column itself has no limit). */
    public static final int ADDRESS_MAX = 300;

    private static void tooLong(List<FieldRefusal> problems, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.add(new FieldRefusal(field, "input.tooLong", max));
        }
    }

    private static boolean hasPermission(String permission) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
    }

    private static UUID currentUserId() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
