package fr.passerelle.demo;

import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.partners.PartnerDirectory;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner directory of the Lyon demo association: about forty structures of the Lyon area over
 * every partner type, each with a site located in the Rhône, a contact, a partnership level with a
 * little history (assessed by the service head) and, for some, exchanges logged by a case worker, a
 * few of them already reviewed. Written once, through the partners module's Java API, as the demo
 * service head and case worker would. Other demo data finds the CHRS by its name, {@link #CHRS_NAME}.
 */
final class DemoPartners {

    /** The CHRS that the demo conventions, places and bookings are attached to. */
    static final String CHRS_NAME = "CHRS Le Relais – Lyon 7e";

    /**
     * name | type | activities | tags | site | address | postcode | city | latitude | longitude |
     * levels (oldest first, one every four months back from today) | contact | role.
     */
    private static final List<String> PARTNERS = List.of(
            CHRS_NAME + "|CHRS|hébergement, accompagnement social, placement à l’extérieur|hébergement, placement extérieur|Foyer Gerland|28 rue de Gerland|69007|Lyon|45.7335|4.8354|2,3,4|Sophie Marchand|Cheffe de service",
            "CHRS L’Étape – Villeurbanne|CHRS|hébergement, insertion|hébergement|Résidence Croix-Luizet|41 rue du 8-Mai-1945|69100|Villeurbanne|45.7781|4.8921|2,3|Karim Boudjema|Directeur",
            "CHRS Les Glycines – Vénissieux|CHRS|hébergement, accueil des femmes|hébergement, femmes|Maison des Glycines|12 avenue Jean-Cagne|69200|Vénissieux|45.6985|4.8862|3|Émilie Roche|Éducatrice spécialisée",
            "CHU Saint-Exupéry – Lyon 2e|CHU|mise à l’abri, hébergement d’urgence|urgence, hébergement|Accueil de nuit|15 rue Sala|69002|Lyon|45.7555|4.8290|1,2|Pierre Vidal|Responsable de nuit",
            "CHU Henri-Grouès – Lyon 9e|CHU|hébergement d’urgence hivernal|urgence|Gymnase Vaise|6 rue Saint-Pierre-de-Vaise|69009|Lyon|45.7740|4.8050|2|Aïcha Mansouri|Coordinatrice",
            "CSAPA Rhône Addictions – Lyon 3e|CSAPA|soins en addictologie, obligation de soins|addictions, soins|Consultations Part-Dieu|63 rue Servient|69003|Lyon|45.7608|4.8515|2,4|Dr Marc Perrin|Médecin addictologue",
            "CSAPA Le Griffon – Villeurbanne|CSAPA|alcoologie, consultations jeunes consommateurs|addictions, jeunes|Antenne Gratte-Ciel|8 rue Michel-Servet|69100|Villeurbanne|45.7686|4.8808|3|Julie Fabre|Psychologue",
            "CSAPA Saône-Beaujolais|CSAPA|soins en addictologie|addictions|Antenne de Villefranche|110 rue de la Sous-Préfecture|69400|Villefranche-sur-Saône|45.9893|4.7190|2|Laurent Giraud|Infirmier",
            "CAARUD Pause Diabolo – Lyon 7e|CAARUD|réduction des risques, accueil de jour|addictions, réduction des risques|Local Guillotière|4 rue Passet|69007|Lyon|45.7531|4.8420|2,3|Nora Saïdi|Intervenante",
            "CAARUD Ruptures – Lyon 1er|CAARUD|réduction des risques, maraude|addictions|Local Croix-Rousse|36 rue Burdeau|69001|Lyon|45.7703|4.8290|1|Thomas Royer|Chef de service",
            "ACT Rhône Santé – Lyon 8e|ACT|appartements de coordination thérapeutique|santé, hébergement|Coordination Monplaisir|92 avenue des Frères-Lumière|69008|Lyon|45.7450|4.8690|3|Dr Claire Antoine|Médecin coordinatrice",
            "ACT Les Tilleuls – Bron|ACT|hébergement médico-social|santé|Appartements de Bron|5 rue Lionel-Terray|69500|Bron|45.7362|4.9122|2|Yannick Blanc|Coordinateur",
            "LHSS Lyon Gerland|LHSS|lits halte soins santé|santé, urgence|Pavillon Gerland|17 allée Pierre-de-Coubertin|69007|Lyon|45.7282|4.8301|2,3|Isabelle Caron|Cadre de santé",
            "LHSS Villeurbanne Tonkin|LHSS|soins, hébergement temporaire|santé|Résidence Tonkin|24 rue Louis-Guérin|69100|Villeurbanne|45.7740|4.8650|2|Fabien Meunier|Infirmier coordinateur",
            "LAM Rhône – Saint-Priest|LAM|lits d’accueil médicalisés|santé|Maison de Saint-Priest|3 rue Aristide-Briand|69800|Saint-Priest|45.6960|4.9440|1,2|Hélène Brun|Cheffe de service",
            "SIAO du Rhône|SIAO|orientation hébergement et logement, 115|hébergement, logement|Plateforme départementale|246 rue Duguesclin|69003|Lyon|45.7560|4.8460|3,4|Mathieu Lambert|Coordinateur SIAO",
            "SPIP du Rhône – antenne de Lyon|SPIP|suivi des mesures, aménagements de peine|justice|Antenne milieu ouvert|67 rue Servient|69003|Lyon|45.7603|4.8529|3,4|Sandrine Colin|Conseillère pénitentiaire",
            "SPIP du Rhône – antenne de Villefranche|SPIP|suivi des mesures|justice|Antenne de Villefranche|350 boulevard Gambetta|69400|Villefranche-sur-Saône|45.9870|4.7240|2,3|Olivier Garnier|Directeur pénitentiaire d’insertion",
            "PJJ – UEMO Lyon Est|PJJ|milieu ouvert, mineurs|justice, mineurs|Unité éducative Lyon 8e|7 rue Marius-Berliet|69008|Lyon|45.7380|4.8710|2|Amélie Perret|Éducatrice PJJ",
            "PJJ – UEAJ Vaulx-en-Velin|PJJ|activités de jour, insertion des mineurs|justice, mineurs, insertion|Atelier du Mas|10 avenue Gabriel-Péri|69120|Vaulx-en-Velin|45.7790|4.9250|2,3|Rachid Benamar|Responsable d’unité",
            "Mission locale de Lyon – Confluence|MISSION_LOCALE|insertion des jeunes, contrat d’engagement jeune|insertion, jeunes|Antenne Perrache|14 cours Charlemagne|69002|Lyon|45.7470|4.8260|3|Lucie Mercier|Conseillère",
            "Mission locale de Villeurbanne|MISSION_LOCALE|accompagnement des 16-25 ans|insertion, jeunes|Antenne centre|31 rue Francis-de-Pressensé|69100|Villeurbanne|45.7700|4.8830|2,3|Sami Haddad|Conseiller",
            "Mission locale de Vénissieux|MISSION_LOCALE|insertion des jeunes|insertion, jeunes|Antenne Minguettes|1 place du Marché|69200|Vénissieux|45.7000|4.8880|2|Manon Girard|Conseillère",
            "France Travail Lyon Part-Dieu|FRANCE_TRAVAIL|emploi, indemnisation, accompagnement global|emploi|Agence Part-Dieu|90 rue de la Villette|69003|Lyon|45.7605|4.8600|2|Bruno Lefort|Conseiller accompagnement global",
            "France Travail Vaulx-en-Velin|FRANCE_TRAVAIL|emploi|emploi|Agence du Mas du Taureau|2 rue Maurice-Audin|69120|Vaulx-en-Velin|45.7840|4.9300|1,2|Nadine Robin|Conseillère",
            "CMP adultes Lyon 7e|CMP_EPSM|psychiatrie adulte, consultations|santé mentale, soins|CMP Jean-Macé|22 rue Jaboulay|69007|Lyon|45.7480|4.8420|2,3|Dr Anne Poulain|Psychiatre",
            "EPSM du Rhône – pôle ouest|CMP_EPSM|psychiatrie, hospitalisation|santé mentale|Site d’Oullins|40 grande rue|69600|Oullins|45.7145|4.8080|2|Vincent Morel|Cadre de santé",
            "Hôpital Édouard-Herriot – urgences|HOSPITAL|urgences, permanence d’accès aux soins|santé, soins|PASS|5 place d’Arsonval|69003|Lyon|45.7425|4.8797|2,3|Céline Faure|Assistante sociale",
            "Centre hospitalier de Villefranche|HOSPITAL|médecine, addictologie de liaison|santé|Site de Gleizé|Plateau d’Ouilly|69400|Gleizé|45.9900|4.6980|2|Dr Paul Renaud|Praticien hospitalier",
            "Hôpital de la Croix-Rousse – PASS|HOSPITAL|permanence d’accès aux soins de santé|santé|PASS Croix-Rousse|103 grande rue de la Croix-Rousse|69004|Lyon|45.7800|4.8270|3|Inès Baron|Assistante sociale",
            "Lyon Métropole Habitat|SOCIAL_LANDLORD|logement social, baux glissants|logement|Agence Lyon 8e|194 rue Garibaldi|69003|Lyon|45.7530|4.8530|2,3|Stéphane Dumont|Chargé de clientèle",
            "Est Métropole Habitat|SOCIAL_LANDLORD|logement social|logement|Agence Villeurbanne|53 avenue Paul-Krüger|69100|Villeurbanne|45.7700|4.8740|2|Agnès Carpentier|Gestionnaire locative",
            "Alliade Habitat – Vénissieux|SOCIAL_LANDLORD|logement social, intermédiation locative|logement|Agence sud|20 avenue Marcel-Houël|69200|Vénissieux|45.7040|4.8850|1|Jérôme Aubert|Responsable d’agence",
            "Chantier d’insertion Les Jardins du Rhône|EMPLOYER_SIAE|maraîchage, chantier d’insertion, TIG|emploi, insertion, TIG|Jardins de Saint-Priest|18 chemin de Revaison|69800|Saint-Priest|45.7050|4.9600|3,4|Marion Leclerc|Encadrante technique",
            "Entreprise d’insertion Rhône Recyclage|EMPLOYER_SIAE|tri, recyclage, entreprise d’insertion|emploi, insertion|Atelier de Vénissieux|45 boulevard Joliot-Curie|69200|Vénissieux|45.7120|4.8760|2,3|David Fontaine|Chargé d’insertion",
            "Ateliers du Bâtiment Solidaire – Givors|EMPLOYER_SIAE|second œuvre, chantier d’insertion|emploi, insertion|Chantier de Givors|8 rue Jean-Ligonnet|69700|Givors|45.5900|4.7690|2|Samia Khelifi|Conseillère en insertion",
            "Restos du Cœur – centre de Lyon 8e|OTHER|aide alimentaire|aide alimentaire|Centre Mermoz|6 rue Professeur-Paul-Sisley|69008|Lyon|45.7330|4.8860|2|Gérard Petit|Responsable de centre",
            "Point d’accès au droit de Vaulx-en-Velin|OTHER|accès au droit, permanences juridiques|accès au droit, justice|Maison de justice et du droit|6 rue Maurice-Audin|69120|Vaulx-en-Velin|45.7845|4.9290|3|Léa Robert|Juriste",
            "CCAS de Rillieux-la-Pape|OTHER|domiciliation, aides facultatives|accès aux droits|Hôtel de ville|165 rue Ampère|69140|Rillieux-la-Pape|45.8200|4.8970|2|Chantal Moreau|Travailleuse sociale",
            "Maison de la veille sociale – Tarare|OTHER|accueil de jour, domiciliation|urgence, accès aux droits|Accueil de jour|12 rue Serroux|69170|Tarare|45.8960|4.4330|1,2|Damien Rey|Animateur");

    /** Exchanges: partner name | kind | days ago | summary | reviewed. */
    private static final List<String> EXCHANGES = List.of(
            CHRS_NAME + "|MEETING|40|Réunion trimestrielle : bilan des placements à l’extérieur et des sorties.|true",
            CHRS_NAME + "|JOINT_DECISION|12|Décision commune d’un accueil prolongé pour une personne en fin de peine.|false",
            "SIAO du Rhône|CALL|9|Point sur deux demandes d’hébergement en attente ; relance prévue la semaine prochaine.|false",
            "CSAPA Rhône Addictions – Lyon 3e|MEETING|25|Rencontre des équipes : circuit des attestations d’obligation de soins.|true",
            "SPIP du Rhône – antenne de Lyon|MAIL|6|Transmission du calendrier des commissions d’application des peines.|false",
            "Chantier d’insertion Les Jardins du Rhône|CALL|3|Deux postes de TIG disponibles à partir du mois prochain.|false");

    private DemoPartners() {}

    /** Writes the Lyon directory once (nothing when the association already has partners). */
    static void seed(UUID association, PartnerDirectory directory, UserAccounts users, LocalDate today,
            TransactionTemplate tx) {
        TenantContext.runAs(association, () -> tx.executeWithoutResult(status -> {
            Actor head = users.withRole(Roles.SERVICE_HEAD).stream().findFirst()
                    .map(u -> new Actor(u.id(), association, u.displayName())).orElse(null);
            Actor worker = users.withRole(Roles.CASE_WORKER).stream().findFirst()
                    .map(u -> new Actor(u.id(), association, u.displayName())).orElse(null);
            if (head == null || worker == null) {
                return;
            }
            List<String> manage = List.of(PartnerDirectory.READ, PartnerDirectory.MANAGE);
            boolean present = DemoPermissions.callAs(head, manage,
                    () -> directory.search(PartnerDirectory.Filter.all(), 0).total() > 0);
            if (present) {
                return;
            }
            Map<String, UUID> ids = new HashMap<>();
            DemoPermissions.callAs(head, manage, () -> {
                PARTNERS.forEach(line -> {
                    String[] f = line.split("\\|", -1);
                    ids.put(f[0], addPartner(directory, f, today));
                });
                return null;
            });
            for (String line : EXCHANGES) {
                String[] f = line.split("\\|", -1);
                UUID partner = ids.get(f[0]);
                UUID exchange = DemoPermissions.callAs(worker, List.of(PartnerDirectory.READ), () -> directory
                        .recordExchange(partner, f[1], today.minusDays(Long.parseLong(f[2])).toString(), f[3]));
                if (Boolean.parseBoolean(f[4])) {
                    DemoPermissions.callAs(head, manage, () -> {
                        directory.markReviewed(exchange);
                        return null;
                    });
                }
            }
        }));
    }

    private static UUID addPartner(PartnerDirectory directory, String[] f, LocalDate today) {
        String slug = ascii(f[0]).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        UUID id = directory.create(new PartnerDirectory.PartnerInput(f[0], f[1], null, f[2], f[3],
                "04 78 " + phone(f[0]), "contact@" + slug + ".example.org", null));
        UUID site = directory.addSite(id, new PartnerDirectory.SiteInput(f[4], f[5], f[6], f[7], null, f[8], f[9]));
        String[] parts = f[11].split(" ");
        String email = ascii(parts[parts.length - 2] + "." + parts[parts.length - 1]).replaceAll("[^a-z.]", "")
                + "@" + slug + ".example.org";
        directory.addContact(id, new PartnerDirectory.ContactInput(f[11], f[12], "04 72 " + phone(f[11]), email, site));
        String[] levels = f[10].split(",");
        for (int i = 0; i < levels.length; i++) {
            int monthsAgo = 4 * (levels.length - 1 - i);
            directory.assessLevelOn(id, Integer.parseInt(levels[i]), null, today.minusMonths(monthsAgo).minusDays(3));
        }
        return id;
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A stable, made-up end of phone number for a name ("12 34 56"). */
    private static String phone(String name) {
        int n = Math.floorMod(name.hashCode(), 1_000_000);
        return String.format("%02d %02d %02d", n / 10_000, n / 100 % 100, n % 100);
    }

    /** The demo user on whose behalf the directory is written. */
    private record Actor(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {}
}
