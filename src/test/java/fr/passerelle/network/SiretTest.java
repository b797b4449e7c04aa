package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SIRET check digit and the département of a postcode, as the membership form uses them. */
class SiretTest {

    @Test
    void aSiretHasFourteenDigitsWithItsLuhnCheckDigit() {
        assertThat(Siret.valid("73282932000074")).isTrue();
        assertThat(Siret.valid("73282932000075")).isFalse();
        assertThat(Siret.valid("7328293200007")).isFalse();
        assertThat(Siret.valid("7328293200007A")).isFalse();
        assertThat(Siret.valid(null)).isFalse();
        // One digit changed, or two swapped: caught.
        assertThat(Siret.valid("73282932000047")).isFalse();
        assertThat(Siret.valid("37282932000074")).isFalse();
    }

    @Test
    void laPostesEstablishmentsAreNumberedByTheSumOfTheirDigits() {
        // 3+5+6 + 0… + 1+8 = 23: not a multiple of 5; 3+5+6 + 1+5 = 20: accepted, although its Luhn sum is wrong.
        assertThat(Siret.valid("35600000000018")).isFalse();
        assertThat(Siret.valid("35600000000015")).isTrue();
        // The head office follows the common rule.
        assertThat(Siret.valid("35600000000048")).isTrue();
    }

    @Test
    void theDepartementOfAPostcode() {
        assertThat(Membership.departement("26000")).isEqualTo("26");
        assertThat(Membership.departement("07000")).isEqualTo("07");
        assertThat(Membership.departement("20000")).isEqualTo("2A");
        assertThat(Membership.departement("20200")).isEqualTo("2B");
        assertThat(Membership.departement("97400")).isEqualTo("974");
    }
}
