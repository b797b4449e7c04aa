package fr.passerelle.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table to CSV (as French Excel reads it) or XLSX. In CSV, every text cell that a
 * spreadsheet could take for a formula (starting with = + - @ or a tab or carriage return) is
 * neutralised with a leading apostrophe, so that an exported name can never run as a formula (CSV
 * injection). In XLSX a text is written as a string cell, which a spreadsheet shows and never
 * evaluates: it is written as it is, without the apostrophe.
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
                            sheet.value(r, c, cell.toString());
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

    /**
     * Starts a table written row by row straight to {@code out} (a large export is never held in
     * memory): a bold header row, then rows of text, dates ({@link LocalDate}: date cells shown
     * dd/mm/yyyy in XLSX, dd/MM/yyyy text in CSV), numbers and nulls (empty cells). Call
     * {@link Table#finish()} at the end.
     */
    public static Table table(SpreadsheetFormat format, String sheetName, List<String> headers, OutputStream out) {
        return format == SpreadsheetFormat.CSV ? new CsvTable(headers, out) : new XlsxTable(sheetName, headers, out);
    }

    /** A table being written; see {@link #table}. */
    public sealed interface Table permits CsvTable, XlsxTable {

        /** Writes the next row. */
        void row(List<?> cells);

        /** Ends the file (and flushes it). */
        void finish();
    }

    private static final class CsvTable implements Table {

        private final CSVPrinter printer;

        CsvTable(List<String> headers, OutputStream out) {
            try {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write(BYTE_ORDER_MARK);
                printer = new CSVPrinter(writer, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get());
                printer.printRecord(headers.stream().map(SpreadsheetWriter::neutralise).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the spreadsheet", e);
            }
        }

        @Override
        public void row(List<?> cells) {
            try {
                printer.printRecord(cells.stream().map(c -> c instanceof LocalDate date ? FRENCH_DATE.format(date)
                        : csvCell(c)).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the spreadsheet", e);
            }
        }

        @Override
        public void finish() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the spreadsheet", e);
            }
        }
    }

    private static final class XlsxTable implements Table {

        /** Rows kept in memory before they are written out. */
        private static final int FLUSH_EVERY = 1000;

        private final Workbook workbook;
        private final Worksheet sheet;
        private int next = 1;

        XlsxTable(String sheetName, List<String> headers, OutputStream out) {
            workbook = new Workbook(out, "Passerelle", "1.0");
            sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
        }

        @Override
        public void row(List<?> cells) {
            int r = next++;
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof LocalDate date) {
                    sheet.value(r, c, date);
                    sheet.style(r, c).format("dd/mm/yyyy").set();
                } else if (cell instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (cell != null) {
                    // Inline, not shared: a shared string table would keep every text of the file in memory.
                    sheet.inlineString(r, c, cell.toString());
                }
            }
            if (next % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not write the spreadsheet", e);
                }
            }
        }

        @Override
        public void finish() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the spreadsheet", e);
            }
        }
    }

    private static final java.time.format.DateTimeFormatter FRENCH_DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null) {
                    sheet.value(r + 1, c, row.get(c));
                }
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }
}
