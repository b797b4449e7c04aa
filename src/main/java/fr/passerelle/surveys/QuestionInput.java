package fr.passerelle.surveys;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the federation fills in for a survey's item. Choices and a grid's rows come one per line.
 * {@link #validate} refuses, field by field, what would make an item that cannot be answered.
 */
public record QuestionInput(QuestionKind kind, String label, String help, boolean required, String options,
        String gridRows, String scaleMin, String scaleMax, String scaleMinLabel, String scaleMaxLabel,
        String numberMin, String numberMax, UUID conditionQuestionId, String conditionOption,
        PrefillSource prefillSource, String prefillMeasureTypeCode) {

    static final int LABEL_MAX = 500;
    static final int HELP_MAX = 1000;
    static final int CHOICE_MAX = 200;
    static final int CHOICES_MAX = 30;
    static final int SCALE_STEPS_MAX = 11;

    /**
     * The item as it will be kept, in {@code position}, checked against the items before it (a
     * condition may only point to an earlier choice question and one of its options) and the
     * national catalogue's measure type codes (for a pre-filled figure of one type).
     */
    Question validate(UUID id, int position, List<Question> earlier, Set<String> measureTypeCodes) {
        if (kind == null) {
            throw new FieldRefusal("kind", "survey.question.kind.required");
        }
        String l = trimmed(label);
        if (l == null) {
            throw new FieldRefusal("label", "survey.question.label.required");
        }
        if (l.length() > LABEL_MAX) {
            throw new FieldRefusal("label", "input.tooLong", LABEL_MAX);
        }
        String h = trimmed(help);
        FieldRefusal.requireAtMost("help", h, HELP_MAX);
        List<String> choices = kind.hasOptions() ? lines("options", options, 2) : List.of();
        List<String> rows = kind == QuestionKind.GRID ? lines("gridRows", gridRows, 1) : List.of();
        Integer min = null;
        Integer max = null;
        String minLabel = null;
        String maxLabel = null;
        if (kind == QuestionKind.SCALE) {
            min = step(scaleMin);
            max = step(scaleMax);
            if (min == null || max == null || min < 0 || min >= max || max - min + 1 > SCALE_STEPS_MAX) {
                throw new FieldRefusal("scaleMax", "survey.question.scale.invalid", SCALE_STEPS_MAX);
            }
            minLabel = trimmed(scaleMinLabel);
            maxLabel = trimmed(scaleMaxLabel);
            FieldRefusal.requireAtMost("scaleMinLabel", minLabel, 100);
            FieldRefusal.requireAtMost("scaleMaxLabel", maxLabel, 100);
        }
        BigDecimal low = null;
        BigDecimal high = null;
        PrefillSource prefill = null;
        String prefillCode = null;
        if (kind == QuestionKind.NUMBER) {
            low = bound("numberMin", numberMin);
            high = bound("numberMax", numberMax);
            if (low != null && high != null && low.compareTo(high) > 0) {
                throw new FieldRefusal("numberMax", "survey.question.number.bounds");
            }
            prefill = prefillSource;
            prefillCode = prefill == null ? null : trimmed(prefillMeasureTypeCode);
            if (prefillCode != null && !measureTypeCodes.contains(prefillCode)) {
                throw new FieldRefusal("prefillMeasureTypeCode", "survey.question.prefill.type.unknown");
            }
        } else if (prefillSource != null) {
            throw new FieldRefusal("prefillSource", "survey.question.prefill.numberOnly");
        }
        UUID condition = null;
        String conditionChoice = null;
        if (conditionQuestionId != null) {
            Question on = earlier.stream().filter(q -> q.id().equals(conditionQuestionId)).findFirst()
                    .filter(q -> q.kind().canCondition())
                    .orElseThrow(() -> new FieldRefusal("conditionQuestionId", "survey.question.condition.invalid"));
            conditionChoice = trimmed(conditionOption);
            if (conditionChoice == null || !on.options().contains(conditionChoice)) {
                throw new FieldRefusal("conditionOption", "survey.question.condition.option");
            }
            condition = on.id();
        }
        return new Question(id, position, kind, l, h, kind.answerable() && required, choices, rows, min, max, minLabel,
                maxLabel, low, high, condition, conditionChoice, prefill, prefillCode);
    }

    /** The input that edits an existing item (the form's starting values). */
    static QuestionInput of(Question q) {
        return new QuestionInput(q.kind(), q.label(), q.help(), q.required(), String.join("\n", q.options()),
                String.join("\n", q.gridRows()), text(q.scaleMin()), text(q.scaleMax()), q.scaleMinLabel(),
                q.scaleMaxLabel(),
                q.numberMin() == null ? null : q.numberMin().toPlainString(),
                q.numberMax() == null ? null : q.numberMax().toPlainString(), q.conditionQuestionId(),
                q.conditionOption(), q.prefillSource(), q.prefillMeasureTypeCode());
    }

    private static List<String> lines(String field, String text, int least) {
        Set<String> lines = new LinkedHashSet<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.length() > CHOICE_MAX) {
                    throw new FieldRefusal(field, "survey.question.choice.tooLong", CHOICE_MAX);
                }
                if (!lines.add(l)) {
                    throw new FieldRefusal(field, "survey.question.choice.twice", l);
                }
            }
        }
        if (lines.size() < least || lines.size() > CHOICES_MAX) {
            throw new FieldRefusal(field, "survey.question.choices.count", least, CHOICES_MAX);
        }
        return new ArrayList<>(lines);
    }

    /** A scale's end as typed: a whole number, or null when blank or not one. */
    private static Integer step(String text) {
        String t = trimmed(text);
        if (t == null || !t.matches("-?\\d{1,3}")) {
            return null;
        }
        return Integer.valueOf(t);
    }

    private static BigDecimal bound(String field, String text) {
        String t = trimmed(text);
        if (t == null) {
            return null;
        }
        BigDecimal value = AnswerRules.parseNumber(t);
        if (value == null) {
            throw new FieldRefusal(field, "survey.answer.number.invalid");
        }
        return value;
    }

    private static String text(Integer number) {
        return number == null ? null : number.toString();
    }

    static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    /** The empty form of a new item. */
    public static QuestionInput blank() {
        return new QuestionInput(QuestionKind.SINGLE, null, null, false, null, null, "1", "5", null, null, null, null,
                null, null, null, null);
    }

    static Map<String, Object> auditOf(Question q) {
        return Map.of("kind", q.kind().name(), "position", q.position());
    }
}
