package fr.passerelle.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A survey built, sent, answered by an association (pre-filled, prepared by two people, submitted by
 * its director), followed, exported, closed and published; each answer seen by its association and
 * the federation only.
 */
@PasserelleIntegrationTest
class SurveysTest {

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyResponses responses;

    @Autowired
    SurveyResults results;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    SurveyReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** The answers to a survey the signed-in user's organisation reads (row-level security, in a transaction). */
    long visibleResponses(UUID survey) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status ->
                jdbc.sql("select count(*) from survey_response where survey_id = ?").param(survey).query(Long.class)
                        .single());
    }

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static QuestionInput question(QuestionKind kind, String label, boolean required, String options) {
        return new QuestionInput(kind, label, null, required, options, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static LocalDate inAMonth() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).plusMonths(1);
    }

    @Test
    void aSurveyIsBuiltSentAnsweredFollowedAndPublished() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        PasserelleUser directrice = SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> surveys.create(new Surveys.SurveyInput("Activité " + tag, null, Survey.TargetKind.ALL,
                null, null, inAMonth()))).isInstanceOf(AccessDeniedException.class);

        SignedIn.as(users, "equipe.federale");
        assertThatThrownBy(() -> surveys.create(new Surveys.SurveyInput(" ", null, Survey.TargetKind.ALL, null, null,
                inAMonth()))).hasFieldOrPropertyWithValue("messageKey", "survey.title.required");
        assertThatThrownBy(() -> surveys.create(new Surveys.SurveyInput("Activité " + tag, null,
                Survey.TargetKind.REGION, "ZZ", null, inAMonth())))
                .hasFieldOrPropertyWithValue("messageKey", "survey.target.region.required");
        assertThatThrownBy(() -> surveys.create(new Surveys.SurveyInput("Activité " + tag, null, Survey.TargetKind.ALL,
                null, null, inAMonth().minusYears(1)))).hasFieldOrPropertyWithValue("messageKey", "survey.closesOn.past");
        UUID survey = surveys.create(new Surveys.SurveyInput("Activité " + tag, "Votre activité de l'an dernier.",
                Survey.TargetKind.ALL, null, null, inAMonth()));
        assertThatThrownBy(() -> surveys.open(survey, surveys.get(survey).rowVersion()))
                .hasFieldOrPropertyWithValue("messageKey", "survey.open.noQuestion");

        surveys.addQuestion(survey, question(QuestionKind.SECTION, "Votre activité", false, null));
        UUID partner = surveys.addQuestion(survey, question(QuestionKind.SINGLE, "Avez-vous un partenariat ?", true,
                "Oui\nNon"));
        UUID which = surveys.addQuestion(survey, new QuestionInput(QuestionKind.TEXT, "Lequel ?", null, true, null, null,
                null, null, null, null, null, null, partner, "Oui", null, null));
        UUID received = surveys.addQuestion(survey, new QuestionInput(QuestionKind.NUMBER, "Mesures reçues", null, true,
                null, null, null, null, null, null, "0", null, null, null, PrefillSource.MEASURES_RECEIVED, null));
        UUID satisfaction = surveys.addQuestion(survey, new QuestionInput(QuestionKind.SCALE, "Satisfaction", null, true,
                null, null, "1", "5", "Pas du tout", "Tout à fait", null, null, null, null, null, null));
        // Refused items: a scale upside down, a choice with one option, a condition on a later or
        // non-choice item, a pre-filled text.
        assertThatThrownBy(() -> surveys.addQuestion(survey, new QuestionInput(QuestionKind.SCALE, "Échelle", null,
                false, null, null, "5", "1", null, null, null, null, null, null, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.scale.invalid");
        assertThatThrownBy(() -> surveys.addQuestion(survey, new QuestionInput(QuestionKind.SCALE, "Échelle", null,
                false, null, null, "un", "cinq", null, null, null, null, null, null, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.scale.invalid");
        assertThatThrownBy(() -> surveys.addQuestion(survey, question(QuestionKind.SINGLE, "Un seul choix", false, "Oui")))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.choices.count");
        assertThatThrownBy(() -> surveys.addQuestion(survey, new QuestionInput(QuestionKind.TEXT, "Condition", null,
                false, null, null, null, null, null, null, null, null, received, "Oui", null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.condition.invalid");
        assertThatThrownBy(() -> surveys.addQuestion(survey, new QuestionInput(QuestionKind.TEXT, "Texte", null,
                false, null, null, null, null, null, null, null, null, null, null, PrefillSource.MEASURES_ENDED, null)))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.prefill.numberOnly");
        // A condition's source cannot be removed, nor its dependant moved above it.
        assertThatThrownBy(() -> surveys.deleteQuestion(survey, partner))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.usedByCondition");
        assertThatThrownBy(() -> surveys.moveQuestion(survey, which, true))
                .hasFieldOrPropertyWithValue("messageKey", "survey.question.moveBeforeCondition");
        surveys.moveQuestion(survey, satisfaction, true);
        assertThat(surveys.questions(survey)).extracting(Question::id).containsSubsequence(satisfaction, received);
        surveys.moveQuestion(survey, satisfaction, false);

        int targets = surveys.open(survey, surveys.get(survey).rowVersion());
        assertThat(targets).isGreaterThanOrEqualTo(2);
        assertThat(surveys.rate(survey)).isEqualTo(new Rate(0, targets));
        assertThatThrownBy(() -> surveys.addQuestion(survey, question(QuestionKind.TEXT, "Trop tard", false, null)))
                .hasFieldOrPropertyWithValue("messageKey", "survey.notDraft");
        // The directrice is mailed once (as every director of every target, from their association's outbox).
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from mail_outbox where kind = 'SURVEY' and organisation_id = ?
                and subject like '%' || ? || '%'
                and recipient = (select email from app_user where username = 'directrice')""")
                .params(directrice.organisationId(), tag).query(Long.class).single()).isEqualTo(1);

        // The association: its figure of last year, counted independently, is offered.
        int lastYear = LocalDate.now(ZoneId.of("Europe/Paris")).getYear() - 1;
        long expected = OwnerSql.of(server).sql("""
                select count(*) from measure where organisation_id = ?
                and received_on between make_date(?, 1, 1) and make_date(?, 12, 31)""")
                .params(directrice.organisationId(), lastYear, lastYear).query(Long.class).single();
        PasserelleUser cheffe = SignedIn.as(users, "cheffe.service");
        SurveyResponses.Response fresh = responses.response(survey);
        assertThat(fresh.saved()).isFalse();
        assertThat(fresh.prefilled()).containsEntry(received, BigDecimal.valueOf(expected));
        assertThat(fresh.values()).containsEntry(received, BigDecimal.valueOf(expected));

        // Two people prepare it: the service head saves, the director's older copy is refused (nothing changed).
        Map<String, List<String>> form = new HashMap<>();
        form.put("q-" + partner, List.of("Oui"));
        form.put("q-" + which, List.of("Le SPIP"));
        form.put("q-" + received, List.of(String.valueOf(expected)));
        form.put("q-" + satisfaction, List.of("4"));
        assertThat(responses.save(survey, -1, form::get, Set.of(), false)).isZero();
        assertThatThrownBy(() -> responses.save(survey, 0, form::get, Set.of(), true))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "directrice");
        int seen = responses.response(survey).rowVersion();
        SignedIn.as(users, "cheffe.service");
        form.put("q-" + which, List.of("Le SPIP et la PJJ"));
        assertThat(responses.save(survey, seen, form::get, Set.of(), false)).isEqualTo(1);
        SignedIn.as(users, "directrice");
        Map<String, List<String>> stale = new HashMap<>(form);
        stale.put("q-" + which, List.of("Personne"));
        assertThatThrownBy(() -> responses.save(survey, seen, stale::get, Set.of(), false))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("messageKey", "survey.answer.conflict")
                .satisfies(e -> assertThat(((BusinessException) e).arguments()[0]).isEqualTo(cheffe.displayName()));
        assertThat(responses.response(survey).values()).containsEntry(which, "Le SPIP et la PJJ");
        // A scale answer outside the scale: refused, nothing changed.
        Map<String, List<String>> outside = new HashMap<>(form);
        outside.put("q-" + satisfaction, List.of("9"));
        assertThatThrownBy(() -> responses.save(survey, 1, outside::get, Set.of(), false))
                .isInstanceOfSatisfying(AnswersRefused.class, e -> assertThat(e.problems()).containsOnlyKeys(satisfaction));
        assertThat(responses.response(survey).rowVersion()).isEqualTo(1);
        // Submitted with the figure kept but not confirmed: refused; confirmed: submitted.
        assertThatThrownBy(() -> responses.save(survey, 1, form::get, Set.of(), true))
                .isInstanceOfSatisfying(AnswersRefused.class, e -> assertThat(e.problems()).containsOnlyKeys(received));
        responses.save(survey, 1, form::get, Set.of(received), true);
        SurveyResponses.Response submitted = responses.response(survey);
        assertThat(submitted.submitted()).isTrue();
        assertThat(submitted.confirmed()).containsExactly(received);
        assertThatThrownBy(() -> responses.save(survey, submitted.rowVersion(), form::get, Set.of(), false))
                .hasFieldOrPropertyWithValue("messageKey", "survey.answer.alreadySubmitted");

        // Another association prepares its answer: the federation does not see a draft.
        SignedIn.as(users, "admin.marseille");
        assertThat(responses.response(survey).saved()).isFalse();
        Map<String, List<String>> marseille = new HashMap<>();
        marseille.put("q-" + partner, List.of("Non"));
        marseille.put("q-" + which, List.of("Sent anyway"));
        responses.save(survey, -1, marseille::get, Set.of(), false);
        assertThat(responses.response(survey).values()).doesNotContainKey(which).containsEntry(partner, "Non");
        assertThat(visibleResponses(survey)).isEqualTo(1);

        SignedIn.as(users, "equipe.federale");
        assertThat(surveys.rate(survey)).isEqualTo(new Rate(1, targets));
        assertThat(visibleResponses(survey)).isEqualTo(1);
        SurveyResults.Results r = results.results(survey);
        assertThat(r.questions()).hasSize(4);
        assertThat(r.questions().get(0).counts()).extracting(QuestionResult.Count::count).containsExactly(1L, 0L);
        assertThat(r.questions().get(1).texts()).extracting(QuestionResult.Text::text).containsExactly("Le SPIP et la PJJ");
        assertThat(r.questions().get(2).numbers().confirmed()).isEqualTo(1);
        assertThat(surveys.targets(survey)).filteredOn(t -> t.submittedAt() != null)
                .extracting(Surveys.Target::organisationId).containsExactly(directrice.organisationId());
        SurveyResults.Table table = results.table(survey, Locale.FRENCH);
        assertThat(table.headers()).containsSequence("Association", "Région", "Envoyée le", "Envoyée par",
                "Avez-vous un partenariat ?", "Lequel ?", "Mesures reçues", "Satisfaction");
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0)).endsWith("Oui", "Le SPIP et la PJJ", String.valueOf(expected), "4");

        // Reminded: only the associations that have not submitted.
        assertThat(surveys.remind(survey)).isEqualTo(targets - 1);
        assertThat(surveys.reminders(survey)).hasSize(1);
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from mail_outbox where kind = 'SURVEY' and organisation_id = ?
                and subject like 'Relance%' || ? || '%'""").params(directrice.organisationId(), tag).query(Long.class)
                .single()).isZero();

        // Closed: no more answers; published after suppression (a single answer: every count of 1 is hidden).
        assertThatThrownBy(() -> results.publish(survey)).hasFieldOrPropertyWithValue("messageKey",
                "survey.publish.notClosed");
        surveys.close(survey, surveys.get(survey).rowVersion());
        SignedIn.as(users, "admin.marseille");
        assertThatThrownBy(() -> responses.save(survey, 0, marseille::get, Set.of(), false))
                .hasFieldOrPropertyWithValue("messageKey", "survey.answer.closed");
        SignedIn.as(users, "equipe.federale");
        results.publish(survey);
        assertThatThrownBy(() -> results.publish(survey)).hasFieldOrPropertyWithValue("messageKey",
                "survey.publish.already");
        SecurityContextHolder.clearContext();
        PublishedResults published = results.published(survey).orElseThrow();
        assertThat(published.respondents()).isEqualTo(1);
        assertThat(published.items().get(0).counts()).containsExactly(null, 0L);
        assertThat(published.items()).extracting(PublishedResults.Item::kind).doesNotContain(QuestionKind.TEXT);
        assertThat(published.items().get(1).sum()).isNull();
        assertThat(results.publications()).extracting(PublishedResults.Line::surveyId).contains(survey);
    }

    @Test
    void aDraftIsSeenByTheFederationOnlyAndAnAssociationSeesOnlyTheSurveysSentToIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SignedIn.as(users, "equipe.federale");
        UUID draft = surveys.create(new Surveys.SurveyInput("Brouillon " + tag, null, Survey.TargetKind.ALL, null, null,
                inAMonth()));
        surveys.addQuestion(draft, question(QuestionKind.TEXT, "Une question", false, null));
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> surveys.get(draft)).hasFieldOrPropertyWithValue("status", 404);
        assertThat(surveys.questions(draft)).isEmpty();
        assertThat(surveys.list()).extracting(Surveys.Line::id).doesNotContain(draft);
        assertThatThrownBy(() -> responses.response(draft)).hasFieldOrPropertyWithValue("status", 404);
        // A user of the association who is not among those who prepare answers.
        SignedIn.as(users, "intervenant");
        assertThatThrownBy(() -> responses.response(draft)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOpenSurveyClosingWithinAWeekIsRemindedAutomaticallyOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        SignedIn.as(users, "equipe.federale");
        UUID soon = surveys.create(new Surveys.SurveyInput("Bientôt close " + tag, null, Survey.TargetKind.ALL, null,
                null, today.plusDays(5)));
        UUID later = surveys.create(new Surveys.SurveyInput("Close plus tard " + tag, null, Survey.TargetKind.ALL, null,
                null, today.plusDays(30)));
        for (UUID s : List.of(soon, later)) {
            surveys.addQuestion(s, question(QuestionKind.TEXT, "Une question", false, null));
            surveys.open(s, surveys.get(s).rowVersion());
        }
        SecurityContextHolder.clearContext();
        assertThat(reminders.remindDue(today)).isGreaterThanOrEqualTo(1);
        assertThat(reminders.remindDue(today)).isZero();
        var owner = OwnerSql.of(server);
        assertThat(owner.sql("select count(*) from survey_reminder where survey_id = ? and sent_by_name is null")
                .param(soon).query(Long.class).single()).isEqualTo(1);
        assertThat(owner.sql("select count(*) from survey_reminder where survey_id = ?").param(later).query(Long.class)
                .single()).isZero();
        assertThat(owner.sql("select count(*) from mail_outbox where kind = 'SURVEY' and subject = ?")
                .param("Relance : Bientôt close " + tag).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        // The reminder is listed on the survey's page as automatic.
        SignedIn.as(users, "equipe.federale");
        assertThat(surveys.reminders(soon)).singleElement().satisfies(r -> assertThat(r.sentByName()).isNull());
    }
}
