package fr.passerelle.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses an XLSX file that would expand beyond a sane size before the spreadsheet reader opens
 * it (a "zip bomb": a few megabytes that inflate to gigabytes, a row of millions of cells, a cell of
 * millions of characters). Every entry of the zip is inflated once, streamed and counted, never
 * kept: the bytes of all entries together, and those of the shared strings (which the reader keeps
 * in memory), are bounded; the XML of every sheet and of the shared strings is scanned for the
 * number of rows holding a value, the cells and column of each row, and the length of each cell.
 */
final class XlsxGuard {

    /**
     * What an XLSX file may hold.
     *
     * @param inflatedBytes the bytes of all its entries once decompressed
     * @param sharedStringsBytes the bytes of its shared strings once decompressed
     * @param dataRows rows with a value after the header row, in any sheet
     * @param columns cells in a row, and the last column they may reach (Excel's own limit is 16,384)
     * @param cellCharacters characters in a cell (Excel's own limit is 32,767)
     */
    record Limits(long inflatedBytes, long sharedStringsBytes, int dataRows, int columns, int cellCharacters) {}

    /** The limits of an import: far above any real caseload, far below what would exhaust memory. */
    static final Limits IMPORT = new Limits(1024L * 1024 * 1024, 128L * 1024 * 1024, ImportJobs.MAX_ROWS, 16_384,
            32_767);

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
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                boolean strings = "xl/sharedStrings.xml".equals(name);
                long entryLimit = strings ? limits.sharedStringsBytes() : Long.MAX_VALUE;
                try (InputStream in = new Counted(zip.getInputStream(entry), inflated, limits.inflatedBytes(),
                        entryLimit)) {
                    if (strings || name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                        scan(in, limits);
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            throw new TabularFile.Unreadable("import.file.unreadable");
        }
    }

    /** Reads a sheet or the shared strings as a stream of XML events, counting rows, cells and characters. */
    private static void scan(InputStream in, Limits limits) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            int rows = 0;
            int cells = 0;
            int column = -1;
            boolean rowHasValue = false;
            boolean inCell = false;
            long characters = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            cells = 0;
                            column = -1;
                            rowHasValue = false;
                        }
                        case "c" -> {
                            inCell = true;
                            characters = 0;
                            String reference = xml.getAttributeValue(null, "r");
                            column = reference == null ? column + 1 : column(reference, limits);
                            if (++cells > limits.columns() || column >= limits.columns()) {
                                throw new TabularFile.Unreadable("import.file.tooManyColumns", limits.columns());
                            }
                        }
                        case "si" -> {
                            inCell = true;
                            characters = 0;
                        }
                        case "v", "is" -> rowHasValue |= inCell;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            if (rowHasValue && ++rows > limits.dataRows() + 1) {
                                throw new TabularFile.Unreadable("import.file.tooManyRows", limits.dataRows());
                            }
                        }
                        case "c", "si" -> inCell = false;
                        default -> { }
                    }
                } else if (inCell && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    characters += xml.getTextLength();
                    if (characters > limits.cellCharacters()) {
                        throw new TabularFile.Unreadable("import.file.cellTooLong", limits.cellCharacters());
                    }
                }
            }
        } finally {
            xml.close();
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
        private final long entryLimit;
        private long count;

        Counted(InputStream in, long[] total, long totalLimit, long entryLimit) {
            super(in);
            this.total = total;
            this.totalLimit = totalLimit;
            this.entryLimit = entryLimit;
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
