package fr.passerelle.identity.internal;

import fr.passerelle.shared.ClientNetworks;
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
 * as a known one, and per client address, whatever names it tries, so that spraying one password
 * over many names from one address is slowed down too. An IPv6 client counts by its /64 network
 * (one host usually holds a whole /64). Kept in PostgreSQL so every node applies the same delay.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final LoginThrottlePolicy policy;
    private final LoginThrottlePolicy addressPolicy;
    private final Duration addressWindow;
    private final int unlockRequests;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = properties.loginThrottle();
        this.addressPolicy = properties.addressThrottle();
        this.addressWindow = properties.addressWindow();
        this.unlockRequests = properties.unlockRequests();
        this.clock = clock;
    }

    static String key(String login) {
        String trimmed = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }

    /** The key of a client address: the address itself for IPv4, its /64 network for IPv6. */
    static String addressKey(String remoteAddress) {
        String network = ClientNetworks.networkOf(remoteAddress == null ? "" : remoteAddress.trim(), 32, 64);
        return network.length() > 64 ? network.substring(0, 64) : network;
    }

    /** Time the login name must still wait before its next attempt is examined. */
    Duration remainingWait(String login) {
        return wait("select failures, last_failure_at from login_attempt where login_key = ?", key(login), policy);
    }

    /** Time the client address must still wait before its next attempt is examined, whatever the name. */
    Duration remainingAddressWait(String address) {
        return wait("select failures, last_failure_at from login_attempt_address where address_key = ?",
                addressKey(address), addressPolicy);
    }

    private Duration wait(String sql, String key, LoginThrottlePolicy rule) {
        return jdbc.sql(sql)
                .param(key)
                .query((rs, n) -> {
                    Instant until = rs.getTimestamp(2).toInstant().plus(rule.delayAfter(rs.getInt(1)));
                    Duration wait = Duration.between(clock.instant(), until);
                    return wait.isNegative() ? Duration.ZERO : wait;
                })
                .optional()
                .orElse(Duration.ZERO);
    }

    /** A failed sign-in (password or second factor) of a login name from a client address. */
    void recordFailure(String login, String address) {
        jdbc.sql("""
                insert into login_attempt (login_key, failures, last_failure_at) values (?, 1, ?)
                on conflict (login_key) do update
                    set failures = login_attempt.failures + 1, last_failure_at = excluded.last_failure_at
                """)
                .param(key(login))
                .param(Timestamp.from(clock.instant()))
                .update();
        countInWindow(addressKey(address));
    }

    /**
     * Counts one more event under a key of {@code login_attempt_address}, within the address window:
     * when the first event counted is older than the window, the count starts again at 1.
     */
    private int countInWindow(String key) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp windowStart = Timestamp.from(clock.instant().minus(addressWindow));
        return jdbc.sql("""
                insert into login_attempt_address (address_key, failures, first_failure_at, last_failure_at)
                values (:key, 1, :now, :now)
                on conflict (address_key) do update set
                    failures = case when login_attempt_address.first_failure_at < :windowStart then 1
                                    else login_attempt_address.failures + 1 end,
                    first_failure_at = case when login_attempt_address.first_failure_at < :windowStart then :now
                                            else login_attempt_address.first_failure_at end,
                    last_failure_at = :now
                returning failures
                """)
                .param("key", key).param("now", now).param("windowStart", windowStart)
                .query(Integer.class).single();
    }

    /**
     * Counts a request for an unlock link from a client address; false once the address asked for
     * more than the configured number within the address window (the request is then refused).
     */
    boolean unlockRequestAllowed(String address) {
        String key = "unlock " + addressKey(address);
        return countInWindow(key.length() > 64 ? key.substring(0, 64) : key) <= unlockRequests;
    }

    /**
     * Forgets failures older than a day, and the unlock links that were used or have expired; safe
     * on every node at once.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        Timestamp dayAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
        jdbc.sql("delete from login_attempt where last_failure_at < ?").param(dayAgo).update();
        jdbc.sql("delete from login_attempt_address where last_failure_at < ?").param(dayAgo).update();
        jdbc.sql("select identity_purge_unlock_tokens(?)").param(Timestamp.from(clock.instant())).query(Long.class)
                .single();
    }

    /**
     * Forgets the failures of a login name (after a sign-in, or an unlock link). Those of the
     * address stay: a sign-in on one's own account must not let an address go on trying others.
     */
    void reset(String login) {
        jdbc.sql("delete from login_attempt where login_key = ?").param(key(login)).update();
    }
}
