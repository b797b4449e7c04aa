package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private static Profile lyon() {
        return new Profile("18 rue Mazenod", "69003", "Lyon", new BigDecimal("45.7597"), new BigDecimal("4.849"),
                "04 78 60 12 34", "contact@asj.example", null, "Accueil\r\ndu lundi au vendredi", MainField.PRE_SENTENCE,
                List.of("TJ-LYON", "TJ-LYON", "TJ-BOURG-EN-BRESSE"), List.of("TIG", "ESR"));
    }

    @Test
    void normalisingTrimsBlanksScalesCoordinatesAndSortsCodesOnce() {
        Profile p = new Profile("  ", " 69003 ", "Lyon ", new BigDecimal("45.7597"), new BigDecimal("4.849"), "", null,
                null, "a\r\nb", MainField.MINORS, List.of("TJ-LYON", "TJ-BOURG-EN-BRESSE", "TJ-LYON"), null).normalized();

        assertThat(p.address()).isNull();
        assertThat(p.postcode()).isEqualTo("69003");
        assertThat(p.city()).isEqualTo("Lyon");
        assertThat(p.phone()).isNull();
        assertThat(p.latitude()).isEqualTo(new BigDecimal("45.759700"));
        assertThat(p.description()).isEqualTo("a\nb");
        assertThat(p.courts()).containsExactly("TJ-BOURG-EN-BRESSE", "TJ-LYON");
        assertThat(p.activities()).isEmpty();
    }

    @Test
    void differencesNameOnlyTheFieldsThatChanged() {
        Profile published = lyon().normalized();
        Profile sameWithOtherPrecision = new Profile("18 rue Mazenod", "69003", "Lyon", new BigDecimal("45.759700"),
                new BigDecimal("4.84900"), "04 78 60 12 34", "contact@asj.example", "", "Accueil\ndu lundi au vendredi",
                MainField.PRE_SENTENCE, List.of("TJ-BOURG-EN-BRESSE", "TJ-LYON"), List.of("ESR", "TIG")).normalized();
        Profile moved = new Profile("3 quai Perrache", "69002", "Lyon", new BigDecimal("45.75"), new BigDecimal("4.849"),
                "04 78 60 12 34", "contact@asj.example", null, "Accueil\ndu lundi au vendredi", MainField.PRE_SENTENCE,
                List.of("TJ-LYON"), List.of("ESR", "TIG", "CJSE")).normalized();

        assertThat(sameWithOtherPrecision.differences(published)).isEmpty();
        assertThat(moved.differences(published)).containsExactly("address", "postcode", "coordinates", "courts",
                "activities");
        assertThat(moved.differences(null)).isEqualTo(Profile.FIELDS);
    }
}
