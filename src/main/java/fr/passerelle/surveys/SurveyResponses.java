package fr.passerelle.surveys;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Permissions;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An association's answer to a survey sent to it: one per association, prepared by several of its
 * people (each save checks that nobody saved it in between: optimistic locking on its version),
 * submitted by its director, reopened by the director while the survey is open. Number questions
 * may come pre-filled with the association's own figures (counted under its row-level security),
 * which the association confirms or corrects.
 */
@Service
public class SurveyResponses {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    /** Where an answer stands. */
    public enum Status { DRAFT, SUBMITTED }

    /**
     * An association's answer (a new one has no id, version −1, and its pre-filled figures as values).
     * {@code confirmed} holds the pre-filled figures the association has confirmed.
     */
    public record Response(UUID id, Status status, Map<UUID, Object> values, Map<UUID, BigDecimal> prefilled,
            Set<UUID> confirmed, int rowVersion, Instant updatedAt, String updatedByName, Instant submittedAt,
            String submittedByName) {

        public boolean submitted() {
            return status == Status.SUBMITTED;
        }

        public boolean saved() {
            return id != null;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Surveys surveys;
    private final AnswerJson json;

    SurveyResponses(JdbcClient jdbc, AuditLog audit, Clock clock, Surveys surveys, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.surveys = surveys;
        this.json = new AnswerJson(json);
    }

    /** The association's answer to a survey sent to it (as saved, or a new one pre-filled). */
    @Transactional(readOnly = true)
    public Response response(UUID surveyId) {
        requireAnswer();
        surveys.get(surveyId);
        List<Question> questions = surveys.questions(surveyId);
        return load(surveyId, questions, false).orElseGet(() -> {
            Map<UUID, BigDecimal> prefilled = prefill(questions);
            return new Response(null, Status.DRAFT, new LinkedHashMap<>(prefilled), prefilled, Set.of(), -1, null, null,
                    null, null);
        });
    }

    /**
     * Saves the association's answer as its form gave it, and submits it when asked (the director
     * only; every required question shown answered, every pre-filled figure kept confirmed). Refused
     * as a whole, with the problems by question, when any value is wrong; refused when someone saved
     * it since {@code rowVersion} was read (−1: read when there was none). The answer's new version.
     */
    @Transactional
    public int save(UUID surveyId, int rowVersion, Function<String, List<String>> form, Set<UUID> confirmedIds,
            boolean submit) {
        requireAnswer();
        if (submit && !TenantContext.hasAuthority(Permissions.SURVEY_SUBMIT)) {
            throw new AccessDeniedException(Permissions.SURVEY_SUBMIT);
        }
        Survey survey = surveys.get(surveyId);
        if (!survey.answerable(surveys.today())) {
            throw BusinessException.invalid("survey.answer.closed");
        }
        List<Question> questions = surveys.questions(surveyId);
        AnswerRules.Read read = AnswerRules.read(questions, form);
        if (!read.problems().isEmpty()) {
            throw new AnswersRefused("survey.answer.refused", read.problems());
        }
        Response existing = load(surveyId, questions, true).orElse(null);
        Map<UUID, BigDecimal> prefilled = existing == null ? prefill(questions) : existing.prefilled();
        Set<UUID> confirmed = new LinkedHashSet<>();
        for (UUID id : confirmedIds) {
            if (prefilled.containsKey(id) && read.values().get(id) instanceof BigDecimal v
                    && v.compareTo(prefilled.get(id)) == 0) {
                confirmed.add(id);
            }
        }
        if (submit) {
            Map<UUID, AnswerRules.Problem> problems = AnswerRules.checkSubmission(questions, read.values(), prefilled,
                    confirmed);
            if (!problems.isEmpty()) {
                throw new AnswersRefused("survey.answer.incomplete", problems);
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        String me = Surveys.me().displayName();
        int version;
        UUID id;
        if (existing == null) {
            if (rowVersion >= 0) {
                throw BusinessException.conflict("survey.answer.conflictGone");
            }
            id = Ids.newId();
            try {
                jdbc.sql("""
                        insert into survey_response (id, survey_id, organisation_id, answers, prefilled, confirmed,
                               created_at, updated_at, updated_by_name)
                        values (?, ?, current_organisation_id(), cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)""")
                        .params(id, surveyId, json.write(read.values()), json.write(prefilled),
                                confirmed.stream().map(UUID::toString).toArray(String[]::new), now, now, me)
                        .update();
            } catch (DuplicateKeyException someoneFirst) {
                throw BusinessException.conflict("survey.answer.conflictNew");
            }
            version = 0;
        } else {
            if (existing.submitted()) {
                throw BusinessException.invalid("survey.answer.alreadySubmitted");
            }
            if (existing.rowVersion() != rowVersion) {
                throw conflict(existing);
            }
            id = existing.id();
            jdbc.sql("""
                    update survey_response set answers = cast(? as jsonb), confirmed = ?, updated_at = ?,
                           updated_by_name = ?, row_version = row_version + 1
                    where id = ?""")
                    .params(json.write(read.values()), confirmed.stream().map(UUID::toString).toArray(String[]::new), now,
                            me, id)
                    .update();
            version = existing.rowVersion() + 1;
        }
        if (submit) {
            jdbc.sql("""
                    update survey_response set status = 'SUBMITTED', submitted_at = ?, submitted_by_name = ?,
                           row_version = row_version + 1
                    where id = ?""").params(now, me, id).update();
            version++;
        }
        audit.record(submit ? "survey.answer.submitted" : "survey.answer.saved", "survey_response", id,
                Map.of("survey", surveyId.toString(), "answers", read.values().size()));
        return version;
    }

    /** Takes a submitted answer back to be corrected (the director, while the survey is open). */
    @Transactional
    public void reopen(UUID surveyId, int rowVersion) {
        if (!TenantContext.hasAuthority(Permissions.SURVEY_SUBMIT)) {
            throw new AccessDeniedException(Permissions.SURVEY_SUBMIT);
        }
        Survey survey = surveys.get(surveyId);
        if (!survey.answerable(surveys.today())) {
            throw BusinessException.invalid("survey.answer.closed");
        }
        Response existing = load(surveyId, surveys.questions(surveyId), true).orElseThrow(BusinessException::notFound);
        if (existing.rowVersion() != rowVersion) {
            throw conflict(existing);
        }
        jdbc.sql("""
                update survey_response set status = 'DRAFT', submitted_at = null, submitted_by_name = null,
                       updated_at = ?, updated_by_name = ?, row_version = row_version + 1
                where id = ? and status = 'SUBMITTED'""")
                .params(Timestamp.from(clock.instant()), Surveys.me().displayName(), existing.id()).update();
        audit.record("survey.answer.reopened", "survey_response", existing.id(), Map.of("survey", surveyId.toString()));
    }

    /** The association's figures offered as answers to the pre-filled questions, for last calendar year. */
    Map<UUID, BigDecimal> prefill(List<Question> questions) {
        Map<UUID, BigDecimal> figures = new LinkedHashMap<>();
        int year = surveys.today().getYear() - 1;
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        for (Question q : questions) {
            if (q.prefillSource() == null) {
                continue;
            }
            String condition = switch (q.prefillSource()) {
                case MEASURES_RECEIVED -> "m.received_on between :from and :to";
                case MEASURES_ENDED -> "m.ended_on between :from and :to";
                case MEASURES_ONGOING -> "m.received_on <= :to and (m.ended_on is null or m.ended_on > :to)";
            };
            long count = jdbc.sql("""
                    select count(*) from measures_indicator_measure_v m
                    join measures_indicator_type_v t on t.id = m.measure_type_id
                    where m.organisation_id = current_organisation_id()
                      and (cast(:code as varchar) is null or t.code = :code)""" + " and " + condition)
                    .param("code", q.prefillMeasureTypeCode()).param("from", from).param("to", to)
                    .query(Long.class).single();
            figures.put(q.id(), BigDecimal.valueOf(count));
        }
        return figures;
    }

    /** The year the pre-filled figures are of (last calendar year). */
    public int prefillYear() {
        return surveys.today().getYear() - 1;
    }

    private BusinessException conflict(Response current) {
        return BusinessException.conflict("survey.answer.conflict", current.updatedByName(),
                TIME.format(current.updatedAt()));
    }

    private java.util.Optional<Response> load(UUID surveyId, List<Question> questions, boolean lock) {
        return jdbc.sql("""
                select id, status, answers::text, prefilled::text, confirmed, row_version, updated_at, updated_by_name,
                       submitted_at, submitted_by_name
                from survey_response where survey_id = ? and organisation_id = current_organisation_id()"""
                + (lock ? " for update" : ""))
                .param(surveyId)
                .query((rs, n) -> {
                    Set<UUID> confirmed = new LinkedHashSet<>();
                    Surveys.strings(rs.getArray("confirmed")).forEach(c -> confirmed.add(UUID.fromString(c)));
                    return new Response(rs.getObject("id", UUID.class), Status.valueOf(rs.getString("status")),
                            json.read(rs.getString(3), questions), json.readNumbers(rs.getString(4)), confirmed,
                            rs.getInt("row_version"), rs.getTimestamp("updated_at").toInstant(),
                            rs.getString("updated_by_name"), Surveys.instant(rs.getTimestamp("submitted_at")),
                            rs.getString("submitted_by_name"));
                })
                .optional();
    }

    private static void requireAnswer() {
        if (!TenantContext.hasAuthority(Permissions.SURVEY_ANSWER)) {
            throw new AccessDeniedException(Permissions.SURVEY_ANSWER);
        }
    }
}
