package fr.passerelle.partners;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the conventions with partners.
 *
 * @param conventionDocumentMaxBytes the largest signed document accepted on a convention (10 MB by default)
 * @param conventionAlertDays how many days before its end a convention shows on the deadlines page and in
 *     the daily digest (60 by default)
 */
@ConfigurationProperties("passerelle.partners")
public record ConventionProperties(@DefaultValue("10MB") DataSize conventionDocumentMaxBytes,
        @DefaultValue("60") int conventionAlertDays) {

    public ConventionProperties {
        if (conventionDocumentMaxBytes.toBytes() <= 0 || conventionDocumentMaxBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("passerelle.partners.convention-document-max-bytes must be positive and below 2 GB");
        }
        if (conventionAlertDays < 0) {
            throw new IllegalArgumentException("passerelle.partners.convention-alert-days must not be negative");
        }
    }
}
