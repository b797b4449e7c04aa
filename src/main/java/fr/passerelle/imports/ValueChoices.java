package fr.passerelle.imports;

import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the association chose for values its files hold and Passerelle does not recognise ("TIG -
 * accueil" is the TIG type, "Mme Martin" is that case worker, "Archivé" rows are skipped), kept per
 * association for its next files, by field and by the value compared without accents or case.
 */
@Component
class ValueChoices {

    /** The longest value remembered (longer ones are not worth remembering: they are typos or notes). */
    static final int MAX_VALUE_LENGTH = 200;

    private final JdbcClient jdbc;

    ValueChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The association's choices, by field then by value key. */
    Map<ImportField, Map<String, String>> load() {
        Map<ImportField, Map<String, String>> choices = new EnumMap<>(ImportField.class);
        jdbc.sql("select field, value_key, choice from import_value_choice")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(row -> ImportField.ofName(row[0]).ifPresent(field -> choices
                        .computeIfAbsent(field, f -> new HashMap<>()).put(row[1], row[2])));
        return choices;
    }

    /** Remembers (or replaces) the choice for a value of a field. */
    void save(ImportField field, String value, String choice) {
        String key = FrenchValues.key(value);
        if (key.isEmpty() || key.length() > MAX_VALUE_LENGTH) {
            return;
        }
        jdbc.sql("""
                insert into import_value_choice (organisation_id, field, value_key, choice, chosen_by)
                values (:org, :field, :key, :choice, :by)
                on conflict (organisation_id, field, value_key)
                do update set choice = excluded.choice, chosen_by = excluded.chosen_by, chosen_at = now()""")
                .param("org", TenantContext.currentOrganisationId().orElseThrow()).param("field", field.name())
                .param("key", key).param("choice", choice)
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
    }
}
