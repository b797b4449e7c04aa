package fr.passerelle.surveys;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.network.Membership;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.TenantScope;
import fr.passerelle.shared.mail.MailOutbox;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation's side of the surveys: a survey is built as a draft (its header, its target, its
 * items in order), opened (the target is frozen: the member associations it designates that day, the
 * rate's denominator; their directors are mailed), followed (the rate, who has answered), reminded
 * (the directors of those who have not), closed. Associations see the surveys sent to them.
 */
@Service
public class Surveys {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale MAIL_LOCALE = Locale.FRENCH;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    static final int TITLE_MAX = 200;
    static final int INTRODUCTION_MAX = 5000;
    static final int QUESTIONS_MAX = 200;

    /** What the federation fills in for a survey's header and target. */
    public record SurveyInput(String title, String introduction, Survey.TargetKind targetKind, String regionCode,
            String measureTypeCode, LocalDate closesOn) {}

    /** A line of the list of surveys, with its rate (the federation's) or the association's answer status. */
    public record Line(UUID id, String title, Survey.Status status, LocalDate closesOn, Rate rate, String answerStatus) {}

    /** An association a survey was sent to, and whether (and when) it has submitted its answer. */
    public record Target(UUID organisationId, String organisationName, String regionCode, Instant submittedAt,
            String submittedByName) {}

    /** A reminder sent. */
    public record Reminder(Instant sentAt, String sentByName, int recipients, int associations) {}

    /** A measure type of the national catalogue, or a region: a code and its name. */
    public record Named(String code, String name) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Membership membership;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final MailOutbox outbox;
    private final MessageSource messages;

    Surveys(JdbcClient jdbc, AuditLog audit, Clock clock, Membership membership, UserAccounts users,
            TenantScope tenantScope, MailOutbox outbox, MessageSource messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.membership = membership;
        this.users = users;
        this.tenantScope = tenantScope;
        this.outbox = outbox;
        this.messages = messages;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PARIS));
    }

    // ---- reading ----

    /** Whether a survey takes answers today (in Paris). */
    public boolean answerableToday(Survey survey) {
        return survey.answerable(today());
    }

    /** A survey the user sees (the federation: all; an association: those sent to it, once open). */
    @Transactional(readOnly = true)
    public Survey get(UUID id) {
        return jdbc.sql("select * from survey where id = ?").param(id).query(Surveys::survey).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** A survey's items, in order. */
    @Transactional(readOnly = true)
    public List<Question> questions(UUID surveyId) {
        return jdbc.sql("select * from survey_question where survey_id = ? order by position").param(surveyId)
                .query(Surveys::question).list();
    }

    /**
     * The surveys the user sees, newest first: for the federation, each with its rate; for an
     * association, those sent to it with where its answer stands (none, being prepared, submitted).
     */
    @Transactional(readOnly = true)
    public List<Line> list() {
        if (TenantContext.hasAuthority(Permissions.SURVEY_MANAGE)) {
            return jdbc.sql("""
                    select s.id, s.title, s.status, s.closes_on,
                           (select count(*) from survey_response r where r.survey_id = s.id and r.status = 'SUBMITTED') as submitted,
                           (select count(*) from survey_target t where t.survey_id = s.id) as targets
                    from survey s order by s.created_at desc, s.id""")
                    .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getString("title"),
                            Survey.Status.valueOf(rs.getString("status")), rs.getObject("closes_on", LocalDate.class),
                            new Rate(rs.getLong("submitted"), rs.getLong("targets")), null))
                    .list();
        }
        return jdbc.sql("""
                select s.id, s.title, s.status, s.closes_on, r.status as answer
                from survey s join survey_target t on t.survey_id = s.id and t.organisation_id = current_organisation_id()
                left join survey_response r on r.survey_id = s.id and r.organisation_id = t.organisation_id
                where s.status <> 'DRAFT'
                order by s.opened_at desc, s.id""")
                .query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getString("title"),
                        Survey.Status.valueOf(rs.getString("status")), rs.getObject("closes_on", LocalDate.class), null,
                        rs.getString("answer") == null ? "NONE" : rs.getString("answer")))
                .list();
    }

    /** The surveys open today with their rates (the federation's home), closing first. */
    @Transactional(readOnly = true)
    public List<Line> running() {
        LocalDate today = today();
        return list().stream().filter(l -> l.status() == Survey.Status.OPEN && !today.isAfter(l.closesOn()))
                .sorted(java.util.Comparator.comparing(Line::closesOn)).toList();
    }

    /** A survey's rate: its submitted answers out of its targets. */
    @Transactional(readOnly = true)
    public Rate rate(UUID surveyId) {
        return jdbc.sql("""
                select (select count(*) from survey_response r where r.survey_id = :id and r.status = 'SUBMITTED'),
                       (select count(*) from survey_target t where t.survey_id = :id)""")
                .param("id", surveyId).query((rs, n) -> new Rate(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The associations a survey was sent to, those who have not submitted first, by name. */
    @Transactional(readOnly = true)
    public List<Target> targets(UUID surveyId) {
        requireManage();
        return jdbc.sql("""
                select t.organisation_id, t.organisation_name, t.region_code, r.submitted_at, r.submitted_by_name
                from survey_target t
                left join survey_response r on r.survey_id = t.survey_id and r.organisation_id = t.organisation_id
                where t.survey_id = ?
                order by r.submitted_at is not null, t.organisation_name, t.organisation_id""")
                .param(surveyId)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5)))
                .list();
    }

    /** The reminders sent for a survey, newest first. */
    @Transactional(readOnly = true)
    public List<Reminder> reminders(UUID surveyId) {
        requireManage();
        return jdbc.sql("select sent_at, sent_by_name, recipients, associations from survey_reminder where survey_id = ? order by sent_at desc")
                .param(surveyId)
                .query((rs, n) -> new Reminder(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /** The national catalogue's measure types (a target, a pre-filled figure of one type). */
    @Transactional(readOnly = true)
    public List<Named> measureTypes() {
        return jdbc.sql("select code, label from network_measure_catalogue_v order by position, code")
                .query((rs, n) -> new Named(rs.getString(1), rs.getString(2))).list();
    }

    /** The network's regions. */
    @Transactional(readOnly = true)
    public List<Named> regions() {
        return jdbc.sql("select code, name from identity_network_region_v order by name")
                .query((rs, n) -> new Named(rs.getString(1), rs.getString(2))).list();
    }

    // ---- building ----

    /** Creates a draft survey; its target is checked now and designated when it opens. */
    @Transactional
    public UUID create(SurveyInput input) {
        requireManage();
        Valid v = validate(input);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into survey (id, title, introduction, target_kind, target_region_code, target_measure_type_code,
                                    closes_on, created_at, created_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, v.title, v.introduction, v.kind.name(), v.region, v.measureType, v.closesOn,
                        Timestamp.from(clock.instant()), me().displayName())
                .update();
        audit.record("survey.created", "survey", id, Map.of("target", v.kind.name()));
        return id;
    }

    /** Changes a draft's header and target. */
    @Transactional
    public void update(UUID id, int rowVersion, SurveyInput input) {
        requireDraft(id);
        Valid v = validate(input);
        int updated = jdbc.sql("""
                update survey set title = ?, introduction = ?, target_kind = ?, target_region_code = ?,
                       target_measure_type_code = ?, closes_on = ?, row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(v.title, v.introduction, v.kind.name(), v.region, v.measureType, v.closesOn, id, rowVersion)
                .update();
        if (updated == 0) {
            throw BusinessException.conflict("survey.conflict");
        }
        audit.record("survey.updated", "survey", id, Map.of("target", v.kind.name()));
    }

    /** Adds an item at the end of a draft. */
    @Transactional
    public UUID addQuestion(UUID surveyId, QuestionInput input) {
        requireDraft(surveyId);
        List<Question> questions = questions(surveyId);
        if (questions.size() >= QUESTIONS_MAX) {
            throw BusinessException.invalid("survey.question.tooMany", QUESTIONS_MAX);
        }
        int position = questions.isEmpty() ? 1 : questions.get(questions.size() - 1).position() + 1;
        Question q = input.validate(Ids.newId(), position, questions, measureTypeCodes());
        insert(surveyId, q);
        touch(surveyId);
        audit.record("survey.question.added", "survey", surveyId, QuestionInput.auditOf(q));
        return q.id();
    }

    /** Changes an item of a draft (its condition may only point to an item before it). */
    @Transactional
    public void updateQuestion(UUID surveyId, UUID questionId, QuestionInput input) {
        requireDraft(surveyId);
        List<Question> questions = questions(surveyId);
        Question current = find(questions, questionId);
        List<Question> earlier = questions.stream().filter(q -> q.position() < current.position()).toList();
        Question q = input.validate(questionId, current.position(), earlier, measureTypeCodes());
        for (Question later : questions) {
            if (questionId.equals(later.conditionQuestionId())
                    && (!q.kind().canCondition() || !q.options().contains(later.conditionOption()))) {
                throw new FieldRefusal("options", "survey.question.usedByCondition", later.label());
            }
        }
        write(q, """
                update survey_question set kind = :kind, label = :label, help = :help, required = :required,
                       options = :options, grid_rows = :rows, scale_min = :scaleMin, scale_max = :scaleMax,
                       scale_min_label = :scaleMinLabel, scale_max_label = :scaleMaxLabel, number_min = :numberMin,
                       number_max = :numberMax, condition_question_id = :condition, condition_option = :conditionOption,
                       prefill_source = :prefill, prefill_measure_type_code = :prefillCode
                where id = :id and survey_id = :survey""", surveyId);
        touch(surveyId);
        audit.record("survey.question.updated", "survey", surveyId, QuestionInput.auditOf(q));
    }

    /** Moves an item of a draft one place up or down; an item never moves before the question its condition reads. */
    @Transactional
    public void moveQuestion(UUID surveyId, UUID questionId, boolean up) {
        requireDraft(surveyId);
        List<Question> questions = questions(surveyId);
        Question q = find(questions, questionId);
        int index = questions.indexOf(q);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= questions.size()) {
            return;
        }
        Question neighbour = questions.get(other);
        Question first = up ? neighbour : q;
        Question second = up ? q : neighbour;
        if (first.id().equals(second.conditionQuestionId())) {
            throw BusinessException.invalid("survey.question.moveBeforeCondition");
        }
        jdbc.sql("update survey_question set position = ? where id = ?").params(neighbour.position(), q.id()).update();
        jdbc.sql("update survey_question set position = ? where id = ?").params(q.position(), neighbour.id()).update();
        touch(surveyId);
        audit.record("survey.question.moved", "survey", surveyId, Map.of("up", up));
    }

    /** Removes an item of a draft, unless another item's condition reads it. */
    @Transactional
    public void deleteQuestion(UUID surveyId, UUID questionId) {
        requireDraft(surveyId);
        List<Question> questions = questions(surveyId);
        Question q = find(questions, questionId);
        for (Question later : questions) {
            if (questionId.equals(later.conditionQuestionId())) {
                throw BusinessException.invalid("survey.question.usedByCondition", later.label());
            }
        }
        jdbc.sql("delete from survey_question where id = ?").param(questionId).update();
        touch(surveyId);
        audit.record("survey.question.deleted", "survey", surveyId, QuestionInput.auditOf(q));
    }

    /** The form of an existing item. */
    @Transactional(readOnly = true)
    public QuestionInput input(UUID surveyId, UUID questionId) {
        requireManage();
        return QuestionInput.of(find(questions(surveyId), questionId));
    }

    // ---- sending ----

    /**
     * Opens a draft: the member associations its target designates today become its targets (at
     * least one), and their directors are mailed. Its items can no longer change.
     */
    @Transactional
    public int open(UUID id, int rowVersion) {
        Survey survey = requireDraft(id);
        if (questions(id).stream().noneMatch(q -> q.kind().answerable())) {
            throw BusinessException.invalid("survey.open.noQuestion");
        }
        if (survey.closesOn().isBefore(today())) {
            throw BusinessException.invalid("survey.open.closesInPast");
        }
        List<Membership.CurrentMember> members = membership.currentMembers(survey.targetRegionCode(),
                survey.targetMeasureTypeCode());
        if (members.isEmpty()) {
            throw BusinessException.invalid("survey.open.noTarget");
        }
        int updated = jdbc.sql("""
                update survey set status = 'OPEN', opened_at = ?, opened_by_name = ?, row_version = row_version + 1
                where id = ? and row_version = ? and status = 'DRAFT'""")
                .params(Timestamp.from(clock.instant()), me().displayName(), id, rowVersion).update();
        if (updated == 0) {
            throw BusinessException.conflict("survey.conflict");
        }
        for (Membership.CurrentMember m : members) {
            jdbc.sql("insert into survey_target (survey_id, organisation_id, organisation_name, region_code) values (?, ?, ?, ?)")
                    .params(id, m.id(), m.name(), m.regionCode()).update();
        }
        String subject = messages.getMessage("survey.mail.opened.subject", new Object[] {survey.title()}, MAIL_LOCALE);
        String body = messages.getMessage("survey.mail.opened.body", new Object[] {survey.title(),
                DAY.format(survey.closesOn()), outbox.link("/surveys/" + id + "/answer")}, MAIL_LOCALE);
        int mailed = mailDirectors(members.stream().map(Membership.CurrentMember::id).toList(), "survey-opened:" + id,
                subject, body);
        audit.record("survey.opened", "survey", id, Map.of("targets", members.size(), "mailed", mailed));
        return members.size();
    }

    /** Closes an open survey: no more answers are taken. */
    @Transactional
    public void close(UUID id, int rowVersion) {
        requireManage();
        int updated = jdbc.sql("""
                update survey set status = 'CLOSED', closed_at = ?, row_version = row_version + 1
                where id = ? and row_version = ? and status = 'OPEN'""")
                .params(Timestamp.from(clock.instant()), id, rowVersion).update();
        if (updated == 0) {
            get(id);
            throw BusinessException.conflict("survey.conflict");
        }
        audit.record("survey.closed", "survey", id, Map.of());
    }

    /**
     * Reminds the associations of an open survey that have not submitted their answer: a mail to
     * each of their directors. How many associations were reminded.
     */
    @Transactional
    public int remind(UUID id) {
        requireManage();
        Survey survey = get(id);
        if (!survey.answerable(today())) {
            throw BusinessException.invalid("survey.remind.notOpen");
        }
        int reminded = remindWaiting(survey, me().displayName());
        if (reminded == 0) {
            throw BusinessException.invalid("survey.remind.none");
        }
        return reminded;
    }

    /**
     * Mails the directors of the survey's targets that have not submitted, and logs the reminder
     * ({@code byName} null: the automatic one). How many associations were reminded (none: nothing logged).
     */
    int remindWaiting(Survey survey, String byName) {
        List<UUID> waiting = jdbc.sql("""
                select t.organisation_id from survey_target t
                where t.survey_id = ? and not exists (select 1 from survey_response r where r.survey_id = t.survey_id
                      and r.organisation_id = t.organisation_id and r.status = 'SUBMITTED')
                order by t.organisation_name, t.organisation_id""")
                .param(survey.id()).query(UUID.class).list();
        if (waiting.isEmpty()) {
            return 0;
        }
        UUID reminder = Ids.newId();
        String subject = messages.getMessage("survey.mail.reminder.subject", new Object[] {survey.title()}, MAIL_LOCALE);
        String body = messages.getMessage("survey.mail.reminder.body", new Object[] {survey.title(),
                DAY.format(survey.closesOn()), outbox.link("/surveys/" + survey.id() + "/answer")}, MAIL_LOCALE);
        int mailed = mailDirectors(waiting, "survey-reminder:" + reminder, subject, body);
        jdbc.sql("""
                insert into survey_reminder (id, survey_id, sent_at, sent_by_name, recipients, associations)
                values (?, ?, ?, ?, ?, ?)""")
                .params(reminder, survey.id(), Timestamp.from(clock.instant()), byName, mailed, waiting.size()).update();
        audit.record(byName == null ? "survey.reminded.automatically" : "survey.reminded", "survey", survey.id(),
                Map.of("associations", waiting.size(), "mailed", mailed));
        return waiting.size();
    }

    /**
     * The open surveys that close within {@code days} days of {@code today} (and not before it), have
     * associations still to answer and no automatic reminder yet (for the federation's people).
     */
    List<Survey> dueForAutomaticReminder(LocalDate today, int days) {
        return jdbc.sql("""
                select * from survey s
                where s.status = 'OPEN' and s.closes_on between ? and ?
                  and not exists (select 1 from survey_reminder m where m.survey_id = s.id and m.sent_by_name is null)
                order by s.closes_on, s.id""")
                .params(today, today.plusDays(days)).query(Surveys::survey).list();
    }

    /** Mails the directors of each association from its own outbox; how many mails were queued. */
    private int mailDirectors(List<UUID> organisations, String dedup, String subject, String body) {
        int mailed = 0;
        for (UUID organisation : organisations) {
            mailed += tenantScope.callAs(organisation, () -> {
                int sent = 0;
                for (UserAccounts.Recipient r : users.withAnyRole(List.of(Roles.DIRECTOR))) {
                    if (r.email() != null && !r.email().isBlank()
                            && outbox.enqueue("SURVEY", dedup + ":" + r.id(), r.email(), subject, body)) {
                        sent++;
                    }
                }
                return sent;
            });
        }
        return mailed;
    }

    // ---- helpers ----

    private record Valid(String title, String introduction, Survey.TargetKind kind, String region, String measureType,
            LocalDate closesOn) {}

    private Valid validate(SurveyInput input) {
        String title = QuestionInput.trimmed(input.title());
        if (title == null) {
            throw new FieldRefusal("title", "survey.title.required");
        }
        FieldRefusal.requireAtMost("title", title, TITLE_MAX);
        String introduction = QuestionInput.trimmed(input.introduction());
        FieldRefusal.requireAtMost("introduction", introduction, INTRODUCTION_MAX);
        if (input.targetKind() == null) {
            throw new FieldRefusal("targetKind", "survey.target.required");
        }
        String region = null;
        String measureType = null;
        if (input.targetKind() == Survey.TargetKind.REGION) {
            region = QuestionInput.trimmed(input.regionCode());
            String r = region;
            if (r == null || regions().stream().noneMatch(n -> n.code().equals(r))) {
                throw new FieldRefusal("regionCode", "survey.target.region.required");
            }
        } else if (input.targetKind() == Survey.TargetKind.MEASURE_TYPE) {
            measureType = QuestionInput.trimmed(input.measureTypeCode());
            if (measureType == null || !measureTypeCodes().contains(measureType)) {
                throw new FieldRefusal("measureTypeCode", "survey.target.measureType.required");
            }
        }
        if (input.closesOn() == null) {
            throw new FieldRefusal("closesOn", "survey.closesOn.required");
        }
        if (input.closesOn().isBefore(today())) {
            throw new FieldRefusal("closesOn", "survey.closesOn.past");
        }
        return new Valid(title, introduction, input.targetKind(), region, measureType, input.closesOn());
    }

    Set<String> measureTypeCodes() {
        Set<String> codes = new LinkedHashSet<>();
        measureTypes().forEach(t -> codes.add(t.code()));
        return codes;
    }

    private Survey requireDraft(UUID id) {
        requireManage();
        Survey survey = get(id);
        if (!survey.draft()) {
            throw BusinessException.invalid("survey.notDraft");
        }
        return survey;
    }

    private void touch(UUID surveyId) {
        jdbc.sql("update survey set row_version = row_version + 1 where id = ?").param(surveyId).update();
    }

    private static Question find(List<Question> questions, UUID id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow(BusinessException::notFound);
    }

    private void insert(UUID surveyId, Question q) {
        write(q, """
                insert into survey_question (id, survey_id, position, kind, label, help, required, options, grid_rows,
                       scale_min, scale_max, scale_min_label, scale_max_label, number_min, number_max,
                       condition_question_id, condition_option, prefill_source, prefill_measure_type_code)
                values (:id, :survey, :position, :kind, :label, :help, :required, :options, :rows, :scaleMin, :scaleMax,
                        :scaleMinLabel, :scaleMaxLabel, :numberMin, :numberMax, :condition, :conditionOption,
                        :prefill, :prefillCode)""", surveyId);
    }

    private void write(Question q, String sql, UUID surveyId) {
        jdbc.sql(sql)
                .param("id", q.id()).param("survey", surveyId).param("position", q.position())
                .param("kind", q.kind().name()).param("label", q.label()).param("help", q.help())
                .param("required", q.required()).param("options", q.options().toArray(String[]::new))
                .param("rows", q.gridRows().toArray(String[]::new)).param("scaleMin", q.scaleMin())
                .param("scaleMax", q.scaleMax()).param("scaleMinLabel", q.scaleMinLabel())
                .param("scaleMaxLabel", q.scaleMaxLabel()).param("numberMin", q.numberMin())
                .param("numberMax", q.numberMax()).param("condition", q.conditionQuestionId())
                .param("conditionOption", q.conditionOption())
                .param("prefill", q.prefillSource() == null ? null : q.prefillSource().name())
                .param("prefillCode", q.prefillMeasureTypeCode())
                .update();
    }

    static void requireManage() {
        if (!TenantContext.hasAuthority(Permissions.SURVEY_MANAGE)) {
            throw new AccessDeniedException(Permissions.SURVEY_MANAGE);
        }
    }

    static TenantPrincipal me() {
        return TenantContext.currentPrincipal().orElseThrow(() -> new AccessDeniedException("signed in"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Survey survey(ResultSet rs, int n) throws SQLException {
        return new Survey(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("introduction"),
                Survey.Status.valueOf(rs.getString("status")), Survey.TargetKind.valueOf(rs.getString("target_kind")),
                rs.getString("target_region_code"), rs.getString("target_measure_type_code"),
                rs.getObject("closes_on", LocalDate.class), instant(rs.getTimestamp("opened_at")),
                rs.getString("opened_by_name"), instant(rs.getTimestamp("closed_at")), rs.getInt("row_version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"));
    }

    static Question question(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getObject("id", UUID.class), rs.getInt("position"),
                QuestionKind.valueOf(rs.getString("kind")), rs.getString("label"), rs.getString("help"),
                rs.getBoolean("required"), strings(rs.getArray("options")), strings(rs.getArray("grid_rows")),
                (Integer) rs.getObject("scale_min"), (Integer) rs.getObject("scale_max"), rs.getString("scale_min_label"),
                rs.getString("scale_max_label"), rs.getBigDecimal("number_min"), rs.getBigDecimal("number_max"),
                rs.getObject("condition_question_id", UUID.class), rs.getString("condition_option"),
                rs.getString("prefill_source") == null ? null : PrefillSource.valueOf(rs.getString("prefill_source")),
                rs.getString("prefill_measure_type_code"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
