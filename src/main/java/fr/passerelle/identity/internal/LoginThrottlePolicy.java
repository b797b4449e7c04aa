package fr.passerelle.identity.internal;

import java.time.Duration;

/**
 * How long a login name must wait after failed sign-ins: nothing for the first
 * {@code freeFailures}, then {@code baseDelay} doubling with each further failure, up to
 * {@code maxDelay}.
 */
record LoginThrottlePolicy(int freeFailures, Duration baseDelay, Duration maxDelay) {

    Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
