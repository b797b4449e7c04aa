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

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("saisine recue", "RECEIVED"), Map.entry("recue", "RECEIVED"), Map.entry("recu", "RECEIVED"),
            Map.entry("en attente", "RECEIVED"), Map.entry("a attribuer", "RECEIVED"), Map.entry("nouvelle", "RECEIVED"),
            Map.entry("attribuee", "ASSIGNED"), Map.entry("attribue", "ASSIGNED"), Map.entry("affectee", "ASSIGNED"),
            Map.entry("en cours", "IN_PROGRESS"), Map.entry("suivi en cours", "IN_PROGRESS"),
            Map.entry("active", "IN_PROGRESS"), Map.entry("suspendue", "SUSPENDED"), Map.entry("suspendu", "SUSPENDED"),
            Map.entry("en suspens", "SUSPENDED"), Map.entry("terminee", "ENDED"), Map.entry("termine", "ENDED"),
            Map.entry("finie", "ENDED"), Map.entry("cloturee", "ENDED"), Map.entry("cloture", "ENDED"),
            Map.entry("close", "ENDED"), Map.entry("archivee", "ENDED"));

    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("terminee a son terme", "COMPLETED"), Map.entry("a son terme", "COMPLETED"),
            Map.entry("terme", "COMPLETED"), Map.entry("menee a terme", "COMPLETED"), Map.entry("realisee", "COMPLETED"),
            Map.entry("executee", "COMPLETED"), Map.entry("mainlevee", "LIFTED_BY_MAGISTRATE"),
            Map.entry("fin anticipee", "LIFTED_BY_MAGISTRATE"),
            Map.entry("mainlevee fin anticipee par le magistrat", "LIFTED_BY_MAGISTRATE"),
            Map.entry("revocation", "REVOKED"), Map.entry("incarceration", "REVOKED"),
            Map.entry("revocation incarceration", "REVOKED"), Map.entry("manquements", "BREACHES_REPORTED"),
            Map.entry("manquements signales", "BREACHES_REPORTED"), Map.entry("carence", "NOT_PRESENTED"),
            Map.entry("non presente", "NOT_PRESENTED"), Map.entry("personne non presentee", "NOT_PRESENTED"),
            Map.entry("personne non presentee carence", "NOT_PRESENTED"), Map.entry("transferee", "TRANSFERRED"),
            Map.entry("transfert", "TRANSFERRED"), Map.entry("transferee a un autre service", "TRANSFERRED"),
            Map.entry("deces", "DECEASED"), Map.entry("annulee", "CANCELLED_BY_MAGISTRATE"),
            Map.entry("annulation", "CANCELLED_BY_MAGISTRATE"),
            Map.entry("annulee par le magistrat", "CANCELLED_BY_MAGISTRATE"));

    /**
     * What makes a cell starting with +, - or @ a formula: a call, a cell reference or a DDE/sheet
     * separator. Only searched in the first {@link #FORMULA_PREFIX} characters of a cell, so the work
     * per cell is bounded whatever its length.
     */
    private static final Pattern FORMULA_TAIL = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_.]*\\s*\\(|\\$?[A-Za-z]{1,3}\\$?\\d+|[|!]");

    /** The characters of a cell (after its leading spaces) the formula check looks at. */
    static final int FORMULA_PREFIX = 256;

    private FrenchValues() {}

    /** A status code from its code or its French name (a closed measure comes in ended: its report is not here). */
    static Optional<fr.passerelle.measures.MeasureStatus> status(String text) {
        return enumOrName(text, STATUSES).map(code -> "CLOSED".equals(code) ? "ENDED" : code)
                .map(fr.passerelle.measures.MeasureStatus::valueOf);
    }

    /** An outcome from its code or its French name. */
    static Optional<fr.passerelle.measures.MeasureOutcome> outcome(String text) {
        return enumOrName(text, OUTCOMES).map(fr.passerelle.measures.MeasureOutcome::valueOf);
    }

    /** Whether a cell looks like a formula a spreadsheet would run (reported as a warning). */
    static boolean looksLikeFormula(String text) {
        if (text == null || text.length() < 2) {
            return false;
        }
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start >= text.length() - 1) {
            return false;
        }
        char first = text.charAt(start);
        if (first == '=') {
            return true;
        }
        return (first == '+' || first == '-' || first == '@') && FORMULA_TAIL
                .matcher(text.substring(start + 1, Math.min(text.length(), start + 1 + FORMULA_PREFIX))).find();
    }

    private static Optional<String> enumOrName(String text, Map<String, String> names) {
        String trimmed = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        if (names.containsValue(trimmed) || "CLOSED".equals(trimmed)) {
            return Optional.of(trimmed);
        }
        return Optional.ofNullable(names.get(ImportField.headerKey(text)));
    }

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
