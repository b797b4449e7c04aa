package fr.passerelle.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Submitted answers summed up, and the published figures after small-cell suppression. */
class ResultTallyTest {

    final Question single = AnswerRulesTest.q(QuestionKind.SINGLE, 1, false, List.of("Oui", "Non", "Ne sait pas"), null,
            null, null, null, null);
    final Question multiple = AnswerRulesTest.q(QuestionKind.MULTIPLE, 2, false, List.of("A", "B"), null, null, null,
            null, null);
    final Question number = new Question(UUID.randomUUID(), 3, QuestionKind.NUMBER, "Mesures", null, false, null, null,
            null, null, null, null, null, null, null, null, PrefillSource.MEASURES_RECEIVED, null);
    final Question scale = AnswerRulesTest.q(QuestionKind.SCALE, 4, false, null, null, 1, 5, null, null);
    final Question grid = AnswerRulesTest.q(QuestionKind.GRID, 5, false, List.of("Non", "Oui"), List.of("R1", "R2"),
            null, null, null, null);
    final Question text = AnswerRulesTest.q(QuestionKind.TEXT, 6, false, null, null, null, null, null, null);
    final List<Question> questions = List.of(single, multiple, number, scale, grid, text);

    List<ResultTally.Answer> answers(int n) {
        List<ResultTally.Answer> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(new ResultTally.Answer("Association " + i, Map.of(
                    single.id(), i < 3 ? "Ne sait pas" : "Oui",
                    multiple.id(), i % 2 == 0 ? List.of("A", "B") : List.of("A"),
                    number.id(), BigDecimal.valueOf(10L * (i + 1)),
                    scale.id(), 1 + i % 5,
                    grid.id(), Map.of("R1", "Oui"),
                    text.id(), "Texte " + i),
                    Map.of(number.id(), i == 0 ? BigDecimal.valueOf(99) : BigDecimal.valueOf(10L * (i + 1)))));
        }
        return answers;
    }

    @Test
    void countsChoicesAndComputesNumberStatistics() {
        List<QuestionResult> results = ResultTally.tally(questions, answers(10));
        QuestionResult s = results.get(0);
        assertThat(s.answered()).isEqualTo(10);
        assertThat(s.counts()).extracting(QuestionResult.Count::label, QuestionResult.Count::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Oui", 7L), org.assertj.core.groups.Tuple.tuple("Non", 0L),
                        org.assertj.core.groups.Tuple.tuple("Ne sait pas", 3L));
        assertThat(results.get(1).counts()).extracting(QuestionResult.Count::count).containsExactly(10L, 5L);
        QuestionResult.NumberStats n = results.get(2).numbers();
        assertThat(n.sum()).isEqualByComparingTo("550");
        assertThat(n.mean()).isEqualByComparingTo("55");
        assertThat(n.median()).isEqualByComparingTo("55");
        assertThat(n.min()).isEqualByComparingTo("10");
        assertThat(n.max()).isEqualByComparingTo("100");
        assertThat(n.confirmed()).isEqualTo(9);
        assertThat(n.corrected()).isEqualTo(1);
        assertThat(results.get(3).scaleMean()).isEqualByComparingTo("3");
        assertThat(results.get(4).grid().get(0).counts()).containsExactly(0L, 10L);
        assertThat(results.get(5).texts()).hasSize(10);
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(ResultTally.tally(questions, answers(5)).get(2).numbers().median()).isEqualByComparingTo("30");
    }

    @Test
    void publishedCountsHideSmallCellsAndWhatWouldGiveThemAway() {
        SurveyResults results = new SurveyResults(null, null, null, null, tools.jackson.databind.json.JsonMapper.builder().build(),
                null);
        List<PublishedResults.Item> items = results.suppress(ResultTally.tally(questions, answers(10)));
        // Single choice: 7 "Oui", 0 "Non", 3 "Ne sait pas" (small); with the total shown, the 7 is hidden too.
        assertThat(items.get(0).counts()).containsExactly(null, 0L, null);
        assertThat(items.get(0).answered()).isEqualTo(10);
        // Multiple choice, option by option: A chosen by 10 (shown), B by 5 (shown).
        assertThat(items.get(1).counts()).containsExactly(10L, 5L);
        assertThat(items.get(2).sum()).isEqualByComparingTo("550");
        // Free text is never published.
        assertThat(items).extracting(PublishedResults.Item::kind).doesNotContain(QuestionKind.TEXT);

        List<PublishedResults.Item> few = results.suppress(ResultTally.tally(questions, answers(3)));
        assertThat(few.get(2).sum()).isNull();
        assertThat(few.get(2).answered()).isNull();
        // Three answers, all "Ne sait pas": the 3 and the total are hidden; zeros are shown (the rule's known limit).
        assertThat(few.get(0).counts()).containsExactly(0L, 0L, null);
        assertThat(few.get(0).answered()).isNull();
    }
}
