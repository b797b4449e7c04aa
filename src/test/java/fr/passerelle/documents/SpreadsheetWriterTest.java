package fr.passerelle.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class SpreadsheetWriterTest {

    private static final List<String> HEADERS = List.of("Référence", "Nom");
    private static final List<List<String>> ROWS = List.of(
            List.of("M-2026-000001", "=HYPERLINK(\"http://evil\";\"clic\")"),
            Arrays.asList("M-2026-000002", null),
            List.of("M-2026-000003", "Lefèvre; Hélène"));

    @Test
    void neutralisesEverythingASpreadsheetCouldEvaluate() {
        assertThat(SpreadsheetWriter.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetWriter.neutralise("+33 6 12")).isEqualTo("'+33 6 12");
        assertThat(SpreadsheetWriter.neutralise("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetWriter.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetWriter.neutralise("Dupont")).isEqualTo("Dupont");
        assertThat(SpreadsheetWriter.neutralise("")).isEmpty();
        assertThat(SpreadsheetWriter.neutralise(null)).isNull();
    }

    @Test
    void writesCsvAsFrenchExcelReadsIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.CSV, "Portefeuille", HEADERS, ROWS, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFRéférence;Nom\r\n");
        assertThat(csv).contains("M-2026-000001;\"'=HYPERLINK(\"\"http://evil\"\";\"\"clic\"\")\"");
        assertThat(csv).contains("M-2026-000002;\r\n");
        assertThat(csv).contains("M-2026-000003;\"Lefèvre; Hélène\"");
    }

    @Test
    void writesXlsxTextAsStringCellsWithoutAVisibleApostrophe() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.XLSX, "Portefeuille", HEADERS, ROWS, out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Référence");
            // A string cell is shown, never evaluated: the text stays as it is, with no apostrophe to see.
            assertThat(rows.get(1).getCell(1).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(rows.get(1).getCellText(1)).isEqualTo("=HYPERLINK(\"http://evil\";\"clic\")");
            assertThat(rows.get(3).getCellText(1)).isEqualTo("Lefèvre; Hélène");
        }
    }

    private static final List<List<?>> REPORT = List.of(
            List.of("Indicateurs"),
            List.of("Période", "2025"),
            List.of(),
            List.of("Indicateur", "Valeur", "Écart"),
            Arrays.asList("=Mesures", new java.math.BigDecimal("1234.5"), new java.math.BigDecimal("-3")),
            Arrays.asList("Délai", null, 7));

    @Test
    void writesTypedCellsAsCsvWithADecimalComma() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.writeCells(SpreadsheetFormat.CSV, "Indicateurs", REPORT, java.util.Set.of(0, 3), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFIndicateurs\r\nPériode;2025\r\n\r\nIndicateur;Valeur;Écart\r\n");
        // Numbers are numbers (a negative one is not neutralised); text still is.
        assertThat(csv).contains("'=Mesures;1234,5;-3\r\n", "Délai;;7\r\n");
    }

    @Test
    void writesTypedCellsAsXlsxNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.writeCells(SpreadsheetFormat.XLSX, "Indicateurs", REPORT, java.util.Set.of(0, 3), out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Indicateurs");
            Row figures = rows.stream().filter(r -> "=Mesures".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(figures.getCell(0).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(figures.getCell(1).asNumber()).isEqualByComparingTo("1234.5");
            assertThat(figures.getCell(2).asNumber()).isEqualByComparingTo("-3");
            Row delay = rows.stream().filter(r -> "Délai".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(delay.getCell(2).asNumber()).isEqualByComparingTo("7");
        }
    }

    @Test
    void writesATableRowByRowWithRealDateCellsInXlsxAndFrenchDatesInCsv() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.Table table = SpreadsheetWriter.table(SpreadsheetFormat.XLSX, "Dossiers",
                List.of("Nom", "Date de réception", "Échéance"), out);
        for (int i = 0; i < 2500; i++) {
            table.row(Arrays.asList("=Nom" + i, java.time.LocalDate.of(2025, 1, 1).plusDays(i), null));
        }
        table.finish();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2501);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("Date de réception");
            org.dhatim.fastexcel.reader.Cell date = rows.get(2500).getCell(1);
            assertThat(date.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(date.getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(date.asDate().toLocalDate()).isEqualTo(java.time.LocalDate.of(2025, 1, 1).plusDays(2499));
            assertThat(rows.get(1).getCellText(0)).isEqualTo("=Nom0");
        }
        // Texts are written inline, row by row: the shared strings (kept in memory to the end) hold only the headers.
        java.nio.file.Path written = java.nio.file.Files.createTempFile("table", ".xlsx");
        java.nio.file.Files.write(written, out.toByteArray());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(written.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String part = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().endsWith("sharedStrings.xml")) {
                    assertThat(part).doesNotContain("=Nom");
                } else if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    assertThat(part).contains("t=\"inlineStr\"").contains("=Nom2499");
                }
            }
        } finally {
            java.nio.file.Files.delete(written);
        }

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        table = SpreadsheetWriter.table(SpreadsheetFormat.CSV, "Dossiers", List.of("Nom", "Date de réception"), csv);
        table.row(Arrays.asList("=Nom", java.time.LocalDate.of(2025, 3, 9)));
        table.row(Arrays.asList("Lefèvre", null));
        table.finish();
        assertThat(csv.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFNom;Date de réception\r\n'=Nom;09/03/2025\r\nLefèvre;\r\n");
    }
}
