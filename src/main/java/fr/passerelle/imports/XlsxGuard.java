package fr.passerelle.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses an XLSX file that would expand beyond a sane size before the spreadsheet reader opens
 * it (a "zip bomb": a few megabytes that inflate to gigabytes, a row of millions of cells, a cell of
 * millions of characters, millions of shared strings). Every entry of the zip is inflated, streamed
 * and counted, never kept: the bytes of all entries together are bounded. A part is recognised by
 * its XML root element, never by its name (the reader finds parts through the content types and
 * relationships, so a sheet or the shared strings may be stored under any name): the shared
 * strings are scanned first (their bytes, number, characters and the length of each), then every
 * sheet for the rows holding a value, the cells and column of each row, the length of each cell
 * and the characters of a whole row, shared strings included.
 */
final class XlsxGuard {

    /**
     * What an XLSX file may hold.
     *
     * @param inflatedBytes the bytes of all its entries once decompressed
     * @param sharedStringsBytes the bytes of a shared strings part once decompressed
     * @param sharedStrings the strings of a shared strings part (the reader keeps each in memory)
     * @param sharedStringsCharacters the characters of all the strings of a shared strings part
     * @param dataRows rows with a value after the header row, in any sheet
     * @param columns cells in a row, and the last column they may reach (Excel's own limit is 16,384)
     * @param cellCharacters characters in a cell (Excel's own limit is 32,767)
     * @param rowCharacters characters of all the cells of a row, shared strings included
     */
    record Limits(long inflatedBytes, long sharedStringsBytes, int sharedStrings, long sharedStringsCharacters,
            int dataRows, int columns, int cellCharacters, long rowCharacters) {}

    /** The limits of an import: far above any real caseload, far below what would exhaust memory. */
    static final Limits IMPORT = new Limits(1024L * 1024 * 1024, 128L * 1024 * 1024, 1_000_000, 32L * 1024 * 1024,
            ImportJobs.MAX_ROWS, 16_384, 32_767, 1024L * 1024);

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private XlsxGuard() {}

    /** Checks the file; refuses it ({@link TabularFile.Unreadable}, with the reason) when beyond a limit. */
    static void check(Path xlsx, Limits limits) {
        long[] inflated = {0};
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            // A workbook's parts are under xl/; a Word document's under word/, a presentation's under ppt/.
            if (zip.stream().noneMatch(e -> e.getName().startsWith("xl/"))) {
                throw new TabularFile.Unreadable("import.file.notTabular.document");
            }
            SharedLengths shared = new SharedLengths();
            List<ZipEntry> sheets = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                try (Counted in = new Counted(zip.getInputStream(entry), inflated, limits.inflatedBytes())) {
                    XMLStreamReader xml = root(in);
                    String root = xml == null ? "" : xml.getLocalName();
                    if ("sst".equals(root)) {
                        in.entryLimit = limits.sharedStringsBytes();
                        scanStrings(xml, limits, shared);
                    } else if ("worksheet".equals(root) || "dialogsheet".equals(root)) {
                        sheets.add(entry);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                    if (xml != null) {
                        xml.close();
                    }
                }
            }
            for (ZipEntry sheet : sheets) {
                try (Counted in = new Counted(zip.getInputStream(sheet), inflated, limits.inflatedBytes())) {
                    XMLStreamReader xml = root(in);
                    if (xml != null) {
                        scanSheet(xml, limits, shared);
                        xml.close();
                    }
                }
            }
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            throw new TabularFile.Unreadable("import.file.unreadable");
        }
    }

    /** The reader positioned on the root element of a part, or null when the part is not XML (an image). */
    private static XMLStreamReader root(InputStream in) {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    return xml;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            return null;
        }
    }

    /** Scans a shared strings part: its strings, the characters of each and of all, and records each length. */
    private static void scanStrings(XMLStreamReader xml, Limits limits, SharedLengths shared)
            throws XMLStreamException {
        int index = -1;
        long characters = 0;
        long total = 0;
        boolean inString = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                if (++index >= limits.sharedStrings()) {
                    throw new TabularFile.Unreadable("import.file.tooManyStrings", limits.sharedStrings());
                }
                inString = true;
                characters = 0;
            } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(xml.getLocalName())) {
                inString = false;
                shared.record(index, characters);
            } else if (inString && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                characters += xml.getTextLength();
                total += xml.getTextLength();
                if (characters > limits.cellCharacters()) {
                    throw new TabularFile.Unreadable("import.file.cellTooLong", limits.cellCharacters());
                }
                if (total > limits.sharedStringsCharacters()) {
                    throw new TabularFile.Unreadable("import.file.expandsTooMuch",
                            limits.sharedStringsCharacters() / (1024 * 1024));
                }
            }
        }
    }

    /** Scans a sheet as a stream of XML events, counting rows, cells and characters. */
    private static void scanSheet(XMLStreamReader xml, Limits limits, SharedLengths shared)
            throws XMLStreamException {
        int rows = 0;
        int cells = 0;
        int column = -1;
        boolean rowHasValue = false;
        boolean inCell = false;
        boolean sharedCell = false;
        boolean inValue = false;
        StringBuilder value = new StringBuilder();
        long characters = 0;
        long rowCharacters = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        cells = 0;
                        column = -1;
                        rowHasValue = false;
                        rowCharacters = 0;
                    }
                    case "c" -> {
                        inCell = true;
                        characters = 0;
                        sharedCell = "s".equals(xml.getAttributeValue(null, "t"));
                        String reference = xml.getAttributeValue(null, "r");
                        column = reference == null ? column + 1 : column(reference, limits);
                        if (++cells > limits.columns() || column >= limits.columns()) {
                            throw new TabularFile.Unreadable("import.file.tooManyColumns", limits.columns());
                        }
                    }
                    case "v" -> {
                        rowHasValue |= inCell;
                        inValue = inCell;
                        value.setLength(0);
                    }
                    case "is" -> rowHasValue |= inCell;
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        if (rowHasValue && ++rows > limits.dataRows() + 1) {
                            throw new TabularFile.Unreadable("import.file.tooManyRows", limits.dataRows());
                        }
                    }
                    case "v" -> {
                        inValue = false;
                        if (sharedCell) {
                            rowCharacters += shared.length(value);
                            rowTooLong(rowCharacters, limits);
                        }
                    }
                    case "c" -> inCell = false;
                    default -> { }
                }
            } else if (inCell && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                characters += xml.getTextLength();
                if (characters > limits.cellCharacters()) {
                    throw new TabularFile.Unreadable("import.file.cellTooLong", limits.cellCharacters());
                }
                if (inValue && sharedCell) {
                    if (value.length() < 12) {
                        value.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(xml.getTextLength(), 12));
                    }
                } else {
                    rowCharacters += xml.getTextLength();
                    rowTooLong(rowCharacters, limits);
                }
            }
        }
    }

    private static void rowTooLong(long rowCharacters, Limits limits) {
        if (rowCharacters > limits.rowCharacters()) {
            throw new TabularFile.Unreadable("import.file.rowTooLong", limits.rowCharacters());
        }
    }

    /** The length of each shared string, by index (the longest when several parts give one). */
    private static final class SharedLengths {

        private int[] lengths = new int[1024];
        private int size;

        void record(int index, long length) {
            if (index >= lengths.length) {
                lengths = Arrays.copyOf(lengths, Math.max(index + 1, lengths.length * 2));
            }
            lengths[index] = (int) Math.max(lengths[index], length);
            size = Math.max(size, index + 1);
        }

        /** The length of the string a cell's value points to; none when it points nowhere. */
        int length(CharSequence index) {
            String text = index.toString().strip();
            if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
                return 0;
            }
            long i = Long.parseLong(text);
            return i < size ? lengths[(int) i] : 0;
        }
    }

    /** The zero-based column of a cell reference ("A1" is 0, "XFD7" is 16,383), refused beyond the limit. */
    static int column(String reference, Limits limits) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++, letters++) {
            if (letters == 3) {
                throw new TabularFile.Unreadable("import.file.tooManyColumns", limits.columns());
            }
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        if (letters == 0) {
            throw new IllegalArgumentException("Not a cell reference: " + reference);
        }
        return column - 1;
    }

    /** An inflating stream that counts what it gives against the file's limit and the entry's own. */
    private static final class Counted extends FilterInputStream {

        private final long[] total;
        private final long totalLimit;
        private long entryLimit = Long.MAX_VALUE;
        private long count;

        Counted(InputStream in, long[] total, long totalLimit) {
            super(in);
            this.total = total;
            this.totalLimit = totalLimit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            total[0] += n;
            if (total[0] > totalLimit || count > entryLimit) {
                throw new TabularFile.Unreadable("import.file.expandsTooMuch",
                        (total[0] > totalLimit ? totalLimit : entryLimit) / (1024 * 1024));
            }
        }
    }
}
