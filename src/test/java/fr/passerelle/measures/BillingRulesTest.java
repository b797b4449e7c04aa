package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.shared.BusinessException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The amount rules of billing and the statuses of a statement, without a database. */
class BillingRulesTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void billsAMeasurePricedPerMeasureOnceItEndedOnOrBeforeTheMonth() {
        LocalDate inOctober = LocalDate.of(2026, 10, 31);
        assertThat(BillingRules.billablePerMeasure(MeasureStatus.ENDED, MeasureOutcome.COMPLETED, inOctober, OCTOBER)).isTrue();
        assertThat(BillingRules.billablePerMeasure(MeasureStatus.CLOSED, MeasureOutcome.REVOKED, inOctober, OCTOBER)).isTrue();
        assertThat(BillingRules.billablePerMeasure(MeasureStatus.ENDED, MeasureOutcome.NOT_PRESENTED,
                LocalDate.of(2026, 9, 2), OCTOBER)).as("ended earlier, not billed yet").isTrue();
        assertThat(BillingRules.billablePerMeasure(MeasureStatus.ENDED, MeasureOutcome.COMPLETED,
                LocalDate.of(2026, 11, 1), OCTOBER)).as("ended after the month").isFalse();
        assertThat(BillingRules.billablePerMeasure(MeasureStatus.ENDED, MeasureOutcome.CANCELLED_BY_MAGISTRATE,
                inOctober, OCTOBER)).as("cancelled by the magistrate").isFalse();
        assertThat(BillingRules.billablePerMeasure(MeasureStatus.ENDED, MeasureOutcome.COMPLETED, null, OCTOBER)).isFalse();
        for (MeasureStatus open : new MeasureStatus[] {MeasureStatus.RECEIVED, MeasureStatus.ASSIGNED,
                MeasureStatus.IN_PROGRESS, MeasureStatus.SUSPENDED}) {
            assertThat(BillingRules.billablePerMeasure(open, null, inOctober, OCTOBER)).as(open.name()).isFalse();
        }
    }

    @Test
    void multipliesTheQuantityByTheTariffToTheCentHalfUp() {
        assertThat(BillingRules.amount(BigDecimal.ONE, new BigDecimal("450.00"))).isEqualByComparingTo("450.00");
        assertThat(BillingRules.amount(new BigDecimal("31"), new BigDecimal("42.50"))).isEqualByComparingTo("1317.50");
        assertThat(BillingRules.amount(new BigDecimal("7.5"), new BigDecimal("18.33"))).isEqualTo(new BigDecimal("137.48"));
        assertThat(BillingRules.amount(new BigDecimal("0.5"), new BigDecimal("0.01"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(BillingRules.amount(new BigDecimal("3"), BigDecimal.ZERO.setScale(2))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void billsDaysAndHoursOnlyForTypesThatCountThem() {
        assertThat(BillingRules.countsTheBilledUnit("PER_DAY", "DAYS")).isTrue();
        assertThat(BillingRules.countsTheBilledUnit("PER_DAY", "NIGHTS")).isTrue();
        assertThat(BillingRules.countsTheBilledUnit("PER_DAY", "HOURS")).isFalse();
        assertThat(BillingRules.countsTheBilledUnit("PER_HOUR", "HOURS")).isTrue();
        assertThat(BillingRules.countsTheBilledUnit("PER_HOUR", "SESSIONS")).isFalse();
        assertThat(BillingRules.countsTheBilledUnit("PER_MEASURE", "NONE")).isTrue();
        assertThat(BillingRules.countsTheBilledUnit("NONE", "MONTHS")).isTrue();
    }

    @Test
    void countsThePaymentDelayFromSendingToPaymentOrToToday() {
        LocalDate sent = LocalDate.of(2026, 11, 2);
        assertThat(BillingRules.paymentDelayDays(null, null, LocalDate.of(2026, 11, 20))).isNull();
        assertThat(BillingRules.paymentDelayDays(sent, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 3, 1))).isEqualTo(74);
        assertThat(BillingRules.paymentDelayDays(sent, null, LocalDate.of(2026, 11, 20))).isEqualTo(18);
        assertThat(BillingRules.paymentDelayDays(sent, sent, sent)).isZero();
    }

    @Test
    void writesAmountsTheFrenchWay() {
        assertThat(BillingRules.french(new BigDecimal("1234.5"))).isEqualTo("1 234,50");
        assertThat(BillingRules.french(new BigDecimal("0"))).isEqualTo("0,00");
        assertThat(BillingRules.frenchQuantity(new BigDecimal("7.50"))).isEqualTo("7,5");
        assertThat(BillingRules.frenchQuantity(new BigDecimal("31.00"))).isEqualTo("31");
    }

    /** Every action from every status: the legal ones lead to the expected status, the others are refused. */
    @ParameterizedTest
    @EnumSource(BillingStatus.class)
    void allowsOnlyTheLegalActionsFromEachStatus(BillingStatus from) {
        Map<BillingStatus.Action, BillingStatus> legal = switch (from) {
            case DRAFT -> Map.of(BillingStatus.Action.REGENERATE, BillingStatus.DRAFT,
                    BillingStatus.Action.SEND, BillingStatus.SENT);
            case SENT -> Map.of(BillingStatus.Action.PAY, BillingStatus.PAID);
            case PAID -> Map.of();
        };
        for (BillingStatus.Action action : BillingStatus.Action.values()) {
            boolean deletable = from == BillingStatus.DRAFT && action == BillingStatus.Action.DELETE;
            if (legal.containsKey(action)) {
                assertThat(from.after(action)).as(from + " " + action).isEqualTo(legal.get(action));
                assertThat(from.actions()).contains(action);
            } else if (deletable) {
                assertThat(from.after(action)).as("a deleted draft has no status").isNull();
                assertThat(from.actions()).contains(action);
            } else {
                assertThatThrownBy(() -> from.after(action)).as(from + " " + action)
                        .isInstanceOfSatisfying(BusinessException.class, e -> {
                            assertThat(e.status()).isEqualTo(409);
                            assertThat(e.messageKey()).isEqualTo("billing.refused." + action + "." + from);
                        });
                assertThat(from.actions()).doesNotContain(action);
            }
        }
        assertThat(from.frozen()).isEqualTo(from != BillingStatus.DRAFT);
    }
}
