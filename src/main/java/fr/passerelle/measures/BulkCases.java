package fr.passerelle.measures;

import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.internal.References;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates many persons and measures at once (imports of an existing caseload, demo data): rows are
 * validated by the same rules as the forms, written a thousand at a time, and their human references
 * allocated per block from the association's counter. Each measure starts "received" with its
 * reception step in the timeline, exactly as {@link Measures#create} makes it (then "assigned",
 * with its step, when a case worker is given, or through the steps of its history, checked by
 * {@link MeasureLifecycle}: the measure is written in the status, outcome and assignment they lead to). Writes join the
 * caller's transaction (required), so a caller makes a whole import succeed or fail at once; the
 * caller audits the operation as a whole.
 *
 * <p>The same person is recognised by {@link #identityKey}: the same last and first names (accents,
 * case, hyphens and apostrophes ignored) and the same birth date.
 */
@Service
public class BulkCases {

    /** Rows written per JDBC batch. */
    public static final int BATCH_SIZE = 1000;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’‘`.]+");

    private final JdbcClient jdbc;
    private final References references;
    private final MeasureCatalogue catalogue;
    private final Courts courts;
    private final UserAccounts users;
    private final Clock clock;

    BulkCases(JdbcClient jdbc, References references, MeasureCatalogue catalogue, Courts courts, UserAccounts users,
            Clock clock) {
        this.jdbc = jdbc;
        this.references = references;
        this.catalogue = catalogue;
        this.courts = courts;
        this.users = users;
        this.clock = clock;
    }

    /**
     * One measure to create, for a new person ({@code newPerson} given, created once with
     * {@code personId} — later rows of the same person give {@code newPerson} null) or an existing one;
     * with a case worker ({@code assigneeId}), the measure is also assigned to them, as in the timeline.
     */
    public record CaseRow(UUID personId, Persons.PersonData newPerson, Measures.Mandate mandate, UUID assigneeId,
            List<Step> history, Imported imported) {

        public CaseRow(UUID personId, Persons.PersonData newPerson, Measures.Mandate mandate, UUID assigneeId) {
            this(personId, newPerson, mandate, assigneeId, List.of(), null);
        }

        public CaseRow(UUID personId, Persons.PersonData newPerson, Measures.Mandate mandate, UUID assigneeId,
                List<Step> history) {
            this(personId, newPerson, mandate, assigneeId, history, null);
        }

        /** The steps after reception: the history given, or the assignment to {@code assigneeId}. */
        List<Step> steps() {
            if (!history.isEmpty() || assigneeId == null) {
                return history;
            }
            return List.of(new Step(MeasureAction.ASSIGN, null, assigneeId, null, null));
        }
    }

    /**
     * A step already taken by a measure written in bulk (an existing caseload, demo data), checked
     * by {@link MeasureLifecycle} exactly like an action on the measure page, and kept in its
     * timeline with its effective date.
     */
    public record Step(MeasureAction action, LocalDate effectiveOn, UUID assigneeId, MeasureOutcome outcome,
            String reason) {}

    /**
     * What an import brings beyond the mandate: the association's own file number, free notes, and
     * the import itself (the caseload's "this import" filter); every step of the measure's history
     * is then marked imported in its timeline.
     */
    public record Imported(UUID importJobId, String fileNumber, String notes) {

        /** The longest file number and notes kept. */
        public static final int FILE_NUMBER_LENGTH = 60;
        public static final int NOTES_LENGTH = 4000;
    }

    /** A case worker of the association: their login and the name they are known by. */
    public record CaseWorker(UUID id, String login, String displayName) {}

    /** A person of the association already recorded. */
    public record ExistingPerson(UUID id, String reference) {}

    /** What one call of {@link #write} created, with the first and last references allocated. */
    public record Written(int persons, int measures, String firstPerson, String lastPerson, String firstMeasure,
            String lastMeasure) {}

    /**
     * The rules of the forms, with the catalogue and the courts read once: the import checks each
     * row with it, and {@link #write} checks again before writing.
     */
    public final class Rules {

        private final Map<UUID, MeasureCatalogue.MeasureType> types;
        private final Set<String> courtCodes;
        private final Map<String, UUID> caseWorkers;
        private final List<CaseWorker> caseWorkerList;
        private final LocalDate today;

        private Rules() {
            this.types = catalogue.types().stream()
                    .collect(Collectors.toMap(MeasureCatalogue.MeasureType::id, t -> t));
            this.courtCodes = courts.judicialCourts("", "").stream().map(Courts.JudicialCourt::code)
                    .collect(Collectors.toSet());
            this.caseWorkers = users.loginsWithRole(Roles.CASE_WORKER);
            Map<UUID, String> logins = new HashMap<>();
            caseWorkers.forEach((login, id) -> logins.put(id, login));
            this.caseWorkerList = users.withRole(Roles.CASE_WORKER).stream().filter(u -> logins.containsKey(u.id()))
                    .map(u -> new CaseWorker(u.id(), logins.get(u.id()), u.displayName())).toList();
            this.today = LocalDate.now(clock);
        }

        /** The case workers of the association (enabled accounts), as an import matches them by name. */
        public List<CaseWorker> caseWorkers() {
            return caseWorkerList;
        }

        /** The day the rules check dates against (no step of a history after it). */
        public LocalDate today() {
            return today;
        }

        /** The case worker of the association with this login (case-insensitive). */
        public java.util.Optional<UUID> caseWorker(String login) {
            return java.util.Optional.ofNullable(login == null ? null : caseWorkers.get(login.trim().toLowerCase(Locale.ROOT)));
        }

        public boolean isCaseWorker(UUID id) {
            return caseWorkers.containsValue(id);
        }

        /** The measure types of the association's catalogue (active or not). */
        public Collection<MeasureCatalogue.MeasureType> types() {
            return types.values();
        }

        public List<FieldRefusal> personProblems(Persons.PersonData person) {
            return Persons.problems(person, today);
        }

        public List<FieldRefusal> mandateProblems(Measures.Mandate mandate) {
            return Measures.problems(mandate, mandate.measureTypeId() == null ? null : types.get(mandate.measureTypeId()),
                    mandate.courtCode() != null && courtCodes.contains(mandate.courtCode()), today);
        }
    }

    /**
     * A measure of the association with its person, as an import file carries it: the case worker by
     * login, the measure's own reference, its status and, once ended, its end date and outcome.
     */
    public record ExportedCase(String reference, Persons.PersonData person, String typeLabel, String courtCode,
            String prescriberType, String prescriberName, String parquetNumber, String instructionNumber,
            LocalDate receivedOn, LocalDate dueOn, String assigneeLogin, MeasureStatus status, LocalDate startedOn,
            LocalDate endedOn, MeasureOutcome outcome, String fileNumber, String notes) {}

    /**
     * The number of measures of the current association, refused (409) beyond {@code limit}: checked
     * before a response starts, so that a refusal is the normal error page and not a download.
     */
    @Transactional(readOnly = true)
    public int requireExportable(int limit) {
        long count = jdbc.sql("select count(*) from measure").query(Long.class).single();
        if (count > limit) {
            throw fr.passerelle.shared.BusinessException.conflict("caseload.export.tooLarge", limit);
        }
        return (int) count;
    }

    /**
     * Hands every measure of the current association with its person to {@code sink}, oldest
     * reception first, streamed from the database (never all in memory); refuses (409) beyond
     * {@code limit} measures. Returns the number of measures handed over. Health details are never
     * part of it, nor the person's housing, employment and resources (the import reads none of them).
     */
    @Transactional(readOnly = true)
    public int export(int limit, java.util.function.Consumer<ExportedCase> sink) {
        requireExportable(limit);
        Map<UUID, String> logins = users.usernames();
        int[] exported = {0};
        jdbc.sql("""
                select m.reference, p.last_name, p.first_name, p.birth_date, p.sex, p.birth_place, p.phone, p.email,
                       p.address, t.label, m.court_code, m.prescriber_type,
                       m.prescriber_name, m.parquet_number, m.instruction_number, m.received_on, m.due_on,
                       m.assigned_user_id, m.status, m.ended_on, m.outcome, m.file_number, m.notes,
                       (select min(s.effective_on) from measure_transition s
                        where s.measure_id = m.id and s.action = 'START') as started_on
                from measure m join person p on p.id = m.person_id join measure_type t on t.id = m.measure_type_id
                order by m.received_on, m.reference""")
                .query((java.sql.ResultSet rs) -> {
                    UUID assignee = rs.getObject("assigned_user_id", UUID.class);
                    String outcome = rs.getString("outcome");
                    sink.accept(new ExportedCase(rs.getString("reference"), new Persons.PersonData(
                            rs.getString("last_name"), rs.getString("first_name"),
                            rs.getObject("birth_date", LocalDate.class), rs.getString("sex"), rs.getString("birth_place"),
                            rs.getString("phone"), rs.getString("email"), rs.getString("address"), null, null, null),
                            rs.getString("label"), rs.getString("court_code"), rs.getString("prescriber_type"),
                            rs.getString("prescriber_name"), rs.getString("parquet_number"),
                            rs.getString("instruction_number"), rs.getObject("received_on", LocalDate.class),
                            rs.getObject("due_on", LocalDate.class), assignee == null ? null : logins.get(assignee),
                            MeasureStatus.valueOf(rs.getString("status")), rs.getObject("started_on", LocalDate.class),
                            rs.getObject("ended_on", LocalDate.class),
                            outcome == null ? null : MeasureOutcome.valueOf(outcome), rs.getString("file_number"),
                            rs.getString("notes")));
                    exported[0]++;
                });
        return exported[0];
    }

    /** The rules as of now, for the current association. */
    @Transactional(readOnly = true)
    public Rules rules() {
        return new Rules();
    }

    /** The key that recognises a person: normalised names and birth date; null without a birth date. */
    public static String identityKey(String lastName, String firstName, LocalDate birthDate) {
        if (birthDate == null || lastName == null || firstName == null) {
            return null;
        }
        return normalise(lastName) + "|" + normalise(firstName) + "|" + birthDate;
    }

    /** Lower case, without accents, ligatures spelled out, hyphens/apostrophes/spaces as one space. */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text.trim(), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return SEPARATORS.matcher(s).replaceAll(" ").trim();
    }

    /** Existing persons of the association among those described, by {@link #identityKey} (one query). */
    @Transactional(readOnly = true)
    public Map<String, ExistingPerson> existingPersons(Collection<Persons.PersonData> persons) {
        Set<LocalDate> dates = persons.stream().map(Persons.PersonData::birthDate).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, ExistingPerson> found = new HashMap<>();
        if (dates.isEmpty()) {
            return found;
        }
        // A join on the dates rather than "= any(dates)": within an import the table grows faster than
        // its statistics, and a sequential scan would compare every person with every date.
        jdbc.sql("""
                select p.id, p.reference, p.last_name, p.first_name, p.birth_date
                from person p join unnest(cast(:dates as date[])) d (day) on p.birth_date = d.day
                order by p.reference""")
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .query((rs, n) -> found.putIfAbsent(
                        identityKey(rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class)),
                        new ExistingPerson(rs.getObject(1, UUID.class), rs.getString(2))))
                .list();
        return found;
    }

    /** Existing measures of these persons, reference by {@link #measureKey} (one query). */
    @Transactional(readOnly = true)
    public Map<String, String> existingMeasures(Collection<UUID> personIds) {
        Map<String, String> found = new HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select person_id, measure_type_id, received_on, reference from measure
                where person_id = any(cast(:ids as uuid[]))""")
                .param("ids", personIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> found.put(measureKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class)), rs.getString(4)))
                .list();
        return found;
    }

    /** What makes two measures the same: the same person, type and reception date. */
    public static String measureKey(UUID personId, UUID measureTypeId, LocalDate receivedOn) {
        return personId + "|" + measureTypeId + "|" + receivedOn;
    }

    /**
     * Writes rows in the caller's transaction: new persons, then their measures (status "received")
     * and the reception step of each. Rows breaking a rule are a programming error of the caller,
     * which validates first with {@link #rules()}: nothing is written and an exception is thrown.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written write(Rules rules, List<CaseRow> rows) {
        if (rows.isEmpty()) {
            return new Written(0, 0, null, null, null, null);
        }
        Map<UUID, Persons.PersonData> newPersons = new LinkedHashMap<>();
        Set<UUID> existing = new HashSet<>();
        for (CaseRow row : rows) {
            if (!rules.mandateProblems(row.mandate()).isEmpty()
                    || row.newPerson() != null && !rules.personProblems(row.newPerson()).isEmpty()
                    || row.assigneeId() != null && !rules.isCaseWorker(row.assigneeId())
                    || row.assigneeId() != null && !row.history().isEmpty()
                    || row.imported() != null && (length(row.imported().fileNumber()) > Imported.FILE_NUMBER_LENGTH
                            || length(row.imported().notes()) > Imported.NOTES_LENGTH)) {
                throw new IllegalArgumentException("An invalid row was given to the bulk writer");
            }
            if (row.newPerson() != null) {
                newPersons.putIfAbsent(row.personId(), row.newPerson());
            } else {
                existing.add(row.personId());
            }
        }
        existing.removeAll(newPersons.keySet());
        if (!existing.isEmpty() && jdbc.sql("select count(*) from person where id = any(cast(:ids as uuid[]))")
                .param("ids", existing.stream().map(UUID::toString).toArray(String[]::new))
                .query(Long.class).single() != existing.size()) {
            throw new IllegalArgumentException("A row refers to a person outside the association");
        }
        UUID org = TenantContext.currentOrganisationId().orElseThrow();
        TenantPrincipal actor = TenantContext.currentPrincipal().orElse(null);
        UUID actorId = actor == null ? null : actor.userId();

        List<String> personRefs = references.block("P", newPersons.size());
        Columns persons = new Columns(newPersons.size());
        int i = 0;
        for (Map.Entry<UUID, Persons.PersonData> e : newPersons.entrySet()) {
            Persons.PersonData d = e.getValue();
            persons.add(e.getKey(), personRefs.get(i++), d.lastName().trim(), d.firstName().trim(), d.birthDate(),
                    blankToNull(d.sex()), blankToNull(d.birthPlace()), blankToNull(d.phone()), blankToNull(d.email()),
                    blankToNull(d.address()));
        }
        persons.insert("""
                insert into person (id, organisation_id, reference, last_name, first_name, birth_date, sex, birth_place,
                                    phone, email, address, created_by)
                select c0, cast(:org as uuid), c1, c2, c3, c4, c5, c6, c7, c8, c9, cast(:by as uuid)
                from unnest(cast(:c0 as uuid[]), cast(:c1 as text[]), cast(:c2 as text[]), cast(:c3 as text[]),
                            cast(:c4 as date[]), cast(:c5 as text[]), cast(:c6 as text[]), cast(:c7 as text[]),
                            cast(:c8 as text[]), cast(:c9 as text[])) as t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9)""",
                org, actorId, null);

        List<String> measureRefs = references.block("M", rows.size());
        Columns measures = new Columns(rows.size());
        Columns steps = new Columns(rows.size());
        java.time.Instant now = clock.instant();
        i = 0;
        for (CaseRow row : rows) {
            Measures.Mandate m = row.mandate();
            UUID id = fr.passerelle.shared.Ids.newId();
            boolean imported = row.imported() != null;
            steps.add(fr.passerelle.shared.Ids.newId(), id, null, null, MeasureStatus.RECEIVED.name(), null, now,
                    m.receivedOn(), "saisine", imported);
            MeasureStatus status = MeasureStatus.RECEIVED;
            MeasureOutcome outcome = null;
            UUID assignee = null;
            int order = 0;
            for (Step step : row.steps()) {
                if (step.effectiveOn() != null
                        && (step.effectiveOn().isAfter(rules.today) || step.effectiveOn().isBefore(m.receivedOn()))
                        || step.assigneeId() != null && !rules.isCaseWorker(step.assigneeId())) {
                    throw new IllegalArgumentException("An invalid step was given to the bulk writer");
                }
                // A measure written in bulk has no report yet: its final report cannot have been sent,
                // so a history that closes it is refused like the action on the measure page.
                MeasureLifecycle.Facts facts = new MeasureLifecycle.Facts(step.assigneeId() != null,
                        step.effectiveOn() != null, step.outcome(), false,
                        step.reason() != null && !step.reason().isBlank());
                MeasureStatus next = MeasureLifecycle.next(status, step.action(), facts);
                MeasureOutcome stepOutcome = MeasureLifecycle.outcomeOf(step.action(), facts);
                steps.add(fr.passerelle.shared.Ids.newId(), id, step.action().name(), status.name(), next.name(),
                        stepOutcome == null ? null : stepOutcome.name(), now.plusNanos(1000L * ++order),
                        step.effectiveOn(), blankToNull(step.reason()), imported);
                status = next;
                outcome = stepOutcome == null ? outcome : stepOutcome;
                if (step.action() == MeasureAction.ASSIGN || step.action() == MeasureAction.REASSIGN) {
                    assignee = step.assigneeId();
                }
            }
            measures.add(id, measureRefs.get(i++), row.personId(), m.measureTypeId(), m.courtCode(), m.prescriberType(),
                    blankToNull(m.prescriberName()), blankToNull(m.parquetNumber()), blankToNull(m.instructionNumber()),
                    m.receivedOn(), m.dueOn(), m.orderedQuantity(), status.name(), assignee,
                    outcome == null ? null : outcome.name(), m.plannedEndOn(),
                    imported ? blankToNull(row.imported().fileNumber()) : null,
                    imported ? blankToNull(row.imported().notes()) : null,
                    imported ? row.imported().importJobId() : null);
        }
        measures.insert("""
                insert into measure (id, organisation_id, reference, person_id, measure_type_id, court_code, prescriber_type,
                                     prescriber_name, parquet_number, instruction_number, received_on, due_on, status,
                                     ordered_quantity, created_by, assigned_user_id, outcome, planned_end_on,
                                     file_number, notes, import_job_id)
                select c0, cast(:org as uuid), c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c12, c11,
                       cast(:by as uuid), c13, c14, c15, c16, c17, c18
                from unnest(cast(:c0 as uuid[]), cast(:c1 as text[]), cast(:c2 as uuid[]), cast(:c3 as uuid[]),
                            cast(:c4 as text[]), cast(:c5 as text[]), cast(:c6 as text[]), cast(:c7 as text[]),
                            cast(:c8 as text[]), cast(:c9 as date[]), cast(:c10 as date[]), cast(:c11 as numeric[]),
                            cast(:c12 as text[]), cast(:c13 as uuid[]), cast(:c14 as text[]), cast(:c15 as date[]),
                            cast(:c16 as text[]), cast(:c17 as text[]), cast(:c18 as uuid[]))
                     as t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18)""",
                org, actorId, null);
        steps.insert("""
                insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, outcome,
                                                occurred_at, effective_on, actor_id, actor_name, reason, imported)
                select c0, cast(:org as uuid), c1, c2, c3, c4, c5, c6, c7, cast(:by as uuid), cast(:byName as text), c8, c9
                from unnest(cast(:c0 as uuid[]), cast(:c1 as uuid[]), cast(:c2 as text[]), cast(:c3 as text[]),
                            cast(:c4 as text[]), cast(:c5 as text[]), cast(:c6 as timestamptz[]), cast(:c7 as date[]),
                            cast(:c8 as text[]), cast(:c9 as boolean[])) as t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9)""",
                org, actorId, actor == null ? null : actor.displayName());
        return new Written(newPersons.size(), rows.size(), first(personRefs), last(personRefs), first(measureRefs),
                last(measureRefs));
    }

    /**
     * Rows gathered column by column and inserted {@link #BATCH_SIZE} at a time with one statement
     * that unnests one array per column (far fewer round trips than one statement per row).
     */
    private final class Columns {

        private final List<Object[]> rows;

        Columns(int size) {
            this.rows = new ArrayList<>(size);
        }

        void add(Object... values) {
            rows.add(values);
        }

        void insert(String sql, UUID org, UUID by, String byName) {
            if (rows.isEmpty()) {
                return;
            }
            int width = rows.get(0).length;
            for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
                JdbcClient.StatementSpec statement = jdbc.sql(sql).param("org", org).param("by", by)
                        .param("byName", byName);
                for (int c = 0; c < width; c++) {
                    String[] column = new String[chunk.size()];
                    for (int r = 0; r < chunk.size(); r++) {
                        Object value = chunk.get(r)[c];
                        column[r] = value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString()
                                : value.toString();
                    }
                    statement = statement.param("c" + c, column);
                }
                statement.update();
            }
        }
    }

    private static String first(List<String> references) {
        return references.isEmpty() ? null : references.get(0);
    }

    private static String last(List<String> references) {
        return references.isEmpty() ? null : references.get(references.size() - 1);
    }

    private static int length(String value) {
        return value == null ? 0 : value.strip().length();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
