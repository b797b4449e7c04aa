package fr.passerelle.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in security settings.
 *
 * @param loginThrottle the growing delay after failed sign-ins
 * @param mfa multi-factor authentication settings
 */
@ConfigurationProperties("passerelle.security")
record SecurityProperties(LoginThrottlePolicy loginThrottle, Mfa mfa) {

    SecurityProperties {
        if (loginThrottle == null) {
            loginThrottle = new LoginThrottlePolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(15));
        }
        if (mfa == null) {
            mfa = new Mfa("Passerelle");
        }
    }

    /** @param issuer the name shown in authenticator apps */
    record Mfa(String issuer) {}
}
