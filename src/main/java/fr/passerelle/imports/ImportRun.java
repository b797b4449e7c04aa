package fr.passerelle.imports;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pass over a file, streamed in batches of {@link BulkCases#BATCH_SIZE} rows: each row is read
 * and checked, persons are recognised (in the file and among the association's persons), and for
 * an import the batch is written. The import runs in ONE transaction, rolled back when any row has
 * an error: nothing is ever half-imported. Progress is saved in separate short transactions.
 */
@Component
class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BulkCases bulk;
    private final Courts courts;
    private final AuditLog audit;
    private final UploadStore uploads;
    private final ValueChoices choices;
    private final TransactionTemplate work;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate progressTx;

    ImportRun(JdbcClient jdbc, JsonMapper json, BulkCases bulk, Courts courts, AuditLog audit, UploadStore uploads,
            ValueChoices choices, PlatformTransactionManager transactions) {
        this.uploads = uploads;
        this.choices = choices;
        this.jdbc = jdbc;
        this.json = json;
        this.bulk = bulk;
        this.courts = courts;
        this.audit = audit;
        this.work = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts, errors, warnings and unknown values of one pass. */
    private static final class Outcome {
        int rows;
        int rowsSkipped;
        int personsCreated;
        int personsMatched;
        int measuresCreated;
        int errorCount;
        int warningCount;
        long writeNanos;
        final int kept;
        final List<ImportJobs.RowError> errors = new ArrayList<>();
        final List<ImportJobs.RowError> warnings = new ArrayList<>();
        final Map<String, Integer> errorKinds = new TreeMap<>();
        final Map<String, Integer> warningKinds = new TreeMap<>();
        final Map<String, ImportJobs.UnknownValue> unknown = new LinkedHashMap<>();
        final Map<String, Object> references = new LinkedHashMap<>();

        Outcome(int kept) {
            this.kept = kept;
        }

        Outcome() {
            this(ImportJobs.MAX_KEPT_PER_KIND);
        }

        /** Counts an error; keeps it when fewer than {@code kept} of its kind are kept (so every kind shows rows). */
        void error(RowReader.RowError e) {
            errorCount++;
            if (errorKinds.merge(e.key(), 1, Integer::sum) <= kept) {
                errors.add(new ImportJobs.RowError(e.row(), e.column(), abbreviate(e.value()), e.key(), e.args()));
            }
        }

        void warning(RowReader.RowError e) {
            warningCount++;
            if (warningKinds.merge(e.key(), 1, Integer::sum) <= kept) {
                warnings.add(new ImportJobs.RowError(e.row(), e.column(), abbreviate(e.value()), e.key(), e.args()));
            }
        }

        /** Counts the rows of a distinct unknown value (the first {@link ImportJobs#MAX_UNKNOWN_VALUES} values). */
        void unknown(RowReader.Unknown u) {
            String key = u.field().name() + "|" + FrenchValues.key(u.value());
            ImportJobs.UnknownValue seen = unknown.get(key);
            if (seen != null) {
                unknown.put(key, new ImportJobs.UnknownValue(u.field(), seen.value(), seen.rows() + 1));
            } else if (unknown.size() < ImportJobs.MAX_UNKNOWN_VALUES
                    && FrenchValues.key(u.value()).length() <= ValueChoices.MAX_VALUE_LENGTH) {
                unknown.put(key, new ImportJobs.UnknownValue(u.field(), u.value().strip(), 1));
            }
        }
    }

    /** A person met earlier in the file: the row where, and the person (new or existing). */
    private record Seen(int row, UUID personId, boolean existing) {}

    /** Checks ({@code commit} false) or imports the job's file, read from the database. */
    void run(UUID jobId, boolean commit) {
        long started = System.nanoTime();
        try {
            Job job = readOnly.execute(s -> job(jobId));
            TransactionTemplate tx = commit ? work : readOnly;
            Outcome outcome = tx.execute(status -> {
                Outcome o = pass(jobId, uploads.source(jobId), job, commit, new Outcome());
                if (commit && o.errorCount > 0) {
                    status.setRollbackOnly();
                } else if (commit) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("file", job.fileName());
                    details.put("rows", o.rows);
                    details.put("rowsSkipped", o.rowsSkipped);
                    details.put("personsCreated", o.personsCreated);
                    details.put("personsMatched", o.personsMatched);
                    details.put("measuresCreated", o.measuresCreated);
                    details.putAll(o.references);
                    audit.record("import.committed", "import_job", jobId, details);
                    // Imported: the file is no longer needed, and goes with the same commit.
                    uploads.delete(jobId);
                }
                return o;
            });
            String status = !commit ? "CHECKED" : outcome.errorCount > 0 ? "REJECTED" : "IMPORTED";
            finish(jobId, status, outcome);
            log.info("Import {} {}: {} rows, {} errors in {} ms (writing {} ms)", jobId, status, outcome.rows,
                    outcome.errorCount, (System.nanoTime() - started) / 1_000_000, outcome.writeNanos / 1_000_000);
        } catch (TabularFile.Unreadable e) {
            fail(jobId, e.messageKey(), e.arguments());
        } catch (RuntimeException e) {
            log.error("Import {} failed", jobId, e);
            fail(jobId, "import.failed");
        }
    }

    record Job(String fileName, TabularFile.Layout layout, Map<Integer, ImportField> mapping, long size) {}

    /**
     * Every error of a job's file, row by row (a dry run that keeps them all), for the spreadsheet
     * the user corrects; the file must still be stored.
     */
    Map<Integer, List<ImportJobs.RowError>> allErrors(UUID jobId) {
        return readOnly.execute(s -> {
            Outcome outcome = pass(jobId, uploads.source(jobId), job(jobId), false, new Outcome(Integer.MAX_VALUE));
            Map<Integer, List<ImportJobs.RowError>> byRow = new TreeMap<>();
            outcome.errors.forEach(e -> byRow.computeIfAbsent(e.row(), r -> new ArrayList<>()).add(e));
            return byRow;
        });
    }

    /** The job's file layout and mapping. */
    Job job(UUID jobId) {
        return jdbc.sql(
                "select file_name, file_format, charset, separator, headers, mapping, file_size from import_job where id = ?")
                .param(jobId)
                .query((rs, n) -> new Job(rs.getString(1), new TabularFile.Layout(rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : rs.getString(4).charAt(0),
                        json.readValue(rs.getString(5), new TypeReference<List<String>>() {})),
                        new TreeMap<>(json.readValue(rs.getString(6),
                                new TypeReference<Map<Integer, ImportField>>() {})), rs.getLong(7)))
                .single();
    }

    private Outcome pass(UUID jobId, TabularFile.Source file, Job job, boolean commit, Outcome outcome) {
        BulkCases.Rules rules = bulk.rules();
        RowReader reader = new RowReader(job.layout().headers(), job.mapping(), rules, courts.judicialCourts("", ""),
                choices.load());
        Map<String, Seen> persons = new HashMap<>();
        Map<String, Integer> measures = new HashMap<>();
        long[] bytes = {0};
        try (TabularFile.Lines lines = TabularFile.open(file, job.layout(), b -> bytes[0] = b)) {
            List<RowReader.ReadRow> batch = new ArrayList<>(BulkCases.BATCH_SIZE);
            while (lines.hasNext()) {
                if (outcome.rows >= ImportJobs.MAX_ROWS) {
                    outcome.error(new RowReader.RowError(0, "", "", "import.file.tooManyRows",
                            List.of(ImportJobs.MAX_ROWS)));
                    break;
                }
                batch.add(reader.read(lines.next()));
                outcome.rows++;
                if (batch.size() == BulkCases.BATCH_SIZE) {
                    flush(jobId, batch, rules, persons, measures, outcome, commit);
                    progress(jobId, outcome.rows, (int) Math.min(99, bytes[0] * 100 / Math.max(1, job.size())));
                    batch.clear();
                }
            }
            flush(jobId, batch, rules, persons, measures, outcome, commit);
        }
        if (outcome.rows == 0) {
            outcome.error(new RowReader.RowError(0, "", "", "import.file.noRows", List.of()));
        }
        return outcome;
    }

    /** Recognises the persons of a batch, finds duplicates, and writes it when importing and all is well so far. */
    private void flush(UUID jobId, List<RowReader.ReadRow> batch, BulkCases.Rules rules, Map<String, Seen> persons,
            Map<String, Integer> measures, Outcome outcome, boolean commit) {
        batch.removeIf(row -> {
            if (row.skipped()) {
                outcome.rowsSkipped++;
            } else {
                row.unknown().forEach(outcome::unknown);
                row.warnings().forEach(outcome::warning);
            }
            return row.skipped();
        });
        List<Persons.PersonData> unknown = batch.stream().filter(r -> r.errors().isEmpty())
                .map(RowReader.ReadRow::person)
                .filter(p -> {
                    String key = BulkCases.identityKey(p.lastName(), p.firstName(), p.birthDate());
                    return key != null && !persons.containsKey(key);
                })
                .toList();
        Map<String, BulkCases.ExistingPerson> existing = bulk.existingPersons(unknown);
        List<UUID> existingIds = existing.values().stream().map(BulkCases.ExistingPerson::id).toList();
        Set<UUID> alreadyMatched = persons.values().stream().filter(Seen::existing).map(Seen::personId)
                .collect(Collectors.toSet());
        List<UUID> toCheck = new ArrayList<>(existingIds);
        batch.stream().filter(r -> r.errors().isEmpty()).map(r -> persons.get(key(r))).filter(s -> s != null && s.existing())
                .map(Seen::personId).filter(alreadyMatched::contains).distinct().forEach(toCheck::add);
        Map<String, String> existingMeasures = bulk.existingMeasures(toCheck);
        List<BulkCases.CaseRow> rows = new ArrayList<>(batch.size());
        for (RowReader.ReadRow row : batch) {
            if (!row.errors().isEmpty()) {
                row.errors().forEach(outcome::error);
                continue;
            }
            String key = key(row);
            Seen seen = key == null ? null : persons.get(key);
            Persons.PersonData newPerson = null;
            if (seen == null) {
                BulkCases.ExistingPerson match = key == null ? null : existing.get(key);
                if (match != null) {
                    seen = new Seen(row.row(), match.id(), true);
                    outcome.personsMatched++;
                } else {
                    seen = new Seen(row.row(), Ids.newId(), false);
                    newPerson = row.person();
                    outcome.personsCreated++;
                }
                if (key != null) {
                    persons.put(key, seen);
                }
            }
            String measureKey = BulkCases.measureKey(seen.personId(), row.mandate().measureTypeId(),
                    row.mandate().receivedOn());
            Integer firstRow = measures.putIfAbsent(measureKey, row.row());
            String existingMeasure = existingMeasures.get(measureKey);
            if (firstRow != null) {
                outcome.error(new RowReader.RowError(row.row(), "", "", "import.error.duplicateRow", List.of(firstRow)));
            } else if (existingMeasure != null) {
                outcome.error(new RowReader.RowError(row.row(), "", "", "import.error.measureExists",
                        List.of(existingMeasure)));
            } else {
                rows.add(new BulkCases.CaseRow(seen.personId(), newPerson, row.mandate(),
                        row.history().isEmpty() ? row.assigneeId() : null, row.history(),
                        new BulkCases.Imported(jobId, row.fileNumber(), row.notes())));
                outcome.measuresCreated++;
            }
        }
        if (commit && outcome.errorCount == 0 && !rows.isEmpty()) {
            long start = System.nanoTime();
            BulkCases.Written written = bulk.write(rules, rows);
            outcome.writeNanos += System.nanoTime() - start;
            outcome.references.putIfAbsent("firstPerson", written.firstPerson());
            outcome.references.putIfAbsent("firstMeasure", written.firstMeasure());
            if (written.lastPerson() != null) {
                outcome.references.put("lastPerson", written.lastPerson());
            }
            outcome.references.put("lastMeasure", written.lastMeasure());
        }
    }

    private static String key(RowReader.ReadRow row) {
        Persons.PersonData p = row.person();
        return BulkCases.identityKey(p.lastName(), p.firstName(), p.birthDate());
    }

    private void progress(UUID jobId, int rows, int percent) {
        progressTx.executeWithoutResult(s -> jdbc.sql("""
                update import_job set rows_processed = ?, progress = ?, updated_at = now() where id = ?""")
                .param(rows).param(percent).param(jobId).update());
    }

    private void finish(UUID jobId, String status, Outcome o) {
        progressTx.executeWithoutResult(s -> jdbc.sql("""
                update import_job set status = :status, progress = 100, rows_total = :rows, rows_processed = :rows,
                       persons_created = :created, persons_matched = :matched, measures_created = :measures,
                       error_count = :errors, errors = cast(:list as jsonb), error_kinds = cast(:kinds as jsonb),
                       warning_count = :warningCount, warnings = cast(:warnings as jsonb), rows_skipped = :skipped,
                       unknown_values = cast(:unknown as jsonb), finished_at = now(), updated_at = now()
                where id = :id""")
                .param("kinds", json.writeValueAsString(o.errorKinds)).param("warningCount", o.warningCount)
                .param("warnings", json.writeValueAsString(o.warnings)).param("skipped", o.rowsSkipped)
                .param("unknown", json.writeValueAsString(List.copyOf(o.unknown.values())))
                .param("status", status).param("rows", o.rows).param("created", o.personsCreated)
                .param("matched", o.personsMatched).param("measures", o.measuresCreated)
                .param("errors", o.errorCount).param("list", json.writeValueAsString(o.errors)).param("id", jobId)
                .update());
    }

    /** Marks a job failed with one file-level error; nothing was written. */
    void fail(UUID jobId, String key, Object... args) {
        Outcome o = new Outcome();
        o.error(new RowReader.RowError(0, "", "", key, List.of(args)));
        progressTx.executeWithoutResult(s -> jdbc.sql("""
                update import_job set status = 'FAILED', progress = 100, error_count = 1, errors = cast(:list as jsonb),
                       error_kinds = cast(:kinds as jsonb), warning_count = 0, warnings = '[]'::jsonb, rows_skipped = 0,
                       unknown_values = '[]'::jsonb, persons_created = 0, persons_matched = 0, measures_created = 0,
                       finished_at = now(), updated_at = now()
                where id = :id""")
                .param("list", json.writeValueAsString(o.errors)).param("kinds", json.writeValueAsString(o.errorKinds))
                .param("id", jobId).update());
    }

    private static String abbreviate(String value) {
        return value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
