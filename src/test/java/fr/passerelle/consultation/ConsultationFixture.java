package fr.passerelle.consultation;

import fr.passerelle.TestDates;

import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Builds published consultations of the public body with accepted proposals, through the services. */
public final class ConsultationFixture {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ConsultationFixture() {}

    /** A consultation made and published by the organiser, and its accepted proposals. */
    public record Made(UUID id, String slug, UUID organisationId, List<UUID> proposals, UUID author) {}

    public static Consultations.Settings settings(String slug) {
        return new Consultations.Settings(slug, "Comment mieux accompagner la réinsertion ?", "Présentation",
                "Il faut", LocalDate.now(TestDates.PARIS).minusDays(1), LocalDate.now(TestDates.PARIS).plusMonths(1), "Charte : une idée par proposition.",
                EnumSet.allOf(RefusalReason.class), false, List.of("Logement", "Emploi"),
                List.of(Consultations.ProfileQuestion.of(Consultations.PROFESSIONAL_QUESTION,
                                "Avez-vous travaillé avec des personnes placées sous main de justice ?",
                                ProfileQuestionKind.YES_NO, List.of(), true),
                        Consultations.ProfileQuestion.of(Consultations.DEPARTEMENT_QUESTION, "Votre département",
                                ProfileQuestionKind.DEPARTEMENT, List.of(), false)));
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
    }

    /** Creates, publishes, and adds {@code accepted} accepted proposals (one author per proposal). */
    public static Made published(UserDetailsService users, Consultations consultations, Participants participants,
            Proposals proposals, int accepted) {
        PasserelleUser organiser = SignedIn.as(users, "organisateur");
        String slug = uniqueSlug("test");
        UUID id = consultations.create(settings(slug));
        consultations.publish(id);
        Consultations.Consultation c = consultations.get(id);
        SignedIn.as(users, "moderatrice");
        List<UUID> ids = new ArrayList<>();
        UUID author = null;
        for (int i = 0; i < accepted; i++) {
            author = participants.generated(id, null, null).id();
            UUID p = proposals.propose(c, author, new Proposals.Submission(
                    "Il faut une idée numéro " + i + " pour la réinsertion", "auteur" + i + "@exemple.org", true));
            proposals.accept(p);
            ids.add(p);
        }
        SecurityContextHolder.clearContext();
        return new Made(id, slug, organiser.organisationId(), ids, author);
    }

    public static <T> T as(Made made, java.util.concurrent.Callable<T> work) {
        return TenantContext.callAs(made.organisationId(), work);
    }
}
