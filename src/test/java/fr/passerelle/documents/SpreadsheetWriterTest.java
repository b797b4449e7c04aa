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
    void writesXlsxWithNeutralisedText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetWriter.write(SpreadsheetFormat.XLSX, "Portefeuille", HEADERS, ROWS, out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Référence");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://evil\";\"clic\")");
            assertThat(rows.get(3).getCellText(1)).isEqualTo("Lefèvre; Hélène");
        }
    }
}
