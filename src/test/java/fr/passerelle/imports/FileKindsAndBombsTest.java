package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowableAssert;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is neither CSV nor XLSX is told for what it is (not given a separator hint), and an
 * XLSX file that would expand beyond a sane size is refused with its reason before the spreadsheet
 * reader opens it, reading it as a stream (generated bombs: a gigabyte of inflated bytes, a row of
 * too many cells, a cell too long, too many rows).
 */
class FileKindsAndBombsTest {

    @TempDir
    Path dir;

    @Test
    void aPdfAnImageAWordDocumentAnOdsAndBinaryBytesAreNamedForWhatTheyAre() throws IOException {
        assertRefused(() -> TabularFile.detect(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n"
                .getBytes(StandardCharsets.ISO_8859_1))), "import.file.notTabular.pdf");
        assertRefused(() -> TabularFile.detect(bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
                0, 13, 'I', 'H', 'D', 'R'})), "import.file.notTabular.image");
        assertRefused(() -> TabularFile.detect(bytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0,
                16, 'J', 'F', 'I', 'F'})), "import.file.notTabular.image");
        assertRefused(() -> TabularFile.detect(file(zip(List.of("[Content_Types].xml", "word/document.xml"), false))),
                "import.file.notTabular.document");
        assertRefused(() -> TabularFile.detect(bytes(zip(List.of("mimetype", "content.xml"), true))),
                "import.file.notTabular.openDocument");
        assertRefused(() -> TabularFile.detect(bytes(new byte[] {'N', 'o', 'm', ';', 'P', 0, 0, 3, 7, 1, 2, 3})),
                "import.file.notTabular.binary");
        assertRefused(() -> TabularFile.detect(bytes(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0})), "import.file.oldExcel");
        // Text still is text: a short CSV, and UTF-16 with its BOM.
        assertThat(TabularFile.detect(bytes("Nom;Prénom\nA;B\n".getBytes(StandardCharsets.UTF_8))).format())
                .isEqualTo("CSV");
        byte[] utf16 = "\uFEFFNom;Prénom\r\nA;B\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TabularFile.detect(bytes(utf16)).charset()).isEqualTo("UTF-16");
    }

    @Test
    void aFileNamedAsAnotherKindIsToldWhatToSendInstead() {
        assertThat(ImportJobs.typeRefusal("suivis.pdf")).isEqualTo("import.file.notTabular.pdf");
        assertThat(ImportJobs.typeRefusal("scan.png")).isEqualTo("import.file.notTabular.image");
        assertThat(ImportJobs.typeRefusal("suivis.xls")).isEqualTo("import.file.oldExcel");
        assertThat(ImportJobs.typeRefusal("suivis.docx")).isEqualTo("import.file.notTabular.document");
        assertThat(ImportJobs.typeRefusal("suivis.ods")).isEqualTo("import.file.notTabular.openDocument");
        assertThat(ImportJobs.typeRefusal("suivis")).isEqualTo("import.file.type");
    }

    @Test
    void anXlsxExpandingToMoreThanAGigabyteIsRefusedWithoutReadingItIntoMemory() throws IOException {
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        Path bomb = xlsx(out -> {
            for (int i = 0; i < 1100; i++) {
                out.write(spaces);
            }
        });
        assertThat(Files.size(bomb)).isLessThan(5L * 1024 * 1024);
        assertRefused(() -> TabularFile.detect(file(Files.readAllBytes(bomb))), "import.file.expandsTooMuch");
    }

    @Test
    void anXlsxWithARowOfTooManyCellsOrACellTooLongOrTooManyRowsIsRefused() throws IOException {
        Path wide = xlsx(out -> {
            out.write("<row r=\"1\">".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 16_385; i++) {
                out.write("<c><v>1</v></c>".getBytes(StandardCharsets.UTF_8));
            }
            out.write("</row>".getBytes(StandardCharsets.UTF_8));
        });
        assertRefused(() -> TabularFile.detect(file(Files.readAllBytes(wide))), "import.file.tooManyColumns");

        Path farColumn = xlsx(out -> out.write("<row r=\"1\"><c r=\"ZZZZZZ1\"><v>1</v></c></row>"
                .getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> TabularFile.detect(file(Files.readAllBytes(farColumn))), "import.file.tooManyColumns");

        Path longCell = xlsx(out -> out.write(("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "x".repeat(40_000)
                + "</t></is></c></row>").getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> TabularFile.detect(file(Files.readAllBytes(longCell))), "import.file.cellTooLong");

        Path tall = xlsx(out -> {
            // Formatted empty rows do not count; rows holding a value do.
            out.write("<row r=\"1\"><c r=\"A1\" s=\"0\"/></row>".getBytes(StandardCharsets.UTF_8));
            for (int i = 2; i <= ImportJobs.MAX_ROWS + 3; i++) {
                out.write(("<row r=\"" + i + "\"><c r=\"A" + i + "\"><v>" + i + "</v></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        assertRefused(() -> TabularFile.detect(file(Files.readAllBytes(tall))), "import.file.tooManyRows");
    }

    @Test
    void aWorkbookWithinTheLimitsPassesTheGuard() throws IOException {
        Path fine = xlsx(out -> out.write(("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c>"
                + "<c r=\"XFD1\" t=\"inlineStr\"><is><t>" + "x".repeat(32_767) + "</t></is></c></row>")
                .getBytes(StandardCharsets.UTF_8)));
        XlsxGuard.check(fine, XlsxGuard.IMPORT);
        assertThat(XlsxGuard.column("XFD1", XlsxGuard.IMPORT)).isEqualTo(16_383);
        assertThat(XlsxGuard.column("A7", XlsxGuard.IMPORT)).isZero();
    }

    @Test
    void sharedStringsStoredUnderAnotherNameAreStillChecked() throws IOException {
        Path renamed = xlsx(out -> out.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                .getBytes(StandardCharsets.UTF_8)), "xl/s.xml", out -> out.write(("<si><t>" + "x".repeat(40_000)
                        + "</t></si>").getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> XlsxGuard.check(renamed, XlsxGuard.IMPORT), "import.file.cellTooLong");
    }

    @Test
    void aWorkbookWithAnImageOrANonXmlPartPassesTheGuard() throws IOException {
        Path fine = xlsx(out -> out.write("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                .getBytes(StandardCharsets.UTF_8)));
        Path withMedia = Files.createTempFile(dir, "media", ".xlsx");
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        png[0] = (byte) 0x89;
        try (ZipFile in = new ZipFile(fine.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(withMedia))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (java.io.InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/media/image1.png"));
            out.write(png);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("xl/media/notes.txt"));
            out.write("<not xml at all".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        XlsxGuard.check(withMedia, XlsxGuard.IMPORT);
    }

    @Test
    void aWorkbookOfTooManySharedStringsIsRefused() throws IOException {
        byte[] tiny = "<si><t>a</t></si>".getBytes(StandardCharsets.UTF_8);
        Path many = xlsx(out -> out.write("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                .getBytes(StandardCharsets.UTF_8)), "xl/strings.xml", out -> {
                    for (int i = 0; i <= 1_000_000; i++) {
                        out.write(tiny);
                    }
                });
        assertRefused(() -> XlsxGuard.check(many, XlsxGuard.IMPORT), "import.file.tooManyStrings");
    }

    @Test
    void aRowOfMoreThanAMillionCharactersIsRefusedWhetherItsTextIsInlineOrShared() throws IOException {
        Path shared = xlsx(out -> {
            out.write("<row r=\"1\">".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 40; i++) {
                out.write("<c t=\"s\"><v>0</v></c>".getBytes(StandardCharsets.UTF_8));
            }
            out.write("</row>".getBytes(StandardCharsets.UTF_8));
        }, "xl/sharedStrings.xml", out -> out.write(("<si><t>" + "x".repeat(30_000) + "</t></si>")
                .getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> XlsxGuard.check(shared, XlsxGuard.IMPORT), "import.file.rowTooLong");

        String cell = "<c t=\"inlineStr\"><is><t>" + "y".repeat(30_000) + "</t></is></c>";
        Path inline = xlsx(out -> out.write(("<row r=\"1\">" + cell.repeat(40) + "</row>")
                .getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> XlsxGuard.check(inline, XlsxGuard.IMPORT), "import.file.rowTooLong");

        Path fine = xlsx(out -> out.write(("<row r=\"1\">" + cell.repeat(30) + "</row>")
                .getBytes(StandardCharsets.UTF_8)));
        XlsxGuard.check(fine, XlsxGuard.IMPORT);
    }

    @Test
    void aCsvCellLongerThanASpreadsheetCellIsRefused() throws IOException {
        byte[] csv = ("Nom;Prénom\nDupont;" + "x".repeat(40_000) + "\n").getBytes(StandardCharsets.UTF_8);
        TabularFile.Source source = file(csv);
        TabularFile.Layout layout = TabularFile.detect(source);
        assertRefused(() -> {
            try (TabularFile.Lines lines = TabularFile.open(source, layout, n -> { })) {
                lines.next();
            }
        }, "import.file.csvCellTooLong");
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable detection, String key) {
        assertThatThrownBy(detection).isInstanceOf(TabularFile.Unreadable.class)
                .extracting(e -> ((TabularFile.Unreadable) e).messageKey()).isEqualTo(key);
    }

    private static TabularFile.Source bytes(byte[] content) {
        return () -> new ByteArrayInputStream(content);
    }

    private TabularFile.Source file(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".bin");
        Files.write(file, content);
        return () -> Files.newInputStream(file);
    }

    /** A zip of small entries; the first one stored uncompressed when {@code storedFirst} (as OpenDocument does). */
    private static byte[] zip(List<String> names, boolean storedFirst) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.size(); i++) {
                byte[] content = (i == 0 && storedFirst ? "application/vnd.oasis.opendocument.spreadsheet"
                        : "<x/>").getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry(names.get(i));
                if (i == 0 && storedFirst) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes the rows of a sheet (between its sheetData tags). */
    @FunctionalInterface
    private interface SheetRows {
        void write(OutputStream out) throws IOException;
    }

    /** A real workbook whose first sheet's rows are replaced by the ones given, streamed into the zip. */
    private Path xlsx(SheetRows rows) throws IOException {
        return xlsx(rows, null, null);
    }

    /**
     * A real workbook whose first sheet's rows are replaced, with a shared strings part holding the
     * items given under {@code stringsPart} (replacing the writer's own when it has that name).
     */
    private Path xlsx(SheetRows rows, String stringsPart, SheetRows strings) throws IOException {
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(base, "Test", "1.0");
        workbook.newWorksheet("Dossiers").value(0, 0, "Nom");
        workbook.finish();
        Path basis = Files.write(Files.createTempFile(dir, "base", ".xlsx"), base.toByteArray());
        Path file = Files.createTempFile(dir, "bomb", ".xlsx");
        try (ZipFile in = new ZipFile(basis.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (entry.getName().equals(stringsPart)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                if ("xl/worksheets/sheet1.xml".equals(entry.getName())) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                            + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    rows.write(out);
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (java.io.InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (stringsPart != null) {
                out.putNextEntry(new ZipEntry(stringsPart));
                out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                        + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
                        .getBytes(StandardCharsets.UTF_8));
                strings.write(out);
                out.write("</sst>".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }
}
