package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.TestRegions;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.NationalObservatory.Filters;
import fr.passerelle.observatory.NationalObservatory.Line;
import fr.passerelle.observatory.NationalObservatory.Result;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.observatory.suppression.DifferencingAttacker;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The differencing attacks of issue 14 through {@link NationalObservatory} on the embedded
 * database: a sharing association of a region of its own receives, from January to July 2025, a
 * seeded number of measures (0 to 6, rich in small counts) of each of two types at each of four
 * tribunals (three of the cour d'appel d'Angers, one of Rennes'). The reader asks the national
 * page every period of January–July, by tribunal (in the region, and in the cour d'appel d'Angers),
 * by cour d'appel and by type (in the region, and at each tribunal), with every type filter, and
 * combines the received counts: overlapping periods, nested geographies (tribunal, cour d'appel,
 * region — the nation of this test) and complements (all types against the other one). No count
 * from 1 to 4 may be pinned down.
 */
@PasserelleIntegrationTest
class NationalDifferencingAttackTest {

    static final List<String> COURTS = List.of("TJ-ANGERS", "TJ-SAUMUR", "TJ-LAVAL", "TJ-NANTES");
    static final List<String> TYPES = List.of("EP", "TIG");
    static final int MONTHS = 7;
    static final int ATOMS = COURTS.size() * MONTHS * TYPES.size();

    @Autowired NationalObservatory observatory;
    @Autowired ObservatoryFeed feed;
    @Autowired Organisations organisations;
    @Autowired Persons persons;
    @Autowired Measures measures;
    @Autowired MeasureCatalogue catalogue;
    @Autowired EmbeddedPostgresServer server;

    private String region;
    private final long[] counts = new long[ATOMS];

    static int atom(int court, int month, int type) {
        return (court * MONTHS + month) * TYPES.size() + type;
    }

    @BeforeEach
    void givenASharingAssociationWithSmallCountsEverywhere() {
        region = TestRegions.create(server);
        UUID association = organisations.create(new Organisations.OrganisationData(OrganisationKind.ASSOCIATION,
                "Association Attaque " + UUID.randomUUID(), "Angers", "49", region, true, true), null);
        Random random = new Random(1407);
        TenantContext.runAs(association, () -> {
            UUID person = persons.create(new Persons.PersonData("Attaque", "Personne", LocalDate.of(1990, 1, 1), "F",
                    null, null, null, null, null, null, null), true);
            for (int c = 0; c < COURTS.size(); c++) {
                for (int m = 0; m < MONTHS; m++) {
                    for (int t = 0; t < TYPES.size(); t++) {
                        int n = random.nextDouble() < 0.3 ? 0 : 1 + random.nextInt(6);
                        counts[atom(c, m, t)] = n;
                        UUID type = typeId(TYPES.get(t));
                        for (int i = 0; i < n; i++) {
                            measures.create(person, new Measures.Mandate(type, COURTS.get(c), "PARQUET", null, null,
                                    null, LocalDate.of(2025, m + 1, 10 + i), null));
                        }
                    }
                }
            }
        });
        feed.refresh();
    }

    @AfterEach
    void removeTheRegion() {
        TestRegions.remove(server, region);
    }

    @Test
    void overlappingPeriodsNestedGeographiesAndComplementsRecoverNoCountBelowTheThreshold() {
        DifferencingAttacker attacker = new DifferencingAttacker(DifferencingAttacker.perturbed(
                new CellKeyPerturbation().threshold(), CellKeyPerturbation.MAX_NOISE), false);
        // The same reader, told there is no noise, against the same queries published without noise:
        // it must pin counts down, or the attack proves nothing.
        DifferencingAttacker control = new DifferencingAttacker(DifferencingAttacker.perturbed(
                new CellKeyPerturbation().threshold(), 0), false);
        int tables = 0;
        for (int from = 0; from < MONTHS; from++) {
            for (int to = from; to < MONTHS; to++) {
                for (int type = -1; type < TYPES.size(); type++) {
                    String typeCode = type < 0 ? null : TYPES.get(type);
                    publish(attacker, control, from, to, new Filters(region, null, null, null, null, typeCode), Dimension.TRIBUNAL);
                    publish(attacker, control, from, to, new Filters(region, "CA-ANGERS", null, null, null, typeCode),
                            Dimension.TRIBUNAL);
                    publish(attacker, control, from, to, new Filters(region, null, null, null, null, typeCode),
                            Dimension.COUR_APPEL);
                    tables += 3;
                }
                publish(attacker, control, from, to, new Filters(region, null, null, null, null, null), Dimension.MEASURE_TYPE);
                for (String court : COURTS) {
                    publish(attacker, control, from, to, new Filters(region, null, court, null, null, null),
                            Dimension.MEASURE_TYPE);
                }
                tables += 1 + COURTS.size();
            }
        }
        attacker.attack();
        control.attack();
        assertThat(tables).isEqualTo(28 * 14);
        assertThat(attacker.recovered(this::truth, new CellKeyPerturbation().threshold())).isEmpty();
        assertThat(control.recovered(this::truth, new CellKeyPerturbation().threshold())).hasSizeGreaterThan(10);
        // The noise is there: about half the shown values differ from their count (none would without it).
        assertThat(shown).isGreaterThan(500);
        assertThat(shownChanged).isGreaterThan(shown * 3 / 10);
        // And it is consistent: every set of records seen through two queries or more has one value.
        assertThat(published.values().stream().filter(v -> v.size() > 1).toList()).isEmpty();
        assertThat(seen.values().stream().filter(n -> n >= 2).count()).isGreaterThan(100);
    }

    private int shown;
    private int shownChanged;
    private final java.util.Map<String, java.util.Set<String>> published = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

    /** A published value of a set of records (null: "s"), for the consistency check. */
    private void seen(long[] mask, Long value, long count) {
        String key = java.util.Arrays.toString(mask);
        published.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(String.valueOf(value));
        seen.merge(key, 1, Integer::sum);
        if (value != null) {
            shown++;
            if (value != count) {
                shownChanged++;
            }
        }
    }

    /** The same table published without noise: a count shown exactly from the threshold on, lines listed when shown. */
    private void publishWithoutNoise(DifferencingAttacker control, long[] total, List<long[]> universe) {
        int threshold = new CellKeyPerturbation().threshold();
        if (truth(total) == 0) {
            control.nothing(total);
            return;
        }
        List<long[]> listed = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (long[] line : universe) {
            if (truth(line) >= threshold) {
                listed.add(line);
                values.add(truth(line));
            }
        }
        control.table(total, truth(total) >= threshold ? truth(total) : null, listed, values, universe);
    }

    /** One page's received counts given to the attacker, each line as the set of cells it counts. */
    private void publish(DifferencingAttacker attacker, DifferencingAttacker control, int from, int to,
            Filters filters, Dimension by) {
        Result r = observatory.compute(YearMonth.of(2025, from + 1), YearMonth.of(2025, to + 1), filters, by);
        List<String> universe = switch (by) {
            case TRIBUNAL -> COURTS.stream().filter(c -> filters.courtOfAppealCode() == null || !c.equals("TJ-NANTES"))
                    .toList();
            case COUR_APPEL -> List.of("CA-ANGERS", "CA-RENNES");
            default -> TYPES.stream().filter(t -> filters.typeCode() == null || t.equals(filters.typeCode())).toList();
        };
        List<long[]> lines = new ArrayList<>();
        for (String key : universe) {
            lines.add(mask(from, to, filters, by, key));
        }
        long[] total = mask(from, to, filters, null, null);
        publishWithoutNoise(control, total, lines);
        if (r.empty()) {
            attacker.nothing(total);
            return;
        }
        List<long[]> listed = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            Line line = r.lines().get(i);
            listed.add(mask(from, to, filters, by, line.key()));
            values.add(r.received().cell(i));
            seen(listed.get(listed.size() - 1), r.received().cell(i), r.received().count(i));
        }
        seen(total, r.received().total(), truth(total));
        attacker.table(total, r.received().total(), listed, values, lines);
    }

    /** The cells a line (or, with no breakdown, the whole table) counts. */
    private long[] mask(int from, int to, Filters filters, Dimension by, String key) {
        long[] mask = new long[(ATOMS + 63) / 64];
        for (int c = 0; c < COURTS.size(); c++) {
            String court = COURTS.get(c);
            String ca = court.equals("TJ-NANTES") ? "CA-RENNES" : "CA-ANGERS";
            for (int m = from; m <= to; m++) {
                for (int t = 0; t < TYPES.size(); t++) {
                    String type = TYPES.get(t);
                    boolean matches = (filters.courtOfAppealCode() == null || filters.courtOfAppealCode().equals(ca))
                            && (filters.courtCode() == null || filters.courtCode().equals(court))
                            && (filters.typeCode() == null || filters.typeCode().equals(type))
                            && (by == null || key.equals(switch (by) {
                                case TRIBUNAL -> court;
                                case COUR_APPEL -> ca;
                                default -> type;
                            }));
                    if (matches) {
                        int a = atom(c, m, t);
                        mask[a / 64] |= 1L << (a % 64);
                    }
                }
            }
        }
        return mask;
    }

    private long truth(long[] mask) {
        long sum = 0;
        for (int a = 0; a < ATOMS; a++) {
            if ((mask[a / 64] & 1L << (a % 64)) != 0) {
                sum += counts[a];
            }
        }
        return sum;
    }

    private UUID typeId(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }
}
