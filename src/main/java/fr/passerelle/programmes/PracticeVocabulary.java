package fr.passerelle.programmes;

import java.util.List;
import java.util.Map;

/**
 * The fixed vocabularies of the library: programme axes, publics, carrier types, funding sources,
 * age bands, and the sections of a sheet (each a column of {@code practice_sheet_version}). Their
 * labels are in the message files ({@code practice.axis.*}, {@code practice.public.*}, ...).
 */
public final class PracticeVocabulary {

    /** The three programmes of the national strategy a sheet belongs to. */
    public static final List<String> AXES = List.of("YOUTH", "VIOLENCE_VICTIMS", "PUBLIC_TRANQUILLITY");
    public static final List<String> PUBLICS = List.of("YOUNG_PEOPLE", "MINORS_UNDER_JUSTICE", "ADULTS_UNDER_JUSTICE",
            "PRISONERS", "WOMEN_VICTIMS", "VICTIMS", "CHILDREN", "PUPILS", "RESIDENTS", "TRANSPORT_USERS",
            "PROFESSIONALS", "GENERAL_PUBLIC");
    public static final List<String> CARRIERS = List.of("ASSOCIATION", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT",
            "STATE_SERVICE", "JUSTICE", "POLICE_GENDARMERIE", "EDUCATION", "MISSION_LOCALE", "SOCIAL_LANDLORD",
            "TRANSPORT_OPERATOR", "OTHER");
    public static final List<String> FUNDINGS = List.of("FIPD", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT", "REGION",
            "STATE", "CAF", "ARS", "EUROPE", "SOCIAL_LANDLORD", "TRANSPORT_OPERATOR", "PRIVATE", "OTHER");

    /**
     * Age bands of the age facet, as [min, max] inclusive: a sheet is in a band when the ages it
     * names meet it (an age it leaves open counts as open); a sheet that names no age is in none.
     */
    public static final Map<String, int[]> AGE_BANDS = Map.of("MINORS", new int[] {0, 17}, "YOUNG_ADULTS",
            new int[] {18, 25}, "ADULTS", new int[] {26, 120});
    public static final List<String> AGE_BAND_ORDER = List.of("MINORS", "YOUNG_ADULTS", "ADULTS");

    /** The sections of a sheet, in reading order, with their column. */
    public static final Map<String, String> SECTIONS = orderedSections();

    private PracticeVocabulary() {}

    private static Map<String, String> orderedSections() {
        var sections = new java.util.LinkedHashMap<String, String>();
        sections.put("carrier", "carrier_text");
        sections.put("need", "need");
        sections.put("objectives", "objectives");
        sections.put("public", "public_text");
        sections.put("steering", "steering");
        sections.put("spotting", "spotting");
        sections.put("followUp", "follow_up");
        sections.put("description", "description");
        sections.put("schedule", "schedule");
        sections.put("staff", "staff");
        sections.put("partners", "partners");
        sections.put("addedValue", "added_value");
        sections.put("outlets", "outlets");
        sections.put("costs", "costs");
        sections.put("funding", "funding_text");
        sections.put("evaluation", "evaluation");
        sections.put("expectedResults", "expected_results");
        sections.put("difficulties", "difficulties");
        sections.put("successFactors", "success_factors");
        return java.util.Collections.unmodifiableMap(sections);
    }
}
