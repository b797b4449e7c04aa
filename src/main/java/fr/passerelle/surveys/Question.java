package fr.passerelle.surveys;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An item of a survey, in its place. Choices are its options (a grid's columns), a grid's lines
 * are its rows; a scale runs from {@code scaleMin} to {@code scaleMax}; a number may be bounded; an
 * item with a condition is shown only when the earlier choice question {@code conditionQuestionId}
 * was answered with {@code conditionOption}; a number may be pre-filled from a Passerelle figure.
 */
public record Question(UUID id, int position, QuestionKind kind, String label, String help, boolean required,
        List<String> options, List<String> gridRows, Integer scaleMin, Integer scaleMax, String scaleMinLabel,
        String scaleMaxLabel, BigDecimal numberMin, BigDecimal numberMax, UUID conditionQuestionId,
        String conditionOption, PrefillSource prefillSource, String prefillMeasureTypeCode) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        gridRows = gridRows == null ? List.of() : List.copyOf(gridRows);
    }

    /** The form field of this item's answer (a grid's rows add {@code -<row index>}). */
    public String field() {
        return "q-" + id;
    }

    /** The scale's steps, in order (empty unless a scale). */
    public List<Integer> scaleSteps() {
        if (kind != QuestionKind.SCALE || scaleMin == null || scaleMax == null) {
            return List.of();
        }
        return java.util.stream.IntStream.rangeClosed(scaleMin, scaleMax).boxed().toList();
    }
}
