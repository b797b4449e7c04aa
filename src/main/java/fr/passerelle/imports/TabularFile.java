package fr.passerelle.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * A spreadsheet file read as a stream of rows of text, never loaded whole into memory: CSV (separator
 * {@code ;}, {@code ,} or tab, UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252, all
 * detected), streamed; or XLSX (first sheet; dates written as {@code dd/MM/yyyy}), read from an
 * owner-only temporary copy deleted when its rows are closed. The first row holds the headers.
 */
final class TabularFile {

    /** The file is not a readable CSV or XLSX file (the key explains why to the user). */
    static final class Unreadable extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments;
        }
    }

    /** What detection found: format, for CSV the charset and separator, and the headers. */
    record Layout(String format, String charset, Character separator, List<String> headers) {}

    /** One data row: its number in the file (the header is row 1) and its cells, trimmed. */
    record Line(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** The bytes of a file, which may be read more than once (each call opens a new stream from the start). */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** Rows of a file, to be closed. */
    interface Lines extends Iterator<Line>, AutoCloseable {
        @Override
        void close();
    }

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TabularFile() {}

    /** Detects the format from the content (not the name), the charset and the separator, and reads the headers. */
    static Layout detect(Source file) {
        byte[] sniffed = readHead(file, SNIFFED_BYTES);
        String kind = notTabular(sniffed);
        if (kind != null) {
            throw new Unreadable("import.file.notTabular." + kind);
        }
        byte[] head = java.util.Arrays.copyOf(sniffed, 8);
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            try (Lines lines = openXlsx(file, null, true)) {
                if (!lines.hasNext()) {
                    throw new Unreadable("import.file.empty");
                }
                return new Layout("XLSX", null, null, headers(lines.next().cells()));
            }
        }
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw new Unreadable("import.file.oldExcel");
        }
        Charset charset = detectCharset(file);
        char separator = detectSeparator(file, charset);
        try (Lines lines = openCsv(file, charset.name(), separator, null, true)) {
            if (!lines.hasNext()) {
                throw new Unreadable("import.file.empty");
            }
            List<String> headers = headers(lines.next().cells());
            if (headers.size() < 2) {
                throw new Unreadable("import.file.oneColumn");
            }
            return new Layout("CSV", charset.name(), separator, headers);
        }
    }

    /** The bytes at the start of a file looked at to recognise what it is. */
    private static final int SNIFFED_BYTES = 4096;

    /**
     * What a file that is neither a CSV nor an XLSX file is, from its first bytes ({@code pdf},
     * {@code image}, {@code openDocument}, {@code binary}), or null when it may be one: a PDF, an
     * image, an OpenDocument file (whose zip starts with its "mimetype" entry), or bytes no text
     * file holds (a NUL byte, or control characters, in a file that is not UTF-16 text with its BOM
     * nor an old Excel workbook, told apart later). Other zips (Word, PowerPoint) are told apart by
     * {@link XlsxGuard}.
     */
    static String notTabular(byte[] head) {
        if (startsWith(head, "%PDF")) {
            return "pdf";
        }
        if (startsWith(head, "\u0089PNG") || startsWith(head, "GIF87a") || startsWith(head, "GIF89a")
                || startsWith(head, "\u00FF\u00D8\u00FF") || startsWith(head, "II*\u0000")
                || startsWith(head, "MM\u0000*")) {
            return "image";
        }
        if (startsWith(head, "PK\u0003\u0004")) {
            return head.length > 30 && startsWith(java.util.Arrays.copyOfRange(head, 30, head.length),
                    "mimetypeapplication/vnd.oasis") ? "openDocument" : null;
        }
        if (head.length >= 8 && ReadableWorkbook.isOLE2Header(head) || head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return null;
        }
        int controls = 0;
        for (byte b : head) {
            if (b == 0) {
                return "binary";
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        return controls > 0 && controls * 100 >= head.length ? "binary" : null;
    }

    private static boolean startsWith(byte[] head, String signature) {
        if (head.length < signature.length()) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            if (head[i] != (byte) signature.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The data rows (after the headers); {@code progress} receives the bytes read so far. */
    static Lines open(Source file, Layout layout, LongConsumer progress) {
        Lines lines = "XLSX".equals(layout.format()) ? openXlsx(file, progress, false)
                : openCsv(file, layout.charset(), layout.separator(), progress, false);
        if (lines.hasNext()) {
            lines.next();
        }
        return lines;
    }

    /** UTF-8 when the whole file decodes as UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252. */
    static Charset detectCharset(Source file) {
        byte[] head = readHead(file, 3);
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return StandardCharsets.UTF_16;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = file.open()) {
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            byte[] chunk = new byte[32 * 1024];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                bytes.put(chunk, 0, read).flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return WINDOWS_1252;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
                return WINDOWS_1252;
            }
            return StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The separator that appears most often, outside quotes, in the header line ({@code ;} wins ties). */
    static char detectSeparator(Source file, Charset charset) {
        try (Reader reader = new InputStreamReader(file.open(), charset)) {
            char[] buffer = new char[16 * 1024];
            int length = reader.read(buffer);
            int semicolons = 0;
            int commas = 0;
            int tabs = 0;
            boolean quoted = false;
            for (int i = 0; i < Math.max(0, length); i++) {
                char c = buffer[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && c == ';') {
                    semicolons++;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == '\t') {
                    tabs++;
                }
            }
            if (tabs > semicolons && tabs > commas) {
                return '\t';
            }
            return commas > semicolons ? ',' : ';';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lines openCsv(Source file, String charsetName, char separator, LongConsumer progress,
            boolean headerOnly) {
        Charset charset = Charset.forName(charsetName);
        try {
            InputStream in = new BufferedInputStream(counting(file.open(), progress), 64 * 1024);
            if (StandardCharsets.UTF_8.equals(charset)) {
                in.mark(3);
                byte[] bom = in.readNBytes(3);
                if (!(bom.length == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF)) {
                    in.reset();
                }
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                    .setMaxRows(headerOnly ? 1 : 0).get();
            CSVParser parser = CSVParser.parse(new InputStreamReader(in, charset), format);
            Iterator<CSVRecord> records = parser.iterator();
            return new Lines() {
                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw new Unreadable("import.file.malformed", parser.getRecordNumber() + 1);
                    }
                }

                @Override
                public Line next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    CSVRecord record = records.next();
                    List<String> cells = new ArrayList<>(record.size());
                    for (String value : record) {
                        if (value.length() > XlsxGuard.IMPORT.cellCharacters()) {
                            throw new Unreadable("import.file.csvCellTooLong", record.getRecordNumber(),
                                    XlsxGuard.IMPORT.cellCharacters());
                        }
                        cells.add(clean(value));
                    }
                    return new Line((int) record.getRecordNumber(), cells);
                }

                @Override
                public void close() {
                    try {
                        parser.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new Unreadable("import.file.unreadable");
        }
    }

    /**
     * An XLSX file is a zip whose central directory is at its end: fastexcel reads a stream whole
     * into memory, but a file by random access. So the stored file is copied to an owner-only file
     * in an owner-only directory of its own, read from there and deleted with it when the rows are
     * closed (or at once when it cannot be read).
     */
    private static Lines openXlsx(Source file, LongConsumer progress, boolean headerOnly) {
        Path copy = null;
        try {
            copy = privateCopy(file, progress);
            XlsxGuard.check(copy, XlsxGuard.IMPORT);
            Path privateCopy = copy;
            ReadableWorkbook workbook = new ReadableWorkbook(copy.toFile(), new ReadingOptions(true, false));
            Stream<Row> rows;
            try {
                rows = workbook.getFirstSheet().openStream();
            } catch (IOException | RuntimeException e) {
                workbook.close();
                throw e;
            }
            Iterator<Row> iterator = rows.iterator();
            return new Lines() {
                private Line pending;

                @Override
                public boolean hasNext() {
                    try {
                        while (pending == null && iterator.hasNext()) {
                            Row row = iterator.next();
                            List<String> cells = new ArrayList<>(row.getCellCount());
                            for (int i = 0; i < row.getCellCount(); i++) {
                                cells.add(text(row.getCell(i)));
                            }
                            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                                pending = new Line(row.getRowNum(), cells);
                            }
                        }
                        return pending != null;
                    } catch (RuntimeException e) {
                        throw new Unreadable("import.file.unreadable");
                    }
                }

                @Override
                public Line next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Line line = pending;
                    pending = null;
                    return line;
                }

                @Override
                public void close() {
                    try {
                        rows.close();
                        workbook.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        deletePrivateCopy(privateCopy);
                    }
                }
            };
        } catch (Unreadable e) {
            deletePrivateCopy(copy);
            throw e;
        } catch (IOException | RuntimeException e) {
            deletePrivateCopy(copy);
            throw new Unreadable("import.file.unreadable");
        }
    }

    private static final String PRIVATE_COPY_PREFIX = "passerelle-xlsx-";

    /** Copies the file into a new directory readable by this process's user only. */
    static Path privateCopy(Source file, LongConsumer progress) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = posix
                ? Files.createTempDirectory(PRIVATE_COPY_PREFIX,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(PRIVATE_COPY_PREFIX);
        try {
            Path copy = directory.resolve("upload.xlsx");
            if (posix) {
                Files.createFile(copy, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(copy);
            }
            try (InputStream in = counting(file.open(), progress);
                    OutputStream out = Files.newOutputStream(copy, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            return copy;
        } catch (IOException | RuntimeException e) {
            deletePrivateCopy(directory.resolve("upload.xlsx"));
            throw e;
        }
    }

    /** Deletes a private copy and its directory (nothing when null). */
    static void deletePrivateCopy(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as the user sees it: dates as dd/MM/yyyy, whole numbers without decimals. */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                return cell.asDate().toLocalDate().format(FRENCH_DATE);
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return String.valueOf(cell.asBoolean());
        }
        return clean(cell.getText());
    }

    static boolean isDateFormat(Integer id, String format) {
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String unquoted = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
        return unquoted.contains("d") && unquoted.contains("y") || unquoted.contains("m") && unquoted.contains("y");
    }

    /**
     * A cell's text, trimmed, without the apostrophe that an export puts before a text a spreadsheet
     * could take for a formula (CSV injection): "'=x" was "=x", "'+33 6" was "+33 6".
     */
    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String text = value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
        return text.replace('\u00A0', ' ').strip();
    }

    private static List<String> headers(List<String> cells) {
        List<String> headers = new ArrayList<>(cells);
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        return headers;
    }

    private static byte[] readHead(Source file, int n) {
        try (InputStream in = file.open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream counting(InputStream in, LongConsumer progress) {
        if (progress == null) {
            return in;
        }
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    progress.accept(++count);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                    progress.accept(count);
                }
                return n;
            }
        };
    }
}
