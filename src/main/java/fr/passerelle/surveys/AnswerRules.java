package fr.passerelle.surveys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * How an association's answer is read from its form and checked. Values are kept as: a choice's
 * text (single choice), the chosen texts in the options' order (multiple choice), an {@link Integer}
 * (scale), a {@link BigDecimal} (number), an ISO date text (date), a text, or a map from a grid's
 * row to its chosen column. Saving checks each value's form and range; submitting also checks that
 * every required question shown has its answer and every pre-filled figure kept as it was has been
 * confirmed. Questions hidden by their condition take no answer: what the form sent for them is
 * dropped.
 */
public final class AnswerRules {

    /** The longest free-text answer. */
    public static final int TEXT_MAX = 5000;

    /** Why an answer is refused: a message key and its arguments. */
    public record Problem(String key, Object... arguments) {}

    /** What a form gave: the values kept, and the problems by question (nothing is saved when any). */
    public record Read(Map<UUID, Object> values, Map<UUID, Problem> problems) {}

    private AnswerRules() {}

    /**
     * Reads the answers from a form's parameters (by field name, all values of a field), in the
     * questions' order so that a condition sees the answer it depends on.
     */
    public static Read read(List<Question> questions, Function<String, List<String>> parameter) {
        Map<UUID, Object> values = new LinkedHashMap<>();
        Map<UUID, Problem> problems = new LinkedHashMap<>();
        Map<UUID, Question> byId = byId(questions);
        for (Question q : questions) {
            if (!q.kind().answerable() || !visible(q, byId, values)) {
                continue;
            }
            try {
                Object value = switch (q.kind()) {
                    case SINGLE -> choice(q, first(parameter.apply(q.field())));
                    case MULTIPLE -> choices(q, parameter.apply(q.field()));
                    case SCALE -> scale(q, first(parameter.apply(q.field())));
                    case NUMBER -> number(q, first(parameter.apply(q.field())));
                    case DATE -> date(first(parameter.apply(q.field())));
                    case TEXT -> text(first(parameter.apply(q.field())));
                    case GRID -> grid(q, parameter);
                    case SECTION -> null;
                };
                if (value != null) {
                    values.put(q.id(), value);
                }
            } catch (Refused refused) {
                problems.put(q.id(), refused.problem);
            }
        }
        return new Read(values, problems);
    }

    /** Whether a question is shown, given the answers so far (its condition's question shown and answered so). */
    public static boolean visible(Question q, Map<UUID, Question> byId, Map<UUID, Object> values) {
        if (q.conditionQuestionId() == null) {
            return true;
        }
        Question condition = byId.get(q.conditionQuestionId());
        if (condition == null || !visible(condition, byId, values)) {
            return false;
        }
        Object answer = values.get(condition.id());
        if (answer instanceof List<?> chosen) {
            return chosen.contains(q.conditionOption());
        }
        return q.conditionOption().equals(answer);
    }

    /**
     * What stands in the way of submitting: each required question shown without its answer (a grid
     * needs all its rows), and each pre-filled figure left as it was without being confirmed.
     */
    public static Map<UUID, Problem> checkSubmission(List<Question> questions, Map<UUID, Object> values,
            Map<UUID, BigDecimal> prefilled, Set<UUID> confirmed) {
        Map<UUID, Problem> problems = new LinkedHashMap<>();
        Map<UUID, Question> byId = byId(questions);
        for (Question q : questions) {
            if (!q.kind().answerable() || !visible(q, byId, values)) {
                continue;
            }
            Object value = values.get(q.id());
            boolean complete = value != null
                    && !(q.kind() == QuestionKind.GRID && ((Map<?, ?>) value).size() < q.gridRows().size());
            if (q.required() && !complete) {
                problems.put(q.id(), new Problem("survey.answer.required"));
            } else if (prefilled.containsKey(q.id()) && value instanceof BigDecimal number
                    && number.compareTo(prefilled.get(q.id())) == 0 && !confirmed.contains(q.id())) {
                problems.put(q.id(), new Problem("survey.answer.prefill.unconfirmed"));
            }
        }
        return problems;
    }

    /** Parses a number as people type it in French or English: spaces between thousands, a comma or a point. */
    public static BigDecimal parseNumber(String text) {
        String cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(',', '.');
        if (!cleaned.matches("-?\\d{1,15}(\\.\\d{1,4})?")) {
            return null;
        }
        return new BigDecimal(cleaned);
    }

    static Map<UUID, Question> byId(List<Question> questions) {
        Map<UUID, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        return byId;
    }

    private static String first(List<String> values) {
        if (values == null) {
            return null;
        }
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String choice(Question q, String value) {
        if (value == null) {
            return null;
        }
        if (!q.options().contains(value)) {
            throw new Refused("survey.answer.option.unknown");
        }
        return value;
    }

    private static List<String> choices(Question q, List<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            if (!q.options().contains(v)) {
                throw new Refused("survey.answer.option.unknown");
            }
            chosen.add(v);
        }
        if (chosen.isEmpty()) {
            return null;
        }
        return q.options().stream().filter(chosen::contains).toList();
    }

    private static Integer scale(Question q, String value) {
        if (value == null) {
            return null;
        }
        int step;
        try {
            step = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Refused("survey.answer.scale.outside", q.scaleMin(), q.scaleMax());
        }
        if (step < q.scaleMin() || step > q.scaleMax()) {
            throw new Refused("survey.answer.scale.outside", q.scaleMin(), q.scaleMax());
        }
        return step;
    }

    private static BigDecimal number(Question q, String value) {
        if (value == null) {
            return null;
        }
        BigDecimal number = parseNumber(value);
        if (number == null) {
            throw new Refused("survey.answer.number.invalid");
        }
        if (q.numberMin() != null && number.compareTo(q.numberMin()) < 0) {
            throw new Refused("survey.answer.number.tooSmall", q.numberMin().toPlainString());
        }
        if (q.numberMax() != null && number.compareTo(q.numberMax()) > 0) {
            throw new Refused("survey.answer.number.tooBig", q.numberMax().toPlainString());
        }
        return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
    }

    private static String date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new Refused("survey.answer.date.invalid");
        }
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() > TEXT_MAX) {
            throw new Refused("survey.answer.text.tooLong", TEXT_MAX);
        }
        return text;
    }

    private static Map<String, String> grid(Question q, Function<String, List<String>> parameter) {
        Map<String, String> chosen = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>(q.gridRows());
        for (int i = 0; i < rows.size(); i++) {
            String value = first(parameter.apply(q.field() + "-" + i));
            if (value == null) {
                continue;
            }
            if (!q.options().contains(value)) {
                throw new Refused("survey.answer.option.unknown");
            }
            chosen.put(rows.get(i), value);
        }
        return chosen.isEmpty() ? null : chosen;
    }

    /** A refused value, caught by {@link #read} and kept against its question. */
    private static final class Refused extends RuntimeException {
        private final transient Problem problem;

        Refused(String key, Object... arguments) {
            super(key, null, false, false);
            this.problem = new Problem(key, arguments);
        }
    }
}
