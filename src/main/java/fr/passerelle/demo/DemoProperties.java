package fr.passerelle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data settings.
 *
 * @param enabled generate demo data at start-up; when unset, only with the embedded database
 * @param mfaExempt let demo accounts marked so skip the second factor
 * @param associations how many associations to generate
 * @param casePersons how many persons (with about 1.4 measures each) the flagship association follows
 * @param personsPerAssociation how many persons (with about 2 measures each) every other association
 *     follows, written in bulk in the background after start-up
 */
@ConfigurationProperties("passerelle.demo")
public record DemoProperties(Boolean enabled, boolean mfaExempt, Integer associations, Integer casePersons,
        Integer personsPerAssociation) {

    public DemoProperties {
        if (associations == null) {
            associations = 150;
        }
        if (casePersons == null) {
            casePersons = 120;
        }
        if (personsPerAssociation == null) {
            personsPerAssociation = 200;
        }
    }
}
