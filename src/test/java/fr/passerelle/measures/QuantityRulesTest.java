package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar rules of hours and days, without a database. */
class QuantityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final QuantityRules.Span RUNNING = new QuantityRules.Span(LocalDate.of(2026, 11, 1), null);
    private static final QuantityRules.Span ENDED = new QuantityRules.Span(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 20));

    @Test
    void aPeriodOfPlacementIsOneDayPerDate() {
        assertThat(QuantityRules.days("DAYS", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 2), RUNNING, TODAY, Set.of()))
                .containsExactly(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30),
                        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        assertThat(QuantityRules.days("DAYS", TODAY, null, RUNNING, TODAY, Set.of())).containsExactly(TODAY);
    }

    @Test
    void aDateIsLoggedOnceAndTheRefusalNamesIt() {
        assertRefused(() -> QuantityRules.days("DAYS", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 2), RUNNING, TODAY,
                Set.of(LocalDate.of(2026, 11, 30))), "entryDate", "quantity.days.alreadyLogged");
        assertThatThrownBy(() -> QuantityRules.days("DAYS", TODAY, null, RUNNING, TODAY, Set.of(TODAY)))
                .hasFieldOrPropertyWithValue("arguments", new Object[] {QuantityRules.argument(TODAY)});
    }

    @Test
    void theMeasuresEndDateItselfIsAccepted() {
        assertThat(QuantityRules.days("DAYS", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), ENDED, TODAY,
                Set.of())).endsWith(LocalDate.of(2026, 11, 20));
        QuantityRules.checkDate(LocalDate.of(2026, 11, 20), ENDED, TODAY, "entryDate");
        QuantityRules.checkDate(LocalDate.of(2026, 11, 1), ENDED, TODAY, "entryDate");
    }

    @Test
    void nightsAreOnePerDateWithTheirOwnWords() {
        assertThat(QuantityRules.perDate("NIGHTS")).isTrue();
        assertThat(QuantityRules.perDate("HOURS")).isFalse();
        assertRefused(() -> QuantityRules.checkOnePerDate("NIGHTS", new BigDecimal("500")), "quantity",
                "quantity.nights.onePerDate");
        assertRefused(() -> QuantityRules.days("NIGHTS", TODAY, null, RUNNING, TODAY, Set.of(TODAY)), "entryDate",
                "quantity.nights.alreadyLogged");
        assertRefused(() -> QuantityRules.days("NIGHTS", TODAY, TODAY.minusDays(1), RUNNING, TODAY, Set.of()), "toDate",
                "quantity.nights.toBeforeFrom");
        QuantityRules.checkOnePerDate("NIGHTS", null);
        QuantityRules.checkOnePerDate("NIGHTS", BigDecimal.ONE);
    }

    @Test
    void refusalsFormatTheirDatesInTheReadersLanguage() {
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        FieldRefusal refusal = org.assertj.core.api.Assertions.catchThrowableOfType(FieldRefusal.class,
                () -> QuantityRules.days("NIGHTS", TODAY, null, RUNNING, TODAY, Set.of(TODAY)));
        assertThat(messages.getMessage(refusal.messageKey(), refusal.arguments(), java.util.Locale.FRENCH))
                .contains("06/12/2026").doesNotContain("jour");
        assertThat(messages.getMessage(refusal.messageKey(), refusal.arguments(), java.util.Locale.ENGLISH))
                .contains("6 December 2026").doesNotContain("06/12/2026");
    }

    @Test
    void noDayInTheFutureNorOutsideTheMeasure() {
        assertRefused(() -> QuantityRules.days("DAYS", TODAY, TODAY.plusDays(1), RUNNING, TODAY, Set.of()), "toDate",
                "quantity.date.future");
        assertRefused(() -> QuantityRules.days("DAYS", TODAY.plusDays(1), null, RUNNING, TODAY, Set.of()), "entryDate",
                "quantity.date.future");
        assertRefused(() -> QuantityRules.days("DAYS", LocalDate.of(2026, 10, 31), null, RUNNING, TODAY, Set.of()), "entryDate",
                "quantity.date.outsideMeasure");
        assertRefused(() -> QuantityRules.days("DAYS", LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 21), ENDED, TODAY,
                Set.of()), "toDate", "quantity.date.outsideMeasure");
        assertRefused(() -> QuantityRules.days("DAYS", TODAY, TODAY.minusDays(1), RUNNING, TODAY, Set.of()), "toDate",
                "quantity.days.toBeforeFrom");
        assertRefused(() -> QuantityRules.days("DAYS", null, null, RUNNING, TODAY, Set.of()), "entryDate", "quantity.date.required");
    }

    @Test
    void hoursAreAtMost24PerDateAllEntriesTogether() {
        QuantityRules.checkHours(new BigDecimal("24"), BigDecimal.ZERO);
        QuantityRules.checkHours(new BigDecimal("4"), new BigDecimal("20"));
        assertRefused(() -> QuantityRules.checkHours(new BigDecimal("4.5"), new BigDecimal("20")), "quantity",
                "quantity.hours.perDay");
        assertRefused(() -> QuantityRules.checkHours(BigDecimal.ZERO, BigDecimal.ZERO), "quantity", "quantity.hours.invalid");
    }

    @Test
    void perDateMeasuresAreNeverToldAboutHours() {
        Runnable[] daysRefusals = {
            () -> QuantityRules.days("DAYS", TODAY.plusDays(1), null, RUNNING, TODAY, Set.of()),
            () -> QuantityRules.days("DAYS", LocalDate.of(2026, 10, 1), null, RUNNING, TODAY, Set.of()),
            () -> QuantityRules.days("DAYS", TODAY, null, RUNNING, TODAY, Set.of(TODAY)),
            () -> QuantityRules.checkCount(BigDecimal.ZERO)};
        for (Runnable refusal : daysRefusals) {
            assertThatThrownBy(refusal::run).isInstanceOfSatisfying(FieldRefusal.class,
                    r -> assertThat(r.messageKey()).doesNotContain("hours"));
        }
        Runnable[] nightsRefusals = {
            () -> QuantityRules.checkOnePerDate("NIGHTS", new BigDecimal("2")),
            () -> QuantityRules.days("NIGHTS", TODAY, null, RUNNING, TODAY, Set.of(TODAY)),
            () -> QuantityRules.days("NIGHTS", TODAY, TODAY.minusDays(1), RUNNING, TODAY, Set.of())};
        for (Runnable refusal : nightsRefusals) {
            assertThatThrownBy(refusal::run).isInstanceOfSatisfying(FieldRefusal.class,
                    r -> assertThat(r.messageKey()).doesNotContain("hours").doesNotContain("days"));
        }
    }

    @Test
    void aboveTheOrderedQuantityIsAWarningOnly() {
        assertThat(QuantityRules.aboveOrdered(new BigDecimal("31"), new BigDecimal("30"))).isTrue();
        assertThat(QuantityRules.aboveOrdered(new BigDecimal("30"), new BigDecimal("30"))).isFalse();
        assertThat(QuantityRules.aboveOrdered(new BigDecimal("500"), null)).isFalse();
    }

    private static void assertRefused(Runnable action, String field, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(FieldRefusal.class, r -> {
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.messageKey()).isEqualTo(key);
        });
    }
}
