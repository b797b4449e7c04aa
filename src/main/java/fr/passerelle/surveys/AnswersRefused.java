package fr.passerelle.surveys;

import fr.passerelle.shared.BusinessException;
import java.util.Map;
import java.util.UUID;

/** An answer refused as a whole (nothing saved): what is wrong, question by question. */
public class AnswersRefused extends BusinessException {

    private final transient Map<UUID, AnswerRules.Problem> problems;

    AnswersRefused(String messageKey, Map<UUID, AnswerRules.Problem> problems) {
        super(400, messageKey, problems.size());
        this.problems = Map.copyOf(problems);
    }

    public Map<UUID, AnswerRules.Problem> problems() {
        return problems;
    }
}
