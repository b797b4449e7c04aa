package fr.passerelle.surveys;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.observatory.suppression.CountList;
import fr.passerelle.observatory.suppression.SmallCellSuppression;
import fr.passerelle.observatory.suppression.SuppressedList;
import fr.passerelle.shared.BusinessException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A survey's results for the federation (the submitted answers, item by item, and as a table to
 * export: one row per association) and their publication beyond it: a snapshot of counts that have
 * been through the observatory's small-cell suppression, readable by everyone.
 */
@Service
public class SurveyResults {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    /** The submitted answers summed up, with the rate. */
    public record Results(Survey survey, Rate rate, List<QuestionResult> questions) {}

    /** The answers as a table: headers, then one row per association. */
    public record Table(List<String> headers, List<List<String>> rows) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Surveys surveys;
    private final AnswerJson answers;
    private final JsonMapper json;
    private final MessageSource messages;
    private final SmallCellSuppression suppression = new SmallCellSuppression();

    SurveyResults(JdbcClient jdbc, AuditLog audit, Clock clock, Surveys surveys, JsonMapper json,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.surveys = surveys;
        this.json = json;
        this.answers = new AnswerJson(json);
        this.messages = messages;
    }

    /** The federation's results of a survey: its submitted answers, item by item. */
    @Transactional(readOnly = true)
    public Results results(UUID surveyId) {
        Surveys.requireManage();
        Survey survey = surveys.get(surveyId);
        List<Question> questions = surveys.questions(surveyId);
        return new Results(survey, surveys.rate(surveyId), ResultTally.tally(questions, submitted(surveyId, questions)));
    }

    /** The submitted answers as a table (one row per association, one column per question or grid row); audited. */
    @Transactional
    public Table table(UUID surveyId, Locale locale) {
        Surveys.requireManage();
        surveys.get(surveyId);
        List<Question> questions = surveys.questions(surveyId);
        List<String> headers = new ArrayList<>(List.of(message("survey.export.association", locale),
                message("survey.export.region", locale), message("survey.export.submittedAt", locale),
                message("survey.export.submittedBy", locale)));
        for (Question q : questions) {
            if (q.kind() == QuestionKind.GRID) {
                q.gridRows().forEach(r -> headers.add(q.label() + " — " + r));
            } else if (q.kind().answerable()) {
                headers.add(q.label());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        jdbc.sql("""
                select t.organisation_name, g.name, r.submitted_at, r.submitted_by_name, r.answers::text
                from survey_response r
                join survey_target t on t.survey_id = r.survey_id and t.organisation_id = r.organisation_id
                left join identity_network_region_v g on g.code = t.region_code
                where r.survey_id = ? and r.status = 'SUBMITTED'
                order by t.organisation_name, r.organisation_id""")
                .param(surveyId)
                .query(rs -> {
                    Map<UUID, Object> values = answers.read(rs.getString(5), questions);
                    List<String> row = new ArrayList<>(List.of(rs.getString(1), nullToEmpty(rs.getString(2)),
                            WHEN.format(rs.getTimestamp(3).toInstant()), nullToEmpty(rs.getString(4))));
                    for (Question q : questions) {
                        Object v = values.get(q.id());
                        if (q.kind() == QuestionKind.GRID) {
                            q.gridRows().forEach(r -> row.add(v == null ? "" : nullToEmpty(((Map<?, ?>) v).get(r))));
                        } else if (q.kind().answerable()) {
                            row.add(cell(v));
                        }
                    }
                    rows.add(row);
                });
        audit.record("survey.exported", "survey", surveyId, Map.of("rows", rows.size()));
        return new Table(headers, rows);
    }

    /**
     * Publishes a closed survey's results beyond the federation: counts after small-cell
     * suppression, frozen in a snapshot (published once: linked tables come from the same result).
     */
    @Transactional
    public void publish(UUID surveyId) {
        Surveys.requireManage();
        Survey survey = surveys.get(surveyId);
        if (survey.status() != Survey.Status.CLOSED) {
            throw BusinessException.invalid("survey.publish.notClosed");
        }
        List<Question> questions = surveys.questions(surveyId);
        Rate rate = surveys.rate(surveyId);
        PublishedResults published = new PublishedResults(surveyId, survey.title(), clock.instant(),
                suppression.threshold(), rate.submitted(), rate.targets(),
                suppress(ResultTally.tally(questions, submitted(surveyId, questions))));
        try {
            jdbc.sql("""
                    insert into survey_publication (survey_id, published_at, published_by_name, threshold, content)
                    values (?, ?, ?, ?, cast(? as jsonb))""")
                    .params(surveyId, Timestamp.from(published.publishedAt()), Surveys.me().displayName(),
                            suppression.threshold(), json.writeValueAsString(published))
                    .update();
        } catch (DuplicateKeyException already) {
            throw BusinessException.invalid("survey.publish.already");
        }
        audit.record("survey.published", "survey", surveyId, Map.of("respondents", rate.submitted()));
    }

    /** A survey's published results, for everyone. */
    @Transactional(readOnly = true)
    public java.util.Optional<PublishedResults> published(UUID surveyId) {
        return jdbc.sql("select content::text from survey_publication where survey_id = ?").param(surveyId)
                .query(String.class).optional().map(text -> json.readValue(text, PublishedResults.class));
    }

    /** All published results, newest first. */
    @Transactional(readOnly = true)
    public List<PublishedResults.Line> publications() {
        return jdbc.sql("""
                select survey_id, content ->> 'title', published_at, (content ->> 'respondents')::bigint
                from survey_publication order by published_at desc""")
                .query((rs, n) -> new PublishedResults.Line(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .list();
    }

    List<PublishedResults.Item> suppress(List<QuestionResult> results) {
        List<PublishedResults.Item> items = new ArrayList<>();
        int threshold = suppression.threshold();
        for (QuestionResult r : results) {
            Question q = r.question();
            Long answered = r.answered() == 0 || r.answered() >= threshold ? r.answered() : null;
            switch (q.kind()) {
                case SINGLE, SCALE -> {
                    SuppressedList list = suppression.apply(CountList.of(
                            r.counts().stream().mapToLong(QuestionResult.Count::count).toArray()));
                    items.add(new PublishedResults.Item(q.label(), q.kind(), list.total(),
                            r.counts().stream().map(QuestionResult.Count::label).toList(), list.render().cells(),
                            List.of(), List.of(), null, q.kind() == QuestionKind.SCALE && answered != null && answered > 0
                                    ? r.scaleMean() : null));
                }
                case MULTIPLE -> {
                    // Options are not exclusive: each is published as its own list (chose it, did not).
                    List<Long> counts = new ArrayList<>();
                    for (QuestionResult.Count c : r.counts()) {
                        counts.add(suppression.apply(CountList.of(c.count(), r.answered() - c.count())).cell(0));
                    }
                    items.add(new PublishedResults.Item(q.label(), q.kind(), answered,
                            r.counts().stream().map(QuestionResult.Count::label).toList(), counts, List.of(), List.of(),
                            null, null));
                }
                case GRID -> {
                    List<List<Long>> grid = new ArrayList<>();
                    for (QuestionResult.GridRow row : r.grid()) {
                        grid.add(suppression.apply(CountList.of(row.counts().stream().mapToLong(Long::longValue)
                                .toArray())).render().cells());
                    }
                    items.add(new PublishedResults.Item(q.label(), q.kind(), answered, q.options(), List.of(),
                            q.gridRows(), grid, null, null));
                }
                case NUMBER -> {
                    boolean shown = r.numbers() != null && r.answered() >= threshold;
                    items.add(new PublishedResults.Item(q.label(), q.kind(), answered, List.of(), List.of(), List.of(),
                            List.of(), shown ? r.numbers().sum() : null, shown ? r.numbers().mean() : null));
                }
                default -> { }
            }
        }
        return items;
    }

    private List<ResultTally.Answer> submitted(UUID surveyId, List<Question> questions) {
        return jdbc.sql("""
                select t.organisation_name, r.answers::text, r.prefilled::text
                from survey_response r
                join survey_target t on t.survey_id = r.survey_id and t.organisation_id = r.organisation_id
                where r.survey_id = ? and r.status = 'SUBMITTED'
                order by t.organisation_name, r.organisation_id""")
                .param(surveyId)
                .query((rs, n) -> new ResultTally.Answer(rs.getString(1), answers.read(rs.getString(2), questions),
                        answers.readNumbers(rs.getString(3))))
                .list();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> list) {
            return String.join(" ; ", list.stream().map(String::valueOf).toList());
        }
        if (v instanceof BigDecimal b) {
            return ResultTally.plain(b).toPlainString();
        }
        return String.valueOf(v);
    }

    private static String nullToEmpty(Object o) {
        return o == null ? "" : o.toString();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

}
