package fr.passerelle.programmes.web;

import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the values of the programme pages' small forms from their text, so that a value that is not
 * a date or an amount is refused with a message (flashed on the page) rather than an error page.
 */
final class Inputs {

    private Inputs() {}

    /** A date typed as yyyy-mm-dd (what a date field sends); null when empty. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new FieldRefusal(field, "programme.date.invalid");
        }
    }

    /** An amount in euros, with a comma or a point before the cents, spaces allowed; null when empty. */
    static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "programme.amount.invalid");
        }
    }

    /** A whole number; the given default when empty. */
    static int number(String field, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new FieldRefusal(field, "programme.number.invalid");
        }
    }
}
