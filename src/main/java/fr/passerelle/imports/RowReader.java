package fr.passerelle.imports;

import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.MeasureStatus;
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

    /** A value of a mapped column that matches no known value (nor a remembered choice). */
    record Unknown(ImportField field, String value) {}

    /**
     * A row read: its person, mandate, case worker and the history of its measure when it has no
     * error; {@code skipped} when a choice of the user leaves it out; warnings do not stop it.
     */
    record ReadRow(int row, Persons.PersonData person, Measures.Mandate mandate, UUID assigneeId,
            List<BulkCases.Step> history, String fileNumber, String notes, boolean skipped, List<RowError> errors,
            List<RowError> warnings, List<Unknown> unknown) {}

    /** The choice that leaves the rows holding a value out of the import. */
    static final String SKIP = "SKIP";

    private final Map<ImportField, Integer> columns = new java.util.EnumMap<>(ImportField.class);
    private final List<String> headers;
    private final BulkCases.Rules rules;
    private final Map<String, UUID> types = new HashMap<>();
    private final Map<String, String> courts = new HashMap<>();
    private final CaseWorkerNames workers;
    private final Map<ImportField, Map<String, String>> choices;

    /** Reads rows with the association's remembered choices for values it does not recognise. */
    RowReader(List<String> headers, Map<Integer, ImportField> mapping, BulkCases.Rules rules,
            List<Courts.JudicialCourt> judicialCourts, Map<ImportField, Map<String, String>> choices) {
        this.headers = headers;
        mapping.forEach((column, field) -> columns.put(field, column));
        this.rules = rules;
        this.choices = choices;
        this.workers = new CaseWorkerNames(rules.caseWorkers());
        for (MeasureCatalogue.MeasureType type : rules.types()) {
            types.putIfAbsent(FrenchValues.key(type.id().toString()), type.id());
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

    RowReader(List<String> headers, Map<Integer, ImportField> mapping, BulkCases.Rules rules,
            List<Courts.JudicialCourt> judicialCourts) {
        this(headers, mapping, rules, judicialCourts, Map.of());
    }

    ReadRow read(TabularFile.Line line) {
        List<RowError> errors = new ArrayList<>();
        java.util.Set<ImportField> faulty = java.util.EnumSet.noneOf(ImportField.class);
        Cells cells = new Cells(line, errors, faulty);
        List<RowError> warnings = new ArrayList<>();
        for (int column = 0; column < line.cells().size(); column++) {
            String cell = line.cell(column);
            if (FrenchValues.looksLikeFormula(cell)) {
                warnings.add(new RowError(line.number(), column < headers.size() ? headers.get(column) : "", cell,
                        "import.warning.formula", List.of()));
            }
        }
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
        UUID assignee = cells.parse(ImportField.ASSIGNEE, workers::match, "import.error.caseWorker");
        MeasureStatus status = cells.parse(ImportField.STATUS, FrenchValues::status, "import.error.status");
        MeasureOutcome outcome = cells.parse(ImportField.OUTCOME, FrenchValues::outcome, "import.error.outcome");
        LocalDate started = cells.parse(ImportField.STARTED_ON, FrenchValues::date, "import.error.date");
        LocalDate ended = cells.parse(ImportField.ENDED_ON, FrenchValues::date, "import.error.date");
        String fileNumber = cells.limited(ImportField.FILE_NUMBER, BulkCases.Imported.FILE_NUMBER_LENGTH);
        String notes = cells.limited(ImportField.NOTES, BulkCases.Imported.NOTES_LENGTH);
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
        List<BulkCases.Step> history = errors.isEmpty()
                ? history(cells, received, status, outcome, started, ended, assignee, notes) : List.of();
        return new ReadRow(line.number(), person, mandate, assignee, history, fileNumber, notes, cells.skipped, errors,
                warnings, cells.unknown);
    }

    /**
     * The steps that bring an imported measure to the status its row gives, each checked as on the
     * measure page: a worker is assigned, the first interview held on its date (required: the
     * measure's start and the observatory's delay to the first interview are read from it), the
     * measure suspended or ended (with its outcome and end date); a measure cancelled by the
     * magistrate is cancelled on its end date, without a first interview. No status but an outcome
     * or an end date: ended. No status at all: received, or assigned when a case worker is named. A
     * status of a measure not ended beside an outcome or an end date is an error (neither is dropped).
     */
    private List<BulkCases.Step> history(Cells cells, LocalDate received, MeasureStatus given, MeasureOutcome outcome,
            LocalDate started, LocalDate ended, UUID assignee, String notes) {
        if (given != null && given.open() && (outcome != null || ended != null)) {
            cells.fail(ImportField.STATUS, "import.error.statusContradicts");
            return List.of();
        }
        MeasureStatus status = given != null ? given : outcome != null || ended != null ? MeasureStatus.ENDED : null;
        if (status == null || status == MeasureStatus.RECEIVED && assignee == null) {
            return List.of();
        }
        boolean cancelled = outcome == MeasureOutcome.CANCELLED_BY_MAGISTRATE;
        ImportField statusColumn = given != null ? ImportField.STATUS : outcome != null ? ImportField.OUTCOME
                : ImportField.ENDED_ON;
        if (status == MeasureStatus.ENDED && outcome == null) {
            cells.fail(statusColumn, "import.error.outcomeRequired");
        }
        if (status == MeasureStatus.ENDED && ended == null) {
            cells.fail(statusColumn, "import.error.endedOnRequired");
        }
        if (assignee == null && !cancelled) {
            cells.fail(statusColumn, "import.error.assigneeRequired");
        }
        boolean startedStatus = status == MeasureStatus.IN_PROGRESS || status == MeasureStatus.SUSPENDED
                || status == MeasureStatus.ENDED;
        if (startedStatus && !cancelled && started == null) {
            cells.fail(ImportField.STARTED_ON, "import.error.startedOnRequired");
        }
        dateWithin(cells, ImportField.STARTED_ON, started, received, ended);
        dateWithin(cells, ImportField.ENDED_ON, ended, received, null);
        if (!cells.errors.isEmpty()) {
            return List.of();
        }
        List<BulkCases.Step> steps = new ArrayList<>();
        if (assignee != null) {
            steps.add(new BulkCases.Step(MeasureAction.ASSIGN, null, assignee, null, null));
        }
        if (cancelled) {
            steps.add(new BulkCases.Step(MeasureAction.CANCEL, ended, null, null, reason(notes)));
            return steps;
        }
        if (startedStatus) {
            steps.add(new BulkCases.Step(MeasureAction.START, started, null, null, null));
        }
        if (status == MeasureStatus.SUSPENDED) {
            steps.add(new BulkCases.Step(MeasureAction.SUSPEND, null, null, null,
                    notes != null ? reason(notes) : cells.raw(ImportField.STATUS)));
        } else if (status == MeasureStatus.ENDED) {
            steps.add(new BulkCases.Step(MeasureAction.END, ended, null, outcome, null));
        }
        return steps;
    }

    /**
     * The notes as the reason of a suspension or cancellation: a step's reason is at most
     * {@link Measures#REASON_MAX} characters, as the measure page's form allows, so longer notes are
     * cut there with an ellipsis; they stay whole in the measure's notes, which the measure page shows.
     */
    static String reason(String notes) {
        if (notes == null) {
            return null;
        }
        String text = notes.strip();
        return text.length() <= Measures.REASON_MAX ? text : text.substring(0, Measures.REASON_MAX - 1).strip() + "…";
    }

    /** Refuses a date of the history after today, before the reception or after {@code notAfter}. */
    private void dateWithin(Cells cells, ImportField field, LocalDate date, LocalDate notBefore, LocalDate notAfter) {
        if (date == null) {
            return;
        }
        if (date.isAfter(rules.today())) {
            cells.fail(field, "import.error.dateInFuture");
        } else if (date.isBefore(notBefore)) {
            cells.fail(field, "import.error.dateBeforeReceived");
        } else if (notAfter != null && date.isAfter(notAfter)) {
            cells.fail(field, "import.error.startAfterEnd");
        }
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
        private final List<Unknown> unknown = new ArrayList<>();
        private boolean skipped;

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

        /**
         * The value of a cell, read by {@code parser}; for a column of known values, a choice the
         * association made for this value comes first (SKIP leaves the row out), and a value still
         * unknown is listed for the user to map.
         */
        <T> T parse(ImportField field, Function<String, Optional<T>> parser, String errorKey) {
            String value = raw(field);
            if (value.isEmpty()) {
                return null;
            }
            String choice = choices.getOrDefault(field, Map.of()).get(FrenchValues.key(value));
            if (SKIP.equals(choice)) {
                skipped = true;
                return null;
            }
            Optional<T> parsed = choice != null ? parser.apply(choice).or(() -> parser.apply(value))
                    : parser.apply(value);
            if (parsed.isEmpty()) {
                faulty.add(field);
                errors.add(error(field, errorKey));
                if (ImportField.MAPPED_VALUES.contains(field)) {
                    unknown.add(new Unknown(field, value));
                }
            }
            return parsed.orElse(null);
        }

        /** A free text cell, refused beyond {@code max} characters. */
        String limited(ImportField field, int max) {
            String value = text(field);
            if (value != null && value.length() > max) {
                faulty.add(field);
                errors.add(new RowError(line.number(), header(field), value, "import.error.tooLong", List.of(max)));
                return null;
            }
            return value;
        }

        void fail(ImportField field, String key) {
            if (faulty.add(field)) {
                errors.add(error(field, key));
            }
        }

        RowError error(ImportField field, String key) {
            return new RowError(line.number(), header(field), raw(field), key, List.of());
        }
    }
}
