package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The measure suggested for a sheet's indicator from its wording; the lead may change it. */
class ProgrammeMeasureTest {

    @Test
    void theWordingOfTheLibrarysIndicatorsSuggestsTheirMeasure() {
        assertThat(ProgrammeMeasure.suggestFor("Nombre de bénéficiaires (mineurs, majeurs)")).contains(ProgrammeMeasure.ADMITTED);
        assertThat(ProgrammeMeasure.suggestFor("Nombre de mineurs bénéficiaires (dans et hors cadre judiciaire)"))
                .contains(ProgrammeMeasure.MINORS);
        assertThat(ProgrammeMeasure.suggestFor("Assiduité du jeune")).contains(ProgrammeMeasure.ASSIDUITY);
        assertThat(ProgrammeMeasure.suggestFor("Orientations à l’issue du chantier")).contains(ProgrammeMeasure.ORIENTATIONS);
        assertThat(ProgrammeMeasure.suggestFor("Nombre de sorties positives")).contains(ProgrammeMeasure.POSITIVE_EXITS);
        assertThat(ProgrammeMeasure.suggestFor("Fréquence des rencontres avec le référent de parcours"))
                .contains(ProgrammeMeasure.CONTACTS);
        assertThat(ProgrammeMeasure.suggestFor("COUT par jeune")).contains(ProgrammeMeasure.COST_PER_BENEFICIARY);
    }

    @Test
    void anIndicatorTheDataCannotComputeGetsNoMeasure() {
        assertThat(ProgrammeMeasure.suggestFor("Réalisation des travaux du chantier")).isEmpty();
        assertThat(ProgrammeMeasure.suggestFor("Surfaces traitées chaque année (en m²)")).isEmpty();
        assertThat(ProgrammeMeasure.suggestFor(null)).isEmpty();
    }
}
