package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        assertThat(PracticeLibrary.snippet("Un \u0002chantier\u0003 pour les \u0002jeunes\u0003."))
                .containsExactly(new PracticeLibrary.Snippet("Un ", false), new PracticeLibrary.Snippet("chantier", true),
                        new PracticeLibrary.Snippet(" pour les ", false), new PracticeLibrary.Snippet("jeunes", true),
                        new PracticeLibrary.Snippet(".", false));
        assertThat(PracticeLibrary.snippet("<b>texte</b>")).containsExactly(new PracticeLibrary.Snippet("<b>texte</b>", false));
        assertThat(PracticeLibrary.slug("Médiation sociale : « transports » !")).isEqualTo("mediation-sociale-transports");
    }
}
