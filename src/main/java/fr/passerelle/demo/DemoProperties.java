package fr.passerelle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data settings.
 *
 * @param enabled generate demo data at start-up; when unset, only with the embedded database
 * @param mfaExempt let demo accounts marked so skip the second factor
 * @param associations how many associations to generate
 */
@ConfigurationProperties("passerelle.demo")
public record DemoProperties(Boolean enabled, boolean mfaExempt, Integer associations) {

    public DemoProperties {
        if (associations == null) {
            associations = 150;
        }
    }
}
