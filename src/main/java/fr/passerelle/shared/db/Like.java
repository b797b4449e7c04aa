package fr.passerelle.shared.db;

/** Text typed by a user, matched literally by SQL {@code like}/{@code ilike} (its wildcards escaped). */
public final class Like {

    private Like() {}

    /** The text with {@code \}, {@code %} and {@code _} escaped (the default escape character). */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
