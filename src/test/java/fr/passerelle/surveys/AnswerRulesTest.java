package fr.passerelle.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How an answer is read from its form and checked before it is saved or submitted. */
class AnswerRulesTest {

    static Question q(QuestionKind kind, int position, boolean required, List<String> options, List<String> rows,
            Integer min, Integer max, UUID condition, String conditionOption) {
        return new Question(UUID.randomUUID(), position, kind, "Question " + position, null, required, options, rows,
                min, max, null, null, kind == QuestionKind.NUMBER ? BigDecimal.ZERO : null,
                kind == QuestionKind.NUMBER ? new BigDecimal("100000") : null, condition, conditionOption, null, null);
    }

    final Question single = q(QuestionKind.SINGLE, 1, true, List.of("Oui", "Non"), null, null, null, null, null);
    final Question why = q(QuestionKind.TEXT, 2, true, null, null, null, null, single.id(), "Oui");
    final Question scale = q(QuestionKind.SCALE, 3, false, null, null, 1, 5, null, null);
    final Question number = q(QuestionKind.NUMBER, 4, false, null, null, null, null, null, null);
    final Question grid = q(QuestionKind.GRID, 5, true, List.of("Faible", "Fort"), List.of("Accueil", "Suivi"), null,
            null, null, null);
    final Question multiple = q(QuestionKind.MULTIPLE, 6, false, List.of("A", "B", "C"), null, null, null, null, null);
    final Question date = q(QuestionKind.DATE, 7, false, null, null, null, null, null, null);
    final List<Question> questions = List.of(single, why, scale, number, grid, multiple, date);

    AnswerRules.Read read(Map<String, List<String>> form) {
        return AnswerRules.read(questions, form::get);
    }

    @Test
    void readsEachKindAsItIsKept() {
        Map<String, List<String>> form = new HashMap<>();
        form.put(single.field(), List.of("Oui"));
        form.put(why.field(), List.of("  Parce que.  "));
        form.put(scale.field(), List.of("4"));
        form.put(number.field(), List.of("1 234,50"));
        form.put(grid.field() + "-0", List.of("Fort"));
        form.put(multiple.field(), List.of("C", "A"));
        form.put(date.field(), List.of("2026-03-31"));
        AnswerRules.Read read = read(form);
        assertThat(read.problems()).isEmpty();
        assertThat(read.values()).containsEntry(single.id(), "Oui").containsEntry(why.id(), "Parce que.")
                .containsEntry(scale.id(), 4).containsEntry(number.id(), new BigDecimal("1234.5"))
                .containsEntry(grid.id(), Map.of("Accueil", "Fort")).containsEntry(multiple.id(), List.of("A", "C"))
                .containsEntry(date.id(), "2026-03-31");
    }

    @Test
    void refusesValuesOutsideTheirQuestion() {
        Map<String, List<String>> form = new HashMap<>();
        form.put(single.field(), List.of("Peut-être"));
        form.put(scale.field(), List.of("9"));
        form.put(number.field(), List.of("douze"));
        form.put(grid.field() + "-1", List.of("Moyen"));
        form.put(multiple.field(), List.of("A", "Z"));
        form.put(date.field(), List.of("31/02/2026"));
        AnswerRules.Read read = read(form);
        assertThat(read.problems()).containsOnlyKeys(single.id(), scale.id(), number.id(), grid.id(), multiple.id(), date.id());
        assertThat(read.problems().get(scale.id()).key()).isEqualTo("survey.answer.scale.outside");
        assertThat(read.problems().get(scale.id()).arguments()).containsExactly(1, 5);
        assertThat(read.problems().get(number.id()).key()).isEqualTo("survey.answer.number.invalid");
        assertThat(read.problems().get(single.id()).key()).isEqualTo("survey.answer.option.unknown");
        assertThat(read.problems().get(date.id()).key()).isEqualTo("survey.answer.date.invalid");
    }

    @Test
    void refusesANumberOutsideItsBoundsAndATextTooLong() {
        Map<String, List<String>> form = new HashMap<>();
        form.put(number.field(), List.of("-1"));
        form.put(single.field(), List.of("Oui"));
        form.put(why.field(), List.of("x".repeat(AnswerRules.TEXT_MAX + 1)));
        AnswerRules.Read read = read(form);
        assertThat(read.problems().get(number.id()).key()).isEqualTo("survey.answer.number.tooSmall");
        assertThat(read.problems().get(why.id()).key()).isEqualTo("survey.answer.text.tooLong");
        form.put(number.field(), List.of("100001"));
        assertThat(read(form).problems().get(number.id()).key()).isEqualTo("survey.answer.number.tooBig");
    }

    @Test
    void aQuestionHiddenByItsConditionTakesNoAnswerAndIsNotRequired() {
        Map<String, List<String>> form = new HashMap<>();
        form.put(single.field(), List.of("Non"));
        form.put(why.field(), List.of("Sent by a form without script"));
        form.put(grid.field() + "-0", List.of("Fort"));
        form.put(grid.field() + "-1", List.of("Faible"));
        AnswerRules.Read read = read(form);
        assertThat(read.values()).doesNotContainKey(why.id());
        assertThat(AnswerRules.checkSubmission(questions, read.values(), Map.of(), Set.of())).isEmpty();

        form.put(single.field(), List.of("Oui"));
        form.remove(why.field());
        AnswerRules.Read shown = read(form);
        assertThat(AnswerRules.checkSubmission(questions, shown.values(), Map.of(), Set.of()))
                .containsOnlyKeys(why.id());
    }

    @Test
    void aRequiredGridNeedsEveryRowToBeSubmitted() {
        Map<String, List<String>> form = new HashMap<>();
        form.put(single.field(), List.of("Non"));
        form.put(grid.field() + "-0", List.of("Fort"));
        Map<UUID, AnswerRules.Problem> problems = AnswerRules.checkSubmission(questions, read(form).values(), Map.of(),
                Set.of());
        assertThat(problems).containsOnlyKeys(grid.id());
        assertThat(problems.get(grid.id()).key()).isEqualTo("survey.answer.required");
    }

    @Test
    void aPrefilledFigureKeptAsItWasMustBeConfirmedButACorrectionNeedsNoConfirmation() {
        Map<String, List<String>> form = new HashMap<>();
        form.put(single.field(), List.of("Non"));
        form.put(grid.field() + "-0", List.of("Fort"));
        form.put(grid.field() + "-1", List.of("Fort"));
        form.put(number.field(), List.of("42"));
        Map<UUID, BigDecimal> prefilled = Map.of(number.id(), new BigDecimal("42"));
        Map<UUID, Object> values = read(form).values();
        assertThat(AnswerRules.checkSubmission(questions, values, prefilled, Set.of()).get(number.id()).key())
                .isEqualTo("survey.answer.prefill.unconfirmed");
        assertThat(AnswerRules.checkSubmission(questions, values, prefilled, Set.of(number.id()))).isEmpty();
        form.put(number.field(), List.of("45"));
        assertThat(AnswerRules.checkSubmission(questions, read(form).values(), prefilled, Set.of())).isEmpty();
    }

    @Test
    void parsesNumbersAsPeopleTypeThem() {
        assertThat(AnswerRules.parseNumber("12")).isEqualByComparingTo("12");
        assertThat(AnswerRules.parseNumber("12,5")).isEqualByComparingTo("12.5");
        assertThat(AnswerRules.parseNumber("1\u202f234")).isEqualByComparingTo("1234");
        assertThat(AnswerRules.parseNumber("-3.25")).isEqualByComparingTo("-3.25");
        assertThat(AnswerRules.parseNumber("1e5")).isNull();
        assertThat(AnswerRules.parseNumber("12,34567")).isNull();
        assertThat(AnswerRules.parseNumber("")).isNull();
    }
}
