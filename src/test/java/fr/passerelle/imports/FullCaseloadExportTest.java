package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.documents.SpreadsheetFormat;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full caseload export is read back by the import's own reader as it is: every value of every
 * column the import reads comes back equal, in XLSX (real date cells, text as text) and in CSV
 * (formula-looking text neutralised, and the neutralisation undone on reading).
 */
@PasserelleIntegrationTest
class FullCaseloadExportTest {

    @Autowired
    CaseloadExport export;

    @Autowired
    BulkCases bulk;

    @Autowired
    Courts courts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    final String family = "Exportçé" + ThreadLocalRandom.current().nextInt(1_000_000);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theXlsxExportImportsBackAsItIsWithRealDateCellsAndNoVisibleApostrophe() throws Exception {
        Map<String, BulkCases.CaseRow> written = givenMeasures();
        byte[] xlsx = exported(SpreadsheetFormat.XLSX);

        assertReadsBack(xlsx, "XLSX", written);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> headers = export.headers();
            Row ended = rows.stream().filter(r -> ("=" + family).equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(ended.getCell(0).getType()).isEqualTo(CellType.STRING);
            for (String dateColumn : List.of("Date de naissance", "Date de réception", "Échéance", "Date de fin")) {
                Cell date = ended.getCell(headers.indexOf(dateColumn));
                assertThat(date.getType()).as(dateColumn).isEqualTo(CellType.NUMBER);
                assertThat(TabularFile.isDateFormat(date.getDataFormatId(), date.getDataFormatString())).isTrue();
            }
            assertThat(ended.getCell(headers.indexOf("Date de fin")).asDate().toLocalDate())
                    .isEqualTo(LocalDate.of(2025, 9, 30));
            assertThat(ended.getCellText(headers.indexOf("Téléphone"))).isEqualTo("+33 6 12 34 56 78");
        }
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from audit_event where action = 'caseload.exported.full' and details ->> 'format' = 'XLSX'""")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theCsvExportNeutralisesFormulasAndImportsBackAsItIs() throws Exception {
        Map<String, BulkCases.CaseRow> written = givenMeasures();
        byte[] csv = exported(SpreadsheetFormat.CSV);

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(";", export.headers()) + "\r\n");
        assertThat(text).contains("'=" + family + ";", "'+33 6 12 34 56 78").doesNotContain(";=" + family);
        assertReadsBack(csv, "CSV", written);
    }

    @Test
    void everyColumnTheImportReadsIsExportedUnderAHeaderItRecognises() {
        List<String> headers = export.headers();
        Map<Integer, ImportField> proposed = ImportField.propose(headers);
        assertThat(proposed.values()).containsExactlyInAnyOrder(ImportField.values());
        proposed.forEach((column, field) -> assertThat(ImportField.ofHeader(headers.get(column))).contains(field));
        // Exported for the import's lifecycle columns, under the headers it is to recognise.
        assertThat(headers).contains("Statut", "Date du premier entretien", "Date de fin", "Issue", "N° dossier",
                "Notes");
    }

    @Test
    void anImportedReceptionIn1900IsRefusedOnItsColumn() {
        as("admin.asso");
        List<String> headers = export.headers();
        List<String> cells = new ArrayList<>(java.util.Collections.nCopies(headers.size(), ""));
        cells.set(headers.indexOf("Nom"), family);
        cells.set(headers.indexOf("Prénom"), "Léa");
        cells.set(headers.indexOf("Type de mesure"), type("TIG").label());
        cells.set(headers.indexOf("Juridiction"), "TJ-LYON");
        cells.set(headers.indexOf("Prescripteur"), "Parquet");
        cells.set(headers.indexOf("Date de réception"), "01/03/1900");
        RowReader.ReadRow row = new RowReader(headers, ImportField.propose(headers), bulk.rules(),
                courts.judicialCourts("", "")).read(new TabularFile.Line(2, cells));
        assertThat(row.errors()).extracting(RowReader.RowError::column, RowReader.RowError::value,
                RowReader.RowError::key).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Date de réception", "01/03/1900",
                                "measure.receivedOn.tooOld"));
    }

    /** Reads the file with the import's reader and compares each of this test's rows with what was written. */
    private void assertReadsBack(byte[] file, String format, Map<String, BulkCases.CaseRow> written) {
        TabularFile.Source source = () -> new ByteArrayInputStream(file);
        TabularFile.Layout layout = TabularFile.detect(source);
        assertThat(layout.format()).isEqualTo(format);
        assertThat(layout.headers()).containsExactlyElementsOf(export.headers());
        Map<Integer, ImportField> mapping = ImportField.propose(layout.headers());
        RowReader reader = new RowReader(layout.headers(), mapping, bulk.rules(), courts.judicialCourts("", ""));
        UUID worker = bulk.rules().caseWorker("intervenant").orElseThrow();
        Map<String, List<String>> raw = new HashMap<>();
        Map<String, RowReader.ReadRow> read = new HashMap<>();
        try (TabularFile.Lines lines = TabularFile.open(source, layout, null)) {
            while (lines.hasNext()) {
                TabularFile.Line line = lines.next();
                RowReader.ReadRow row = reader.read(line);
                if (row.person().lastName() != null && row.person().lastName().endsWith(family)) {
                    read.put(row.person().firstName(), row);
                    raw.put(row.person().firstName(), line.cells());
                }
            }
        }
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
        written.forEach((firstName, expected) -> {
            RowReader.ReadRow row = read.get(firstName);
            assertThat(row.errors()).as(firstName).isEmpty();
            Persons.PersonData p = expected.newPerson();
            assertThat(row.person()).isEqualTo(new Persons.PersonData(p.lastName(), p.firstName(), p.birthDate(),
                    p.sex(), null, p.phone(), p.email(), p.address(), null, null, null));
            Measures.Mandate m = expected.mandate();
            assertThat(row.mandate()).isEqualTo(new Measures.Mandate(m.measureTypeId(), m.courtCode(),
                    m.prescriberType(), m.prescriberName(), m.parquetNumber(), m.instructionNumber(), m.receivedOn(),
                    m.dueOn()));
            boolean assigned = !expected.history().isEmpty();
            assertThat(row.assigneeId()).isEqualTo(assigned ? worker : null);
        });
        List<String> headers = layout.headers();
        List<String> ended = raw.get("Zoé");
        assertThat(ended.get(headers.indexOf("Statut"))).isEqualTo("Terminée");
        assertThat(ended.get(headers.indexOf("Date de fin"))).isEqualTo("30/09/2025");
        assertThat(ended.get(headers.indexOf("Issue"))).isEqualTo("Terminée à son terme");
        assertThat(ended.get(headers.indexOf("Date du premier entretien"))).isEqualTo("20/03/2025");
        assertThat(ended.get(headers.indexOf("N° dossier"))).as("no imported file number: the reference")
                .matches("M-\\d{4}-\\d{6}");
        List<String> received = raw.get("Émile");
        assertThat(received.get(headers.indexOf("Statut"))).isEqualTo("Saisine reçue");
        assertThat(received.get(headers.indexOf("Date de fin"))).isEmpty();
        assertThat(received.get(headers.indexOf("Issue"))).isEmpty();
    }

    /** Two measures of this test's persons: one assigned, started and ended, one just received. */
    private Map<String, BulkCases.CaseRow> givenMeasures() {
        as("admin.asso");
        BulkCases.Rules rules = bulk.rules();
        UUID worker = rules.caseWorker("intervenant").orElseThrow();
        BulkCases.CaseRow ended = new BulkCases.CaseRow(UUID.randomUUID(),
                new Persons.PersonData("=" + family, "Zoé", LocalDate.of(1985, 3, 14), "F", null, "+33 6 12 34 56 78",
                        "zoe@example.org", "12 rue des Lilas\n69003 Lyon", null, null, null),
                new Measures.Mandate(type("TIG").id(), "TJ-LYON", "JAP", "Mme Juge; « Lyon »", "24/001", "INS-7",
                        LocalDate.of(2025, 3, 3), LocalDate.of(2025, 12, 3)),
                null, List.of(new BulkCases.Step(MeasureAction.ASSIGN, LocalDate.of(2025, 3, 4), worker, null, null),
                        new BulkCases.Step(MeasureAction.START, LocalDate.of(2025, 3, 20), null, null, null),
                        new BulkCases.Step(MeasureAction.END, LocalDate.of(2025, 9, 30), null,
                                MeasureOutcome.COMPLETED, null)));
        BulkCases.CaseRow received = new BulkCases.CaseRow(UUID.randomUUID(),
                new Persons.PersonData(family, "Émile", null, null, null, null, null, null, null, null, null),
                new Measures.Mandate(type("CJSE").id(), "TJ-LYON", "PARQUET", null, null, null,
                        LocalDate.of(2025, 10, 1), null),
                null);
        transactions.executeWithoutResult(status -> bulk.write(rules, List.of(ended, received)));
        return Map.of("Zoé", ended, "Émile", received);
    }

    @Test
    void theAssociationAdministratorWhoImportsMayNotExportThePersonsFiles() {
        as("admin.asso");
        assertThatThrownBy(() -> export.write(SpreadsheetFormat.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(export::requireExportable).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anExportWhoseStreamFailsIsStillInTheAuditTrail() {
        givenMeasures();
        as("cheffe.service");
        long before = fullExports();
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the browser went away");
            }
        };

        assertThatThrownBy(() -> export.write(SpreadsheetFormat.CSV, broken)).isNotNull();

        assertThat(fullExports()).as("audited before the first byte, in its own transaction").isEqualTo(before + 1);
    }

    private long fullExports() {
        return OwnerSql.of(server).sql("select count(*) from audit_event where action = 'caseload.exported.full'")
                .query(Long.class).single();
    }

    private byte[] exported(SpreadsheetFormat format) {
        as("cheffe.service");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(export.write(format, out)).isGreaterThanOrEqualTo(2);
        return out.toByteArray();
    }

    private MeasureCatalogue.MeasureType type(String code) {
        return bulk.rules().types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    private PasserelleUser as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }
}
