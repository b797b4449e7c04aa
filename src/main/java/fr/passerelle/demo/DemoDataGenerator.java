package fr.passerelle.demo;

import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.db.TenantScope;
import java.math.BigDecimal;
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
    /** The Lyon caseload has its own seed, so that it is the same whatever the number of associations. */
    static final long CASE_SEED = 20261207L;

    /**
     * The tariffs of the demo catalogues (illustrative amounts in euros, per measure, per day or per
     * hour as the type bills): every type of the national catalogue that is billed has one.
     */
    static final Map<String, BigDecimal> TARIFFS = Map.ofEntries(
            Map.entry("ESR", new BigDecimal("70.00")), Map.entry("EP", new BigDecimal("500.00")),
            Map.entry("CJSE", new BigDecimal("750.00")), Map.entry("MEDIATION_PENALE", new BigDecimal("180.00")),
            Map.entry("STAGE_CITOYENNETE", new BigDecimal("150.00")),
            Map.entry("STAGE_STUPEFIANTS", new BigDecimal("150.00")),
            Map.entry("STAGE_VIOLENCES_COUPLE", new BigDecimal("180.00")),
            Map.entry("STAGE_PARENTALITE", new BigDecimal("150.00")),
            Map.entry("STAGE_SEXISME", new BigDecimal("150.00")),
            Map.entry("STAGE_ACHAT_ACTES_SEXUELS", new BigDecimal("150.00")),
            Map.entry("EVICTION_CONJOINT", new BigDecimal("45.00")),
            Map.entry("PLACEMENT_EXTERIEUR", new BigDecimal("38.50")), Map.entry("TIG", new BigDecimal("220.00")),
            Map.entry("SURSIS_PROBATOIRE", new BigDecimal("600.00")),
            Map.entry("PREPARATION_SORTIE", new BigDecimal("450.00")),
            Map.entry("REPARATION_PENALE", new BigDecimal("400.00")),
            Map.entry("MESURE_INTERET_EDUCATIF", new BigDecimal("300.00")),
            Map.entry("STAGE_FORMATION_CIVIQUE", new BigDecimal("160.00")), Map.entry("MJIE", new BigDecimal("2450.00")),
            Map.entry("MEDIATION_MINEURS", new BigDecimal("180.00")));

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
    private final MeasureCatalogue catalogue;
    private final int casePersons;
    private final java.time.Clock clock;

    DemoDataGenerator(Organisations organisations, UserAccounts users, AssociationServices services, Courts courts,
            TenantScope tenantScope, MeasureCatalogue catalogue, DemoCaseData caseData, int casePersons,
            java.time.Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
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

    /**
     * What {@link #generate} made (the README states these numbers; a test compares them).
     *
     * @param regions network regions
     * @param associations associations
     * @param fewestServices the fewest services of an association
     * @param mostServices the most services of an association
     * @param accounts demo accounts (the README's table)
     * @param accountsInAService the accounts of associations, each attached to a service of its association
     * @param pricedTypes catalogue types given a tariff, all associations together
     * @param casePersons persons of the Lyon caseload
     * @param caseMeasures measures of the Lyon caseload
     */
    record Generated(int regions, int associations, int fewestServices, int mostServices, int accounts,
            int accountsInAService, int pricedTypes, int casePersons, int caseMeasures) {}

    /** Generates everything in the caller's transaction: all of it, or nothing. */
    Generated generate(int associationCount) {
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
        UUID localAuthority = insertOrganisation(DemoProgrammes.LOCAL_AUTHORITY, OrganisationKind.LOCAL_AUTHORITY,
                DemoProgrammes.LOCAL_AUTHORITY_NAME, "Vaulx-en-Velin", "69", null, false);

        List<Courts.JudicialCourt> all = new ArrayList<>(courts.judicialCourts("", ""));
        List<Courts.JudicialCourt> chosen = new ArrayList<>();
        all.stream().filter(c -> c.code().equals(FLAGSHIP_COURT)).forEach(chosen::add);
        all.stream().filter(c -> c.code().equals(SECOND_COURT)).forEach(chosen::add);
        all.removeAll(chosen);
        Collections.shuffle(all, random);
        chosen.addAll(all.subList(0, Math.min(all.size(), Math.max(0, associationCount - chosen.size()))));

        UUID flagship = null;
        UUID second = null;
        Map<UUID, UUID> firstService = new LinkedHashMap<>();
        int fewestServices = Integer.MAX_VALUE;
        int mostServices = 0;
        int pricedTypes = 0;
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
            List<UUID> created = tenantScope.callAs(id, () -> serviceNames.subList(0, count).stream()
                    .map(services::create).toList());
            firstService.put(id, created.get(0));
            fewestServices = Math.min(fewestServices, count);
            mostServices = Math.max(mostServices, count);
            pricedTypes += catalogue == null ? 0 : tenantScope.callAs(id, () -> DemoPermissions.callWith(List.of(Permissions.CATALOGUE_MANAGE),
                    () -> catalogue.setMissingTariffs(TARIFFS)));
            if (court.code().equals(FLAGSHIP_COURT)) {
                flagship = id;
            } else if (court.code().equals(SECOND_COURT)) {
                second = id;
            }
        }

        int accounts = 0;
        int accountsInAService = 0;
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            UUID home = switch (account.home()) {
                case ASSOCIATION -> flagship;
                case SECOND_ASSOCIATION -> second;
                case FEDERATION -> federation;
                case PUBLIC_BODY -> publicBody;
                case LOCAL_AUTHORITY -> localAuthority;
            };
            if (home == null) {
                continue;
            }
            // The staff of an association work in its first service, so that "my service" shows their colleagues.
            UUID service = firstService.get(home);
            if (service != null) {
                accountsInAService++;
            }
            tenantScope.callAs(home, () -> users.create(new UserAccounts.NewUser(account.username(),
                    account.displayName(), account.username() + "@demo.passerelle.invalid", DemoAccounts.PASSWORD,
                    service, List.of(account.role()), true, account.mfaExempt())));
            accounts++;
        }
        DemoCaseData.Made made = new DemoCaseData.Made(0, 0);
        if (caseData != null && flagship != null && casePersons > 0) {
            made = tenantScope.callAs(flagship, () -> caseData.generate(casePersons, new Random(CASE_SEED),
                    java.time.LocalDate.now(clock)));
        }
        log.info("Demo data generated: {} associations in {} ms", chosen.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Generated(REGIONS.size(), chosen.size(), chosen.isEmpty() ? 0 : fewestServices, mostServices,
                accounts, accountsInAService, pricedTypes, made.persons(), made.measures());
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
