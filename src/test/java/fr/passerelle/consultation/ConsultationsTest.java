package fr.passerelle.consultation;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The organiser's side: creating, editing, the status transitions, validations, audit, and proposing. */
@PasserelleIntegrationTest
class ConsultationsTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrganiserCreatesEditsPublishesClosesAndPublishesResults() {
        SignedIn.as(users, "organisateur");
        String slug = ConsultationFixture.uniqueSlug("cycle");
        UUID id = consultations.create(ConsultationFixture.settings(slug));
        Consultations.Consultation c = consultations.get(id);
        assertThat(c.status()).isEqualTo(ConsultationStatus.DRAFT);
        assertThat(c.themes()).extracting(Consultations.Theme::label).containsExactly("Logement", "Emploi");
        assertThat(c.profileQuestions()).extracting(Consultations.ProfileQuestion::code)
                .containsExactly("PROFESSIONAL", "DEPARTEMENT");
        assertThat(consultations.lookup(slug)).as("a draft is not public").isEmpty();
        assertThat(consultations.list()).extracting(Consultations.Summary::id).contains(id);

        Consultations.Settings s = ConsultationFixture.settings(slug);
        consultations.update(id, new Consultations.Settings(slug, "Quelle question nouvelle pour la réinsertion ?",
                s.description(), null, s.startsOn(), s.endsOn(), s.charter(), EnumSet.of(RefusalReason.RUDE,
                RefusalReason.OFF_TOPIC), true, List.of("Emploi", "Santé"), s.profileQuestions()));
        c = consultations.get(id);
        assertThat(c.question()).isEqualTo("Quelle question nouvelle pour la réinsertion ?");
        assertThat(c.proposalStem()).isNull();
        assertThat(c.refusalReasons()).containsExactlyInAnyOrder(RefusalReason.RUDE, RefusalReason.OFF_TOPIC);
        assertThat(c.themes()).extracting(Consultations.Theme::label).containsExactly("Emploi", "Santé");

        assertRefused(() -> consultations.close(id), "consultation.transition.refused");
        consultations.publish(id);
        assertThat(consultations.lookup(slug)).get().extracting(Consultations.PublicRef::status)
                .isEqualTo(ConsultationStatus.OPEN);
        assertRefused(() -> consultations.update(id, new Consultations.Settings("autre-" + slug, s.question(),
                "", null, null, null, "", EnumSet.allOf(RefusalReason.class), false, List.of(), s.profileQuestions())),
                "consultation.slug.frozen");
        assertRefused(() -> consultations.publishResults(id), "consultation.transition.refused");
        consultations.close(id);
        consultations.publishResults(id);
        assertThat(consultations.get(id).status()).isEqualTo(ConsultationStatus.RESULTS_PUBLISHED);
        assertThat(OwnerSql.of(server).sql("select action from audit_event where object_id = ? order by seq")
                .param(id.toString()).query(String.class).list())
                // Closing and publishing the results each run the analysis (here without votes: it fails, nothing is done).
                .containsExactly("consultation.created", "consultation.updated", "consultation.published",
                        "consultation.closed", "consultation.analysis.requested", "consultation.analysis.requested",
                        "consultation.resultsPublished");
    }

    @Test
    void badSettingsAreRefusedWithAClearMessageAndChangeNothing() {
        SignedIn.as(users, "organisateur");
        Consultations.Settings ok = ConsultationFixture.settings(ConsultationFixture.uniqueSlug("bad"));
        assertField(() -> consultations.create(with(ok, "Pas Bon!", ok.question(), ok.startsOn(), ok.endsOn(),
                ok.refusalReasons())), "slug", "consultation.slug.invalid");
        assertField(() -> consultations.create(with(ok, ok.slug(), "Court", ok.startsOn(), ok.endsOn(),
                ok.refusalReasons())), "question", "consultation.question.required");
        assertField(() -> consultations.create(with(ok, ok.slug(), ok.question(), LocalDate.now(TestDates.PARIS),
                LocalDate.now(TestDates.PARIS).minusDays(1), ok.refusalReasons())), "endsOn", "consultation.dates.order");
        assertField(() -> consultations.create(with(ok, ok.slug(), ok.question(), ok.startsOn(), ok.endsOn(),
                Set.of())), "refusalReasons", "consultation.reasons.required");
        assertThat(consultations.list()).extracting(Consultations.Summary::slug).doesNotContain(ok.slug());
        consultations.create(ok);
        assertField(() -> consultations.create(ok), "slug", "consultation.slug.taken");
    }

    @Test
    void onlyOrganisersManageConsultations() {
        SignedIn.as(users, "moderatrice");
        assertThatThrownBy(() -> consultations.create(ConsultationFixture.settings(ConsultationFixture.uniqueSlug("x"))))
                .isInstanceOf(AccessDeniedException.class);
        SignedIn.as(users, "intervenant");
        assertThatThrownBy(() -> consultations.list()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void proposalsAreValidatedThenWaitForModeration() {
        ConsultationFixture.Made made = ConsultationFixture.published(users, consultations, participants, proposals, 0);
        ConsultationFixture.as(made, () -> {
            Consultations.Consultation c = consultations.forPublic(consultations.lookup(made.slug()).orElseThrow());
            UUID author = participants.generated(c.id(), null, null).id();
            assertField(() -> proposals.propose(c, author, new Proposals.Submission("Il faut", "a@exemple.org", true)),
                    "text", "consultation.proposal.length");
            assertField(() -> proposals.propose(c, author, new Proposals.Submission("Il faut " + "x".repeat(140),
                    "a@exemple.org", true)), "text", "consultation.proposal.length");
            assertField(() -> proposals.propose(c, author, new Proposals.Submission("Ouvrir des maisons de sortie",
                    "a@exemple.org", true)), "text", "consultation.proposal.stem");
            assertField(() -> proposals.propose(c, author, new Proposals.Submission("Il faut ouvrir des maisons de sortie",
                    "pas-une-adresse", true)), "email", "consultation.proposal.email");
            assertField(() -> proposals.propose(c, author, new Proposals.Submission("Il faut ouvrir des maisons de sortie",
                    "a@exemple.org", false)), "charterAccepted", "consultation.proposal.charter");
            assertThat(proposals.ofParticipant(author)).isEmpty();
            UUID id = proposals.propose(c, author, new Proposals.Submission("  Il faut   ouvrir des maisons de sortie ",
                    "a@exemple.org", true));
            List<Proposals.Proposal> mine = proposals.ofParticipant(author);
            assertThat(mine).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(id);
                assertThat(p.text()).isEqualTo("Il faut ouvrir des maisons de sortie");
                assertThat(p.status()).isEqualTo(ProposalStatus.PENDING);
            });
            assertThat(Proposals.keywords("Il faut ouvrir des maisons de sortie", "Il faut"))
                    .containsExactly("ouvrir", "maisons", "sortie");
            return null;
        });
    }

    @Test
    void aConsultationThatRequiresThemesAcceptsOnlyTaggedProposals() {
        SignedIn.as(users, "organisateur");
        Consultations.Settings s = ConsultationFixture.settings(ConsultationFixture.uniqueSlug("themes"));
        UUID id = consultations.create(new Consultations.Settings(s.slug(), s.question(), s.description(),
                s.proposalStem(), s.startsOn(), s.endsOn(), s.charter(), s.refusalReasons(), true, s.themes(),
                s.profileQuestions()));
        consultations.publish(id);
        Consultations.Consultation c = consultations.get(id);
        UUID author = participants.generated(id, null, null).id();
        UUID proposal = proposals.propose(c, author, new Proposals.Submission("Il faut un thème pour cette idée",
                "a@exemple.org", true));
        SignedIn.as(users, "moderatrice");
        assertRefused(() -> proposals.accept(proposal), "moderation.theme.required");
        OwnerSql.of(server).sql("""
                insert into consultation_proposal_theme (organisation_id, proposal_id, theme_id)
                select organisation_id, ?, id from consultation_theme where consultation_id = ? limit 1""")
                .param(proposal).param(id).update();
        proposals.accept(proposal);
        assertThat(proposals.ofParticipant(author)).singleElement()
                .extracting(Proposals.Proposal::status).isEqualTo(ProposalStatus.ACCEPTED);
        assertRefused(() -> proposals.accept(proposal), "consultation.proposal.notPending");
    }

    private static Consultations.Settings with(Consultations.Settings s, String slug, String question, LocalDate from,
            LocalDate to, Set<RefusalReason> reasons) {
        return new Consultations.Settings(slug, question, s.description(), s.proposalStem(), from, to, s.charter(),
                reasons, s.themesRequired(), s.themes(), s.profileQuestions());
    }

    private static void assertField(Runnable action, String field, String key) {
        assertThatThrownBy(action::run).isInstanceOf(FieldRefusal.class)
                .satisfies(e -> {
                    assertThat(((FieldRefusal) e).field()).isEqualTo(field);
                    assertThat(((FieldRefusal) e).messageKey()).isEqualTo(key);
                });
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo(key);
    }
}
