package fr.passerelle.partners;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The French communes (INSEE Code officiel géographique) with their postcodes and, for about 8,200
 * of them (the towns of more than 1,000 inhabitants or so, 78 % of the population), the coordinates
 * of their centre from GeoNames: the resource {@code partners/communes-fr.csv}, built by
 * {@code tools/communes/build.py} (sources and licences in docs/communes.md). Read once, on first use.
 */
@Component
public class Communes {

    static final String RESOURCE = "partners/communes-fr.csv";

    /** A commune: its INSEE code, name, département, postcodes and centre (null when not known). */
    public record Commune(String code, String name, String departementCode, List<String> postcodes, Double latitude,
            Double longitude, int population) {

        public boolean located() {
            return latitude != null;
        }
    }

    private volatile Index index;

    private record Index(Map<String, List<Commune>> byPostcode, Map<String, List<Commune>> byName) {}

    /** The communes a postcode serves, most populous first (none for an unknown postcode). */
    public List<Commune> ofPostcode(String postcode) {
        return index().byPostcode().getOrDefault(postcode.trim(), List.of());
    }

    /**
     * The communes of a name (accents, case, hyphens and apostrophes ignored: "st etienne" is not
     * "Saint-Étienne", "saint etienne" is), in a département when one is given, most populous first.
     */
    public List<Commune> named(String name, String departementCode) {
        return index().byName().getOrDefault(key(name), List.of()).stream()
                .filter(c -> departementCode == null || c.departementCode().equals(departementCode)).toList();
    }

    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", " ").trim();
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            synchronized (this) {
                if (index == null) {
                    index = load();
                }
                current = index;
            }
        }
        return current;
    }

    private static Index load() {
        Map<String, List<Commune>> byPostcode = new HashMap<>();
        Map<String, List<Commune>> byName = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(";", -1);
                Commune commune = new Commune(f[0], f[1], f[2], List.of(f[3].split(" ")),
                        f[4].isEmpty() ? null : Double.valueOf(f[4]), f[5].isEmpty() ? null : Double.valueOf(f[5]),
                        f[6].isEmpty() ? 0 : Integer.parseInt(f[6]));
                commune.postcodes().forEach(p -> byPostcode.computeIfAbsent(p, k -> new ArrayList<>()).add(commune));
                byName.computeIfAbsent(key(commune.name()), k -> new ArrayList<>()).add(commune);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the communes resource " + RESOURCE + " cannot be read", e);
        }
        Comparator<Commune> populous = Comparator.comparingInt(Commune::population).reversed();
        byPostcode.replaceAll((k, v) -> v.stream().sorted(populous).toList());
        byName.replaceAll((k, v) -> v.stream().sorted(populous).toList());
        return new Index(Map.copyOf(byPostcode), Map.copyOf(byName));
    }
}
