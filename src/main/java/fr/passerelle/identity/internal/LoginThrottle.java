package fr.passerelle.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per login name, known or not, so an unknown name gets exactly the same answer
 * as a known one. Kept in PostgreSQL so every node applies the same delay.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginThrottlePolicy policy;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = properties.loginThrottle();
        this.clock = clock;
    }

    static String key(String login) {
        String trimmed = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }

    /** Time the login name must still wait before its next attempt is examined. */
    Duration remainingWait(String login) {
        return jdbc.sql("select failures, last_failure_at from login_attempt where login_key = ?")
                .param(key(login))
                .query((rs, n) -> {
                    Instant until = rs.getTimestamp(2).toInstant().plus(policy.delayAfter(rs.getInt(1)));
                    Duration wait = Duration.between(clock.instant(), until);
                    return wait.isNegative() ? Duration.ZERO : wait;
                })
                .optional()
                .orElse(Duration.ZERO);
    }

    void recordFailure(String login) {
        jdbc.sql("""
                insert into login_attempt (login_key, failures, last_failure_at) values (?, 1, ?)
                on conflict (login_key) do update
                    set failures = login_attempt.failures + 1, last_failure_at = excluded.last_failure_at
                """)
                .param(key(login))
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    /** Forgets failures older than a day; safe on every node at once. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        jdbc.sql("delete from login_attempt where last_failure_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    void reset(String login) {
        jdbc.sql("delete from login_attempt where login_key = ?").param(key(login)).update();
    }
}
