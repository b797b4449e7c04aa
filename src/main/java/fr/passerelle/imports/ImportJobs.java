package fr.passerelle.imports;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs of the current association: a file is uploaded (format, charset and separator
 * detected, headers read), its columns mapped to fields, then checked (dry run) or imported off
 * the request thread, with progress, counts and the per-row errors kept in {@code import_job}.
 */
@Service
public class ImportJobs {

    public static final String PERMISSION = "import:run";
    /** The largest file accepted. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** The most data rows accepted in one file. */
    public static final int MAX_ROWS = 200_000;
    /** Errors (and warnings) of each kind kept for display: every kind keeps its first rows; all are counted. */
    public static final int MAX_KEPT_PER_KIND = 100;
    /** Distinct unknown values listed for the user to map (per file). */
    public static final int MAX_UNKNOWN_VALUES = 300;
    /** Sample rows kept to show under the columns of the mapping. */
    static final int SAMPLE_ROWS = 3;

    private static final List<String> RUNNING = List.of("CHECKING", "IMPORTING");
    /**
     * A running job saves its progress every thousand rows: one silent for ten minutes died with its
     * node (its transaction rolled back), and is shown failed and may be run again.
     */
    private static final String STALE =
            "(status in ('CHECKING', 'IMPORTING') and updated_at < now() - interval '10 minutes')";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ThreadPoolTaskExecutor executor;
    private final ImportRun run;
    private final UploadStore uploads;
    private final ValueChoices choices;
    private final fr.passerelle.measures.BulkCases bulk;
    private final fr.passerelle.network.Courts courts;
    private final SpreadsheetUploads spreadsheets;

    ImportJobs(JdbcClient jdbc, JsonMapper json, AuditLog audit, ImportRun run, UploadStore uploads,
            ValueChoices choices, fr.passerelle.measures.BulkCases bulk, fr.passerelle.network.Courts courts,
            SpreadsheetUploads spreadsheets) {
        this.spreadsheets = spreadsheets;
        this.choices = choices;
        this.bulk = bulk;
        this.courts = courts;
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.run = run;
        this.uploads = uploads;
        // One import at a time per node (a 2-core machine), a few waiting; not a bean, so that the
        // application's own task executor stays as Spring Boot configures it.
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setQueueCapacity(10);
        pool.setThreadNamePrefix("import-");
        pool.initialize();
        this.executor = pool;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** One error of one row of a file (row 0 for the file as a whole). */
    public record RowError(int row, String column, String value, String key, List<Object> args) {}

    /** A distinct value of a mapped column that Passerelle does not recognise, with its number of rows. */
    public record UnknownValue(ImportField field, String value, int rows) {}

    /** The errors of one kind (one message key): how many, and those kept. */
    public record ErrorGroup(String key, int count, List<RowError> errors) {}

    /** An import job as its page shows it. */
    public record Job(UUID id, String fileName, String format, String charset, String separator, long fileSize,
            List<String> headers, Map<Integer, ImportField> mapping, String status, int progress, int rowsTotal,
            int rowsProcessed, int personsCreated, int personsMatched, int measuresCreated, int errorCount,
            List<RowError> errors, Instant createdAt, Instant finishedAt, List<List<String>> samples,
            List<UnknownValue> unknownValues, Map<String, Integer> errorKinds, int warningCount,
            List<RowError> warnings, int rowsSkipped) {

        /** The errors grouped by kind, the most frequent first (then in the order of the file). */
        public List<ErrorGroup> errorGroups() {
            Map<String, List<RowError>> kept = new LinkedHashMap<>();
            errors.forEach(e -> kept.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
            Map<String, Integer> counts = new LinkedHashMap<>(errorKinds);
            kept.forEach((key, list) -> counts.merge(key, list.size(), Math::max));
            return counts.entrySet().stream()
                    .map(e -> new ErrorGroup(e.getKey(), e.getValue(), kept.getOrDefault(e.getKey(), List.of())))
                    .sorted(java.util.Comparator.comparingInt(ErrorGroup::count).reversed()
                            .thenComparingInt(g -> g.errors().isEmpty() ? Integer.MAX_VALUE : g.errors().get(0).row()))
                    .toList();
        }

        /** The errors of each kind listed (the first ones of the file); the others are only counted. */
        public int keptPerKind() {
            return MAX_KEPT_PER_KIND;
        }

        /** The sample values of a column (the first rows of the file). */
        public List<String> samplesOf(int column) {
            return samples.stream().map(row -> column < row.size() ? row.get(column) : "")
                    .filter(v -> !v.isBlank()).toList();
        }

        /** Whether the dry run's errors can be downloaded with the file (it is still stored, not imported). */
        public boolean errorsDownloadable() {
            return errorCount > 0 && !imported() && !running() && rowsTotal > 0;
        }

        public boolean running() {
            return RUNNING.contains(status);
        }

        /** Whether a dry run found no error: the import may be run. */
        public boolean checkedClean() {
            return "CHECKED".equals(status) && errorCount == 0;
        }

        public boolean imported() {
            return "IMPORTED".equals(status);
        }

        /** The separator's name, for its message key: semicolon, comma or tab. */
        public String separatorKey() {
            return "\t".equals(separator) ? "tab" : ",".equals(separator) ? "comma" : "semicolon";
        }

        public boolean mappable() {
            return !running() && !imported();
        }
    }

    /** A job in the list of recent imports. */
    public record JobSummary(UUID id, String fileName, String status, int measuresCreated, int errorCount,
            Instant createdAt) {}

    /** Which file is refused, and why (a message key with its arguments). */
    public static class FileRefused extends BusinessException {
        FileRefused(String key, Object... args) {
            super(400, key, args);
        }
    }

    /** Keeps the uploaded file, detects its layout and proposes a mapping; refuses unreadable or oversized files. */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional
    public UUID upload(String originalName, long size, InputStream content) {
        UUID id = spreadsheets.receive(SpreadsheetUploads.Purpose.CASELOAD, originalName, size, content);
        Job job = get(id);
        audit.record("import.uploaded", "import_job", id, Map.of("file", job.fileName(), "size", size,
                "format", job.format()));
        return id;
    }

    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional(readOnly = true)
    public Job get(UUID id) {
        return jdbc.sql("select *, " + STALE + " as stale from import_job where id = ? and purpose = 'CASELOAD'").param(id).query(this::map)
                .optional()
                .orElseThrow(BusinessException::notFound);
    }

    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional(readOnly = true)
    public List<JobSummary> recent() {
        return jdbc.sql("""
                select id, file_name, status, measures_created, error_count, created_at from import_job
                where purpose = 'CASELOAD' order by created_at desc limit 20""")
                .query((rs, n) -> new JobSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Saves the mapping (column index to field) and starts a dry run ({@code commit} false) or the
     * import. Refused when a required field is not mapped or a field is mapped twice.
     */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional
    public void map(UUID id, Map<Integer, ImportField> mapping, boolean commit) {
        Job job = get(id);
        List<ImportField> used = new ArrayList<>(mapping.values());
        for (ImportField field : ImportField.values()) {
            if (used.stream().filter(field::equals).count() > 1) {
                throw new BusinessException(400, "import.mapping.twice", field.name());
            }
        }
        List<ImportField> missing = java.util.Arrays.stream(ImportField.values())
                .filter(f -> f.required() && !used.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new BusinessException(400, "import.mapping.missing", missing.get(0).name());
        }
        if (mapping.keySet().stream().anyMatch(c -> c < 0 || c >= job.headers().size())) {
            throw new BusinessException(400, "import.mapping.missing", ImportField.LAST_NAME.name());
        }
        if (!job.mappable()) {
            throw BusinessException.conflict("import.busy");
        }
        jdbc.sql("update import_job set mapping = cast(:mapping as jsonb) where id = :id")
                .param("mapping", json.writeValueAsString(new TreeMap<>(mapping))).param("id", id).update();
        start(id, commit);
    }

    /** Starts the import of a file whose mapping is saved (the dry run is advised, not required). */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional
    public void commit(UUID id) {
        Job job = get(id);
        if (job.mapping().isEmpty()) {
            throw new BusinessException(400, "import.mapping.missing", ImportField.LAST_NAME.name());
        }
        start(id, true);
    }

    private void start(UUID id, boolean commit) {
        if (!uploads.exists(id)) {
            throw BusinessException.conflict("import.file.expired");
        }
        int updated = jdbc.sql("""
                update import_job set status = :status, progress = 0, rows_processed = 0, updated_at = now(),
                       finished_at = null
                where id = :id and (status not in ('CHECKING', 'IMPORTING', 'IMPORTED') or""" + STALE + ")")
                .param("status", commit ? "IMPORTING" : "CHECKING").param("id", id).update();
        if (updated == 0) {
            throw BusinessException.conflict("import.busy");
        }
        audit.record(commit ? "import.started" : "import.checked", "import_job", id, Map.of());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        Runnable work = () -> {
            SecurityContextHolder.getContext().setAuthentication(authentication);
            try {
                TenantContext.runAs(organisation, () -> run.run(id, commit));
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        try {
                            executor.execute(work);
                        } catch (TaskRejectedException e) {
                            TenantContext.runAs(organisation, () -> run.fail(id, "import.queueFull"));
                        }
                    }
                });
    }

    /** A choice for an unknown value: a known value (its id or code) or {@link #SKIP}. */
    public record ValueChoice(ImportField field, String value, String choice) {}

    /** The choice that leaves out the rows holding a value. */
    public static final String SKIP = RowReader.SKIP;

    /**
     * Remembers the association's choices for unknown values (each a value of a mapped column, and a
     * known value or {@link #SKIP}; an empty choice is no choice), then checks the file again with them.
     */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional
    public void chooseValues(UUID id, List<ValueChoice> chosen) {
        Job job = get(id);
        KnownValues known = knownValues();
        if (!job.mappable()) {
            throw BusinessException.conflict("import.busy");
        }
        int saved = 0;
        for (ValueChoice c : chosen) {
            if (c.choice() == null || c.choice().isBlank()) {
                continue;
            }
            if (!ImportField.MAPPED_VALUES.contains(c.field()) || !known.accepts(c.field(), c.choice())) {
                throw new BusinessException(400, "import.values.invalid", c.value());
            }
            choices.save(c.field(), c.value(), c.choice());
            saved++;
        }
        audit.record("import.valuesChosen", "import_job", id, Map.of("choices", saved));
        start(id, false);
    }

    /**
     * Writes the file with every error beside its row (XLSX), for the user to correct and upload
     * again; {@code message} says an error in the user's language.
     */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional
    public void writeErrors(UUID id, Function<RowError, String> message, String sheetName, String errorsHeader,
            OutputStream out) {
        Job job = requireErrorsDownloadable(id);
        audit.recordCommitted("import.errorsDownloaded", "import_job", id, Map.of("errors", job.errorCount()));
        ErrorsWorkbook.write(uploads.source(id), run.job(id).layout(), run.allErrors(id), message, sheetName,
                errorsHeader, out);
    }

    /**
     * The job whose errors may be downloaded: refused (404) when it has none or is imported, and
     * (409) when its file has expired; checked before the response starts.
     */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional(readOnly = true)
    public Job requireErrorsDownloadable(UUID id) {
        Job job = get(id);
        if (!job.errorsDownloadable()) {
            throw BusinessException.notFound();
        }
        if (!uploads.exists(id)) {
            throw BusinessException.conflict("import.file.expired");
        }
        return job;
    }

    /**
     * A choice the association made for an unknown value, as its imports page lists it: the known
     * value chosen ({@code option}; null when it leaves the rows out, or no longer exists).
     */
    public record RememberedChoice(ImportField field, String value, String choice, KnownValues.Option option) {

        public boolean skips() {
            return SKIP.equals(choice);
        }
    }

    /** The association's remembered choices for unknown values. */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional(readOnly = true)
    public List<RememberedChoice> rememberedChoices() {
        KnownValues known = knownValues();
        return choices.list().stream().map(r -> new RememberedChoice(r.field(), r.value(), r.choice(),
                known.option(r.field(), r.choice()).orElse(null))).toList();
    }

    /** Forgets a remembered choice: the association's next files ask again for this value. */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional
    public void forgetChoice(ImportField field, String value) {
        if (value != null && choices.forget(field, value)) {
            audit.record("import.choiceForgotten", "import_value_choice", field.name(), Map.of("value", value));
        }
    }

    /** The values a user may choose for the unknown values of a file. */
    @PreAuthorize("hasAuthority('" + PERMISSION + "')")
    @Transactional(readOnly = true)
    public KnownValues knownValues() {
        return KnownValues.of(bulk.rules(), courts.judicialCourts("", ""));
    }

    /** Why a file named so is refused: what it is, when its extension says it, and what to send instead. */
    static String typeRefusal(String lowerCaseName) {
        String extension = lowerCaseName.substring(lowerCaseName.lastIndexOf('.') + 1);
        return switch (extension) {
            case "xls", "xlsm", "xlsb" -> "import.file.oldExcel";
            case "ods", "odt", "odp" -> "import.file.notTabular.openDocument";
            case "pdf" -> "import.file.notTabular.pdf";
            case "png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp", "webp", "heic" -> "import.file.notTabular.image";
            case "doc", "docx", "ppt", "pptx", "zip", "rtf" -> "import.file.notTabular.document";
            default -> "import.file.type";
        };
    }

    /** The file's own name, whatever path or odd characters the browser sent with it. */
    static String fileName(String originalName) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "import" : name;
    }

    private Job map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        List<String> headers = json.readValue(rs.getString("headers"), new TypeReference<List<String>>() {});
        Map<Integer, ImportField> mapping = new TreeMap<>();
        Optional.ofNullable(rs.getString("mapping")).map(m -> json.readValue(m,
                new TypeReference<LinkedHashMap<Integer, ImportField>>() {})).ifPresent(mapping::putAll);
        List<RowError> errors = json.readValue(rs.getString("errors"), new TypeReference<List<RowError>>() {});
        boolean stale = rs.getBoolean("stale");
        if (stale) {
            errors = List.of(new RowError(0, "", "", "import.interrupted", List.of()));
        }
        List<List<String>> samples = json.readValue(rs.getString("samples"), new TypeReference<List<List<String>>>() {});
        List<UnknownValue> unknown = json.readValue(rs.getString("unknown_values"),
                new TypeReference<List<UnknownValue>>() {});
        Map<String, Integer> kinds = json.readValue(rs.getString("error_kinds"),
                new TypeReference<LinkedHashMap<String, Integer>>() {});
        List<RowError> warnings = json.readValue(rs.getString("warnings"), new TypeReference<List<RowError>>() {});
        if (stale) {
            kinds = Map.of("import.interrupted", 1);
        }
        return new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("file_format"),
                rs.getString("charset"), rs.getString("separator"), rs.getLong("file_size"), headers, mapping,
                stale ? "FAILED" : rs.getString("status"), rs.getInt("progress"), rs.getInt("rows_total"),
                rs.getInt("rows_processed"),
                rs.getInt("persons_created"), rs.getInt("persons_matched"), rs.getInt("measures_created"),
                rs.getInt("error_count"), errors, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), samples,
                unknown, kinds, rs.getInt("warning_count"), warnings, rs.getInt("rows_skipped"));
    }
}
