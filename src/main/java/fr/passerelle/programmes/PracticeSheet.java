package fr.passerelle.programmes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a good-practice sheet: its facets (axis, publics, ages, carrier types, funding
 * sources), every section of the sheet as its own text ({@link #sections()}, keyed by
 * {@link PracticeVocabulary#SECTIONS}, absent sections left out), the sections whose heading fits no
 * known one, the indicators as a list, the local actions of reference and the source cited.
 */
public record PracticeSheet(UUID id, String code, Integer number, String origin, String status, int version,
        int currentVersion, String title, String axis, String theme, List<String> publics, Integer ageMin,
        Integer ageMax, List<String> carriers, List<String> fundings, Map<String, String> sections,
        List<ExtraSection> extraSections, List<String> indicators, List<ReferenceAction> referenceActions,
        String source, String changeNote, Instant createdAt, String createdByName) {

    /** A section whose heading is its own (a heading that merges two known ones, for instance). */
    public record ExtraSection(String heading, String text) {}

    /** A local action the sheet was drawn from: its name, who carries it, where. */
    public record ReferenceAction(String name, String carrier, String place) {}

    public boolean current() {
        return version == currentVersion;
    }

    public boolean published() {
        return "PUBLISHED".equals(status);
    }

    /** The text of a section, or null. */
    public String section(String key) {
        return sections.get(key);
    }
}
