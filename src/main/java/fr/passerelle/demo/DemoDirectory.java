package fr.passerelle.demo;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.network.Courts;
import fr.passerelle.network.Directory;
import fr.passerelle.network.MainField;
import fr.passerelle.network.Profile;
import fr.passerelle.network.ProfileChanges;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo network directory: a published profile for every demo association (an address near the
 * seat of its court, contacts, the courts of its département, the measure types of its main field
 * that its catalogue offers), published by the federation, and one change of the second demo
 * association (Marseille) waiting for the federation. Deterministic: every choice comes from a
 * random generator seeded with the association's court.
 */
final class DemoDirectory {

    private static final List<String> STREETS = List.of("rue Victor-Hugo", "avenue Jean-Jaurès", "boulevard Gambetta",
            "rue de la République", "rue Pasteur", "place du Général-de-Gaulle", "rue Émile-Zola", "avenue Foch",
            "rue Jules-Ferry", "quai de la Libération", "rue du Palais", "rue Voltaire", "avenue de la Gare",
            "rue Carnot", "rue Nationale", "boulevard de la Liberté");

    /** The measure types of the national catalogue per field (codes), as offered by most associations of that field. */
    private static final Map<MainField, List<String>> TYPES = Map.of(
            MainField.PRE_SENTENCE, List.of("ESR", "EP", "CJSE", "MEDIATION_PENALE", "STAGE_CITOYENNETE",
                    "STAGE_STUPEFIANTS", "STAGE_VIOLENCES_COUPLE", "STAGE_PARENTALITE", "EVICTION_CONJOINT"),
            MainField.POST_SENTENCE, List.of("PLACEMENT_EXTERIEUR", "TIG", "SURSIS_PROBATOIRE", "PREPARATION_SORTIE"),
            MainField.MINORS, List.of("REPARATION_PENALE", "MESURE_INTERET_EDUCATIF", "STAGE_FORMATION_CIVIQUE", "MJIE",
                    "MEDIATION_MINEURS"),
            MainField.RESTORATIVE, List.of("JUSTICE_RESTAURATIVE", "MEDIATION_PENALE"));

    private static final Map<MainField, String> PRESENTATIONS = Map.of(
            MainField.PRE_SENTENCE, "L’association réalise les enquêtes sociales rapides et de personnalité, le contrôle"
                    + " judiciaire socio-éducatif et les alternatives aux poursuites dans le ressort du %s.",
            MainField.POST_SENTENCE, "L’association accueille les personnes condamnées en placement à l’extérieur,"
                    + " en travail d’intérêt général ou en sursis probatoire, et prépare leur sortie, dans le ressort du %s.",
            MainField.MINORS, "L’association met en œuvre les mesures de réparation pénale, d’investigation éducative et"
                    + " les stages de formation civique ordonnés pour les mineurs dans le ressort du %s.",
            MainField.RESTORATIVE, "L’association propose des rencontres de justice restaurative et des médiations"
                    + " aux auteurs et aux victimes, avec leur consentement, dans le ressort du %s.");

    private DemoDirectory() {}

    /** Publishes the demo profiles (once) and submits the waiting change of the second association (once). */
    static void seed(Organisations organisations, Courts courts, Directory directory, ProfileChanges changes,
            MeasureCatalogue catalogue, TransactionTemplate tx) {
        UUID federation = DemoDataGenerator.demoId("federation");
        UUID flagship = DemoDataGenerator.demoId(DemoDataGenerator.FLAGSHIP_COURT);
        UUID second = DemoDataGenerator.demoId(DemoDataGenerator.SECOND_COURT);
        List<Courts.JudicialCourt> all = courts.judicialCourts("", "");
        if (directory.published(flagship).isEmpty()) {
            Map<UUID, Profile> profiles = new LinkedHashMap<>();
            for (Courts.JudicialCourt court : all) {
                UUID id = DemoDataGenerator.demoId(court.code());
                organisations.find(id).filter(o -> o.kind() == OrganisationKind.ASSOCIATION).ifPresent(o -> {
                    Set<String> offered = TenantContext.callAs(id, () -> new TreeSet<>(catalogue.types().stream()
                            .filter(MeasureCatalogue.MeasureType::active).map(MeasureCatalogue.MeasureType::code).toList()));
                    profiles.put(id, id.equals(flagship) ? flagshipProfile() : profile(o, court, all, offered));
                });
            }
            TenantContext.runAs(federation, () -> tx.executeWithoutResult(s ->
                    profiles.forEach(changes::publishDirectly)));
            LoggerFactory.getLogger(DemoDirectory.class).info("Demo directory: {} published profiles", profiles.size());
        }
        boolean secondHasChanges = TenantContext.callAs(second, () -> changes.pending().isPresent()
                || !changes.history().isEmpty());
        if (!secondHasChanges && organisations.find(second).isPresent()) {
            directory.published(second).ifPresent(published -> TenantContext.runAs(second, () -> changes.submit(
                    waitingChange(published))));
        }
    }

    /** The flagship association of Lyon: written by hand, as an association would. */
    static Profile flagshipProfile() {
        return new Profile("18 rue Mazenod", "69003", "Lyon", new BigDecimal("45.759700"), new BigDecimal("4.849000"),
                "04 78 60 12 34", "contact@asj-rhone.example", "https://www.asj-rhone.example",
                "L’Association socio-judiciaire du Rhône réalise depuis 1985 les enquêtes sociales rapides et de"
                        + " personnalité, le contrôle judiciaire socio-éducatif, les médiations pénales et les stages"
                        + " de responsabilisation pour les tribunaux judiciaires de Lyon et de Villefranche-sur-Saône.\n"
                        + "Accueil du lundi au vendredi, de 9 h à 17 h.",
                MainField.PRE_SENTENCE, List.of("TJ-LYON", "TJ-VILLEFRANCHE-SUR-SAONE"),
                List.of("ESR", "EP", "CJSE", "MEDIATION_PENALE", "STAGE_CITOYENNETE", "STAGE_VIOLENCES_COUPLE",
                        "EVICTION_CONJOINT", "TIG", "JUSTICE_RESTAURATIVE"));
    }

    /** The change of the Marseille association: it moved, has a new phone and also covers Aix-en-Provence. */
    private static Profile waitingChange(Profile published) {
        List<String> courts = new ArrayList<>(published.courts());
        if (!courts.contains("TJ-AIX-EN-PROVENCE")) {
            courts.add("TJ-AIX-EN-PROVENCE");
        }
        List<String> activities = new ArrayList<>(published.activities());
        if (!activities.contains("JUSTICE_RESTAURATIVE")) {
            activities.add("JUSTICE_RESTAURATIVE");
        }
        return new Profile("45 boulevard de la Libération", "13001", published.city(), new BigDecimal("43.302100"),
                new BigDecimal("5.392400"), "04 91 55 20 30", published.email(), published.website(),
                published.description(), published.mainField(), courts, activities);
    }

    private static Profile profile(Organisations.Organisation association, Courts.JudicialCourt court,
            List<Courts.JudicialCourt> all, Set<String> offered) {
        Random random = new Random(court.code().hashCode());
        int draw = random.nextInt(100);
        MainField field = draw < 50 ? MainField.PRE_SENTENCE : draw < 75 ? MainField.POST_SENTENCE
                : draw < 90 ? MainField.MINORS : MainField.RESTORATIVE;
        String address = (1 + random.nextInt(120)) + " " + STREETS.get(random.nextInt(STREETS.size()));
        BigDecimal latitude = court.latitude() == null ? null : court.latitude()
                .add(BigDecimal.valueOf((random.nextDouble() - 0.5) * 0.02)).setScale(6, RoundingMode.HALF_UP);
        BigDecimal longitude = court.latitude() == null ? null : court.longitude()
                .add(BigDecimal.valueOf((random.nextDouble() - 0.5) * 0.02)).setScale(6, RoundingMode.HALF_UP);
        String slug = slug(court.seatCity());
        String domain = "justice-" + slug + ".example";
        // The courts of its département (at most three, nearest first), its own first.
        List<String> covered = all.stream()
                .filter(c -> c.departementCode().equals(court.departementCode()))
                .sorted(Comparator.comparingDouble(c -> distance(c, court)))
                .limit(3).map(Courts.JudicialCourt::code).toList();
        List<String> types = new ArrayList<>(TYPES.get(field).stream().filter(offered::contains).toList());
        int keep = Math.max(1, types.size() - random.nextInt(Math.max(1, types.size() / 2)));
        List<String> activities = new ArrayList<>(types.subList(0, Math.min(keep, types.size())));
        if (random.nextInt(3) == 0 && offered.contains("TIG") && !activities.contains("TIG")) {
            activities.add("TIG");
        }
        if (activities.isEmpty()) {
            activities.add(offered.iterator().next());
        }
        return new Profile(address, postcode(court.departementCode(), random), court.seatCity(), latitude, longitude,
                phone(court.departementCode(), random), "contact@" + domain,
                random.nextInt(4) == 0 ? null : "https://www." + domain,
                String.format(PRESENTATIONS.get(field), court.name().replace("Tribunal judiciaire", "tribunal judiciaire")
                        .replace("Tribunal de première instance", "tribunal de première instance")),
                field, covered, activities);
    }

    private static double distance(Courts.JudicialCourt a, Courts.JudicialCourt b) {
        if (a.latitude() == null || b.latitude() == null) {
            return a.code().equals(b.code()) ? 0 : 1;
        }
        double dLat = a.latitude().doubleValue() - b.latitude().doubleValue();
        double dLon = a.longitude().doubleValue() - b.longitude().doubleValue();
        return dLat * dLat + dLon * dLon;
    }

    private static String postcode(String departement, Random random) {
        return switch (departement) {
            case "2A" -> "20000";
            case "2B" -> "20200";
            default -> departement.length() == 3 ? departement + "00"
                    : departement + "0" + String.format(Locale.ROOT, "%02d", random.nextInt(10) * 10);
        };
    }

    /** A French landline number of the département's region (overseas: its own prefix). */
    private static String phone(String departement, Random random) {
        String prefix = switch (departement) {
            case "971" -> "05 90";
            case "972" -> "05 96";
            case "973" -> "05 94";
            case "974" -> "02 62";
            case "976" -> "02 69";
            case "987" -> "+689 40";
            case "988" -> "+687 27";
            default -> regionalPrefix(departement) + " " + (10 + random.nextInt(90));
        };
        StringBuilder number = new StringBuilder(prefix);
        for (int i = 0; i < 3; i++) {
            number.append(' ').append(String.format(Locale.ROOT, "%02d", random.nextInt(100)));
        }
        return number.toString();
    }

    private static String regionalPrefix(String departement) {
        Set<String> paris = Set.of("75", "77", "78", "91", "92", "93", "94", "95");
        Set<String> northWest = Set.of("14", "18", "22", "27", "28", "29", "35", "36", "37", "41", "44", "45", "49",
                "50", "53", "56", "61", "72", "76", "85", "974", "976");
        Set<String> northEast = Set.of("02", "08", "10", "21", "25", "39", "51", "52", "54", "55", "57", "58", "59",
                "60", "62", "67", "68", "70", "71", "80", "88", "89", "90", "03", "15", "43", "63");
        Set<String> southWest = Set.of("09", "11", "12", "16", "17", "19", "23", "24", "31", "32", "33", "40", "46",
                "47", "64", "65", "66", "79", "81", "82", "86", "87");
        if (paris.contains(departement)) {
            return "01";
        }
        if (northWest.contains(departement)) {
            return "02";
        }
        if (northEast.contains(departement)) {
            return "03";
        }
        if (southWest.contains(departement)) {
            return "05";
        }
        return "04";
    }

    private static String slug(String city) {
        return Normalizer.normalize(city, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
