package fr.passerelle.imports;

import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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

    /** A remembered choice, with the value as it was first written. */
    record Remembered(ImportField field, String value, String choice) {}

    /** The association's choices, by field then value. */
    List<Remembered> list() {
        return jdbc.sql("select field, value, choice from import_value_choice order by field, value_key")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list().stream()
                .flatMap(row -> ImportField.ofName(row[0]).map(f -> new Remembered(f, row[1], row[2])).stream())
                .toList();
    }

    /** Forgets the choice for a value of a field: the next files ask again. Whether there was one. */
    boolean forget(ImportField field, String value) {
        return jdbc.sql("delete from import_value_choice where field = ? and value_key = ?")
                .param(field.name()).param(FrenchValues.key(value)).update() > 0;
    }

    /** Remembers (or replaces) the choice for a value of a field. */
    void save(ImportField field, String value, String choice) {
        String key = FrenchValues.key(value);
        if (key.isEmpty() || key.length() > MAX_VALUE_LENGTH) {
            return;
        }
        String written = value.strip();
        jdbc.sql("""
                insert into import_value_choice (organisation_id, field, value_key, value, choice, chosen_by)
                values (:org, :field, :key, :value, :choice, :by)
                on conflict (organisation_id, field, value_key)
                do update set choice = excluded.choice, chosen_by = excluded.chosen_by, chosen_at = now()""")
                .param("org", TenantContext.currentOrganisationId().orElseThrow()).param("field", field.name())
                .param("key", key).param("choice", choice)
                .param("value", written.length() > MAX_VALUE_LENGTH ? written.substring(0, MAX_VALUE_LENGTH) : written)
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
    }
}
