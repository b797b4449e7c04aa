package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Rephrasing a refused proposal: only its author (the participant of the cookie, or whoever holds
 * the signed link of the refusal mail), once, under the rules of a proposal; anything else is
 * refused with a message and changes nothing.
 */
@PasserelleIntegrationTest
class RephraseTest {

    private static final Pattern LINK = Pattern.compile("/c/([a-z0-9-]+)/propose\\?rephrase=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Moderation moderation;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;
    Consultations.Consultation consultation;
    UUID author;
    UUID refused;

    @BeforeEach
    void givenARefusedProposal() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 1);
        consultation = forPublic(made);
        author = as(() -> participants.generated(made.id(), null, null).id());
        refused = as(() -> proposals.propose(consultation, author,
                new Proposals.Submission("Il faut voter pour mon parti aux élections", "autrice@exemple.org", true)));
        refuse(refused, RefusalReason.PARTISAN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theMailsLinkLetsTheAuthorRephraseFromAnotherDeviceAsANewPendingProposalOfTheirs() {
        String token = tokenFromTheMail(refused);
        UUID otherDevice = as(() -> participants.generated(made.id(), null, null).id());

        Proposals.Rephrasing form = as(() -> proposals.toRephrase(consultation, refused, null, token));
        assertThat(form.text()).isEqualTo("Il faut voter pour mon parti aux élections");
        assertThat(form.email()).isEqualTo("autrice@exemple.org");
        assertThat(form.reason()).isEqualTo(RefusalReason.PARTISAN);

        UUID rephrased = as(() -> proposals.rephrase(consultation, refused, otherDevice, token,
                new Proposals.Submission("Il faut   associer tous les élus au suivi des sortants", "autrice@exemple.org",
                        true)));
        // The author's own proposal (not the other device's participant), pending, pointing to the refused one.
        List<Proposals.Proposal> mine = as(() -> proposals.ofParticipant(author));
        assertThat(mine).extracting(Proposals.Proposal::id).containsExactly(rephrased, refused);
        assertThat(mine.get(0).text()).isEqualTo("Il faut associer tous les élus au suivi des sortants");
        assertThat(mine.get(0).status()).isEqualTo(ProposalStatus.PENDING);
        assertThat(mine.get(0).rephrases()).isEqualTo(refused);
        assertThat(mine.get(1).rephrased()).isTrue();
        assertThat(as(() -> proposals.ofParticipant(otherDevice))).isEmpty();
        assertThat(owner().sql("select count(*) from audit_event where action = 'consultation.proposal.rephrased' and object_id = ?")
                .param(rephrased.toString()).query(Long.class).single()).isEqualTo(1L);
        // The moderator sees the refused version.
        SignedIn.as(users, "moderatrice");
        assertThat(moderation.get(rephrased).rephrases()).isEqualTo(refused);
    }

    @Test
    void theAuthorsOwnParticipantMayRephraseWithoutTheToken() {
        assertThat(as(() -> proposals.toRephrase(consultation, refused, author, null)).text())
                .isEqualTo("Il faut voter pour mon parti aux élections");
        UUID rephrased = as(() -> proposals.rephrase(consultation, refused, author, null,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true)));
        assertThat(status(rephrased)).isEqualTo("PENDING");
    }

    @Test
    void aWrongOrMissingTokenOfAnotherParticipantIsRefusedAndChangesNothing() {
        UUID stranger = as(() -> participants.generated(made.id(), null, null).id());
        UUID otherRefused = as(() -> proposals.propose(consultation, stranger,
                new Proposals.Submission("Il faut acheter mes chaussures en promotion", "vendeur@exemple.org", true)));
        refuse(otherRefused, RefusalReason.ADVERTISING);
        String tokenOfAnother = tokenFromTheMail(otherRefused);
        long before = proposalCount();
        for (String token : new String[] {null, "", "forged", tokenOfAnother, tokenFromTheMail(refused) + "x"}) {
            assertRefused(() -> proposals.toRephrase(consultation, refused, stranger, token),
                    "consultation.rephrase.invalidLink");
            assertRefused(() -> proposals.rephrase(consultation, refused, stranger, token,
                    new Proposals.Submission("Il faut lire la proposition de quelqu’un d’autre", "x@exemple.org", true)),
                    "consultation.rephrase.invalidLink");
        }
        assertRefused(() -> proposals.toRephrase(consultation, UUID.randomUUID(), author, null),
                "consultation.rephrase.invalidLink");
        assertRefused(() -> proposals.toRephrase(consultation, null, author, null), "consultation.rephrase.invalidLink");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void aProposalOfAnotherConsultationIsRefusedEvenWithItsToken() {
        ConsultationFixture.Made other = ConsultationFixture.published(users, consultations, participants, proposals, 1);
        Consultations.Consultation otherConsultation = forPublic(other);
        String token = tokenFromTheMail(refused);
        long before = proposalCount();
        assertRefused(() -> proposals.toRephrase(otherConsultation, refused, author, token),
                "consultation.rephrase.invalidLink");
        assertRefused(() -> proposals.rephrase(otherConsultation, refused, author, token,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true)),
                "consultation.rephrase.invalidLink");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void aRephrasingFollowsTheRulesOfAProposal() {
        String token = tokenFromTheMail(refused);
        long before = proposalCount();
        assertField(() -> proposals.rephrase(consultation, refused, null, token,
                new Proposals.Submission("Il faut", "autrice@exemple.org", true)), "text", "consultation.proposal.length");
        assertField(() -> proposals.rephrase(consultation, refused, null, token,
                new Proposals.Submission("Associer les élus au suivi des sortants", "autrice@exemple.org", true)),
                "text", "consultation.proposal.stem");
        assertField(() -> proposals.rephrase(consultation, refused, null, token,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", false)),
                "charterAccepted", "consultation.proposal.charter");
        assertThat(proposalCount()).isEqualTo(before);
        // A pending proposal is not rephrased (nothing to rephrase).
        UUID pending = as(() -> proposals.propose(consultation, author,
                new Proposals.Submission("Il faut une idée encore en attente", "autrice@exemple.org", true)));
        assertRefused(() -> proposals.toRephrase(consultation, pending, author, null), "consultation.rephrase.notRefused");
    }

    @Test
    void aRefusedProposalIsRephrasedOnceAndARefusedRephrasingAgain() {
        String token = tokenFromTheMail(refused);
        UUID first = as(() -> proposals.rephrase(consultation, refused, author, token,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true)));
        long before = proposalCount();
        assertRefused(() -> proposals.toRephrase(consultation, refused, author, token), "consultation.rephrase.already");
        assertRefused(() -> proposals.rephrase(consultation, refused, author, token,
                new Proposals.Submission("Il faut une deuxième version de la même idée", "autrice@exemple.org", true)),
                "consultation.rephrase.already");
        assertThat(proposalCount()).isEqualTo(before);
        // The rephrasing, refused in turn, has a mail and a link of its own.
        refuse(first, RefusalReason.SEVERAL_IDEAS);
        UUID second = as(() -> proposals.rephrase(consultation, first, null, tokenFromTheMail(first),
                new Proposals.Submission("Il faut informer les élus du suivi des sortants", "autrice@exemple.org", true)));
        assertThat(as(() -> proposals.ofParticipant(author))).extracting(Proposals.Proposal::id)
                .containsExactly(second, first, refused);
    }

    @Test
    void theMailsLinkWorksUntilItsValidityAfterTheRefusalAndSaysUntilWhen() {
        String token = tokenFromTheMail(refused);
        java.time.Instant refusedAt = owner().sql("select moderated_at from consultation_proposal where id = ?")
                .param(refused).query(java.sql.Timestamp.class).single().toInstant();
        String until = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.FRENCH)
                .format(refusedAt.plus(java.time.Duration.ofDays(30)).atZone(java.time.ZoneId.of("Europe/Paris")));
        assertThat(mailBody(refused)).contains("Ce lien sert une seule fois, jusqu’au " + until);
        // 29 days after the refusal: still valid.
        refusedDaysAgo(29);
        assertThat(as(() -> proposals.toRephrase(consultation, refused, null, token)).text())
                .isEqualTo("Il faut voter pour mon parti aux élections");
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothingButTheAuthorsOwnDeviceMayStillRephrase() {
        String token = tokenFromTheMail(refused);
        UUID otherDevice = as(() -> participants.generated(made.id(), null, null).id());
        refusedDaysAgo(31);
        long before = proposalCount();
        assertRefused(() -> proposals.toRephrase(consultation, refused, otherDevice, token), "consultation.rephrase.expired");
        assertThatThrownBy(() -> as(() -> proposals.rephrase(consultation, refused, otherDevice, token,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true))))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("consultation.rephrase.expired");
                    assertThat(e.status()).isEqualTo(410);
                });
        assertThat(proposalCount()).isEqualTo(before);
        assertThat(owner().sql("select count(*) from audit_event where action = 'consultation.proposal.rephrased'"
                + " and details::text like ?").param("%" + refused + "%").query(Long.class).single()).isZero();
        // The participant who wrote it (cookie or account) is not holding a forwarded link.
        UUID rephrased = as(() -> proposals.rephrase(consultation, refused, author, null,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true)));
        assertThat(status(rephrased)).isEqualTo("PENDING");
    }

    @Test
    void aUsedLinkNoLongerWorks() {
        String token = tokenFromTheMail(refused);
        UUID otherDevice = as(() -> participants.generated(made.id(), null, null).id());
        as(() -> proposals.rephrase(consultation, refused, otherDevice, token,
                new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true)));
        long before = proposalCount();
        assertRefused(() -> proposals.toRephrase(consultation, refused, otherDevice, token), "consultation.rephrase.already");
        assertRefused(() -> proposals.rephrase(consultation, refused, otherDevice, token,
                new Proposals.Submission("Il faut une troisième version de la même idée", "autrice@exemple.org", true)),
                "consultation.rephrase.already");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void noLinkWorksOnceTheConsultationIsClosed() {
        String token = tokenFromTheMail(refused);
        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        SecurityContextHolder.clearContext();
        Consultations.Consultation closed = ConsultationFixture.as(made, () -> consultations.forPublic(
                new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.CLOSED)));
        assertThat(closed.open()).isFalse();
        long before = proposalCount();
        for (UUID requester : new UUID[] {null, author}) {
            assertRefused(() -> proposals.toRephrase(closed, refused, requester, token), "consultation.rephrase.closed");
            assertRefused(() -> proposals.rephrase(closed, refused, requester, token,
                    new Proposals.Submission("Il faut associer les élus au suivi des sortants", "autrice@exemple.org", true)),
                    "consultation.rephrase.closed");
        }
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void twoRephrasingsAtOnceMakeOneProposal() throws Exception {
        String token = tokenFromTheMail(refused);
        long before = proposalCount();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UUID>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String text = "Il faut associer les élus au suivi numéro " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return as(() -> proposals.rephrase(consultation, refused, author, token,
                            new Proposals.Submission(text, "autrice@exemple.org", true)));
                }));
            }
            int succeeded = 0;
            for (Future<UUID> r : results) {
                try {
                    r.get();
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BusinessException.class)
                            .hasMessageContaining("consultation.rephrase.already");
                }
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(proposalCount()).isEqualTo(before + 1);
    }

    private void refuse(UUID proposal, RefusalReason reason) {
        SignedIn.as(users, "moderatrice");
        moderation.refuse(proposal, reason);
        SecurityContextHolder.clearContext();
    }

    /** Moves the refusal of the proposal {@code days} days back (what the link's validity counts from). */
    private void refusedDaysAgo(int days) {
        owner().sql("update consultation_proposal set moderated_at = now() - make_interval(days => ?) where id = ?")
                .param(days).param(refused).update();
    }

    private String mailBody(UUID proposal) {
        return owner().sql("select body from mail_outbox where dedup_key = ?").param("refusal:" + proposal)
                .query(String.class).single();
    }

    /** The token of the rephrase link in the refusal mail of a proposal. */
    private String tokenFromTheMail(UUID proposal) {
        String body = mailBody(proposal);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("rephrase link in " + body).isTrue();
        assertThat(link.group(1)).isEqualTo(made.slug());
        assertThat(link.group(2)).isEqualTo(proposal.toString());
        return link.group(3);
    }

    private long proposalCount() {
        return owner().sql("select count(*) from consultation_proposal").query(Long.class).single();
    }

    private String status(UUID proposal) {
        return owner().sql("select status from consultation_proposal where id = ?").param(proposal)
                .query(String.class).single();
    }

    private JdbcClient owner() {
        return OwnerSql.of(server);
    }

    private <T> T as(Callable<T> work) {
        return ConsultationFixture.as(made, work);
    }

    private <T> void assertRefused(Callable<T> action, String key) {
        assertThatThrownBy(() -> as(action)).isInstanceOf(BusinessException.class).hasMessageContaining(key);
    }

    private <T> void assertField(Callable<T> action, String field, String key) {
        assertThatThrownBy(() -> as(action)).isInstanceOf(FieldRefusal.class).hasMessageContaining(key)
                .satisfies(e -> assertThat(((FieldRefusal) e).field()).isEqualTo(field));
    }

    private Consultations.Consultation forPublic(ConsultationFixture.Made m) {
        return ConsultationFixture.as(m, () -> consultations.forPublic(
                new Consultations.PublicRef(m.id(), m.organisationId(), m.slug(), ConsultationStatus.OPEN)));
    }
}
