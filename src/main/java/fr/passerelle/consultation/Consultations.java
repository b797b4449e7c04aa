package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consultations of the organisation: created and edited by organisers (question, optional proposal
 * stem, dates, themes, charter and its refusal reasons, profile questions), then published (open),
 * closed, and their results published. Also resolves the public address {@code /c/{slug}} to the
 * organising organisation, which public pages then act as (row-level security applies).
 */
@Service
public class Consultations {

    /** Profile question asking whether one has worked with people under judicial supervision. */
    public static final String PROFESSIONAL_QUESTION = "PROFESSIONAL";
    /** Profile question asking for the participant's département. */
    public static final String DEPARTEMENT_QUESTION = "DEPARTEMENT";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AnalysisJobs jobs;
    private final TransactionTemplate tx;

    Consultations(JdbcClient jdbc, AuditLog audit, AnalysisJobs jobs, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
    }

    /** A consultation as organisers and public pages see it. */
    public record Consultation(UUID id, UUID organisationId, String slug, String question, String description,
            String proposalStem, LocalDate startsOn, LocalDate endsOn, ConsultationStatus status, String charter,
            Set<RefusalReason> refusalReasons, boolean themesRequired, List<Theme> themes,
            List<ProfileQuestion> profileQuestions, Instant createdAt) {

        public boolean open() {
            return status == ConsultationStatus.OPEN;
        }
    }

    public record Theme(UUID id, String label) {}

    /**
     * A question asked of participants (answer optional).
     *
     * @param choices the allowed answers of a CHOICE question
     * @param definesSegment its answer is the participant's segment (at most one question)
     */
    public record ProfileQuestion(UUID id, String code, String label, ProfileQuestionKind kind, List<String> choices,
            boolean definesSegment) {

        public static ProfileQuestion of(String code, String label, ProfileQuestionKind kind, List<String> choices,
                boolean definesSegment) {
            return new ProfileQuestion(null, code, label, kind, choices, definesSegment);
        }

        /** Whether the answer is one this question accepts. */
        public boolean accepts(String answer) {
            return switch (kind) {
                case YES_NO -> "YES".equals(answer) || "NO".equals(answer);
                case CHOICE -> choices.contains(answer);
                case DEPARTEMENT -> answer != null && answer.matches("0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]");
            };
        }
    }

    /** What an organiser sets on a consultation. */
    public record Settings(String slug, String question, String description, String proposalStem, LocalDate startsOn,
            LocalDate endsOn, String charter, Set<RefusalReason> refusalReasons, boolean themesRequired,
            List<String> themes, List<ProfileQuestion> profileQuestions) {}

    /** The public identity of a published consultation: enough to act as its organisation. */
    public record PublicRef(UUID id, UUID organisationId, String slug, ConsultationStatus status) {}

    /** One line of the organiser's list, with its live counts. */
    public record Summary(UUID id, String slug, String question, ConsultationStatus status, LocalDate startsOn,
            LocalDate endsOn, long participants, long proposals, long pending) {}

    /**
     * Live counters shown on the landing and results pages: only figures nobody can inflate by
     * visiting pages or scripting votes — {@code participants} proven (a proof of a real browser,
     * an account, or made by the server) and {@code votes} trusted (a valid key from a proven
     * participant), the ones the scores count.
     */
    public record Counters(long participants, long proposals, long votes) {}

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('consultation:manage', 'consultation:moderate', 'consultation:analyse')")
    public List<Summary> list() {
        return jdbc.sql("""
                select c.id, c.slug, c.question, c.status, c.starts_on, c.ends_on,
                       (select count(*) from consultation_participant p where p.consultation_id = c.id and p.merged_into is null) participants,
                       (select count(*) from consultation_proposal p where p.consultation_id = c.id) proposals,
                       (select count(*) from consultation_proposal p where p.consultation_id = c.id and p.status = 'PENDING') pending
                from consultation c order by c.created_at desc""")
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("question"),
                        ConsultationStatus.valueOf(rs.getString("status")), localDate(rs, "starts_on"),
                        localDate(rs, "ends_on"), rs.getLong("participants"), rs.getLong("proposals"),
                        rs.getLong("pending")))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('consultation:manage', 'consultation:moderate', 'consultation:analyse')")
    public Consultation get(UUID id) {
        return find(id).orElseThrow(BusinessException::notFound);
    }

    /** The consultation for public pages (the caller acts as its organisation). */
    @Transactional(readOnly = true)
    public Consultation forPublic(PublicRef ref) {
        return find(ref.id()).filter(c -> c.status().isPublic()).orElseThrow(BusinessException::notFound);
    }

    Optional<Consultation> find(UUID id) {
        Optional<Consultation> base = jdbc.sql("select * from consultation where id = ?").param(id)
                .query((rs, n) -> map(rs, List.of(), List.of())).optional();
        return base.map(c -> new Consultation(c.id(), c.organisationId(), c.slug(), c.question(), c.description(),
                c.proposalStem(), c.startsOn(), c.endsOn(), c.status(), c.charter(), c.refusalReasons(),
                c.themesRequired(), themes(id), profileQuestions(id), c.createdAt()));
    }

    private List<Theme> themes(UUID consultationId) {
        return jdbc.sql("select id, label from consultation_theme where consultation_id = ? order by position")
                .param(consultationId).query((rs, n) -> new Theme(rs.getObject("id", UUID.class), rs.getString("label")))
                .list();
    }

    private List<ProfileQuestion> profileQuestions(UUID consultationId) {
        return jdbc.sql("select * from consultation_profile_question where consultation_id = ? order by position")
                .param(consultationId)
                .query((rs, n) -> new ProfileQuestion(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("label"), ProfileQuestionKind.valueOf(rs.getString("kind")),
                        strings(rs.getArray("choices")), rs.getBoolean("defines_segment")))
                .list();
    }

    /**
     * Resolves a public address; drafts and unknown slugs are not found. Needs no tenant (a
     * security-definer function returns only the organisation and status). Found addresses are
     * remembered for a few seconds, so the vote path does not pay a lookup per vote; whatever
     * acts on the consultation still checks its status in the database.
     */
    public Optional<PublicRef> lookup(String slug) {
        if (slug == null || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        CachedRef cached = refs.get(slug);
        if (cached != null && now - cached.at() < LOOKUP_CACHE_NANOS) {
            return Optional.of(cached.ref());
        }
        Optional<PublicRef> ref = jdbc.sql("select * from consultation_public_lookup(?)").param(slug)
                .query((rs, n) -> new PublicRef(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        slug, ConsultationStatus.valueOf(rs.getString("status"))))
                .optional();
        ref.ifPresentOrElse(r -> refs.put(slug, new CachedRef(r, now)), () -> refs.remove(slug));
        return ref;
    }

    private static final long LOOKUP_CACHE_NANOS = 2_000_000_000L;

    private record CachedRef(PublicRef ref, long at) {}

    private final java.util.concurrent.ConcurrentHashMap<String, CachedRef> refs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Runs work for a public page as the consultation's organisation, whoever is signed in (or
     * nobody): the tenant comes from the server-side lookup of the slug, never from the request.
     * Must be called outside any transaction, so that the work's transactions start with it.
     */
    public static <T> T asOrganiser(PublicRef ref, Supplier<T> work) {
        return TenantContext.callAs(ref.organisationId(), work::get);
    }

    @Transactional(readOnly = true)
    public Counters counters(UUID consultationId) {
        return jdbc.sql("""
                select (select count(*) from consultation_participant
                         where consultation_id = :c and merged_into is null and proven_at is not null) participants,
                       (select count(*) from consultation_proposal where consultation_id = :c) proposals,
                       (select coalesce(sum(k.agree + k.disagree + k.neutral), 0) from consultation_proposal_counter k
                          join consultation_proposal p on p.id = k.proposal_id
                         where p.consultation_id = :c and k.kind = 'VERIFIED') votes""")
                .param("c", consultationId)
                .query((rs, n) -> new Counters(rs.getLong("participants"), rs.getLong("proposals"), rs.getLong("votes")))
                .single();
    }

    @Transactional
    @PreAuthorize("hasAuthority('consultation:manage')")
    public UUID create(Settings settings) {
        Settings s = validate(settings, true);
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    insert into consultation (id, organisation_id, slug, question, description, proposal_stem, starts_on,
                                              ends_on, charter, refusal_reasons, themes_required, created_by)
                    values (:id, :org, :slug, :question, :description, :stem, :starts, :ends, :charter,
                            string_to_array(:reasons, ','), :themesRequired, :by)""")
                    .param("id", id).param("org", TenantContext.currentOrganisationId().orElseThrow())
                    .params(columns(s)).param("by", currentUser()).update();
        } catch (DuplicateKeyException e) {
            throw new FieldRefusal("slug", "consultation.slug.taken");
        }
        saveThemes(id, s.themes());
        saveProfileQuestions(id, s.profileQuestions());
        audit.record("consultation.created", "consultation", id, Map.of("slug", s.slug()));
        return id;
    }

    @Transactional
    @PreAuthorize("hasAuthority('consultation:manage')")
    public void update(UUID id, Settings settings) {
        Consultation current = get(id);
        Settings s = validate(settings, current.status() == ConsultationStatus.DRAFT);
        if (current.status() != ConsultationStatus.DRAFT && !current.slug().equals(s.slug())) {
            throw new FieldRefusal("slug", "consultation.slug.frozen");
        }
        if (current.status() != ConsultationStatus.DRAFT
                && !sameQuestions(current.profileQuestions(), s.profileQuestions())) {
            throw new FieldRefusal("profileQuestions", "consultation.profile.frozen");
        }
        try {
            jdbc.sql("""
                    update consultation set slug = :slug, question = :question, description = :description,
                           proposal_stem = :stem, starts_on = :starts, ends_on = :ends, charter = :charter,
                           refusal_reasons = string_to_array(:reasons, ','), themes_required = :themesRequired,
                           updated_at = now()
                    where id = :id""")
                    .param("id", id).params(columns(s)).update();
        } catch (DuplicateKeyException e) {
            throw new FieldRefusal("slug", "consultation.slug.taken");
        }
        saveThemes(id, s.themes());
        if (current.status() == ConsultationStatus.DRAFT) {
            saveProfileQuestions(id, s.profileQuestions());
        }
        audit.record("consultation.updated", "consultation", id, Map.of("slug", s.slug()));
    }

    /** DRAFT → OPEN: participants may propose and vote. */
    @Transactional
    @PreAuthorize("hasAuthority('consultation:manage')")
    public void publish(UUID id) {
        move(id, ConsultationStatus.DRAFT, ConsultationStatus.OPEN, "opened_at", "consultation.published", Map.of());
    }

    /**
     * OPEN → CLOSED: no more proposals or votes. The analysis is then run again on the final votes
     * (on the analysis executor, waited for, after the closing committed), unless one is already
     * running; one still running after the wait finishes in the background.
     */
    @PreAuthorize("hasAuthority('consultation:manage')")
    public void close(UUID id) {
        tx.executeWithoutResult(s -> move(id, ConsultationStatus.OPEN, ConsultationStatus.CLOSED, "closed_at",
                "consultation.closed", Map.of()));
        try {
            jobs.runForResults(id);
        } catch (BusinessException running) {
            // The running analysis will be the latest; publishing the results runs one again anyway.
        }
    }

    /**
     * CLOSED → RESULTS_PUBLISHED: the public results page is shown. The analysis is run again first
     * (on the analysis executor, waited for; refused while another one runs or when it is not over
     * in time) and the public page then shows that analysis with the counters of that moment
     * ({@link #publishedCounters}), one moment whatever happens later. Without enough votes for an
     * analysis, the results are published without one; an analysis that failed otherwise refuses
     * the publication (the consultation stays closed), rather than publish an older analysis.
     */
    @PreAuthorize("hasAuthority('consultation:manage')")
    public void publishResults(UUID id) {
        tx.executeWithoutResult(s -> {
            if (get(id).status() != ConsultationStatus.CLOSED) {
                throw BusinessException.conflict("consultation.transition.refused");
            }
        });
        AnalysisJobs.Job job = jobs.runForResults(id);
        if (!job.done() && !AnalysisJobs.NOT_ENOUGH_VOTES.equals(job.error())) {
            throw BusinessException.conflict("consultation.results.analysisFailed");
        }
        UUID analysis = job.done() ? job.id() : null;
        tx.executeWithoutResult(s -> {
            Counters counters = counters(id);
            Map<String, Object> details = new java.util.HashMap<>();
            details.put("analysis", analysis == null ? "none" : analysis.toString());
            move(id, ConsultationStatus.CLOSED, ConsultationStatus.RESULTS_PUBLISHED, "results_published_at",
                    "consultation.resultsPublished", details);
            jdbc.sql("""
                    update consultation set published_analysis_id = ?, results_participants = ?, results_proposals = ?,
                           results_votes = ? where id = ?""")
                    .params(analysis, counters.participants(), counters.proposals(), counters.votes(), id).update();
        });
    }

    /**
     * The public counters stored when the results were published (empty for results published
     * before they were stored, or not published).
     */
    @Transactional(readOnly = true)
    public Optional<Counters> publishedCounters(UUID consultationId) {
        return jdbc.sql("""
                select results_participants, results_proposals, results_votes from consultation
                where id = ? and status = 'RESULTS_PUBLISHED' and results_votes is not null""")
                .param(consultationId)
                .query((rs, n) -> new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional();
    }

    private void move(UUID id, ConsultationStatus from, ConsultationStatus to, String timestampColumn, String action,
            Map<String, Object> details) {
        Consultation current = get(id);
        if (current.status() != from) {
            throw BusinessException.conflict("consultation.transition.refused");
        }
        if (jdbc.sql("update consultation set status = ?, " + timestampColumn + " = now(), updated_at = now() where id = ? and status = ?")
                .param(to.name()).param(id).param(from.name()).update() == 0) {
            throw BusinessException.conflict("consultation.transition.refused");
        }
        refs.remove(current.slug());
        Map<String, Object> audited = new java.util.HashMap<>(details);
        audited.put("from", from.name());
        audited.put("to", to.name());
        audit.record(action, "consultation", id, audited);
    }

    private Settings validate(Settings s, boolean checkQuestions) {
        String slug = trim(s.slug());
        if (slug == null) {
            throw new FieldRefusal("slug", "consultation.slug.required");
        }
        slug = slug.toLowerCase(Locale.ROOT);
        if (slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new FieldRefusal("slug", "consultation.slug.invalid");
        }
        String question = trim(s.question());
        if (question == null || question.length() < 10) {
            throw new FieldRefusal("question", "consultation.question.required");
        }
        if (question.length() > 300) {
            throw new FieldRefusal("question", "consultation.question.tooLong");
        }
        String description = trim(s.description());
        if (description != null && description.length() > 5000) {
            throw new FieldRefusal("description", "consultation.description.tooLong");
        }
        String stem = trim(s.proposalStem());
        if (stem != null && (stem.length() > 60 || stem.length() < 2)) {
            throw new FieldRefusal("proposalStem", "consultation.stem.invalid");
        }
        if (s.startsOn() != null && s.endsOn() != null && s.endsOn().isBefore(s.startsOn())) {
            throw new FieldRefusal("endsOn", "consultation.dates.order");
        }
        String charter = trim(s.charter());
        if (charter != null && charter.length() > 10000) {
            throw new FieldRefusal("charter", "consultation.charter.tooLong");
        }
        Set<RefusalReason> reasons = s.refusalReasons() == null || s.refusalReasons().isEmpty()
                ? EnumSet.noneOf(RefusalReason.class) : EnumSet.copyOf(s.refusalReasons());
        if (reasons.isEmpty()) {
            throw new FieldRefusal("refusalReasons", "consultation.reasons.required");
        }
        List<String> themes = new ArrayList<>(new LinkedHashSet<>(
                (s.themes() == null ? List.<String>of() : s.themes()).stream().map(Consultations::trim)
                        .filter(t -> t != null).toList()));
        if (themes.stream().anyMatch(t -> t.length() > 120)) {
            throw new FieldRefusal("themes", "consultation.themes.tooLong");
        }
        if (themes.size() > 50) {
            throw new FieldRefusal("themes", "consultation.themes.tooMany");
        }
        if (s.themesRequired() && themes.isEmpty()) {
            throw new FieldRefusal("themes", "consultation.themes.requiredButNone");
        }
        List<ProfileQuestion> questions = s.profileQuestions() == null ? List.of() : s.profileQuestions();
        if (checkQuestions) {
            Set<String> codes = new HashSet<>();
            int segments = 0;
            for (ProfileQuestion q : questions) {
                if (q.code() == null || !CODE.matcher(q.code()).matches() || q.code().length() > 40 || !codes.add(q.code())) {
                    throw new FieldRefusal("profileQuestions", "consultation.profile.invalid");
                }
                if (q.label() == null || q.label().isBlank() || q.label().length() > 300) {
                    throw new FieldRefusal("profileQuestions", "consultation.profile.label");
                }
                if (q.kind() == ProfileQuestionKind.CHOICE && (q.choices().size() < 2
                        || q.choices().stream().anyMatch(c -> c.isBlank() || c.length() > 120))) {
                    throw new FieldRefusal("profileQuestions", "consultation.profile.choices");
                }
                if (q.definesSegment()) {
                    segments++;
                }
            }
            if (segments > 1) {
                throw new FieldRefusal("profileQuestions", "consultation.profile.oneSegment");
            }
        }
        return new Settings(slug, question, description == null ? "" : description, stem, s.startsOn(), s.endsOn(),
                charter == null ? "" : charter, reasons, s.themesRequired(), themes, questions);
    }

    private static Map<String, Object> columns(Settings s) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("slug", s.slug());
        values.put("question", s.question());
        values.put("description", s.description());
        values.put("stem", s.proposalStem());
        values.put("starts", s.startsOn() == null ? null : Date.valueOf(s.startsOn()));
        values.put("ends", s.endsOn() == null ? null : Date.valueOf(s.endsOn()));
        values.put("charter", s.charter());
        values.put("reasons", s.refusalReasons().stream().map(Enum::name).collect(Collectors.joining(",")));
        values.put("themesRequired", s.themesRequired());
        return values;
    }

    /** Keeps themes (and their tags on proposals) whose label stays; adds new ones; removes the others. */
    private void saveThemes(UUID consultationId, List<String> labels) {
        UUID org = TenantContext.currentOrganisationId().orElseThrow();
        List<Theme> existing = themes(consultationId);
        for (Theme t : existing) {
            if (!labels.contains(t.label())) {
                jdbc.sql("delete from consultation_theme where id = ?").param(t.id()).update();
            }
        }
        Set<String> kept = existing.stream().map(Theme::label).collect(Collectors.toSet());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (kept.contains(label)) {
                jdbc.sql("update consultation_theme set position = ? where consultation_id = ? and label = ?")
                        .param(i).param(consultationId).param(label).update();
            } else {
                jdbc.sql("insert into consultation_theme (id, organisation_id, consultation_id, position, label) values (?, ?, ?, ?, ?)")
                        .param(Ids.newId()).param(org).param(consultationId).param(i).param(label).update();
            }
        }
    }

    private void saveProfileQuestions(UUID consultationId, List<ProfileQuestion> questions) {
        UUID org = TenantContext.currentOrganisationId().orElseThrow();
        jdbc.sql("delete from consultation_profile_question where consultation_id = ?").param(consultationId).update();
        for (int i = 0; i < questions.size(); i++) {
            ProfileQuestion q = questions.get(i);
            jdbc.sql("""
                    insert into consultation_profile_question (id, organisation_id, consultation_id, position, code, label,
                                                               kind, choices, defines_segment)
                    values (?, ?, ?, ?, ?, ?, ?, string_to_array(?, '|'), ?)""")
                    .param(Ids.newId()).param(org).param(consultationId).param(i).param(q.code()).param(q.label().trim())
                    .param(q.kind().name()).param(String.join("|", q.choices())).param(q.definesSegment()).update();
        }
    }

    private static boolean sameQuestions(List<ProfileQuestion> a, List<ProfileQuestion> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            ProfileQuestion x = a.get(i);
            ProfileQuestion y = b.get(i);
            // Labels may be reworded (or come in another language); what answers mean may not change.
            if (!x.code().equals(y.code()) || x.kind() != y.kind() || !x.choices().equals(y.choices())
                    || x.definesSegment() != y.definesSegment()) {
                return false;
            }
        }
        return true;
    }

    private static Consultation map(ResultSet rs, List<Theme> themes, List<ProfileQuestion> questions) throws SQLException {
        Set<RefusalReason> reasons = EnumSet.noneOf(RefusalReason.class);
        strings(rs.getArray("refusal_reasons")).forEach(r -> reasons.add(RefusalReason.valueOf(r)));
        return new Consultation(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("slug"), rs.getString("question"), rs.getString("description"), rs.getString("proposal_stem"),
                localDate(rs, "starts_on"), localDate(rs, "ends_on"), ConsultationStatus.valueOf(rs.getString("status")),
                rs.getString("charter"), reasons, rs.getBoolean("themes_required"), themes, questions,
                rs.getTimestamp("created_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static UUID currentUser() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
