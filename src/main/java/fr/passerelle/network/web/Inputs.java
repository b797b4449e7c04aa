package fr.passerelle.network.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Numbers and dates as typed in the network's forms; none when they are not one (the service refuses it). */
final class Inputs {

    private Inputs() {}

    /** A decimal with a comma or a point, spaces between thousands allowed. */
    static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO date (what a date input sends). */
    static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date and time as a datetime-local input sends it. */
    static java.time.LocalDateTime dateTime(String value) {
        try {
            return value == null || value.isBlank() ? null : java.time.LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
