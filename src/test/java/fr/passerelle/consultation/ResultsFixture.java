package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.VoteKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/** Votes of two opinion camps (professionals and citizens) through the real vote path, and pending proposals. */
public final class ResultsFixture {

    private ResultsFixture() {}

    /**
     * {@code voters} participants, alternately professionals (camp A: agree with the first half of
     * the proposals, disagree with the rest) and citizens (the reverse), 10 % neutral votes.
     */
    public static void twoCamps(ConsultationFixture.Made made, int voters, Consultations consultations,
            Participants participants, Votes votes, ProposalKeys keys) {
        twoCamps(made, voters, p -> null, consultations, participants, votes, keys);
    }

    /** The same, the {@code p}-th voter answering département {@code departementOf.apply(p)} (null: no answer). */
    public static void twoCamps(ConsultationFixture.Made made, int voters, IntFunction<String> departementOf,
            Consultations consultations, Participants participants, Votes votes, ProposalKeys keys) {
        Random random = new Random(7);
        ConsultationFixture.as(made, () -> {
            Consultations.Consultation c = forPublic(made, consultations);
            for (int p = 0; p < voters; p++) {
                boolean campA = p % 2 == 0;
                UUID voter = participants.generated(made.id(), null, null).id();
                Map<String, String> answers = new HashMap<>(Map.of(Consultations.PROFESSIONAL_QUESTION, campA ? "YES" : "NO"));
                if (departementOf.apply(p) != null) {
                    answers.put(Consultations.DEPARTEMENT_QUESTION, departementOf.apply(p));
                }
                participants.saveProfile(c, voter, answers, false, null);
                for (int i = 0; i < made.proposals().size(); i++) {
                    UUID proposal = made.proposals().get(i);
                    boolean likes = (i < made.proposals().size() / 2) == campA;
                    VoteKey key = random.nextDouble() < 0.9 ? (likes ? VoteKey.AGREE : VoteKey.DISAGREE) : VoteKey.NEUTRAL;
                    votes.cast(new Votes.Ballot(made.id(), voter, proposal, key, null, ProposalKeys.Location.SEQUENCE,
                            keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE)));
                }
            }
            return null;
        });
    }

    /** A pending proposal of a new anonymous participant. */
    public static UUID pending(ConsultationFixture.Made made, String text, String email, Consultations consultations,
            Participants participants, Proposals proposals) {
        return ConsultationFixture.as(made, () -> {
            UUID author = participants.generated(made.id(), null, null).id();
            return proposals.propose(forPublic(made, consultations), author, new Proposals.Submission(text, email, true));
        });
    }

    private static Consultations.Consultation forPublic(ConsultationFixture.Made made, Consultations consultations) {
        return consultations.forPublic(
                new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.OPEN));
    }
}
