package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import fr.passerelle.shared.db.Headlines;
import org.junit.jupiter.api.Test;

/** A section's plain text laid out as paragraphs and lists. */
class PracticeTextTest {

    @Test
    void blankLinesSeparateParagraphsAndDashedLinesMakeLists() {
        List<PracticeText.Block> blocks = PracticeText.blocks("""
                Le chantier dure
                trois semaines.

                Il comprend :
                - un accueil ;
                - des travaux.
                Puis un bilan.

                  """);
        assertThat(blocks).containsExactly(
                new PracticeText.Block(false, List.of("Le chantier dure trois semaines.")),
                new PracticeText.Block(false, List.of("Il comprend :")),
                new PracticeText.Block(true, List.of("un accueil ;", "des travaux.")),
                new PracticeText.Block(false, List.of("Puis un bilan.")));
        assertThat(PracticeText.blocks(null)).isEmpty();
        assertThat(PracticeText.blocks("  \n ")).isEmpty();
    }

    @Test
    void aSnippetKeepsItsFoundWordsApartAndNothingElse() {
        assertThat(Headlines.parts("Un \u0002chantier\u0003 pour les \u0002jeunes\u0003."))
                .containsExactly(new Headlines.Part("Un ", false), new Headlines.Part("chantier", true),
                        new Headlines.Part(" pour les ", false), new Headlines.Part("jeunes", true),
                        new Headlines.Part(".", false));
        assertThat(Headlines.parts("<b>texte</b>")).containsExactly(new Headlines.Part("<b>texte</b>", false));
        assertThat(PracticeLibrary.slug("Médiation sociale : « transports » !")).isEqualTo("mediation-sociale-transports");
    }
}
