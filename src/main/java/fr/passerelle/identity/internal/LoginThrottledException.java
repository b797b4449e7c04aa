package fr.passerelle.identity.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt refused before its password is examined: its login name or its client
 * address is still waiting out the delay earned by previous failures.
 */
class LoginThrottledException extends AuthenticationException {

    private final long seconds;

    LoginThrottledException(long seconds) {
        super("sign-in throttled");
        this.seconds = seconds;
    }

    /** Seconds to wait before the next attempt is examined. */
    long seconds() {
        return seconds;
    }
}
