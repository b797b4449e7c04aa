package fr.passerelle.partners;

import fr.passerelle.shared.FieldRefusal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free-place search near what a case worker types: a postcode ("69100") or a town
 * ("Villeurbanne", accents and case ignored), resolved with {@link Communes}. The point the places
 * are ranked from (and measured to, within N km) is, in this order:
 * <ol>
 * <li>the centre of the commune (for a postcode serving several communes, their centres weighted
 * by population; a postcode of Paris, Lyon or Marseille is its arrondissement);</li>
 * <li>when no centre is known (small communes), the centre of the association's own partner sites
 * with that postcode;</li>
 * <li>otherwise none: the search keeps to the commune's département, without distances, and says
 * so.</li>
 * </ol>
 */
@Service
public class NearbyPlaceSearch {

    public static final int TEXT_MAX = 100;

    /** The communes whose arrondissements have postcodes of their own. */
    private static final Set<String> CITIES_WITH_ARRONDISSEMENTS = Set.of("75056", "69123", "13055");

    private final PlaceSearch search;
    private final Communes communes;
    private final JdbcClient jdbc;

    NearbyPlaceSearch(PlaceSearch search, Communes communes, JdbcClient jdbc) {
        this.search = search;
        this.communes = communes;
        this.jdbc = jdbc;
    }

    /** How the point was found. */
    public enum Source {
        COMMUNE, OWN_SITES, DEPARTEMENT
    }

    /** What the typed text was understood as: a label, the commune's département and the point (null for DEPARTEMENT). */
    public record Near(String label, String departementCode, Double latitude, Double longitude, Source source) {}

    public record Results(Near near, List<PlaceSearch.FreePlace> places) {}

    /**
     * Searches as {@link PlaceSearch#search} does from the point of {@code near} (the criteria's
     * own point and site are ignored); refused with the field {@code near} when the text is no
     * known postcode or commune.
     */
    @Transactional(readOnly = true)
    public Results search(PlaceSearch.Criteria criteria, String near) {
        Near where = resolve(near, criteria.departementCode());
        boolean located = where.latitude() != null;
        String departement = criteria.departementCode() != null && !criteria.departementCode().isBlank()
                ? criteria.departementCode() : located ? null : where.departementCode();
        PlaceSearch.Criteria fromThere = new PlaceSearch.Criteria(criteria.kind(), criteria.from(), criteria.until(),
                departement, null, where.latitude(), where.longitude(), located ? criteria.withinKm() : null);
        return new Results(where, search.search(fromThere));
    }

    /** The commune(s) of a postcode or a town name, and the point to search from. */
    public Near resolve(String near, String departementCode) {
        String text = near == null ? "" : near.trim();
        if (text.isEmpty()) {
            throw new FieldRefusal("near", "place.search.near.required");
        }
        FieldRefusal.requireAtMost("near", text, TEXT_MAX);
        boolean postcode = text.matches("[0-9]{5}");
        List<Communes.Commune> found;
        if (postcode) {
            List<Communes.Commune> all = communes.ofPostcode(text);
            List<Communes.Commune> precise = all.stream()
                    .filter(c -> !CITIES_WITH_ARRONDISSEMENTS.contains(c.code())).toList();
            found = precise.isEmpty() ? all : precise;
        } else {
            String departement = departementCode == null || departementCode.isBlank() ? null
                    : departementCode.trim().toUpperCase(Locale.ROOT);
            found = communes.named(text, departement).stream().limit(1).toList();
        }
        if (found.isEmpty()) {
            throw new FieldRefusal("near", postcode ? "place.search.near.unknownPostcode" : "place.search.near.unknownTown",
                    text);
        }
        Communes.Commune main = found.stream().max(Comparator.comparingInt(Communes.Commune::population)).orElseThrow();
        String label = (postcode ? text + " " : "") + main.name() + (found.size() > 1 ? " …" : "") + " ("
                + main.departementCode() + ")";
        List<Communes.Commune> located = found.stream().filter(Communes.Commune::located).toList();
        if (!located.isEmpty()) {
            double weight = located.stream().mapToDouble(c -> Math.max(1, c.population())).sum();
            double lat = located.stream().mapToDouble(c -> c.latitude() * Math.max(1, c.population())).sum() / weight;
            double lon = located.stream().mapToDouble(c -> c.longitude() * Math.max(1, c.population())).sum() / weight;
            return new Near(label, main.departementCode(), lat, lon, Source.COMMUNE);
        }
        List<String> postcodes = found.stream().flatMap(c -> c.postcodes().stream()).distinct().toList();
        double[] sites = jdbc.sql("""
                select avg(latitude), avg(longitude), count(*) from partner_site
                where latitude is not null and postcode in (:postcodes)""")
                .param("postcodes", postcodes)
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getLong(3)}).single();
        if (sites[2] > 0) {
            return new Near(label, main.departementCode(), sites[0], sites[1], Source.OWN_SITES);
        }
        return new Near(label, main.departementCode(), null, null, Source.DEPARTEMENT);
    }
}
