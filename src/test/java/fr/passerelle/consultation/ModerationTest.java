package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@PasserelleIntegrationTest
class ModerationTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Moderation moderation;
    @Autowired Sequences sequences;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;
    PasserelleUser moderator;
    PasserelleUser secondModerator;

    @BeforeEach
    void givenAConsultationWithAcceptedProposalsAndTwoModerators() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 2);
        moderator = (PasserelleUser) users.loadUserByUsername("moderatrice");
        // A second moderator of the same public body (lock holders are user ids).
        secondModerator = new PasserelleUser(UUID.randomUUID(), moderator.organisationId(), moderator.organisationKind(),
                "moderateur2", "Second modérateur", "x", true, false, false, moderator.roles(), moderator.permissions(),
                moderator.securityStamp());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void twoModeratorsRacingForTheSameProposalNeverBothHoldIt() throws Exception {
        UUID pending = propose("Il faut une idée disputée par deux modérateurs", "a@exemple.org");
        for (int round = 0; round < 5; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Moderation.Item> first = pool.submit(() -> as(moderator, () -> {
                    start.await();
                    return moderation.open(pending);
                }));
                Future<Moderation.Item> second = pool.submit(() -> as(secondModerator, () -> {
                    start.await();
                    return moderation.open(pending);
                }));
                Moderation.Item a = first.get();
                Moderation.Item b = second.get();
                assertThat(a.lockedByMe() ^ b.lockedByMe()).as("exactly one moderator holds the lock").isTrue();
                assertThat(a.lockedByOther()).isEqualTo(b.lockedByMe());
                // The loser cannot decide it.
                PasserelleUser loser = a.lockedByMe() ? secondModerator : moderator;
                assertThatThrownBy(() -> as(loser, () -> {
                    moderation.accept(pending);
                    return null;
                })).isInstanceOf(BusinessException.class).hasMessageContaining("moderation.lockedByOther");
            } finally {
                pool.shutdown();
            }
            release(pending);
        }
    }

    @Test
    void anAcceptedProposalIsInTheVeryNextSequence() throws Exception {
        UUID voter = ConsultationFixture.as(made, () -> participants.generated(made.id(), null, null).id());
        // The snapshot of the accepted proposals is now taken (and would serve for 3 s).
        assertThat(ConsultationFixture.as(made, () -> sequences.next(made.id(), voter))).hasSize(2);
        UUID pending = propose("Il faut une idée acceptée à l’instant", "d@exemple.org");
        as(moderator, () -> {
            moderation.accept(pending);
            return null;
        });
        assertThat(ConsultationFixture.as(made, () -> sequences.next(made.id(), voter))).hasSize(3).contains(pending);
    }

    @Test
    void twoModeratorsTakingTheNextProposalAtOnceGetDifferentOnes() throws Exception {
        propose("Il faut une première idée en attente", "b@exemple.org");
        propose("Il faut une deuxième idée en attente", "c@exemple.org");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UUID> a = pool.submit(() -> as(moderator, () -> {
                start.await();
                return moderation.next(made.id()).orElseThrow();
            }));
            Future<UUID> b = pool.submit(() -> as(secondModerator, () -> {
                start.await();
                return moderation.next(made.id()).orElseThrow();
            }));
            assertThat(a.get()).isNotEqualTo(b.get());
        } finally {
            pool.shutdown();
        }
        // Both held: a third request finds nothing free.
        assertThat(as(moderator, () -> moderation.next(made.id()))).isPresent(); // its own is offered again
    }

    @Test
    void aRefusalWithAReasonQueuesTheAuthorsMailWithTheReasonAndIsAudited() throws Exception {
        UUID pending = propose("Il faut voter pour le parti de mon choix", "auteur.refuse@exemple.org");
        as(moderator, () -> {
            moderation.open(pending);
            moderation.refuse(pending, RefusalReason.PARTISAN);
            return null;
        });
        Map<String, Object> mail = owner().sql(
                "select recipient, subject, body, kind from mail_outbox where dedup_key = ?").param("refusal:" + pending)
                .query().singleRow();
        assertThat(mail.get("recipient")).isEqualTo("auteur.refuse@exemple.org");
        assertThat(mail.get("kind")).isEqualTo("CONSULTATION_REFUSAL");
        assertThat((String) mail.get("body")).contains("Il faut voter pour le parti de mon choix").contains("Partisane")
                .contains("/c/" + made.slug() + "/propose");
        assertThat(status(pending)).isEqualTo("REFUSED");
        assertThat(owner().sql(
                "select count(*) from audit_event where action = 'consultation.proposal.refused' and object_id = ?")
                .param(pending.toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anAcceptanceQueuesOneMailToTheAuthorWithTheConsultationsLink() throws Exception {
        UUID pending = propose("Il faut un référent logement par sortant", "auteur.accepte@exemple.org");
        as(moderator, () -> {
            moderation.open(pending);
            moderation.accept(pending);
            return null;
        });
        Map<String, Object> mail = owner().sql(
                "select recipient, subject, body, kind from mail_outbox where dedup_key = ?").param("acceptance:" + pending)
                .query().singleRow();
        assertThat(mail.get("recipient")).isEqualTo("auteur.accepte@exemple.org");
        assertThat(mail.get("kind")).isEqualTo("CONSULTATION_ACCEPTANCE");
        assertThat((String) mail.get("subject")).contains("Comment mieux accompagner la réinsertion ?");
        assertThat((String) mail.get("body")).contains("Il faut un référent logement par sortant").contains("publiée")
                .contains("/c/" + made.slug() + "\n").doesNotContain("/propose");
        // Deciding it again is refused and mails nothing more.
        assertThatThrownBy(() -> as(moderator, () -> {
            moderation.accept(pending);
            return null;
        })).isInstanceOf(BusinessException.class).hasMessageContaining("consultation.proposal.notPending");
        assertThat(mails("acceptance:" + pending)).isEqualTo(1);
    }

    @Test
    void theAuthorIsMailedInTheLanguageTheyProposedIn() throws Exception {
        UUID english = ConsultationFixture.as(made, () -> proposals.propose(forPublic(),
                participants.generated(made.id(), null, null).id(), new Proposals.Submission(
                        "Il faut voter pour the party of my choice", "author@example.org", true, java.util.Locale.UK)));
        UUID french = ConsultationFixture.as(made, () -> proposals.propose(forPublic(),
                participants.generated(made.id(), null, null).id(), new Proposals.Submission(
                        "Il faut voter pour le parti de ma voisine", "autrice@exemple.org", true, java.util.Locale.FRANCE)));
        UUID englishAccepted = ConsultationFixture.as(made, () -> proposals.propose(forPublic(),
                participants.generated(made.id(), null, null).id(), new Proposals.Submission(
                        "Il faut a housing officer per prison", "officer@example.org", true, java.util.Locale.ENGLISH)));
        as(moderator, () -> {
            moderation.refuse(english, RefusalReason.PARTISAN);
            moderation.refuse(french, RefusalReason.PARTISAN);
            moderation.accept(englishAccepted);
            return null;
        });
        Map<String, Object> toEnglish = mail("refusal:" + english);
        assertThat((String) toEnglish.get("subject")).isEqualTo(
                "Your proposal to the consultation “Comment mieux accompagner la réinsertion ?”");
        assertThat((String) toEnglish.get("body")).startsWith("Hello,").contains("Reason: Partisan.")
                .containsPattern("This link works once, until [A-Z][a-z]+ \\d{1,2}, \\d{4}, while the consultation is open.")
                .doesNotContain("Bonjour", "Partisane");
        Map<String, Object> toFrench = mail("refusal:" + french);
        assertThat((String) toFrench.get("subject")).isEqualTo(
                "Votre proposition à la consultation « Comment mieux accompagner la réinsertion ? »");
        assertThat((String) toFrench.get("body")).startsWith("Bonjour,").contains("Motif : Partisane.")
                .containsPattern("Ce lien sert une seule fois, jusqu’au \\d{1,2} [a-zéû]+ \\d{4}, tant que")
                .doesNotContain("Hello");
        Map<String, Object> accepted = mail("acceptance:" + englishAccepted);
        assertThat((String) accepted.get("subject")).startsWith("Your proposal is published");
        assertThat((String) accepted.get("body")).contains("was accepted by the moderation team").doesNotContain("Bonjour");
        assertThat(owner().sql("select author_language from consultation_proposal where id in (?, ?, ?) order by author_email")
                .params(english, french, englishAccepted).query(String.class).list()).containsExactly("en", "fr", "en");
    }

    @Test
    void noAcceptanceMailWithoutAnAddressNorForTheProposalsThePlatformAccepts() throws Exception {
        UUID pending = propose("Il faut une idée dont l’adresse a été effacée", "efface@exemple.org");
        owner().sql("update consultation_proposal set author_email = '' where id = ?").param(pending).update();
        as(moderator, () -> {
            moderation.accept(pending);
            return null;
        });
        assertThat(status(pending)).isEqualTo("ACCEPTED");
        assertThat(mails("acceptance:" + pending)).isZero();
        // Demo data and replays accept through Proposals.accept: the same rules and audit, no mail.
        assertThat(mails("acceptance:" + made.proposals().get(0))).isZero();
        assertThat(owner().sql(
                "select count(*) from audit_event where action = 'consultation.proposal.accepted' and object_id = ?")
                .param(made.proposals().get(0).toString()).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aProposalAcceptedByThePlatformStaysWithTheModeratorWhoHoldsIt() throws Exception {
        UUID held = propose("Il faut une idée qu’une modératrice est en train de lire", "tenue@exemple.org");
        as(moderator, () -> moderation.open(held));
        assertThatThrownBy(() -> as(secondModerator, () -> {
            proposals.accept(held);
            return null;
        })).isInstanceOf(BusinessException.class).hasMessageContaining("moderation.lockedByOther");
        assertThat(status(held)).isEqualTo("PENDING");
    }

    @Test
    void aReasonOutsideTheCharterOrNoReasonIsRefusedAndChangesNothing() throws Exception {
        UUID pending = propose("Il faut une idée sans motif de refus", "d@exemple.org");
        assertThatThrownBy(() -> as(moderator, () -> {
            moderation.refuse(pending, null);
            return null;
        })).isInstanceOf(BusinessException.class).hasMessageContaining("moderation.reason.required");
        assertThat(status(pending)).isEqualTo("PENDING");
    }

    @Test
    void bulkActionsSkipProposalsLockedByAnotherModerator() throws Exception {
        UUID one = propose("Il faut une idée à accepter en bloc", "e@exemple.org");
        UUID two = propose("Il faut une autre idée à accepter en bloc", "f@exemple.org");
        UUID held = propose("Il faut une idée tenue par quelqu’un d’autre", "g@exemple.org");
        as(secondModerator, () -> moderation.open(held));
        Moderation.BulkResult result = as(moderator, () -> moderation.bulk(made.id(), List.of(one, two, held),
                Moderation.Decision.ACCEPT, null));
        assertThat(result.decided()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(status(one)).isEqualTo("ACCEPTED");
        assertThat(status(held)).isEqualTo("PENDING");
        // Each accepted author is mailed once; the skipped one is not.
        assertThat(mails("acceptance:" + one)).isEqualTo(1);
        assertThat(mails("acceptance:" + two)).isEqualTo(1);
        assertThat(mails("acceptance:" + held)).isZero();
        assertThat(owner().sql("select recipient from mail_outbox where dedup_key = ?").param("acceptance:" + two)
                .query(String.class).single()).isEqualTo("f@exemple.org");
    }

    @Test
    void similarAcceptedProposalsAreHintedAndThemesAreSet() throws Exception {
        UUID pending = propose("Il faut une idée numéro 1 pour la réinsertion !", "h@exemple.org");
        List<Moderation.Hint> hints = as(moderator, () -> moderation.hints(pending));
        assertThat(hints).isNotEmpty();
        assertThat(hints.get(0).text()).startsWith("Il faut une idée numéro");
        Consultations.Consultation c = ConsultationFixture.as(made, () -> {
            SignedIn.as(users, "organisateur");
            return consultations.get(made.id());
        });
        UUID theme = c.themes().get(0).id();
        as(moderator, () -> {
            moderation.tag(pending, List.of(theme));
            return null;
        });
        assertThat(as(moderator, () -> moderation.get(pending)).themeIds()).containsExactly(theme);
        assertThatThrownBy(() -> as(moderator, () -> {
            moderation.tag(pending, List.of(UUID.randomUUID()));
            return null;
        })).isInstanceOf(BusinessException.class);
    }

    private UUID propose(String text, String email) {
        return ResultsFixture.pending(made, text, email, consultations, participants, proposals);
    }

    private Map<String, Object> mail(String dedupKey) {
        return owner().sql("select subject, body from mail_outbox where dedup_key = ?").param(dedupKey).query().singleRow();
    }

    private Consultations.Consultation forPublic() {
        return consultations.forPublic(
                new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.OPEN));
    }

    private long mails(String dedupKey) {
        return owner().sql("select count(*) from mail_outbox where dedup_key = ?").param(dedupKey).query(Long.class).single();
    }

    private String status(UUID proposal) {
        return owner().sql("select status from consultation_proposal where id = ?")
                .param(proposal).query(String.class).single();
    }

    private void release(UUID proposal) {
        owner().sql("update consultation_proposal set lock_holder = null, lock_expires_at = null where id = ?")
                .param(proposal).update();
    }

    private JdbcClient owner() {
        return OwnerSql.of(server);
    }

    private static <T> T as(PasserelleUser user, java.util.concurrent.Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
