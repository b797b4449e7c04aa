package fr.passerelle.consultation.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.consultation.ConsultationResults.Day;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParticipationChartTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    /** Three days: 4 participants then none then 6 more; 1, 0, 2 proposals; 30, 10, 60 votes. */
    private static final List<Day> DAYS = List.of(new Day(MONDAY, 4, 1, 30, 4, 1, 30),
            new Day(MONDAY.plusDays(1), 0, 0, 10, 4, 1, 40), new Day(MONDAY.plusDays(2), 6, 2, 60, 10, 3, 100));

    @Test
    void drawsTheRunningTotalsOfEachSeriesAcrossThePlotArea() {
        ParticipationChart chart = ParticipationChart.of(DAYS);

        assertThat(chart.labels()).containsExactly("02/03/2026", "03/03/2026", "04/03/2026");
        assertThat(chart.series()).extracting(ParticipationChart.Series::values)
                .containsExactly(List.of(4L, 4L, 10L), List.of(1L, 1L, 3L), List.of(30L, 40L, 100L));
        ParticipationChart.Panel votes = chart.panels().get(2);
        assertThat(votes.total()).isEqualTo(100);
        // axis top 100: 30 votes at 30 % of the height above the bottom (104 − 0.3 × 94), first day on the left edge
        assertThat(votes.line()).isEqualTo("44.0,75.8 138.0,66.4 232.0,10.0");
        assertThat(votes.ticks()).extracting(ParticipationChart.Tick::label).containsExactly("0", "50", "100");
        assertThat(votes.dots()).hasSize(3);
        assertThat(votes.firstDay()).isEqualTo("02/03/2026");
        assertThat(votes.lastDay()).isEqualTo("04/03/2026");
        // proposals: 3 in all, axis top 4
        assertThat(chart.panels().get(1).ticks()).extracting(ParticipationChart.Tick::label).containsExactly("0", "2", "4");
    }

    @Test
    void aSingleDayIsADotAndNoDayIsEmpty() {
        ParticipationChart one = ParticipationChart.of(List.of(new Day(MONDAY, 1, 0, 0, 1, 0, 0)));
        assertThat(one.panels().get(0).line()).isEmpty();
        assertThat(one.panels().get(0).dots()).singleElement()
                .isEqualTo(new ParticipationChart.Dot(138.0, 57.0));
        assertThat(ParticipationChart.of(List.of()).isEmpty()).isTrue();
    }

    @Test
    void theDashboardDataNamesTheSeriesAndPutsVotesOnTheSecondAxis() {
        Map<String, Object> data = ParticipationChart.of(DAYS).data(
                Map.of("participants", "Participants", "proposals", "Propositions", "votes", "Votes"),
                List.of("Participants, propositions", "Votes"));
        assertThat(data).containsEntry("kind", "lines").containsEntry("axes", List.of("Participants, propositions", "Votes"));
        assertThat((List<?>) data.get("series")).hasSize(3).element(2)
                .isEqualTo(Map.of("name", "Votes", "values", List.of(30L, 40L, 100L), "axis", 1));
    }

    @Test
    void theAxisTopIsARoundNumberWithAWholeHalf() {
        assertThat(ParticipationChart.niceCeiling(0)).isEqualTo(2);
        assertThat(ParticipationChart.niceCeiling(3)).isEqualTo(4);
        assertThat(ParticipationChart.niceCeiling(41)).isEqualTo(60);
        assertThat(ParticipationChart.niceCeiling(100)).isEqualTo(100);
        assertThat(ParticipationChart.niceCeiling(1_234)).isEqualTo(2_000);
    }
}
