package fr.passerelle.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(15));

    @Test
    void letsTheFirstFailuresThroughWithoutDelay() {
        assertThat(policy.delayAfter(0)).isZero();
        assertThat(policy.delayAfter(2)).isZero();
    }

    @Test
    void doublesTheDelayWithEachFurtherFailure() {
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void capsTheDelay() {
        assertThat(policy.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
