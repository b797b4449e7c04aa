package fr.passerelle.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values as French spreadsheets write them: dates, sex, prescribers. */
final class FrenchValues {

    private static final Pattern FRENCH_DATE = Pattern.compile(
            "(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[ T].*)?");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Map<String, String> SEXES = Map.ofEntries(
            Map.entry("f", "F"), Map.entry("femme", "F"), Map.entry("feminin", "F"), Map.entry("mme", "F"),
            Map.entry("madame", "F"), Map.entry("mlle", "F"), Map.entry("m", "M"), Map.entry("h", "M"),
            Map.entry("homme", "M"), Map.entry("masculin", "M"), Map.entry("monsieur", "M"), Map.entry("mr", "M"),
            Map.entry("x", "X"), Map.entry("autre", "X"), Map.entry("non binaire", "X"));

    private static final Map<String, String> PRESCRIBERS = Map.ofEntries(
            Map.entry("parquet", "PARQUET"), Map.entry("procureur", "PARQUET"),
            Map.entry("parquet procureur", "PARQUET"), Map.entry("procureur de la republique", "PARQUET"),
            Map.entry("juge d instruction", "JUGE_INSTRUCTION"), Map.entry("ji", "JUGE_INSTRUCTION"),
            Map.entry("jld", "JLD"), Map.entry("juge des libertes et de la detention", "JLD"),
            Map.entry("jap", "JAP"), Map.entry("juge de l application des peines", "JAP"),
            Map.entry("juge des enfants", "JUGE_DES_ENFANTS"), Map.entry("je", "JUGE_DES_ENFANTS"),
            Map.entry("tribunal correctionnel", "TRIBUNAL_CORRECTIONNEL"),
            Map.entry("tribunal pour enfants", "TRIBUNAL_POUR_ENFANTS"), Map.entry("tpe", "TRIBUNAL_POUR_ENFANTS"),
            Map.entry("spip", "SPIP"), Map.entry("autre", "AUTRE"));

    private FrenchValues() {}

    /** A date written dd/MM/yyyy (also with - or . and an optional time, as Excel exports it) or yyyy-MM-dd. */
    static Optional<LocalDate> date(String text) {
        String value = text == null ? "" : text.trim();
        Matcher french = FRENCH_DATE.matcher(value);
        Matcher iso = ISO_DATE.matcher(value);
        String canonical;
        if (french.matches()) {
            canonical = String.format("%s-%02d-%02d", french.group(3), Integer.parseInt(french.group(2)),
                    Integer.parseInt(french.group(1)));
        } else if (iso.matches()) {
            canonical = iso.group(1) + "-" + iso.group(2) + "-" + iso.group(3);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(canonical, STRICT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** F, M or X from the usual ways of writing it (Femme, H, Madame, M., ...). */
    static Optional<String> sex(String text) {
        return Optional.ofNullable(SEXES.get(ImportField.headerKey(text)));
    }

    /** A prescriber type code from its code or its French name. */
    static Optional<String> prescriberType(String text, List<String> codes) {
        String trimmed = text == null ? "" : text.trim();
        if (codes.contains(trimmed.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of(trimmed.toUpperCase(java.util.Locale.ROOT));
        }
        return Optional.ofNullable(PRESCRIBERS.get(ImportField.headerKey(trimmed)));
    }

    /** The key that names compare by (accents, case and punctuation ignored). */
    static String key(String text) {
        return ImportField.headerKey(text);
    }

}
