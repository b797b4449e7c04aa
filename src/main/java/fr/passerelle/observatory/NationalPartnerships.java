package fr.passerelle.observatory;

import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.observatory.suppression.CountTable;
import fr.passerelle.observatory.suppression.PerturbedTable;
import fr.passerelle.partners.PartnerFigures.Occupancy;
import fr.passerelle.shared.FieldRefusal;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national figures of partnerships, from the partnership facts only (obs_partner_level,
 * obs_partner_occupancy, fed by {@link PartnershipFeed}), under the observatory role, for the
 * associations that share their figures: never a partner's or a person's detail.
 *
 * <ul>
 *   <li>Partners by type and current partnership level: a table of counts of partners, each cell,
 *       row total, column total and the grand total published through the cell-key perturbation
 *       (ADR 0009) with the record keys of the partners it counts, none below the threshold; a type
 *       is listed only when one of its counts is shown.
 *   <li>Occupancy of the partners' sites by region of the association over the months asked:
 *       place-days booked over place-days available. A rate is a figure of its associations: it is
 *       published only where the perturbed count of the associations it is computed on (with their
 *       own record keys) reaches the threshold, like any count; a region below it is not listed.
 *       The same holds for the rate of the whole network.
 * </ul>
 */
@Service
public class NationalPartnerships {

    /** The columns of the levels table: levels 1 to 4, then partners never assessed (0). */
    public static final List<Integer> LEVELS = List.of(1, 2, 3, 4, 0);

    /** A region's occupancy: the perturbed count of its associations with places, and the rate in percent. */
    public record RegionOccupancy(String code, String name, Long associations, BigDecimal rate) {}

    /**
     * The published figures.
     *
     * @param types the partner types listed, the rows of {@code levels}
     * @param levels partners by type and level ({@link #LEVELS}), perturbed; null when no partner is counted
     * @param regions the regions whose rate is published, by name
     * @param network the whole network's occupancy (code and name null), or null when not published
     */
    public record Result(YearMonth from, YearMonth to, List<String> types, PerturbedTable levels,
            List<RegionOccupancy> regions, RegionOccupancy network) {}

    private final JdbcClient jdbc;
    private final String role;
    private final RecordKeySecret secret;
    private final CellKeyPerturbation perturbation = new CellKeyPerturbation();

    NationalPartnerships(JdbcClient jdbc, RecordKeySecret secret,
            @Value("${spring.flyway.placeholders.observatory_role:passerelle_observatory}") String role) {
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Invalid observatory role name: " + role);
        }
        this.jdbc = jdbc;
        this.secret = secret;
        this.role = role;
    }

    /** The figures, with the occupancy of the months [from, to]; a period ending before it starts is refused. */
    @Transactional(readOnly = true)
    public Result compute(YearMonth from, YearMonth to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new FieldRefusal("to", "observatory.period.invalid");
        }
        jdbc.sql("set local role " + role).update();
        String sharing = " join identity_organisation_v o on o.id = f.organisation_id"
                + " where o.kind = 'ASSOCIATION' and o.active and o.shares_statistics";

        Map<String, long[][]> byType = new LinkedHashMap<>();
        jdbc.sql("select f.partner_type, f.level, sum(f.partners), sum(f.key_sum) from obs_partner_level f" + sharing
                        + " group by 1, 2 order by 1, 2")
                .query((rs, n) -> {
                    long[][] row = byType.computeIfAbsent(rs.getString(1), t -> new long[2][LEVELS.size()]);
                    int column = LEVELS.indexOf(rs.getInt(2));
                    row[0][column] = rs.getLong(3);
                    row[1][column] = rs.getLong(4);
                    return null;
                })
                .list();
        List<String> types = new ArrayList<>(byType.keySet());
        PerturbedTable levels = null;
        if (!types.isEmpty()) {
            PerturbedTable all = perturbation.apply(
                    CountTable.of(types.stream().map(t -> byType.get(t)[0]).toArray(long[][]::new)),
                    types.stream().map(t -> byType.get(t)[1]).toArray(long[][]::new));
            int[] kept = IntStream.range(0, types.size())
                    .filter(i -> all.rowTotal(i) != null
                            || IntStream.range(0, LEVELS.size()).anyMatch(c -> all.cell(i, c) != null))
                    .toArray();
            levels = all.lines(kept);
            types = IntStream.of(kept).mapToObj(types::get).toList();
        }

        Map<String, Tally> regions = new HashMap<>();
        Tally network = new Tally();
        byte[] key = secret.derived();
        jdbc.sql("select coalesce(o.region_code, ''), f.organisation_id, sum(f.available_days), sum(f.booked_days)"
                        + " from obs_partner_occupancy f" + sharing + " and f.month between :from and :to group by 1, 2")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .query((rs, n) -> {
                    UUID association = rs.getObject(2, UUID.class);
                    Occupancy occupancy = new Occupancy(rs.getLong(3), rs.getLong(4));
                    int recordKey = CellKeyPerturbation.recordKey(key, association);
                    regions.computeIfAbsent(rs.getString(1), r -> new Tally()).add(recordKey, occupancy);
                    network.add(recordKey, occupancy);
                    return null;
                })
                .list();
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from identity_network_region_v")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        List<RegionOccupancy> published = new ArrayList<>();
        regions.forEach((code, tally) -> {
            RegionOccupancy r = tally.publish(code, names.getOrDefault(code, code));
            if (r != null) {
                published.add(r);
            }
        });
        published.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return new Result(from, to, List.copyOf(types), levels, List.copyOf(published), network.publish(null, null));
    }

    /** The associations of a line (their number and key sum) and their place-days. */
    private final class Tally {
        long associations;
        long keySum;
        Occupancy occupancy = Occupancy.NONE;

        void add(int recordKey, Occupancy o) {
            associations++;
            keySum += recordKey;
            occupancy = occupancy.plus(o);
        }

        RegionOccupancy publish(String code, String name) {
            Long shown = perturbation.publish(associations, CellKeyPerturbation.cellKey(keySum));
            return shown == null || occupancy.rate() == null ? null
                    : new RegionOccupancy(code, name, shown, occupancy.rate());
        }
    }
}
