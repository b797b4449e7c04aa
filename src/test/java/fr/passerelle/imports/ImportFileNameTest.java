package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name of an uploaded file, whatever the browser sends with it. */
class ImportFileNameTest {

    @Test
    void keepsTheFileNameAndSurvivesPathsSlashesAndControlCharacters() {
        assertThat(ImportJobs.fileName("suivis.csv")).isEqualTo("suivis.csv");
        assertThat(ImportJobs.fileName("C:\\Users\\asso\\suivis 2026.xlsx")).isEqualTo("suivis 2026.xlsx");
        assertThat(ImportJobs.fileName("/")).isEqualTo("import");
        assertThat(ImportJobs.fileName("a\u0000b.csv")).isEqualTo("ab.csv");
        assertThat(ImportJobs.fileName(null)).isEqualTo("import");
        assertThat(ImportJobs.fileName("  ")).isEqualTo("import");
    }
}
