package fr.passerelle.demo;

import fr.passerelle.consultation.Consultations;
import fr.passerelle.consultation.Participants;
import fr.passerelle.consultation.ProfileQuestionKind;
import fr.passerelle.consultation.ProposalKeys;
import fr.passerelle.consultation.Proposals;
import fr.passerelle.consultation.RefusalReason;
import fr.passerelle.consultation.Votes;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo consultation of the public body: published, with about thirty accepted proposals on
 * reintegration, a few awaiting moderation, and some votes cast through the real vote path by
 * demo participants (a fixed random seed keeps it the same on every start).
 */
final class DemoConsultation {

    static final String SLUG = "reinsertion-2026";

    private static final List<String> ACCEPTED = List.of(
            "Il faut préparer la sortie de prison dès le premier jour de détention",
            "Il faut garantir un hébergement à chaque personne qui sort de détention",
            "Il faut ouvrir plus de places de placement à l’extérieur",
            "Il faut développer le travail d’intérêt général dans les collectivités",
            "Il faut former les employeurs à l’accueil des personnes sous main de justice",
            "Il faut faciliter l’ouverture d’un compte bancaire à la sortie",
            "Il faut maintenir les droits sociaux pendant la détention",
            "Il faut que chaque personne ait une pièce d’identité valide à sa sortie",
            "Il faut renforcer l’accès aux soins psychiatriques en détention",
            "Il faut multiplier les unités de vie familiale dans les prisons",
            "Il faut soutenir les familles des personnes détenues",
            "Il faut développer la justice restaurative dans chaque département",
            "Il faut recruter davantage de conseillers d’insertion et de probation",
            "Il faut réduire le nombre de dossiers suivis par chaque conseiller",
            "Il faut proposer une formation qualifiante à chaque personne détenue",
            "Il faut valider les acquis de l’expérience obtenus en détention",
            "Il faut créer des chantiers d’insertion réservés aux sortants de prison",
            "Il faut accompagner vers le permis de conduire pendant la peine",
            "Il faut coordonner le SPIP, France Travail et les associations",
            "Il faut un référent unique pour chaque personne suivie",
            "Il faut développer le contrôle judiciaire socio-éducatif",
            "Il faut mieux informer les victimes du déroulement de la peine",
            "Il faut lutter contre l’illettrisme et l’illectronisme en détention",
            "Il faut garantir l’accès au numérique pour les démarches en ligne",
            "Il faut ouvrir des maisons de sortie dans chaque région",
            "Il faut faciliter le maintien dans le logement pendant une courte peine",
            "Il faut renforcer les stages de citoyenneté pour les jeunes majeurs",
            "Il faut associer les anciens détenus à la conception des politiques",
            "Il faut évaluer les dispositifs de réinsertion avec des données publiques",
            "Il faut mieux financer les associations socio-judiciaires");

    private static final List<String> PENDING = List.of(
            "Il faut des ateliers de théâtre dans toutes les prisons",
            "Il faut rendre gratuits les transports pour les personnes en aménagement de peine",
            "Il faut créer une plateforme nationale d’offres d’emploi pour sortants");

    private DemoConsultation() {}

    static void seed(UUID publicBody, Consultations consultations, Participants participants, Proposals proposals,
            Votes votes, ProposalKeys keys, LocalDate today) {
        if (consultations.lookup(SLUG).isPresent()) {
            return;
        }
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("demo", null,
                List.of(new SimpleGrantedAuthority("consultation:manage"),
                        new SimpleGrantedAuthority("consultation:moderate"))));
        try {
            TenantContext.runAs(publicBody, () -> seedAs(consultations, participants, proposals, votes, keys, today));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static void seedAs(Consultations consultations, Participants participants, Proposals proposals,
            Votes votes, ProposalKeys keys, LocalDate today) {
        UUID id = consultations.create(new Consultations.Settings(SLUG,
                "Comment mieux accompagner la réinsertion des personnes placées sous main de justice ?",
                "Consultation nationale ouverte à toutes et à tous : professionnel(le)s, personnes concernées, "
                        + "proches, citoyen(ne)s. Proposez vos idées et votez sur celles des autres.",
                "Il faut", today.minusDays(10), today.plusMonths(2),
                "Une proposition = une idée, formulée avec respect, sans nom de personne ni propos partisan. "
                        + "L’équipe de modération lit chaque proposition avant sa mise au vote.",
                EnumSet.allOf(RefusalReason.class), false,
                List.of("Logement", "Emploi et formation", "Santé", "Liens familiaux", "Accès aux droits",
                        "Justice restaurative"),
                List.of(Consultations.ProfileQuestion.of(Consultations.PROFESSIONAL_QUESTION,
                                "Avez-vous travaillé avec des personnes placées sous main de justice ?",
                                ProfileQuestionKind.YES_NO, List.of(), true),
                        Consultations.ProfileQuestion.of(Consultations.DEPARTEMENT_QUESTION, "Votre département",
                                ProfileQuestionKind.DEPARTEMENT, List.of(), false))));
        consultations.publish(id);
        Consultations.Consultation c = consultations.get(id);
        Random random = new Random(2026);
        List<UUID> accepted = new ArrayList<>();
        for (int i = 0; i < ACCEPTED.size() + PENDING.size(); i++) {
            UUID author = participants.generated(id, null, null).id();
            boolean pending = i >= ACCEPTED.size();
            String text = pending ? PENDING.get(i - ACCEPTED.size()) : ACCEPTED.get(i);
            UUID proposal = proposals.propose(c, author,
                    new Proposals.Submission(text, "participant" + (i + 1) + "@exemple.org", true));
            if (!pending) {
                proposals.accept(proposal);
                accepted.add(proposal);
            }
        }
        VoteKey[] keyChoices = VoteKey.values();
        for (int p = 0; p < 40; p++) {
            UUID voter = participants.generated(id, null, null).id();
            participants.saveProfile(c, voter, Map.of(Consultations.PROFESSIONAL_QUESTION, random.nextInt(5) == 0 ? "YES" : "NO",
                    Consultations.DEPARTEMENT_QUESTION, List.of("69", "13", "75", "59", "33").get(random.nextInt(5))),
                    false, null);
            for (UUID proposal : accepted) {
                if (random.nextInt(3) != 0) {
                    continue;
                }
                // Most ideas win agreement; the draw leans towards it.
                double r = random.nextDouble();
                VoteKey key = r < 0.6 ? VoteKey.AGREE : r < 0.85 ? keyChoices[1] : VoteKey.NEUTRAL;
                Set<Qualification> qualifications = EnumSet.noneOf(Qualification.class);
                if (key == VoteKey.AGREE && random.nextInt(3) == 0) {
                    qualifications.add(random.nextBoolean() ? Qualification.LIKE_IT : Qualification.DOABLE);
                }
                votes.cast(new Votes.Ballot(id, voter, proposal, key, qualifications, ProposalKeys.Location.SEQUENCE,
                        keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE)));
            }
        }
    }
}
