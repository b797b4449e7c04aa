package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The vote path on the real database: exact counters, trust, qualifications, concurrency, merging. */
@PasserelleIntegrationTest
class VotesTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Votes votes;
    @Autowired ProposalKeys keys;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgresServer server;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;

    @BeforeEach
    void givenAPublishedConsultationWithThreeAcceptedProposals() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 3);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void parallelDoubleVotesOfOneParticipantCountOnce() throws Exception {
        UUID voter = newParticipant();
        UUID proposal = made.proposals().get(0);
        List<Votes.Recorded> results = parallel(24, i -> cast(voter, proposal, VoteKey.AGREE, null, true));
        assertThat(results).hasSize(24).allSatisfy(r -> assertThat(r.key()).isEqualTo(VoteKey.AGREE));
        assertThat(counter(proposal, "ALL")).containsEntry("agree", 1L).containsEntry("disagree", 0L);
        assertThat(counter(proposal, "VERIFIED")).containsEntry("agree", 1L);
        assertThat(counter(proposal, "SEQUENCE")).containsEntry("agree", 1L);
        assertThat(storedVotes(proposal)).isEqualTo(1);
    }

    @Test
    void parallelChangingVotesLeaveCountersMatchingTheStoredVote() throws Exception {
        UUID proposal = made.proposals().get(1);
        List<UUID> voters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            voters.add(newParticipant());
        }
        VoteKey[] keys = VoteKey.values();
        parallel(48, i -> cast(voters.get(i % 4), proposal, keys[i % 3],
                i % 3 == 0 ? EnumSet.of(Qualification.LIKE_IT) : null, i % 2 == 0));
        assertCountersMatchTheVotes(proposal);
        assertThat(total(counter(proposal, "ALL"))).isEqualTo(4);
    }

    @Test
    void manyParticipantsVotingAtOnceAreCommittedTogetherWithExactCounters() throws Exception {
        List<UUID> voters = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            voters.add(newParticipant());
        }
        VoteKey[] keys = VoteKey.values();
        // 180 votes at once (the writer batches them), some changed right after by the same voter.
        parallel(240, i -> {
            int vote = i % 180;
            return cast(voters.get(vote / 3), made.proposals().get(vote % 3), keys[(i / 180 + vote) % 3],
                    keys[(i / 180 + vote) % 3] == VoteKey.AGREE ? EnumSet.of(Qualification.LIKE_IT) : null, vote % 5 != 0);
        });
        for (UUID proposal : made.proposals()) {
            assertCountersMatchTheVotes(proposal);
            assertThat(total(counter(proposal, "ALL"))).isEqualTo(60);
            assertThat(storedVotes(proposal)).isEqualTo(60);
        }
    }

    @Test
    void aChangedVoteMovesTheCountsFromTheOldKeyToTheNew() {
        UUID voter = newParticipant();
        UUID proposal = made.proposals().get(0);
        cast(voter, proposal, VoteKey.AGREE, EnumSet.of(Qualification.LIKE_IT, Qualification.DOABLE), true);
        assertThat(counter(proposal, "SEQUENCE")).containsEntry("agree", 1L).containsEntry("like_it", 1L)
                .containsEntry("doable", 1L);
        Votes.Recorded changed = cast(voter, proposal, VoteKey.DISAGREE, null, true);
        assertThat(changed.qualifications()).isEmpty();
        assertThat(counter(proposal, "SEQUENCE")).containsEntry("agree", 0L).containsEntry("disagree", 1L)
                .containsEntry("like_it", 0L).containsEntry("doable", 0L);
        assertThat(counter(proposal, "ALL")).containsEntry("agree", 0L).containsEntry("disagree", 1L);
        assertCountersMatchTheVotes(proposal);
    }

    @Test
    void aVoteWithoutAValidKeyIsStoredButCountedOnlyInAll() {
        UUID voter = newParticipant();
        UUID proposal = made.proposals().get(2);
        Votes.Recorded recorded = ConsultationFixture.as(made, () -> votes.cast(new Votes.Ballot(made.id(), voter, proposal,
                VoteKey.AGREE, null, ProposalKeys.Location.SEQUENCE, "forged-key")));
        assertThat(recorded.trusted()).isFalse();
        // A key signed for another participant is not valid either.
        UUID other = newParticipant();
        ConsultationFixture.as(made, () -> votes.cast(new Votes.Ballot(made.id(), other, proposal, VoteKey.AGREE, null,
                ProposalKeys.Location.SEQUENCE, keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE))));
        assertThat(counter(proposal, "ALL")).containsEntry("agree", 2L);
        assertThat(counter(proposal, "VERIFIED")).isEmpty();
        assertThat(counter(proposal, "SEQUENCE")).isEmpty();
        // Shown elsewhere than in a sequence: verified, not sequence.
        UUID third = newParticipant();
        ConsultationFixture.as(made, () -> votes.cast(new Votes.Ballot(made.id(), third, proposal, VoteKey.NEUTRAL, null,
                ProposalKeys.Location.PROPOSAL, keys.sign(proposal, third, ProposalKeys.Location.PROPOSAL))));
        assertThat(counter(proposal, "VERIFIED")).containsEntry("neutral", 1L);
        assertThat(counter(proposal, "SEQUENCE")).isEmpty();
    }

    @Test
    void votersOfTheProposalsSegmentCountInTheSegmentCounter() {
        Consultations.Consultation c = ConsultationFixture.as(made, () -> consultations.forPublic(
                consultations.lookup(made.slug()).orElseThrow()));
        UUID professional = newParticipant();
        ConsultationFixture.as(made, () -> {
            participants.saveProfile(c, professional, Map.of(Consultations.PROFESSIONAL_QUESTION, "YES"), false, null);
            return null;
        });
        UUID citizen = newParticipant();
        ConsultationFixture.as(made, () -> {
            participants.saveProfile(c, citizen, Map.of(Consultations.PROFESSIONAL_QUESTION, "NO"), false, null);
            return null;
        });
        // A proposal by a professional.
        SignedIn.as(users, "moderatrice");
        UUID proposal = proposals.propose(c, professional, new Proposals.Submission(
                "Il faut former les employeurs à l’accueil", "pro@exemple.org", true));
        proposals.accept(proposal);
        SecurityContextHolder.clearContext();
        cast(professional, proposal, VoteKey.AGREE, null, true);
        cast(citizen, proposal, VoteKey.AGREE, null, true);
        assertThat(counter(proposal, "SEGMENT")).containsEntry("agree", 1L);
        assertThat(counter(proposal, "VERIFIED")).containsEntry("agree", 2L);
    }

    @Test
    void qualificationsGoOnlyUnderTheirKey() {
        UUID voter = newParticipant();
        UUID proposal = made.proposals().get(0);
        assertRefused(() -> ConsultationFixture.as(made, () -> votes.qualify(made.id(), voter, proposal,
                Qualification.LIKE_IT, true)), "consultation.vote.qualification.noVote");
        assertRefused(() -> cast(voter, proposal, VoteKey.AGREE, EnumSet.of(Qualification.NO_WAY), true),
                "consultation.vote.qualification.wrongKey");
        assertThat(storedVotes(proposal)).isZero();
        cast(voter, proposal, VoteKey.DISAGREE, null, true);
        assertRefused(() -> ConsultationFixture.as(made, () -> votes.qualify(made.id(), voter, proposal,
                Qualification.DOABLE, true)), "consultation.vote.qualification.wrongKey");
        Votes.Recorded qualified = ConsultationFixture.as(made, () -> votes.qualify(made.id(), voter, proposal,
                Qualification.IMPOSSIBLE, null));
        assertThat(qualified.qualifications()).containsExactly(Qualification.IMPOSSIBLE);
        assertThat(qualified.trusted()).isTrue();
        assertThat(counter(proposal, "SEQUENCE")).containsEntry("impossible", 1L).containsEntry("disagree", 1L);
        // Toggling it again removes it; re-casting the same key keeps the others.
        ConsultationFixture.as(made, () -> votes.qualify(made.id(), voter, proposal, Qualification.NO_WAY, true));
        ConsultationFixture.as(made, () -> votes.qualify(made.id(), voter, proposal, Qualification.IMPOSSIBLE, null));
        Votes.Recorded again = cast(voter, proposal, VoteKey.DISAGREE, null, true);
        assertThat(again.qualifications()).containsExactly(Qualification.NO_WAY);
        assertThat(counter(proposal, "ALL")).containsEntry("impossible", 0L).containsEntry("no_way", 1L);
        assertCountersMatchTheVotes(proposal);
    }

    @Test
    void votesAreRefusedOnPendingProposalsAndClosedConsultations() {
        UUID voter = newParticipant();
        Consultations.Consultation c = ConsultationFixture.as(made, () -> consultations.forPublic(
                consultations.lookup(made.slug()).orElseThrow()));
        UUID pending = ConsultationFixture.as(made, () -> proposals.propose(c, voter,
                new Proposals.Submission("Il faut une idée encore en attente", "a@exemple.org", true)));
        assertRefused(() -> cast(voter, pending, VoteKey.AGREE, null, true), "consultation.vote.unknownProposal");
        SignedIn.as(users, "organisateur");
        consultations.close(made.id());
        SecurityContextHolder.clearContext();
        assertRefused(() -> cast(voter, made.proposals().get(0), VoteKey.AGREE, null, true), "consultation.vote.closed");
        assertThat(storedVotes(made.proposals().get(0))).isZero();
    }

    @Test
    void anAccountsFirstRequestsAtOnceMakeOneParticipant() throws Exception {
        UUID user = ((PasserelleUser) users.loadUserByUsername("participant")).userId();
        List<UUID> ids = parallel(8, i -> ConsultationFixture.as(made, () -> participants.generated(made.id(), null, user).id()));
        assertThat(new java.util.HashSet<>(ids)).hasSize(1);
    }

    @Test
    void anAnonymousParticipantWhoSignsInKeepsTheirVotesWithoutDoubleCounting() {
        PasserelleUser account = (PasserelleUser) users.loadUserByUsername("participant");
        UUID accountParticipant = ConsultationFixture.as(made, () -> participants.generated(made.id(), null,
                account.userId()).id());
        UUID p0 = made.proposals().get(0);
        UUID p1 = made.proposals().get(1);
        cast(accountParticipant, p1, VoteKey.DISAGREE, null, true);
        UUID anonymous = newParticipant();
        cast(anonymous, p0, VoteKey.AGREE, null, true);
        cast(anonymous, p1, VoteKey.AGREE, null, true);
        Participants.Participant merged = ConsultationFixture.as(made, () -> participants.generated(made.id(), anonymous,
                account.userId()));
        assertThat(merged.id()).isEqualTo(accountParticipant);
        Map<UUID, Votes.Recorded> mine = ConsultationFixture.as(made, () -> votes.of(accountParticipant));
        assertThat(mine).containsOnlyKeys(p0, p1);
        assertThat(mine.get(p0).key()).isEqualTo(VoteKey.AGREE);
        assertThat(mine.get(p1).key()).isEqualTo(VoteKey.DISAGREE);
        assertThat(total(counter(p1, "ALL"))).isEqualTo(1);
        assertThat(counter(p1, "ALL")).containsEntry("disagree", 1L).containsEntry("agree", 0L);
        assertThat(total(counter(p0, "ALL"))).isEqualTo(1);
        assertCountersMatchTheVotes(p0);
        assertCountersMatchTheVotes(p1);
        // The old cookie no longer votes as the merged participant.
        assertRefused(() -> cast(anonymous, p0, VoteKey.NEUTRAL, null, true), "consultation.vote.unknownProposal");
    }

    @Test
    void anotherOrganisationSeesNoneOfTheConsultationsRows() {
        UUID voter = newParticipant();
        cast(voter, made.proposals().get(0), VoteKey.AGREE, null, true);
        PasserelleUser foreign = (PasserelleUser) users.loadUserByUsername("admin.asso");
        for (String table : List.of("consultation", "consultation_participant", "consultation_proposal",
                "consultation_vote", "consultation_proposal_counter", "consultation_theme",
                "consultation_profile_question")) {
            long seen = fr.passerelle.shared.TenantContext.callAs(foreign.organisationId(), () ->
                    tx.execute(s -> jdbc.sql("select count(*) from " + table).query(Long.class).single()));
            assertThat(seen).as(table).isZero();
        }
        assertThat(OwnerSql.of(server).sql("select count(*) from consultation_vote where consultation_id = ?")
                .param(made.id()).query(Long.class).single()).isEqualTo(1);
        SignedIn.as(users, "admin.asso");
        assertThatThrownBy(() -> consultations.get(made.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    private UUID newParticipant() {
        return ConsultationFixture.as(made, () -> participants.generated(made.id(), null, null).id());
    }

    private Votes.Recorded cast(UUID voter, UUID proposal, VoteKey key, Set<Qualification> qualifications,
            boolean validKey) {
        return ConsultationFixture.as(made, () -> votes.cast(new Votes.Ballot(made.id(), voter, proposal, key,
                qualifications, ProposalKeys.Location.SEQUENCE,
                validKey ? keys.sign(proposal, voter, ProposalKeys.Location.SEQUENCE) : "x")));
    }

    private Map<String, Long> counter(UUID proposal, String kind) {
        return OwnerSql.of(server).sql("select * from consultation_proposal_counter where proposal_id = ? and kind = ?")
                .param(proposal).param(kind)
                .query(rs -> {
                    Map<String, Long> values = new java.util.HashMap<>();
                    if (rs.next()) {
                        for (String c : List.of("agree", "disagree", "neutral", "like_it", "doable", "platitude_agree",
                                "no_way", "impossible", "platitude_disagree", "do_not_understand", "no_opinion",
                                "do_not_care")) {
                            values.put(c, rs.getLong(c));
                        }
                    }
                    return values;
                });
    }

    private static long total(Map<String, Long> c) {
        return c.get("agree") + c.get("disagree") + c.get("neutral");
    }

    private long storedVotes(UUID proposal) {
        return OwnerSql.of(server).sql("select count(*) from consultation_vote where proposal_id = ?").param(proposal)
                .query(Long.class).single();
    }

    /** Every counter equals the count recomputed from the votes table. */
    private void assertCountersMatchTheVotes(UUID proposal) {
        JdbcClient owner = OwnerSql.of(server);
        for (String kind : List.of("ALL", "VERIFIED", "SEQUENCE", "SEGMENT")) {
            String filter = switch (kind) {
                case "ALL" -> "true";
                case "VERIFIED" -> "trust = 'TRUSTED'";
                case "SEQUENCE" -> "trust = 'TRUSTED' and from_sequence";
                default -> "trust = 'TRUSTED' and in_segment";
            };
            Map<String, Long> expected = owner.sql("""
                    select count(*) filter (where key = 'AGREE') agree, count(*) filter (where key = 'DISAGREE') disagree,
                           count(*) filter (where key = 'NEUTRAL') neutral,
                           count(*) filter (where 'LIKE_IT' = any(qualifications)) like_it
                    from consultation_vote where proposal_id = ? and\s""" + filter)
                    .param(proposal)
                    .query(rs -> {
                        rs.next();
                        return Map.of("agree", rs.getLong(1), "disagree", rs.getLong(2), "neutral", rs.getLong(3),
                                "like_it", rs.getLong(4));
                    });
            Map<String, Long> actual = counter(proposal, kind);
            expected.forEach((column, value) -> assertThat(actual.getOrDefault(column, 0L)).as(kind + " " + column)
                    .isEqualTo(value));
        }
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo(key);
    }

    private static <T> List<T> parallel(int n, java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 16));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return work.apply(index);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }
}
