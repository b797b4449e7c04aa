package fr.passerelle.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table to CSV (as French Excel reads it) or XLSX. Every text cell that a spreadsheet
 * could take for a formula (starting with = + - @ or a tab or carriage return) is neutralised with a
 * leading apostrophe, so that an exported name can never run as a formula (CSV injection).
 */
public final class SpreadsheetWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SpreadsheetWriter() {}

    /** Writes a header row then the rows; values are written as text, nulls as empty cells. */
    public static void write(SpreadsheetFormat format, String sheetName, List<String> headers, List<List<String>> rows,
            OutputStream out) {
        try {
            if (format == SpreadsheetFormat.CSV) {
                writeCsv(headers, rows, out);
            } else {
                writeXlsx(sheetName, headers, rows, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spreadsheet", e);
        }
    }

    /**
     * Writes rows of typed cells as they come (a report: a few lines of context, then tables): text
     * cells, numbers (numbers in XLSX, with a decimal comma in CSV as French Excel reads them) and
     * nulls (empty cells); the rows whose indexes are in {@code headings} are bold in XLSX.
     */
    public static void writeCells(SpreadsheetFormat format, String sheetName, List<? extends List<?>> rows,
            java.util.Set<Integer> headings, OutputStream out) {
        try {
            if (format == SpreadsheetFormat.CSV) {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write(BYTE_ORDER_MARK);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get());
                for (List<?> row : rows) {
                    printer.printRecord(row.stream().map(SpreadsheetWriter::csvCell).toList());
                }
                printer.flush();
            } else {
                Workbook workbook = new Workbook(out, "Passerelle", "1.0");
                Worksheet sheet = workbook.newWorksheet(sheetName);
                for (int r = 0; r < rows.size(); r++) {
                    List<?> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        if (cell instanceof Number number) {
                            sheet.value(r, c, number);
                        } else if (cell != null) {
                            sheet.value(r, c, neutralise(cell.toString()));
                        }
                        if (headings.contains(r)) {
                            sheet.style(r, c).bold().set();
                        }
                    }
                }
                workbook.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spreadsheet", e);
        }
    }

    private static String csvCell(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString().replace('.', ',');
        }
        if (cell instanceof Number number) {
            return number.toString().replace('.', ',');
        }
        return neutralise(cell.toString());
    }

    /** The cell text a spreadsheet will show but never evaluate. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void writeCsv(List<String> headers, List<List<String>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printRecord(headers.stream().map(SpreadsheetWriter::neutralise).toList());
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(SpreadsheetWriter::neutralise).toList());
        }
        printer.flush();
    }

    private static void writeXlsx(String sheetName, List<String> headers, List<List<String>> rows, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Passerelle", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, neutralise(headers.get(c)));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null) {
                    sheet.value(r + 1, c, neutralise(row.get(c)));
                }
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }
}
