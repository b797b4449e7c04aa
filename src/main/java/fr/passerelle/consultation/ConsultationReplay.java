package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.shared.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a national consultation with the proportions of document 004 (Atigip, 2024): 10,200
 * participants of whom about 1,100 professionals and 81 % citizens (the rest did not answer), 837
 * proposals on the six themes of its results (about 300 by professionals), 135,395 votes of which
 * 23,200 by professionals. Everything goes through the real services: participants and their
 * profile answers, proposals, acceptance, and every vote through {@link Votes#cast} with the
 * signed key a sequence page would have given (so all votes are trusted and counted). Opinions
 * follow a few latent groups (professionals of reintegration, "reintegration first", "firmness",
 * pragmatic citizens), each agreeing with a proposal according to its own stance, so the analysis
 * has groups to find. Deterministic for a given seed and scale; afterwards, the dates of
 * participants, proposals and votes are spread over the eight weeks the consultation lasted.
 */
@Service
public class ConsultationReplay {

    private static final Logger log = LoggerFactory.getLogger(ConsultationReplay.class);

    public static final int PARTICIPANTS = 10_200;
    public static final int PROFESSIONALS = 1_100;
    public static final double CITIZEN_SHARE = 0.81;
    public static final int PROPOSALS = 837;
    public static final int PROFESSIONAL_PROPOSALS = 300;
    public static final int VOTES = 135_395;
    public static final int PROFESSIONAL_VOTES = 23_200;
    public static final int DAYS = 56;

    static final List<String> THEMES = List.of("Institutionnel", "Parcours et suivi", "Dispositifs de travail",
            "Formation", "Information et découverte", "Conditions de détention");

    private static final List<String> VERBS = List.of("développer", "renforcer", "généraliser", "mieux financer",
            "évaluer", "simplifier", "faire connaître", "étendre partout", "mieux coordonner", "rendre obligatoire",
            "expérimenter", "pérenniser");

    private static final List<List<String>> OBJECTS = List.of(
            List.of("le pilotage national de l’insertion professionnelle", "les comités locaux d’insertion",
                    "le rôle de l’Atigip auprès des tribunaux", "les conventions entre justice et régions",
                    "les partenariats avec France Travail", "le financement des structures d’insertion",
                    "les statistiques publiques sur la récidive", "la coopération entre ministères",
                    "les marchés publics réservés à l’insertion", "les clauses sociales des achats de l’État",
                    "la place des collectivités locales", "la représentation des anciens détenus"),
            List.of("la préparation de la sortie dès l’entrée en détention", "le référent unique de parcours",
                    "le suivi après la libération", "les bilans de compétences en détention",
                    "l’accompagnement vers le logement à la sortie", "les rendez-vous emploi avant la libération",
                    "la continuité du suivi entre prison et milieu ouvert", "le passeport de compétences",
                    "l’aide aux démarches administratives", "l’accompagnement des jeunes majeurs",
                    "le suivi des femmes détenues", "les placements à l’extérieur"),
            List.of("le travail pénitentiaire rémunéré", "les ateliers d’entreprises en détention",
                    "le travail d’intérêt général", "les chantiers d’insertion pour sortants",
                    "les entreprises adaptées à la justice", "les incitations fiscales pour les employeurs",
                    "les contrats d’insertion à la sortie", "le tutorat par des salariés volontaires",
                    "les stages en entreprise pendant la peine", "les partenariats avec les entreprises locales",
                    "l’économie sociale et solidaire en détention", "le droit du travail en prison"),
            List.of("les formations qualifiantes en détention", "l’apprentissage pendant la peine",
                    "la validation des acquis de l’expérience", "les cours de français et de calcul",
                    "la formation au numérique", "les partenariats avec les écoles",
                    "la formation des personnels pénitentiaires", "les certifications reconnues par les employeurs",
                    "la formation à distance en cellule", "les métiers en tension ouverts aux détenus",
                    "le permis de conduire pendant la peine", "l’orientation professionnelle individuelle"),
            List.of("la découverte des métiers en détention", "les forums emploi en prison",
                    "l’information des employeurs sur le casier judiciaire", "les témoignages d’anciens détenus",
                    "les campagnes contre les préjugés", "l’information des familles sur les dispositifs",
                    "les visites d’entreprises pour les détenus", "le site unique des offres pour sortants",
                    "les journées portes ouvertes des ateliers", "l’information sur les droits sociaux",
                    "la communication sur les réussites de réinsertion", "les rencontres avec les élus locaux"),
            List.of("la lutte contre la surpopulation carcérale", "l’accès aux soins en détention",
                    "le maintien des liens familiaux", "les activités sportives et culturelles",
                    "les cellules individuelles", "l’accès au numérique en détention",
                    "les unités de vie familiale", "la prise en charge des addictions",
                    "les maisons de sortie", "les aménagements de peine",
                    "les peines alternatives à la prison", "la sécurité des personnels pénitentiaires"));

    /** Latent opinion groups; professionals are mostly in the first. */
    static final int GROUPS = 4;

    private final Consultations consultations;
    private final Participants participants;
    private final Proposals proposals;
    private final Votes votes;
    private final ProposalKeys keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    ConsultationReplay(Consultations consultations, Participants participants, Proposals proposals, Votes votes,
            ProposalKeys keys, JdbcClient jdbc, TransactionTemplate tx, java.time.Clock clock) {
        this.clock = clock;
        this.consultations = consultations;
        this.participants = participants;
        this.proposals = proposals;
        this.votes = votes;
        this.keys = keys;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What a replay made, and how long it took. */
    public record Replayed(UUID consultationId, String slug, int participants, int professionals, int citizens,
            int proposals, long votes, long professionalVotes, long millis) {}

    /** The figures of a replay at a scale (1 = document 004). */
    public record Plan(int participants, int professionals, int citizens, int proposals, int professionalProposals,
            long votes, long professionalVotes) {

        public static Plan at(double scale) {
            int participants = Math.max(20, (int) Math.round(PARTICIPANTS * scale));
            int professionals = Math.max(2, (int) Math.round(PROFESSIONALS * scale));
            int citizens = Math.min(participants - professionals, (int) Math.round(participants * CITIZEN_SHARE));
            int proposals = Math.min(PROPOSALS, Math.max(40, (int) Math.round(PROPOSALS * scale)));
            int professionalProposals = (int) Math.round(proposals * (double) PROFESSIONAL_PROPOSALS / PROPOSALS);
            long votes = Math.round(VOTES * scale);
            long professionalVotes = Math.round(PROFESSIONAL_VOTES * scale);
            return new Plan(participants, professionals, citizens, proposals, professionalProposals, votes,
                    professionalVotes);
        }
    }

    /**
     * Replays the consultation into the organisation (a public body) under a new slug.
     *
     * @param threads participants replayed in parallel (each through its own transactions)
     */
    public Replayed replay(UUID organisationId, String slug, double scale, long seed, int threads) {
        long started = System.nanoTime();
        Plan plan = Plan.at(scale);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        try {
            return TenantContext.callAs(organisationId, () -> {
                actAsOrganiser();
                UUID id = create(slug);
                Consultations.Consultation c = consultations.get(id);
                Random random = new Random(seed);
                // Latent stances: a base appeal per proposal and a deviation per group.
                double[] base = new double[plan.proposals()];
                double[][] stance = new double[GROUPS][plan.proposals()];
                for (int p = 0; p < plan.proposals(); p++) {
                    base[p] = -0.2 + random.nextDouble();
                    for (int g = 0; g < GROUPS; g++) {
                        stance[g][p] = random.nextDouble() < 0.5 ? random.nextGaussian() * 0.9 : 0;
                    }
                }
                long[] voteCounts = voteCounts(plan);
                AtomicLong cast = new AtomicLong();
                AtomicLong professionalCast = new AtomicLong();
                ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
                try {
                    // Participants (professionals first, then citizens, then those who did not answer).
                    UUID[] ids = new UUID[plan.participants()];
                    List<Future<?>> joined = new ArrayList<>();
                    for (int i = 0; i < plan.participants(); i++) {
                        int index = i;
                        joined.add(pool.submit(() -> TenantContext.runAs(organisationId,
                                () -> ids[index] = participants.generated(id, null, null).id())));
                    }
                    for (Future<?> f : joined) {
                        f.get();
                    }
                    List<UUID> people = List.of(ids);
                    List<UUID> accepted = propose(c, plan, people, random);
                    List<Future<?>> futures = new ArrayList<>();
                    for (int i = 0; i < plan.participants(); i++) {
                        int index = i;
                        futures.add(pool.submit(() -> TenantContext.runAs(organisationId, () -> {
                            long n = participate(c, plan, people.get(index), index, voteCounts[index], accepted, base,
                                    stance, seed);
                            cast.addAndGet(n);
                            if (index < plan.professionals()) {
                                professionalCast.addAndGet(n);
                            }
                        })));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                    spreadOverTime(id);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    log.info("Replay {}: {} participants ({} professionals), {} proposals, {} votes in {} ms", slug,
                            plan.participants(), plan.professionals(), accepted.size(), cast.get(), millis);
                    return new Replayed(id, slug, plan.participants(), plan.professionals(), plan.citizens(),
                            accepted.size(), cast.get(), professionalCast.get(), millis);
                } finally {
                    pool.shutdown();
                }
            });
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static void actAsOrganiser() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("replay", null,
                List.of(new SimpleGrantedAuthority("consultation:manage"),
                        new SimpleGrantedAuthority("consultation:moderate"))));
    }

    private UUID create(String slug) {
        LocalDate today = LocalDate.now(clock);
        UUID id = consultations.create(new Consultations.Settings(slug,
                "Comment améliorer l’insertion professionnelle des personnes condamnées par la justice (formation, emploi, etc.) ?",
                "Rejeu des proportions d’une grande consultation nationale : 10 200 participant(e)s, 837 propositions, "
                        + "135 395 votes.",
                "Il faut", today.minusDays(DAYS), today.plusDays(7),
                "Une proposition = une idée, formulée avec respect, sans nom de personne ni propos partisan.",
                EnumSet.allOf(RefusalReason.class), false, THEMES,
                List.of(Consultations.ProfileQuestion.of(Consultations.PROFESSIONAL_QUESTION,
                                "Avez-vous travaillé dans l’insertion professionnelle des personnes placées sous main de justice ?",
                                ProfileQuestionKind.YES_NO, List.of(), true),
                        Consultations.ProfileQuestion.of(Consultations.DEPARTEMENT_QUESTION, "Votre département",
                                ProfileQuestionKind.DEPARTEMENT, List.of(), false))));
        consultations.publish(id);
        return id;
    }

    /** The proposals (templates × themes), accepted and tagged with their theme; professionals write the first ones. */
    private List<UUID> propose(Consultations.Consultation c, Plan plan, List<UUID> people, Random random) {
        List<String> texts = new ArrayList<>();
        List<Integer> themeOf = new ArrayList<>();
        for (int v = 0; v < VERBS.size() && texts.size() < plan.proposals() * 2; v++) {
            for (int t = 0; t < OBJECTS.size(); t++) {
                for (String object : OBJECTS.get(t)) {
                    texts.add("Il faut " + VERBS.get(v) + " " + object);
                    themeOf.add(t);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        Map<String, UUID> themeIds = new java.util.HashMap<>();
        c.themes().forEach(t -> themeIds.put(t.label(), t.id()));
        List<UUID> accepted = new ArrayList<>();
        int citizenAuthor = plan.professionals();
        for (int i = 0; i < plan.proposals(); i++) {
            int pick = order.get(i);
            UUID author = i < plan.professionalProposals() ? people.get(i % plan.professionals())
                    : people.get(citizenAuthor++ % plan.participants());
            UUID proposal = proposals.propose(c, author, new Proposals.Submission(texts.get(pick),
                    "auteur" + i + "@rejeu.invalid", true));
            proposals.accept(proposal);
            UUID theme = themeIds.get(THEMES.get(themeOf.get(pick)));
            tx.executeWithoutResult(s -> jdbc.sql("""
                    insert into consultation_proposal_theme (organisation_id, proposal_id, theme_id)
                    select organisation_id, id, ? from consultation_proposal where id = ?""").params(theme, proposal).update());
            accepted.add(proposal);
        }
        return accepted;
    }

    /** Votes per participant: the professionals' share, then the others', exactly the plan's totals. */
    static long[] voteCounts(Plan plan) {
        long[] counts = new long[plan.participants()];
        int others = plan.participants() - plan.professionals();
        spread(counts, 0, plan.professionals(), plan.professionalVotes(), plan.proposals());
        spread(counts, plan.professionals(), others, plan.votes() - plan.professionalVotes(), plan.proposals());
        return counts;
    }

    private static void spread(long[] counts, int from, int n, long total, int cap) {
        long each = total / n;
        long rest = total % n;
        for (int i = 0; i < n; i++) {
            counts[from + i] = Math.min(cap, each + (i < rest ? 1 : 0));
        }
    }

    /** One participant: profile answer, latent group, then their votes on randomly drawn proposals. */
    private long participate(Consultations.Consultation c, Plan plan, UUID participant, int index, long count,
            List<UUID> accepted, double[] base, double[][] stance, long seed) {
        Random random = new Random(seed * 31 + index);
        boolean professional = index < plan.professionals();
        boolean citizen = !professional && index < plan.professionals() + plan.citizens();
        if (professional || citizen) {
            participants.saveProfile(c, participant, Map.of(Consultations.PROFESSIONAL_QUESTION,
                    professional ? "YES" : "NO"), false, null);
        }
        int group;
        double r = random.nextDouble();
        if (professional) {
            group = r < 0.7 ? 0 : 1 + random.nextInt(GROUPS - 1);
        } else {
            group = r < 0.1 ? 0 : r < 0.45 ? 1 : r < 0.75 ? 2 : 3;
        }
        int[] columns = new int[accepted.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = j;
        }
        long n = Math.min(count, columns.length);
        for (int k = 0; k < n; k++) {
            int swap = k + random.nextInt(columns.length - k);
            int p = columns[swap];
            columns[swap] = columns[k];
            columns[k] = p;
            double u = Math.max(-1, Math.min(1, base[p] + stance[group][p]));
            double agree = 0.1 + 0.7 * (u + 1) / 2;
            double neutral = 0.15;
            double x = random.nextDouble();
            VoteKey key = x < agree ? VoteKey.AGREE : x < agree + neutral ? VoteKey.NEUTRAL : VoteKey.DISAGREE;
            Set<Qualification> qualifications = EnumSet.noneOf(Qualification.class);
            double q = random.nextDouble();
            if (key == VoteKey.AGREE && q < 0.25) {
                qualifications.add(q < 0.15 ? Qualification.LIKE_IT : Qualification.DOABLE);
            } else if (key == VoteKey.DISAGREE && q < 0.15) {
                qualifications.add(Qualification.NO_WAY);
            }
            UUID proposal = accepted.get(p);
            votes.cast(new Votes.Ballot(c.id(), participant, proposal, key, qualifications,
                    ProposalKeys.Location.SEQUENCE, keys.sign(proposal, participant, ProposalKeys.Location.SEQUENCE)));
        }
        return n;
    }

    /** Spreads participants over the consultation's weeks (more at the launch), their proposals and votes with them. */
    private void spreadOverTime(UUID consultationId) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    update consultation_participant set created_at = now() - make_interval(days => :days)
                        + make_interval(days => floor(:days * power((abs(hashtext(id::text)) % 1000) / 1000.0, 1.6))::int,
                                        mins => abs(hashtext(id::text || 'm')) % 1200)
                    where consultation_id = :c""").param("days", DAYS).param("c", consultationId).update();
            jdbc.sql("""
                    update consultation_proposal p set created_at = a.created_at + interval '3 minutes',
                           moderated_at = a.created_at + interval '1 day'
                    from consultation_participant a where a.id = p.participant_id and p.consultation_id = :c""")
                    .param("c", consultationId).update();
            jdbc.sql("""
                    update consultation_vote v set created_at = a.created_at + interval '5 minutes',
                           updated_at = a.created_at + interval '5 minutes'
                    from consultation_participant a where a.id = v.participant_id and v.consultation_id = :c""")
                    .param("c", consultationId).update();
        });
    }
}
