package fr.passerelle.surveys;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Answers to and from their JSON column: question id → value, each read back by its question's kind. */
final class AnswerJson {

    private final JsonMapper json;

    AnswerJson(JsonMapper json) {
        this.json = json;
    }

    String write(Map<UUID, ?> values) {
        ObjectNode node = json.createObjectNode();
        values.forEach((id, value) -> node.set(id.toString(), json.valueToTree(value)));
        return json.writeValueAsString(node);
    }

    /** The values of the questions still in the survey, as {@link AnswerRules} keeps them. */
    Map<UUID, Object> read(String text, List<Question> questions) {
        JsonNode node = json.readTree(text == null ? "{}" : text);
        Map<UUID, Object> values = new LinkedHashMap<>();
        for (Question q : questions) {
            JsonNode v = node.get(q.id().toString());
            if (v == null || v.isNull() || !q.kind().answerable()) {
                continue;
            }
            values.put(q.id(), switch (q.kind()) {
                case MULTIPLE -> {
                    List<String> chosen = new ArrayList<>();
                    v.forEach(e -> chosen.add(e.asString()));
                    yield chosen;
                }
                case SCALE -> v.asInt();
                case NUMBER -> v.decimalValue();
                case GRID -> {
                    Map<String, String> rows = new LinkedHashMap<>();
                    v.properties().forEach(e -> rows.put(e.getKey(), e.getValue().asString()));
                    yield rows;
                }
                default -> v.asString();
            });
        }
        return values;
    }

    /** The pre-filled figures: question id → number. */
    Map<UUID, BigDecimal> readNumbers(String text) {
        JsonNode node = json.readTree(text == null ? "{}" : text);
        Map<UUID, BigDecimal> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(UUID.fromString(e.getKey()), e.getValue().decimalValue()));
        return values;
    }
}
