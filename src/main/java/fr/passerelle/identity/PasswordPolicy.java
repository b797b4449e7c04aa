package fr.passerelle.identity;

import fr.passerelle.shared.FieldRefusal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules: 12 to 128 characters, not containing the login name, not one repeated
 * character, and not a common password: neither one of the 10,000 most common passwords (the
 * bundled list {@code identity/common-passwords.txt}, read once, no network call) nor one of them
 * followed only by digits and punctuation ({@code sunshine1990!!}), whatever the case.
 */
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
        if (isCommon(password)) {
            throw new FieldRefusal(field, "password.common");
        }
    }

    /** Whether a password is a common one, or a common one with only digits and punctuation after it. */
    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = lower.replaceFirst("[\\p{N}\\p{P}\\p{S}\\s]+$", "");
        return CommonPasswords.LIST.contains(lower) || CommonPasswords.LIST.contains(stem);
    }

    /** The bundled list, loaded at first use. */
    private static final class CommonPasswords {

        static final Set<String> LIST = load();

        private static Set<String> load() {
            Set<String> passwords = new HashSet<>();
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("identity/common-passwords.txt is missing");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        passwords.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(passwords);
        }
    }
}
