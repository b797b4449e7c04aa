package fr.passerelle.demo;

import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.db.TenantScope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the demo data set, always the same for the same size: identifiers are derived from
 * names and the random choices from a fixed seed.
 */
class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final long SEED = 20261123L;

    /** The federation's network regions and the cours d'appel each one covers. */
    static final Map<String, List<String>> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put("Île-de-France", List.of("CA-PARIS", "CA-VERSAILLES"));
        REGIONS.put("Nord-Est", List.of("CA-DOUAI", "CA-AMIENS", "CA-REIMS", "CA-NANCY", "CA-METZ", "CA-COLMAR"));
        REGIONS.put("Normandie", List.of("CA-ROUEN", "CA-CAEN"));
        REGIONS.put("Grand Ouest", List.of("CA-RENNES", "CA-ANGERS", "CA-POITIERS"));
        REGIONS.put("Centre et Bourgogne", List.of("CA-ORLEANS", "CA-BOURGES", "CA-RIOM",
                "CA-LIMOGES", "CA-DIJON", "CA-BESANCON"));
        REGIONS.put("Auvergne-Rhône-Alpes", List.of("CA-LYON", "CA-GRENOBLE", "CA-CHAMBERY"));
        REGIONS.put("Méditerranée", List.of("CA-AIX-EN-PROVENCE", "CA-NIMES", "CA-MONTPELLIER", "CA-BASTIA"));
        REGIONS.put("Sud-Ouest", List.of("CA-BORDEAUX", "CA-AGEN", "CA-PAU", "CA-TOULOUSE"));
        REGIONS.put("Outre-mer", List.of("CA-BASSE-TERRE", "CA-CAYENNE", "CA-FORT-DE-FRANCE", "CA-NOUMEA",
                "CA-PAPEETE", "CA-SAINT-DENIS"));
    }

    private static final List<String> NAME_PATTERNS = List.of(
            "Association socio-judiciaire de %s", "Justice et Médiation %s", "Service d'enquêtes et de médiation de %s",
            "Association d'accompagnement judiciaire de %s", "Passerelles Justice %s", "Association Réinsertion %s",
            "Sauvegarde et Justice de %s", "Médiation et Réparation %s");
    private static final List<String> SERVICE_NAMES = List.of("Service pré-sentenciel", "Service post-sentenciel",
            "Service mineurs", "Service médiation et justice restaurative", "Service enquêtes");

    static final String FLAGSHIP_COURT = "TJ-LYON";
    static final String SECOND_COURT = "TJ-MARSEILLE";

    private final Organisations organisations;
    private final UserAccounts users;
    private final AssociationServices services;
    private final Courts courts;
    private final TenantScope tenantScope;
    private final DemoCaseData caseData;
    private final int casePersons;
    private final java.time.Clock clock;

    DemoDataGenerator(Organisations organisations, UserAccounts users, AssociationServices services, Courts courts,
            TenantScope tenantScope, DemoCaseData caseData, int casePersons, java.time.Clock clock) {
        this.clock = clock;
        this.caseData = caseData;
        this.casePersons = casePersons;
        this.organisations = organisations;
        this.users = users;
        this.services = services;
        this.courts = courts;
        this.tenantScope = tenantScope;
    }

    static UUID demoId(String name) {
        return UUID.nameUUIDFromBytes(("passerelle-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }

    boolean alreadyGenerated() {
        return organisations.find(demoId("federation")).isPresent();
    }

    /** Generates everything in the caller's transaction: all of it, or nothing. */
    void generate(int associationCount) {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        Map<String, String> regionOfCourtOfAppeal = new LinkedHashMap<>();
        REGIONS.forEach((region, cas) -> {
            String code = regionCode(region);
            organisations.ensureRegion(code, region);
            cas.forEach(ca -> regionOfCourtOfAppeal.put(ca, code));
        });

        UUID federation = insertOrganisation(demoId("federation"), OrganisationKind.FEDERATION,
                "Fédération nationale socio-judiciaire (démo)", "Paris", "75", "ILE-DE-FRANCE", true);
        UUID publicBody = insertOrganisation(demoId("public-body"), OrganisationKind.PUBLIC_BODY,
                "Agence nationale pour la réinsertion (démo)", "Paris", "75", null, false);

        List<Courts.JudicialCourt> all = new ArrayList<>(courts.judicialCourts("", ""));
        List<Courts.JudicialCourt> chosen = new ArrayList<>();
        all.stream().filter(c -> c.code().equals(FLAGSHIP_COURT)).forEach(chosen::add);
        all.stream().filter(c -> c.code().equals(SECOND_COURT)).forEach(chosen::add);
        all.removeAll(chosen);
        Collections.shuffle(all, random);
        chosen.addAll(all.subList(0, Math.min(all.size(), Math.max(0, associationCount - chosen.size()))));

        UUID flagship = null;
        UUID second = null;
        for (Courts.JudicialCourt court : chosen) {
            String name = String.format(NAME_PATTERNS.get(random.nextInt(NAME_PATTERNS.size())), court.seatCity());
            if (court.code().equals(FLAGSHIP_COURT)) {
                name = "Association socio-judiciaire du Rhône (démo)";
            }
            UUID id = insertOrganisation(demoId(court.code()), OrganisationKind.ASSOCIATION, name, court.seatCity(),
                    court.departementCode(), regionOfCourtOfAppeal.get(court.courtOfAppealCode()),
                    random.nextInt(100) < 80);
            List<String> serviceNames = new ArrayList<>(SERVICE_NAMES);
            Collections.shuffle(serviceNames, random);
            int count = 1 + random.nextInt(4);
            tenantScope.callAs(id, () -> serviceNames.subList(0, count).stream().map(services::create).toList());
            if (court.code().equals(FLAGSHIP_COURT)) {
                flagship = id;
            } else if (court.code().equals(SECOND_COURT)) {
                second = id;
            }
        }

        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            UUID home = switch (account.home()) {
                case ASSOCIATION -> flagship;
                case SECOND_ASSOCIATION -> second;
                case FEDERATION -> federation;
                case PUBLIC_BODY -> publicBody;
            };
            if (home == null) {
                continue;
            }
            tenantScope.callAs(home, () -> users.create(new UserAccounts.NewUser(account.username(),
                    account.displayName(), account.username() + "@demo.passerelle.invalid", DemoAccounts.PASSWORD,
                    null, List.of(account.role()), true, account.mfaExempt())));
        }
        if (caseData != null && flagship != null && casePersons > 0) {
            tenantScope.callAs(flagship, () -> {
                caseData.generate(casePersons, random, java.time.LocalDate.now(clock));
                return null;
            });
        }
        log.info("Demo data generated: {} associations in {} ms", chosen.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private UUID insertOrganisation(UUID id, OrganisationKind kind, String name, String city, String departement,
            String region, boolean sharesStatistics) {
        // Demo organisations get name-derived ids so the data set is the same on every run.
        return organisations.create(id, new Organisations.OrganisationData(kind, name, city, departement, region,
                sharesStatistics, true), null);
    }

    static String regionCode(String region) {
        return java.text.Normalizer.normalize(region, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-");
    }
}
