package fr.passerelle.identity;

import fr.passerelle.shared.FieldRefusal;
import java.util.Locale;

/** The password rules: 12 to 128 characters, not containing the login name, not one repeated character. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** Throws a refusal on the given field when the password breaks a rule. */
    public static void check(String field, String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new FieldRefusal(field, "password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new FieldRefusal(field, "password.tooLong", MAX_LENGTH);
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT))) {
            throw new FieldRefusal(field, "password.containsUsername");
        }
        if (password.chars().distinct().count() < 4) {
            throw new FieldRefusal(field, "password.tooSimple");
        }
    }
}
