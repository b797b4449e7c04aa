package fr.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.measures.BulkCases;
import fr.passerelle.measures.MeasureOutcome;
import fr.passerelle.measures.MeasureStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values as former spreadsheets write them: case workers, statuses, outcomes, formula-looking cells. */
class ImportValuesTest {

    final UUID camille = UUID.randomUUID();
    final UUID claire = UUID.randomUUID();
    final UUID sofia = UUID.randomUUID();
    final CaseWorkerNames names = new CaseWorkerNames(List.of(
            new BulkCases.CaseWorker(camille, "intervenant", "Camille Martin"),
            new BulkCases.CaseWorker(claire, "c.martin2", "Claire Martin"),
            new BulkCases.CaseWorker(sofia, "s.laurent", "Sofia Le Laurent")));

    @Test
    void aCaseWorkerIsFoundByLoginFullNameEitherWayOrInitialAndName() {
        assertThat(names.match("INTERVENANT")).contains(camille);
        assertThat(names.match("camille martin")).contains(camille);
        assertThat(names.match("Martin Camille")).contains(camille);
        assertThat(names.match("S. Le Laurent")).contains(sofia);
        assertThat(names.match("Le Laurent S.")).contains(sofia);
        assertThat(names.match("Sofia Le-Laurent")).contains(sofia);
    }

    @Test
    void aCompoundFirstNameOrAThreeWordNameIsFoundByItsInitials() {
        UUID jeanPierre = UUID.randomUUID();
        UUID marieClaire = UUID.randomUUID();
        CaseWorkerNames more = new CaseWorkerNames(List.of(
                new BulkCases.CaseWorker(jeanPierre, "jp.martin", "Jean-Pierre Martin"),
                new BulkCases.CaseWorker(marieClaire, "mc.dupont", "Marie Claire Dupont")));
        assertThat(more.match("J.-P. Martin")).contains(jeanPierre);
        assertThat(more.match("J. Martin")).contains(jeanPierre);
        assertThat(more.match("Martin J.-P.")).contains(jeanPierre);
        assertThat(more.match("M. Dupont")).contains(marieClaire);
        assertThat(more.match("M.-C. Dupont")).contains(marieClaire);
        assertThat(more.match("Marie Claire Dupont")).contains(marieClaire);
        assertThat(more.match("Dupont Marie Claire")).contains(marieClaire);
        assertThat(more.match("P. Martin")).isEmpty();
    }

    @Test
    void aNameThatFitsTwoCaseWorkersOrNoneFitsNone() {
        assertThat(names.match("C. Martin")).isEmpty();
        assertThat(names.match("Martin")).isEmpty();
        assertThat(names.match("Personne Inconnue")).isEmpty();
        assertThat(names.match("")).isEmpty();
    }

    @Test
    void statusesAndOutcomesAreReadFromTheirFrenchNamesOrCodes() {
        assertThat(FrenchValues.status("En cours")).contains(MeasureStatus.IN_PROGRESS);
        assertThat(FrenchValues.status("TERMINÉE")).contains(MeasureStatus.ENDED);
        assertThat(FrenchValues.status("Clôturée")).contains(MeasureStatus.ENDED);
        assertThat(FrenchValues.status("closed")).contains(MeasureStatus.ENDED);
        assertThat(FrenchValues.status("suspended")).contains(MeasureStatus.SUSPENDED);
        assertThat(FrenchValues.status("Peut-être")).isEmpty();
        assertThat(FrenchValues.outcome("Mainlevée")).contains(MeasureOutcome.LIFTED_BY_MAGISTRATE);
        assertThat(FrenchValues.outcome("Personne non présentée (carence)")).contains(MeasureOutcome.NOT_PRESENTED);
        assertThat(FrenchValues.outcome("deceased")).contains(MeasureOutcome.DECEASED);
        assertThat(FrenchValues.outcome("Bof")).isEqualTo(Optional.empty());
    }

    @Test
    void aCellIsAFormulaWarningOnlyWhenItLooksLikeOne() {
        assertThat(FrenchValues.looksLikeFormula("=HYPERLINK(\"http://x\")")).isTrue();
        assertThat(FrenchValues.looksLikeFormula("=1+1")).isTrue();
        assertThat(FrenchValues.looksLikeFormula("+SUM(A1:A2)")).isTrue();
        assertThat(FrenchValues.looksLikeFormula("-2+3+cmd|' /C calc'!A0")).isTrue();
        assertThat(FrenchValues.looksLikeFormula("@A1")).isTrue();
        assertThat(FrenchValues.looksLikeFormula("+33 6 12 34 56 78")).isFalse();
        assertThat(FrenchValues.looksLikeFormula("-12")).isFalse();
        assertThat(FrenchValues.looksLikeFormula("-Marie-Ange")).isFalse();
        assertThat(FrenchValues.looksLikeFormula("=")).isFalse();
        assertThat(FrenchValues.looksLikeFormula("Dupont")).isFalse();
    }

    @Test
    void onlyTheFirstCharactersOfACellAreSearchedForAFormula() {
        String filler = "a".repeat(FrenchValues.FORMULA_PREFIX);
        assertThat(FrenchValues.looksLikeFormula("+" + filler.substring(1) + "|")).isTrue();
        assertThat(FrenchValues.looksLikeFormula("+" + filler + "|")).isFalse();
        // The cell that made the former pattern backtrack for ever: a megabyte of letters after a plus.
        assertThat(FrenchValues.looksLikeFormula("+" + "a".repeat(1024 * 1024))).isFalse();
        assertThat(FrenchValues.looksLikeFormula("  =" + "a".repeat(1024 * 1024))).isTrue();
    }

    @Test
    void everyRowErrorTheImportCanGiveHasItsKindNamedInBothLanguages() throws Exception {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (String source : List.of("RowReader", "ImportRun")) {
            String code = java.nio.file.Files.readString(
                    java.nio.file.Path.of("src/main/java/fr/passerelle/imports/" + source + ".java"));
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("\"(import\\.error\\.[A-Za-z]+)\"")
                    .matcher(code);
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        assertThat(keys).contains("import.error.startedOnRequired", "import.error.duplicateRow");
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/" + file)) {
                messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(keys).as(file).allSatisfy(k -> assertThat(messages.getProperty("imports.errorKind." + k))
                    .as(k).isNotBlank());
        }
    }
}
