package fr.passerelle.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in security settings.
 *
 * @param loginThrottle the growing delay after failed sign-ins of one login name
 * @param addressThrottle the growing delay after failed sign-ins from one client address, any names
 * @param addressWindow an address's failures are counted within this time from the first one; the
 *        count starts again after it, so an address shared by many users is not held back forever
 * @param unlockRequests how many unlock links may be asked for from one client address within
 *        {@code addressWindow}
 * @param unlockLink the mail link that lets a locked-out user in
 * @param mfa multi-factor authentication settings
 */
@ConfigurationProperties("passerelle.security")
record SecurityProperties(LoginThrottlePolicy loginThrottle, LoginThrottlePolicy addressThrottle, Duration addressWindow,
        Integer unlockRequests, UnlockLink unlockLink, Mfa mfa) {

    SecurityProperties {
        if (loginThrottle == null) {
            loginThrottle = new LoginThrottlePolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(15));
        }
        if (addressThrottle == null) {
            addressThrottle = new LoginThrottlePolicy(20, Duration.ofSeconds(5), Duration.ofMinutes(15));
        }
        if (addressWindow == null) {
            addressWindow = Duration.ofHours(1);
        }
        if (unlockRequests == null) {
            unlockRequests = 5;
        }
        if (unlockLink == null) {
            unlockLink = new UnlockLink(Duration.ofMinutes(30), Duration.ofMinutes(5));
        }
        if (mfa == null) {
            mfa = new Mfa("Passerelle");
        }
    }

    /**
     * @param validity how long an unlock link works (once)
     * @param interval at most one link per account within this time (so nobody floods a mailbox)
     */
    record UnlockLink(Duration validity, Duration interval) {}

    /** @param issuer the name shown in authenticator apps */
    record Mfa(String issuer) {}
}
