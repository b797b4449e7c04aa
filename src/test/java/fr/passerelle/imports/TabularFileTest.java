package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.Measures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files as Excel writes them in France: encodings, separators, dates, labels, headers. */
class TabularFileTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void detectsWindows1252AndSemicolonsAndReadsAccents() throws IOException {
        Path file = write("Nom;Prénom;Né le\r\nLefèvre;Hélène;14/03/1985\r\n", WINDOWS_1252, false);
        TabularFile.Layout layout = TabularFile.detect(source(file));
        assertThat(layout.format()).isEqualTo("CSV");
        assertThat(layout.charset()).isEqualTo("windows-1252");
        assertThat(layout.separator()).isEqualTo(';');
        assertThat(layout.headers()).containsExactly("Nom", "Prénom", "Né le");
        assertThat(rows(file, layout)).containsExactly(List.of("Lefèvre", "Hélène", "14/03/1985"));
    }

    @Test
    void detectsUtf8WithBomAndCommasWithQuotedSeparators() throws IOException {
        Path file = write("Nom,Prénom,Adresse\n\"Çelik\",Zoé,\"3, rue de l’Église; Lyon\"\n\n", StandardCharsets.UTF_8, true);
        TabularFile.Layout layout = TabularFile.detect(source(file));
        assertThat(layout.charset()).isEqualTo("UTF-8");
        assertThat(layout.separator()).isEqualTo(',');
        assertThat(layout.headers()).containsExactly("Nom", "Prénom", "Adresse");
        assertThat(rows(file, layout)).containsExactly(List.of("Çelik", "Zoé", "3, rue de l’Église; Lyon"));
    }

    @Test
    void utf8WithoutBomIsRecognisedEvenWhenTheAccentsComeLate() throws IOException {
        StringBuilder text = new StringBuilder("Nom;Prenom\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Martin;Paul\n");
        }
        text.append("Dupré;Jérôme\n");
        Path utf8 = write(text.toString(), StandardCharsets.UTF_8, false);
        Path latin = write(text.toString(), WINDOWS_1252, false);
        assertThat(TabularFile.detectCharset(source(utf8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TabularFile.detectCharset(source(latin))).isEqualTo(WINDOWS_1252);
    }

    @Test
    void refusesWhatIsNotATable() throws IOException {
        assertThatThrownBy(() -> TabularFile.detect(source(write("juste une phrase sans séparateur\n", StandardCharsets.UTF_8, false))))
                .isInstanceOfSatisfying(TabularFile.Unreadable.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.file.oneColumn"));
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0});
        assertThatThrownBy(() -> TabularFile.detect(source(xls))).isInstanceOfSatisfying(TabularFile.Unreadable.class,
                e -> assertThat(e.messageKey()).isEqualTo("import.file.oldExcel"));
        assertThatThrownBy(() -> TabularFile.detect(source(write("", StandardCharsets.UTF_8, false))))
                .isInstanceOf(TabularFile.Unreadable.class);
    }

    @Test
    void readsTheFirstSheetOfAnXlsxWithDatesAsFrenchDates() throws IOException {
        Path file = dir.resolve("cases.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Passerelle", "1.0");
            Worksheet sheet = workbook.newWorksheet("Mesures");
            sheet.value(0, 0, "Nom");
            sheet.value(0, 1, "Date de réception");
            sheet.value(0, 2, "N° parquet");
            sheet.value(1, 0, "Lefèvre");
            sheet.value(1, 1, LocalDate.of(2025, 11, 3));
            sheet.style(1, 1).format("dd/mm/yyyy").set();
            sheet.value(1, 2, 24123);
            workbook.finish();
        }
        TabularFile.Layout layout = TabularFile.detect(source(file));
        assertThat(layout.format()).isEqualTo("XLSX");
        assertThat(layout.headers()).containsExactly("Nom", "Date de réception", "N° parquet");
        assertThat(rows(file, layout)).containsExactly(List.of("Lefèvre", "03/11/2025", "24123"));
    }

    @Test
    void anXlsxIsReadFromAnOwnerOnlyCopyInAPrivateDirectoryDeletedOnceReadNotFromMemory() throws IOException {
        Path file = dir.resolve("private.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Passerelle", "1.0");
            Worksheet sheet = workbook.newWorksheet("Mesures");
            sheet.value(0, 0, "Nom");
            sheet.value(0, 1, "Prénom");
            sheet.value(1, 0, "Lefèvre");
            sheet.value(1, 1, "Hélène");
            workbook.finish();
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Map<Path, String> copies = new java.util.LinkedHashMap<>();
        TabularFile.Source watched = () -> {
            try (var entries = Files.list(tmp)) {
                for (Path d : entries.filter(p -> p.getFileName().toString().startsWith("passerelle-xlsx-")).toList()) {
                    try (var inside = Files.list(d)) {
                        for (Path f : inside.toList()) {
                            copies.put(f, PosixFilePermissions.toString(Files.getPosixFilePermissions(d)) + " "
                                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                        }
                    } catch (IOException gone) {
                        // another run's copy, deleted meanwhile
                    }
                }
            }
            return Files.newInputStream(file);
        };

        TabularFile.Layout layout = TabularFile.detect(watched);
        List<List<String>> read = new ArrayList<>();
        try (TabularFile.Lines lines = TabularFile.open(watched, layout, null)) {
            lines.forEachRemaining(l -> read.add(l.cells()));
        }

        assertThat(read).containsExactly(List.of("Lefèvre", "Hélène"));
        assertThat(copies).as("the copy exists while it is written").isNotEmpty()
                .allSatisfy((copy, permissions) -> assertThat(permissions).isEqualTo("rwx------ rw-------"));
        assertThat(copies.keySet()).as("each copy and its directory are gone once read")
                .allSatisfy(copy -> assertThat(copy.getParent()).doesNotExist());
    }

    @Test
    void parsesFrenchAndIsoDatesStrictly() {
        assertThat(FrenchValues.date("14/03/1985")).contains(LocalDate.of(1985, 3, 14));
        assertThat(FrenchValues.date("4/3/1985")).contains(LocalDate.of(1985, 3, 4));
        assertThat(FrenchValues.date("14-03-1985")).contains(LocalDate.of(1985, 3, 14));
        assertThat(FrenchValues.date("14.03.1985 00:00")).contains(LocalDate.of(1985, 3, 14));
        assertThat(FrenchValues.date("1985-03-14")).contains(LocalDate.of(1985, 3, 14));
        assertThat(FrenchValues.date("31/02/1990")).isEmpty();
        assertThat(FrenchValues.date("03/14/1985")).isEmpty();
        assertThat(FrenchValues.date("14/03/85")).isEmpty();
        assertThat(FrenchValues.date("hier")).isEmpty();
    }

    @Test
    void readsSexesAndPrescribersAsTheyAreWritten() {
        assertThat(FrenchValues.sex("Femme")).contains("F");
        assertThat(FrenchValues.sex("H")).contains("M");
        assertThat(FrenchValues.sex("M.")).contains("M");
        assertThat(FrenchValues.sex("Mme")).contains("F");
        assertThat(FrenchValues.sex("?")).isEmpty();
        assertThat(FrenchValues.prescriberType("Juge d'instruction", Measures.PRESCRIBER_TYPES)).contains("JUGE_INSTRUCTION");
        assertThat(FrenchValues.prescriberType("PROCUREUR", Measures.PRESCRIBER_TYPES)).contains("PARQUET");
        assertThat(FrenchValues.prescriberType("jap", Measures.PRESCRIBER_TYPES)).contains("JAP");
        assertThat(FrenchValues.prescriberType("Préfet", Measures.PRESCRIBER_TYPES)).isEmpty();
    }

    @Test
    void proposesTheMappingFromFrenchHeaders() {
        Map<Integer, ImportField> mapping = ImportField.propose(List.of("NOM", "Prénom", "Né(e) le", "Sexe",
                "Type de mesure", "Juridiction", "Prescripteur", "N° de parquet", "Date de réception", "Échéance",
                "Observations", "nom"));
        assertThat(mapping).containsEntry(0, ImportField.LAST_NAME).containsEntry(1, ImportField.FIRST_NAME)
                .containsEntry(2, ImportField.BIRTH_DATE).containsEntry(3, ImportField.SEX)
                .containsEntry(4, ImportField.MEASURE_TYPE).containsEntry(5, ImportField.COURT)
                .containsEntry(6, ImportField.PRESCRIBER_TYPE).containsEntry(8, ImportField.RECEIVED_ON)
                .containsEntry(9, ImportField.DUE_ON).containsEntry(10, ImportField.NOTES).doesNotContainKeys(11);
    }

    @Test
    void recognisesAPersonWhateverTheAccentsCaseAndHyphens() {
        LocalDate birth = LocalDate.of(1979, 7, 2);
        assertThat(BulkCases.identityKey("Bénard", "Jean-Marc", birth))
                .isEqualTo(BulkCases.identityKey(" BENARD ", "jean marc", birth))
                .isNotEqualTo(BulkCases.identityKey("Bénard", "Jean-Marc", birth.plusDays(1)));
        assertThat(BulkCases.identityKey("Bénard", "Jean-Marc", null)).isNull();
        assertThat(BulkCases.normalise("Œdipe D’Arc")).isEqualTo("oedipe d arc");
    }

    private Path write(String text, Charset charset, boolean bom) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (bom) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        bytes.write(text.getBytes(charset));
        Path file = Files.createTempFile(dir, "import", ".csv");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static TabularFile.Source source(Path file) {
        return () -> Files.newInputStream(file);
    }

    private static List<List<String>> rows(Path file, TabularFile.Layout layout) {
        List<List<String>> rows = new ArrayList<>();
        try (TabularFile.Lines lines = TabularFile.open(source(file), layout, null)) {
            lines.forEachRemaining(l -> rows.add(l.cells()));
        }
        return rows;
    }
}
