package fr.passerelle.imports;

import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.MeasureStatus;
import fr.passerelle.measures.Measures;
import fr.passerelle.network.Courts;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The values a user may choose for an unknown value of each mapped column: the association's
 * active measure types (a new measure cannot be of a deactivated one), the judicial courts, its case workers, the prescribers, the statuses an import
 * can give (not "closed": the final report is not in the file) and the outcomes.
 *
 * @param options by field, the choices offered
 */
public record KnownValues(Map<ImportField, List<Option>> options) {

    /**
     * One value to choose: its code or id, and either its own label (a type, a court, a worker) or
     * the message key of its label.
     */
    public record Option(String value, String label, String labelKey) {}

    static KnownValues of(BulkCases.Rules rules, List<Courts.JudicialCourt> courts) {
        Map<ImportField, List<Option>> options = new EnumMap<>(ImportField.class);
        options.put(ImportField.MEASURE_TYPE, rules.types().stream().filter(MeasureCatalogue.MeasureType::active)
                .sorted(Comparator.comparing(MeasureCatalogue.MeasureType::label))
                .map(t -> new Option(t.id().toString(), t.label(), null)).toList());
        options.put(ImportField.COURT, courts.stream().sorted(Comparator.comparing(Courts.JudicialCourt::name))
                .map(c -> new Option(c.code(), c.name(), null)).toList());
        options.put(ImportField.ASSIGNEE, rules.caseWorkers().stream()
                .sorted(Comparator.comparing(BulkCases.CaseWorker::displayName))
                .map(w -> new Option(w.id().toString(), w.displayName(), null)).toList());
        options.put(ImportField.PRESCRIBER_TYPE, Measures.PRESCRIBER_TYPES.stream()
                .map(p -> new Option(p, null, "measure.prescriber." + p)).toList());
        options.put(ImportField.STATUS, Arrays.stream(MeasureStatus.values()).filter(s -> s != MeasureStatus.CLOSED)
                .map(s -> new Option(s.name(), null, "measure.status." + s.name())).toList());
        options.put(ImportField.OUTCOME, Arrays.stream(MeasureOutcome.values())
                .map(o -> new Option(o.name(), null, "measure.outcome." + o.name())).toList());
        return new KnownValues(options);
    }

    /** The choices for a field (none for a column without known values). */
    public List<Option> of(ImportField field) {
        return options.getOrDefault(field, List.of());
    }

    /** The known value of a field with this id or code, if it still exists. */
    public java.util.Optional<Option> option(ImportField field, String value) {
        return of(field).stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** Whether a choice is a known value of the field, or leaves the rows out. */
    boolean accepts(ImportField field, String choice) {
        return RowReader.SKIP.equals(choice) || option(field, choice).isPresent();
    }
}
