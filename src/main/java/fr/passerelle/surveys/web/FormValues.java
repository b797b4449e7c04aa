package fr.passerelle.surveys.web;

import fr.passerelle.surveys.Question;
import fr.passerelle.surveys.QuestionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an answer form shows in its fields: the saved answer's values, or what the person typed when
 * the form came back refused (so that nothing typed is lost).
 */
public final class FormValues {

    private final Map<String, List<String>> values;

    private FormValues(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The form's own parameters, as sent. */
    static FormValues of(Map<String, String[]> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parameters.forEach((k, v) -> values.put(k, List.of(v)));
        return new FormValues(values);
    }

    /** A saved answer's values, by field. */
    static FormValues of(List<Question> questions, Map<UUID, Object> answers, java.util.Set<UUID> confirmed) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Question q : questions) {
            Object v = answers.get(q.id());
            if (v == null) {
                continue;
            }
            if (q.kind() == QuestionKind.GRID) {
                Map<?, ?> rows = (Map<?, ?>) v;
                for (int i = 0; i < q.gridRows().size(); i++) {
                    Object column = rows.get(q.gridRows().get(i));
                    if (column != null) {
                        values.put(q.field() + "-" + i, List.of(column.toString()));
                    }
                }
            } else if (v instanceof List<?> list) {
                values.put(q.field(), list.stream().map(String::valueOf).toList());
            } else if (v instanceof BigDecimal b) {
                values.put(q.field(), List.of(b.toPlainString()));
            } else {
                values.put(q.field(), List.of(v.toString()));
            }
        }
        List<String> ticks = new ArrayList<>();
        confirmed.forEach(id -> ticks.add(id.toString()));
        values.put("confirm", ticks);
        return new FormValues(values);
    }

    /** The field's first value, or an empty text. */
    public String text(String field) {
        List<String> v = values.get(field);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** Whether the field holds this value (a radio button or a check box to tick). */
    public boolean has(String field, Object value) {
        List<String> v = values.get(field);
        return v != null && v.contains(String.valueOf(value));
    }
}
