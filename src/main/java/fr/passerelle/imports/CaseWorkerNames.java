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
 * last name first), or by initials and last name ("M. Dupont", "Dupont M.", "J.-P. Martin" for
 * Jean-Pierre Martin), accents, case and punctuation ignored. A display name of more than two words
 * is cut at every space ("Marie Claire Dupont": first name "Marie", last name "Claire Dupont", or
 * first name "Marie Claire", last name "Dupont"). A name that fits two case workers fits none: it is
 * listed for the user to decide.
 */
final class CaseWorkerNames {

    private final Map<String, UUID> logins = new HashMap<>();
    private final Map<String, UUID> names = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    CaseWorkerNames(List<BulkCases.CaseWorker> workers) {
        for (BulkCases.CaseWorker worker : workers) {
            logins.put(worker.login().toLowerCase(Locale.ROOT), worker.id());
            logins.put(worker.id().toString(), worker.id());
            // The words of the name, hyphens and dots apart ("jean pierre martin").
            String[] words = FrenchValues.key(worker.displayName()).split(" ");
            if (words.length == 1 && !words[0].isEmpty()) {
                name(words[0], worker.id());
            }
            Set<String> forms = new HashSet<>();
            for (int cut = 1; cut < words.length; cut++) {
                String last = String.join(" ", List.of(words).subList(cut, words.length));
                List<String> firstWords = List.of(words).subList(0, cut);
                String initials = String.join(" ", firstWords.stream().map(w -> w.substring(0, 1)).toList());
                String initial = firstWords.get(0).substring(0, 1);
                for (String first : List.of(String.join(" ", firstWords), initials, initial)) {
                    forms.add(first + " " + last);
                    forms.add(last + " " + first);
                }
            }
            forms.forEach(form -> name(form, worker.id()));
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
