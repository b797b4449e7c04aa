package fr.passerelle.imports;

import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CSV or XLSX file received and read as the caseload import does it, for any list a module
 * imports: the same size limit, format detection by content (not by name), charset and separator
 * detection, zip-bomb guard, the file kept in the database under row-level security (never on a
 * node's disk, an XLSX file read from a short-lived owner-only copy) and deleted once imported or
 * after the expiry. The caller checks its own permission before each call.
 */
@Service
public class SpreadsheetUploads {

    /** What list a file holds: the caseload pages open only their own files. */
    public enum Purpose { CASELOAD, PARTNERS }

    /** A received file: its headers and the first rows, to show beside each column. */
    public record Upload(UUID id, String fileName, String format, List<String> headers, List<List<String>> samples) {

        /** The non-blank sample values of a column. */
        public List<String> samplesOf(int column) {
            return samples.stream().map(row -> column < row.size() ? row.get(column) : "").filter(v -> !v.isBlank())
                    .toList();
        }
    }

    /** A data row: its number in the file (the header is row 1) and its cells, trimmed. */
    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final UploadStore uploads;

    SpreadsheetUploads(JdbcClient jdbc, JsonMapper json, UploadStore uploads) {
        this.jdbc = jdbc;
        this.json = json;
        this.uploads = uploads;
    }

    /**
     * Keeps an uploaded file of the current association and reads its headers and first rows;
     * refuses ({@link ImportJobs.FileRefused}, nothing kept) an empty, oversized, unreadable or
     * mislabelled file, or one that is not a spreadsheet.
     */
    @Transactional
    public UUID receive(Purpose purpose, String originalName, long size, InputStream content) {
        UUID organisation = TenantContext.currentOrganisationId()
                .orElseThrow(() -> new AccessDeniedException("no association"));
        if (size <= 0) {
            throw new ImportJobs.FileRefused("import.file.empty");
        }
        if (size > ImportJobs.MAX_BYTES) {
            throw new ImportJobs.FileRefused("import.file.tooLarge", ImportJobs.MAX_BYTES / (1024 * 1024));
        }
        String name = ImportJobs.fileName(originalName);
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".xlsx"))) {
            throw new ImportJobs.FileRefused(ImportJobs.typeRefusal(lower));
        }
        UUID id = Ids.newId();
        try {
            if (uploads.save(id, content, ImportJobs.MAX_BYTES) == 0) {
                throw new ImportJobs.FileRefused("import.file.empty");
            }
        } catch (IOException e) {
            throw new ImportJobs.FileRefused("import.file.unreadable");
        } catch (UploadStore.TooLarge e) {
            throw new ImportJobs.FileRefused("import.file.tooLarge", ImportJobs.MAX_BYTES / (1024 * 1024));
        }
        // A refusal below rolls the transaction back, and the stored file with it.
        TabularFile.Layout layout;
        try {
            layout = TabularFile.detect(uploads.source(id));
        } catch (TabularFile.Unreadable e) {
            throw new ImportJobs.FileRefused(e.messageKey(), e.arguments());
        } catch (RuntimeException e) {
            throw new ImportJobs.FileRefused("import.file.unreadable");
        }
        if (lower.endsWith(".xlsx") != "XLSX".equals(layout.format())) {
            throw new ImportJobs.FileRefused("import.file.type");
        }
        List<List<String>> samples = new ArrayList<>();
        try (TabularFile.Lines lines = TabularFile.open(uploads.source(id), layout, b -> { })) {
            while (lines.hasNext() && samples.size() < ImportJobs.SAMPLE_ROWS) {
                samples.add(lines.next().cells().stream().map(SpreadsheetUploads::sample).toList());
            }
        } catch (RuntimeException e) {
            throw new ImportJobs.FileRefused("import.file.unreadable");
        }
        jdbc.sql("""
                insert into import_job (id, organisation_id, created_by, file_name, file_format, file_size, charset,
                                        separator, headers, mapping, status, samples, purpose)
                values (:id, :org, :by, :name, :format, :size, :charset, :sep, cast(:headers as jsonb),
                        cast(:mapping as jsonb), 'UPLOADED', cast(:samples as jsonb), :purpose)""")
                .param("samples", json.writeValueAsString(samples))
                .param("id", id).param("org", organisation)
                .param("by", TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .param("name", name.length() > 255 ? name.substring(0, 255) : name).param("format", layout.format())
                .param("size", size).param("charset", layout.charset())
                .param("sep", layout.separator() == null ? null : String.valueOf(layout.separator()))
                .param("headers", json.writeValueAsString(layout.headers()))
                .param("mapping", purpose == Purpose.CASELOAD
                        ? json.writeValueAsString(ImportField.propose(layout.headers())) : null)
                .param("purpose", purpose.name())
                .update();
        return id;
    }

    /** A file received for this purpose and not yet imported; 404 when unknown, 409 when expired or imported. */
    @Transactional(readOnly = true)
    public Upload upload(Purpose purpose, UUID id) {
        return find(purpose, id, "");
    }

    /**
     * The file, as {@link #upload}, locked until the caller's transaction ends: two imports of one
     * file run one after the other, and the second finds it imported (409).
     */
    @Transactional
    public Upload claim(Purpose purpose, UUID id) {
        return find(purpose, id, " for update");
    }

    private Upload find(Purpose purpose, UUID id, String lock) {
        Upload upload = jdbc.sql("""
                select id, file_name, file_format, headers, samples from import_job where id = ? and purpose = ?"""
                + lock)
                .params(id, purpose.name())
                .query((rs, n) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        json.readValue(rs.getString(4), new TypeReference<List<String>>() {}),
                        json.readValue(rs.getString(5), new TypeReference<List<List<String>>>() {})))
                .optional().orElseThrow(BusinessException::notFound);
        if (!uploads.exists(id)) {
            throw BusinessException.conflict("import.file.expired");
        }
        return upload;
    }

    /**
     * Gives every data row of the file to {@code action}, in order, in the caller's transaction;
     * refuses the file ({@link ImportJobs.FileRefused}) beyond {@code maxRows} rows or when a row
     * cannot be read.
     */
    @Transactional
    public void forEachRow(Purpose purpose, UUID id, int maxRows, Consumer<Row> action) {
        upload(purpose, id);
        TabularFile.Layout layout = jdbc.sql("select file_format, charset, separator, headers from import_job where id = ?")
                .param(id)
                .query((rs, n) -> new TabularFile.Layout(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? null : rs.getString(3).charAt(0),
                        json.readValue(rs.getString(4), new TypeReference<List<String>>() {})))
                .single();
        int rows = 0;
        try (TabularFile.Lines lines = TabularFile.open(uploads.source(id), layout, b -> { })) {
            while (lines.hasNext()) {
                if (++rows > maxRows) {
                    throw new ImportJobs.FileRefused("import.file.tooManyRows", maxRows);
                }
                TabularFile.Line line = lines.next();
                action.accept(new Row(line.number(), line.cells()));
            }
        } catch (TabularFile.Unreadable e) {
            throw new ImportJobs.FileRefused(e.messageKey(), e.arguments());
        }
    }

    /** Deletes the file, its list being imported (in the caller's transaction: kept if it rolls back). */
    @Transactional
    public void imported(Purpose purpose, UUID id) {
        upload(purpose, id);
        uploads.delete(id);
        jdbc.sql("update import_job set status = 'IMPORTED', finished_at = now(), updated_at = now() where id = ?")
                .param(id).update();
    }

    /** A text as spreadsheets' values are compared: lower case, without accents or punctuation. */
    public static String comparable(String text) {
        return FrenchValues.key(text);
    }

    /** Whether a cell starts like a spreadsheet formula (imported as plain text, worth a warning). */
    public static boolean looksLikeFormula(String text) {
        return FrenchValues.looksLikeFormula(text);
    }

    static String sample(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
