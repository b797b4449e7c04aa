package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.observatory.KeyFiguresReport.BreakdownRow;
import fr.passerelle.observatory.KeyFiguresReport.BreakdownTable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SVG bar charts of the key figures PDF, drawn from a breakdown table. */
class KeyFiguresPdfTest {

    @Test
    void barsAreScaledOnTheLargestChartedValueAndTheTotalColumnIsLeftOut() {
        BreakdownTable table = new BreakdownTable("bySexAndAge", "Personnes", "Tranche d’âge", "Nombre",
                List.of("Femmes", "Hommes", "Total"), List.of(
                        row("18 à 24 ans", "4", "2", "6"),
                        row("Une tranche d’âge au libellé vraiment beaucoup trop long pour la marge", "0", "1", "1")),
                true);
        KeyFiguresPdf.Chart chart = KeyFiguresPdf.chart(table);
        // Two series charted (not the total, which would be the largest), two bars per category.
        assertThat(chart.legend()).extracting(KeyFiguresPdf.Legend::text).containsExactly("Femmes", "Hommes");
        assertThat(chart.bars()).hasSize(4);
        assertThat(chart.bars().get(0).width()).isEqualTo(KeyFiguresPdf.PLOT_WIDTH);
        assertThat(chart.bars().get(1).width()).isEqualTo(KeyFiguresPdf.PLOT_WIDTH / 2);
        // A zero is a hairline, so that the category still shows a bar.
        assertThat(chart.bars().get(2).width()).isEqualTo(0.5);
        assertThat(chart.bars().get(0).colour()).isNotEqualTo(chart.bars().get(1).colour());
        assertThat(chart.texts()).extracting(KeyFiguresPdf.Text::text)
                .contains("18 à 24 ans", "4", "2", "0", "1")
                .anyMatch(t -> t.endsWith("…") && t.length() == KeyFiguresPdf.LABEL_LENGTH);
        assertThat(chart.height()).isGreaterThan(chart.bars().get(3).y() + chart.bars().get(3).height());
        assertThat(chart.style()).startsWith("width: 170.0mm; height: ");
    }

    @Test
    void aTableOfZerosDrawsHairlinesWithoutDividingByZero() {
        BreakdownTable zeros = new BreakdownTable("byType", "Mesures", "Type", "Nombre", List.of("2025", "2024"),
                List.of(row("EP", "0", "0")), false);
        KeyFiguresPdf.Chart chart = KeyFiguresPdf.chart(zeros);
        assertThat(chart.bars()).extracting(KeyFiguresPdf.Bar::width).containsOnly(0.5);
    }

    private static BreakdownRow row(String label, String... values) {
        List<BigDecimal> numbers = Arrays.stream(values).map(BigDecimal::new).toList();
        return new BreakdownRow(label, numbers, Arrays.asList(values));
    }
}
