package fr.passerelle.imports;

import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.FieldRefusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns one row of text into a person and a mandate, or into errors naming the column and the
 * value at fault: measure types by code or label, courts by code, name or seat, all compared
 * without accents or case; then the rules of the persons and measures forms.
 */
final class RowReader {

    /** One error of one row, with the message key (and its arguments) that explains it. */
    record RowError(int row, String column, String value, String key, List<Object> args) {}

    /** A row read: its person and mandate when it has no error. */
    record ReadRow(int row, Persons.PersonData person, Measures.Mandate mandate, UUID assigneeId,
            List<RowError> errors) {}

    private final Map<ImportField, Integer> columns = new java.util.EnumMap<>(ImportField.class);
    private final List<String> headers;
    private final BulkCases.Rules rules;
    private final Map<String, UUID> types = new HashMap<>();
    private final Map<String, String> courts = new HashMap<>();

    RowReader(List<String> headers, Map<Integer, ImportField> mapping, BulkCases.Rules rules,
            List<Courts.JudicialCourt> judicialCourts) {
        this.headers = headers;
        mapping.forEach((column, field) -> columns.put(field, column));
        this.rules = rules;
        for (MeasureCatalogue.MeasureType type : rules.types()) {
            types.putIfAbsent(FrenchValues.key(type.code()), type.id());
            types.putIfAbsent(FrenchValues.key(type.label()), type.id());
            java.util.regex.Matcher acronym = java.util.regex.Pattern.compile("^(.*)\\(([^)]+)\\)\\s*$")
                    .matcher(type.label());
            if (acronym.matches()) {
                types.putIfAbsent(FrenchValues.key(acronym.group(1)), type.id());
                types.putIfAbsent(FrenchValues.key(acronym.group(2)), type.id());
            }
        }
        for (Courts.JudicialCourt court : judicialCourts) {
            courts.putIfAbsent(FrenchValues.key(court.code()), court.code());
            courts.putIfAbsent(FrenchValues.key(court.name()), court.code());
            courts.putIfAbsent(FrenchValues.key("tj " + court.seatCity()), court.code());
            courts.putIfAbsent(FrenchValues.key("tribunal judiciaire de " + court.seatCity()), court.code());
            courts.putIfAbsent(FrenchValues.key(court.seatCity()), court.code());
        }
    }

    ReadRow read(TabularFile.Line line) {
        List<RowError> errors = new ArrayList<>();
        java.util.Set<ImportField> faulty = java.util.EnumSet.noneOf(ImportField.class);
        Cells cells = new Cells(line, errors, faulty);
        String last = cells.text(ImportField.LAST_NAME);
        String first = cells.text(ImportField.FIRST_NAME);
        LocalDate birth = cells.parse(ImportField.BIRTH_DATE, FrenchValues::date, "import.error.date");
        String sex = cells.parse(ImportField.SEX, FrenchValues::sex, "import.error.sex");
        UUID type = cells.parse(ImportField.MEASURE_TYPE, v -> Optional.ofNullable(types.get(FrenchValues.key(v))),
                "import.error.measureType");
        String court = cells.parse(ImportField.COURT, v -> Optional.ofNullable(courts.get(FrenchValues.key(v))),
                "import.error.court");
        String prescriber = cells.parse(ImportField.PRESCRIBER_TYPE,
                v -> FrenchValues.prescriberType(v, Measures.PRESCRIBER_TYPES), "import.error.prescriberType");
        LocalDate received = cells.parse(ImportField.RECEIVED_ON, FrenchValues::date, "import.error.date");
        LocalDate due = cells.parse(ImportField.DUE_ON, FrenchValues::date, "import.error.date");
        UUID assignee = cells.parse(ImportField.ASSIGNEE, rules::caseWorker, "import.error.assignee");
        for (ImportField field : List.of(ImportField.LAST_NAME, ImportField.FIRST_NAME, ImportField.MEASURE_TYPE,
                ImportField.COURT, ImportField.PRESCRIBER_TYPE, ImportField.RECEIVED_ON)) {
            if (cells.raw(field).isEmpty() && faulty.add(field)) {
                errors.add(cells.error(field, "import.error.required"));
            }
        }
        Persons.PersonData person = new Persons.PersonData(last, first, birth, sex, null, cells.text(ImportField.PHONE),
                cells.text(ImportField.EMAIL), cells.text(ImportField.ADDRESS), null, null, null);
        Measures.Mandate mandate = new Measures.Mandate(type, court, prescriber,
                cells.text(ImportField.PRESCRIBER_NAME), cells.text(ImportField.PARQUET_NUMBER),
                cells.text(ImportField.INSTRUCTION_NUMBER), received, due);
        List<FieldRefusal> refusals = new ArrayList<>(rules.personProblems(person));
        refusals.addAll(rules.mandateProblems(mandate));
        for (FieldRefusal refusal : refusals) {
            ImportField field = ImportField.ofProperty(refusal.field()).orElse(null);
            if (field == null || faulty.add(field)) {
                errors.add(new RowError(line.number(), header(field), field == null ? "" : cells.raw(field),
                        refusal.messageKey(), List.of(refusal.arguments())));
            }
        }
        return new ReadRow(line.number(), person, mandate, assignee, errors);
    }

    String header(ImportField field) {
        Integer column = field == null ? null : columns.get(field);
        return column == null || column >= headers.size() ? "" : headers.get(column);
    }

    /** The cells of one row, by field. */
    private final class Cells {

        private final TabularFile.Line line;
        private final List<RowError> errors;
        private final java.util.Set<ImportField> faulty;

        Cells(TabularFile.Line line, List<RowError> errors, java.util.Set<ImportField> faulty) {
            this.line = line;
            this.errors = errors;
            this.faulty = faulty;
        }

        String raw(ImportField field) {
            Integer column = columns.get(field);
            return column == null ? "" : line.cell(column);
        }

        String text(ImportField field) {
            String value = raw(field);
            return value.isEmpty() ? null : value;
        }

        <T> T parse(ImportField field, Function<String, Optional<T>> parser, String errorKey) {
            String value = raw(field);
            if (value.isEmpty()) {
                return null;
            }
            Optional<T> parsed = parser.apply(value);
            if (parsed.isEmpty()) {
                faulty.add(field);
                errors.add(error(field, errorKey));
            }
            return parsed.orElse(null);
        }

        RowError error(ImportField field, String key) {
            return new RowError(line.number(), header(field), raw(field), key, List.of());
        }
    }
}
