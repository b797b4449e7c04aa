package fr.passerelle.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The file as it was uploaded, every row in its place, with one more column that says what is wrong
 * with each row: the user corrects the rows in a spreadsheet and uploads the whole file again (the
 * extra column is not mapped, so it is ignored). Cells are written as text, never as formulas.
 */
final class ErrorsWorkbook {

    /** Rows written between two flushes of the sheet (the workbook streams, it is never held whole). */
    private static final int FLUSH_EVERY = 1000;

    private ErrorsWorkbook() {}

    static void write(TabularFile.Source file, TabularFile.Layout layout, Map<Integer, List<ImportJobs.RowError>> errors,
            Function<ImportJobs.RowError, String> message, String sheetName, String errorsHeader, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Passerelle", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            List<String> headers = layout.headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            sheet.value(0, headers.size(), errorsHeader);
            sheet.range(0, 0, 0, headers.size()).style().bold().set();
            int r = 0;
            try (TabularFile.Lines lines = TabularFile.open(file, layout, b -> { })) {
                while (lines.hasNext()) {
                    TabularFile.Line line = lines.next();
                    r++;
                    for (int c = 0; c < line.cells().size(); c++) {
                        String cell = line.cell(c);
                        if (!cell.isEmpty()) {
                            // Inline, not shared: a shared string table would keep the whole file in memory.
                            sheet.inlineString(r, c, cell);
                        }
                    }
                    List<ImportJobs.RowError> rowErrors = errors.get(line.number());
                    if (rowErrors != null) {
                        sheet.inlineString(r, Math.max(headers.size(), line.cells().size()), rowErrors.stream()
                                .map(e -> (e.column().isEmpty() ? "" : e.column() + " : ") + message.apply(e))
                                .collect(Collectors.joining(" ; ")));
                    }
                    if (r % FLUSH_EVERY == 0) {
                        sheet.flush();
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
