package fr.passerelle.shared.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The snippets of a full-text search: PostgreSQL's {@code ts_headline} marks the words found with
 * {@link #MARK_START} and {@link #MARK_END} (control characters, never in a stored text), and
 * {@link #parts} cuts its result into pieces a template prints as text, the found ones highlighted:
 * nothing of the stored text is ever printed as HTML.
 */
public final class Headlines {

    public static final String MARK_START = "\u0002";
    public static final String MARK_END = "\u0003";

    /** The {@code ts_headline} options that use these marks, after the given ones (no trailing comma). */
    public static String options(String others) {
        return others + ", StartSel=" + MARK_START + ", StopSel=" + MARK_END;
    }

    /** A piece of a snippet, highlighted when it is a word found. */
    public record Part(String text, boolean found) {}

    private Headlines() {}

    /** The pieces of a headline (none for a blank one). */
    public static List<Part> parts(String headline) {
        if (headline == null || headline.isBlank()) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        String rest = headline;
        while (!rest.isEmpty()) {
            int start = rest.indexOf(MARK_START);
            if (start < 0) {
                parts.add(new Part(rest, false));
                break;
            }
            if (start > 0) {
                parts.add(new Part(rest.substring(0, start), false));
            }
            int end = rest.indexOf(MARK_END, start);
            if (end < 0) {
                parts.add(new Part(rest.substring(start + 1), true));
                break;
            }
            parts.add(new Part(rest.substring(start + 1, end), true));
            rest = rest.substring(end + 1);
        }
        return parts;
    }
}
