package fr.passerelle.imports;

import fr.passerelle.measures.BulkCases;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recognises a case worker as spreadsheets name them: by login, by full name (first name first or
 * last name first), or by initial and last name ("M. Dupont", "Dupont M."), accents and case
 * ignored. A name that fits two case workers fits none: it is listed for the user to decide.
 */
final class CaseWorkerNames {

    private final Map<String, UUID> logins = new HashMap<>();
    private final Map<String, UUID> names = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    CaseWorkerNames(List<BulkCases.CaseWorker> workers) {
        for (BulkCases.CaseWorker worker : workers) {
            logins.put(worker.login().toLowerCase(Locale.ROOT), worker.id());
            logins.put(worker.id().toString(), worker.id());
            String[] words = worker.displayName() == null ? new String[0] : worker.displayName().trim().split("\\s+", 2);
            if (words.length == 2) {
                String first = words[0];
                String last = words[1];
                for (String form : List.of(first + " " + last, last + " " + first, first.charAt(0) + " " + last,
                        last + " " + first.charAt(0))) {
                    name(FrenchValues.key(form), worker.id());
                }
            } else if (words.length == 1) {
                name(FrenchValues.key(words[0]), worker.id());
            }
        }
        ambiguous.forEach(names::remove);
    }

    private void name(String key, UUID id) {
        UUID other = names.putIfAbsent(key, id);
        if (other != null && !other.equals(id)) {
            ambiguous.add(key);
        }
    }

    /** The case worker this cell names, if exactly one. */
    Optional<UUID> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        UUID byLogin = logins.get(text.trim().toLowerCase(Locale.ROOT));
        return byLogin != null ? Optional.of(byLogin) : Optional.ofNullable(names.get(FrenchValues.key(text)));
    }
}
