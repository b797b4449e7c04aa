package fr.passerelle.imports;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.documents.SpreadsheetWriter;
import fr.passerelle.measures.BulkCases;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole caseload of the association as a file the caseload import reads back as it is, in
 * this Passerelle or another: one row per measure with its person, every column the import reads,
 * under headers it recognises, and values it understands (dates as date cells in XLSX, dd/MM/yyyy
 * in CSV; prescribers, statuses and outcomes by their French names; the case worker by login). The
 * file is an exchange format, so its headers and values are French whatever the user's language.
 * Health details are never exported.
 */
@Service
public class CaseloadExport {

    /** One column: its header and its value for a measure (text, date or null). */
    record Column(String header, Function<BulkCases.ExportedCase, Object> value) {}

    /** The file's name without its extension. */
    public static final String FILE_NAME = "dossiers-passerelle";

    private final BulkCases bulk;
    private final AuditLog audit;
    private final MessageSource messages;
    private final List<Column> columns;

    /** Who may export the whole caseload: who imports, and reads the persons and their measures. */
    public static final String PERMISSIONS = "hasAuthority('" + ImportJobs.PERMISSION
            + "') and hasAuthority('person:read') and hasAuthority('measure:read')";

    CaseloadExport(BulkCases bulk, AuditLog audit, MessageSource messages) {
        this.bulk = bulk;
        this.audit = audit;
        this.messages = messages;
        this.columns = columns();
    }

    /**
     * The columns, in the order of the file; each header is one the import recognises for its
     * field (see {@link ImportField}). The association's own file number is the one imported with
     * the measure, else its Passerelle reference, so that the next Passerelle keeps a way back.
     */
    private List<Column> columns() {
        return List.of(
                new Column("Nom", c -> c.person().lastName()),
                new Column("Prénom", c -> c.person().firstName()),
                new Column("Date de naissance", c -> c.person().birthDate()),
                new Column("Sexe", c -> c.person().sex()),
                new Column("Téléphone", c -> c.person().phone()),
                new Column("Courriel", c -> c.person().email()),
                new Column("Adresse", c -> c.person().address()),
                new Column("Type de mesure", BulkCases.ExportedCase::typeLabel),
                new Column("Juridiction", BulkCases.ExportedCase::courtCode),
                new Column("Prescripteur", c -> french("measure.prescriber." + c.prescriberType())),
                new Column("Magistrat", BulkCases.ExportedCase::prescriberName),
                new Column("N° parquet", BulkCases.ExportedCase::parquetNumber),
                new Column("N° instruction", BulkCases.ExportedCase::instructionNumber),
                new Column("Date de réception", BulkCases.ExportedCase::receivedOn),
                new Column("Échéance", BulkCases.ExportedCase::dueOn),
                new Column("Référent", BulkCases.ExportedCase::assigneeLogin),
                new Column("Statut", c -> french("measure.status." + c.status())),
                new Column("Date du premier entretien", BulkCases.ExportedCase::startedOn),
                new Column("Date de fin", BulkCases.ExportedCase::endedOn),
                new Column("Issue", c -> c.outcome() == null ? null : french("measure.outcome." + c.outcome())),
                new Column("N° dossier", c -> c.fileNumber() != null ? c.fileNumber() : c.reference()),
                new Column("Notes", BulkCases.ExportedCase::notes));
    }

    /** The headers of the file, in order. */
    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    private String french(String key) {
        return messages.getMessage(key, null, Locale.FRENCH);
    }

    /**
     * Refuses (409) a caseload larger than one import accepts; called before the response starts, so
     * that the refusal is the normal error page and not a downloaded file.
     */
    @PreAuthorize(PERMISSIONS)
    public void requireExportable() {
        bulk.requireExportable(ImportJobs.MAX_ROWS);
    }

    /**
     * Writes every measure of the current association to {@code out} (at most as many as one import
     * accepts, else 409). Audited with the number of measures BEFORE the first byte is written, in its
     * own committed transaction, so that a download broken midway (or a failing stream) is still in
     * the audit trail. Returns the number of measures written. The file holds every person's contact
     * details: it needs the person and measure read permissions on top of the import's.
     */
    @PreAuthorize(PERMISSIONS)
    @Transactional
    public int write(SpreadsheetFormat format, OutputStream out) {
        int count = bulk.requireExportable(ImportJobs.MAX_ROWS);
        audit.recordCommitted("caseload.exported.full", "caseload", "ALL",
                Map.of("format", format.name(), "lines", count));
        SpreadsheetWriter.Table table = SpreadsheetWriter.table(format, "Dossiers",
                headers(), out);
        int written = bulk.export(ImportJobs.MAX_ROWS,
                c -> table.row(Arrays.asList(columns.stream().map(column -> column.value().apply(c)).toArray())));
        table.finish();
        return written;
    }
}
