package fr.passerelle.network.map;

import fr.passerelle.network.Courts.JudicialCourt;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offer of measures by tribunal judiciaire, computed from the published association profiles:
 * a measure type is offered in a court when an association whose profile covers that court offers
 * it; a (court, measure type) pair with no such association is a <em>zone blanche</em>.
 *
 * @param types the national catalogue of measure types, in catalogue order
 * @param courts every tribunal judiciaire with its offer, by seat city
 * @param members the member associations with a published profile, by name
 */
public record Offer(List<MeasureTypeRef> types, List<CourtOffer> courts, List<Member> members) {

    /** A measure type of the national catalogue. */
    public record MeasureTypeRef(String code, String label, String field) {}

    /** An association offering a measure type in a court. */
    public record Provider(UUID organisationId, String name) {}

    /** A member association as published in the directory (coordinates may be missing). */
    public record Member(UUID id, String name, String city, BigDecimal latitude, BigDecimal longitude,
            String mainField) {

        public boolean located() {
            return latitude != null && longitude != null;
        }
    }

    /** One published fact: this association covers this court and offers this measure type. */
    public record Provision(String courtCode, String measureTypeCode, UUID organisationId, String organisationName) {}

    /** A measure type offered in a court, with the associations offering it (by name). */
    public record TypeOffer(MeasureTypeRef type, List<Provider> providers) {}

    /** A court, the measure types offered there, and its zones blanches (both in catalogue order). */
    public record CourtOffer(JudicialCourt court, List<TypeOffer> offered, List<MeasureTypeRef> zonesBlanches) {

        public boolean isZoneBlanche(String typeCode) {
            return zonesBlanches.stream().anyMatch(t -> t.code().equals(typeCode));
        }

        /** The associations offering at least one measure type in this court, by name. */
        public List<Provider> providers() {
            return offered.stream().flatMap(o -> o.providers().stream()).distinct()
                    .sorted(Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }
    }

    /**
     * Computes the offer. Provisions naming a court or a measure type that is not in the given
     * reference lists are ignored; an association appears once per (court, type) however often it
     * is listed.
     */
    public static Offer compute(List<JudicialCourt> courts, List<MeasureTypeRef> types, Collection<Provision> provisions,
            List<Member> members) {
        Map<String, MeasureTypeRef> typesByCode = types.stream()
                .collect(Collectors.toMap(MeasureTypeRef::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Map<String, Map<UUID, Provider>>> byCourt = new HashMap<>();
        for (Provision p : provisions) {
            if (!typesByCode.containsKey(p.measureTypeCode())) {
                continue;
            }
            byCourt.computeIfAbsent(p.courtCode(), c -> new HashMap<>())
                    .computeIfAbsent(p.measureTypeCode(), t -> new LinkedHashMap<>())
                    .putIfAbsent(p.organisationId(), new Provider(p.organisationId(), p.organisationName()));
        }
        List<CourtOffer> result = new ArrayList<>(courts.size());
        for (JudicialCourt court : courts) {
            Map<String, Map<UUID, Provider>> here = byCourt.getOrDefault(court.code(), Map.of());
            List<TypeOffer> offered = new ArrayList<>();
            List<MeasureTypeRef> zones = new ArrayList<>();
            for (MeasureTypeRef type : typesByCode.values()) {
                Map<UUID, Provider> providers = here.get(type.code());
                if (providers == null || providers.isEmpty()) {
                    zones.add(type);
                } else {
                    offered.add(new TypeOffer(type, providers.values().stream()
                            .sorted(Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER)).toList()));
                }
            }
            result.add(new CourtOffer(court, List.copyOf(offered), List.copyOf(zones)));
        }
        return new Offer(List.copyOf(typesByCode.values()), List.copyOf(result), List.copyOf(members));
    }

    public Optional<CourtOffer> court(String code) {
        return code == null ? Optional.empty() : courts.stream().filter(c -> c.court().code().equals(code)).findFirst();
    }

    public Optional<MeasureTypeRef> type(String code) {
        return code == null ? Optional.empty() : types.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The courts where no association offers this measure type (its zones blanches), by seat city. */
    public List<CourtOffer> withoutProvider(String typeCode) {
        return courts.stream().filter(c -> c.isZoneBlanche(typeCode)).toList();
    }

    /** For every measure type (catalogue order), the courts without a provider. */
    public Map<String, List<String>> zonesBlanchesByType() {
        Map<String, List<String>> zones = new LinkedHashMap<>();
        types.forEach(t -> zones.put(t.code(), new ArrayList<>()));
        for (CourtOffer c : courts) {
            c.zonesBlanches().forEach(t -> zones.get(t.code()).add(c.court().code()));
        }
        return zones;
    }

    /** Number of (court, measure type) pairs without a provider. */
    public int zonesBlanchesCount() {
        return courts.stream().mapToInt(c -> c.zonesBlanches().size()).sum();
    }

    /** Number of courts where at least one measure type is offered. */
    public long courtsWithOffer() {
        return courts.stream().filter(c -> !c.offered().isEmpty()).count();
    }

    /** Number of courts where no measure type at all is offered. */
    public long courtsWithoutOffer() {
        return courts.size() - courtsWithOffer();
    }

    /**
     * The courts matching a search (court name, seat city, département name or code), accents,
     * case, hyphens and apostrophes ignored; all courts for a blank search.
     */
    public List<CourtOffer> searchCourts(String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return courts;
        }
        return courts.stream().filter(c -> fold(c.court().name() + " " + c.court().seatCity() + " "
                + c.court().departementName() + " " + c.court().departementCode()).contains(q)).toList();
    }

    /** The members matching a search (name or city), like {@link #searchCourts}. */
    public List<Member> searchMembers(String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return members;
        }
        return members.stream().filter(m -> fold(m.name() + " " + (m.city() == null ? "" : m.city())).contains(q))
                .toList();
    }

    /** The number of members per main field, every field in catalogue order (members without one are left out). */
    public Map<String, Long> membersByField() {
        Map<String, Long> counts = new LinkedHashMap<>();
        FIELDS.forEach(f -> counts.put(f, 0L));
        members.stream().filter(m -> counts.containsKey(m.mainField()))
                .forEach(m -> counts.merge(m.mainField(), 1L, Long::sum));
        return counts;
    }

    /** Lower case, without accents, with hyphens, apostrophes and repeated spaces as one space. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-'’]+", " ").trim();
    }

    /** The fields of the catalogue, in its order (an association's main field is one of them). */
    public static final List<String> FIELDS = List.of("PRE_SENTENCE", "POST_SENTENCE", "MINORS", "RESTORATIVE");
}
