package fr.passerelle.observatory.web;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The name of an observatory export: what it holds (period, breakdown, filters) in lower-case ASCII
 * words joined by dashes, so that two exports of different filters never get the same name.
 */
final class ExportFileNames {

    private static final int MAX_PART = 40;

    private ExportFileNames() {}

    /** e.g. {@code of("observatoire", ["2025-01", "2025-12", "type", "TIG"], "csv")}: observatoire-2025-01-2025-12-type-tig.csv */
    static String of(String prefix, List<String> parts, String extension) {
        StringBuilder name = new StringBuilder(slug(prefix));
        for (String part : parts) {
            String slug = slug(part);
            if (!slug.isEmpty()) {
                name.append('-').append(slug.length() > MAX_PART ? slug.substring(0, MAX_PART).replaceAll("-$", "") : slug);
            }
        }
        return name + "." + extension;
    }

    private static String slug(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
