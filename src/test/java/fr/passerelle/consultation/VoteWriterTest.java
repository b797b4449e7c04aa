package fr.passerelle.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.shared.BusinessException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit of votes, against a recording sink. */
class VoteWriterTest {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final UUID CONSULTATION = UUID.randomUUID();

    private final List<List<Votes.Prepared>> batches = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    private final CountDownLatch entered = new CountDownLatch(1);
    private VoteWriter writer;

    @AfterEach
    void stop() {
        pool.shutdownNow();
        if (writer != null) {
            writer.stop();
        }
    }

    private static Votes.Prepared ballot(UUID participant, UUID proposal, String key) {
        return new Votes.Prepared(ORGANISATION, "", CONSULTATION, participant, proposal, key, "", "TRUSTED", true, true);
    }

    private Map<Votes.VoteId, Votes.Recorded> record(List<Votes.Prepared> batch) {
        batches.add(batch);
        Map<Votes.VoteId, Votes.Recorded> written = new HashMap<>();
        batch.forEach(b -> written.put(b.id(), new Votes.Recorded(b.proposal(), VoteKey.valueOf(b.key()), Set.of(), true, true)));
        return written;
    }

    /** A writer whose batches wait for {@code release} (the first one signals {@link #entered}). */
    private void startHeld(CountDownLatch release, int capacity) {
        startHeld(release, capacity, batch -> {});
    }

    private void startHeld(CountDownLatch release, int capacity, java.util.function.Consumer<List<Votes.Prepared>> check) {
        writer = new VoteWriter((organisation, user, batch) -> {
            entered.countDown();
            await(release);
            check.accept(batch);
            return record(batch);
        }, 256, capacity);
        writer.start();
    }

    @Test
    void votesWaitingTogetherShareOneBatchAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startHeld(release, 1000);
        // The first vote holds the writer; twenty more arrive meanwhile and go together.
        Future<Optional<Votes.Recorded>> first = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE")));
        holding();
        List<UUID> proposals = new ArrayList<>();
        List<Future<Optional<Votes.Recorded>>> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID proposal = UUID.randomUUID();
            proposals.add(proposal);
            others.add(pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), proposal, "DISAGREE"))));
        }
        waitUntil(() -> queued(20));
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isPresent();
        for (int i = 0; i < 20; i++) {
            assertThat(others.get(i).get(5, TimeUnit.SECONDS)).get().extracting(Votes.Recorded::proposalId).isEqualTo(proposals.get(i));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(20);
    }

    @Test
    void twoVotesOfOneParticipantOnOneProposalNeverShareABatchAndKeepTheirOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startHeld(release, 1000);
        UUID participant = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        Future<?> holder = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "NEUTRAL")));
        holding();
        Future<?> a = pool.submit(() -> writer.submit(ballot(participant, proposal, "AGREE")));
        waitUntil(() -> queued(1));
        Future<?> b = pool.submit(() -> writer.submit(ballot(participant, proposal, "DISAGREE")));
        waitUntil(() -> queued(2));
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        a.get(5, TimeUnit.SECONDS);
        b.get(5, TimeUnit.SECONDS);
        List<String> keysOfThatVote = batches.stream().flatMap(List::stream)
                .filter(p -> p.participant().equals(participant)).map(Votes.Prepared::key).toList();
        assertThat(keysOfThatVote).containsExactly("AGREE", "DISAGREE");
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().map(Votes.Prepared::id).distinct().count())
                .isEqualTo(batch.size()));
    }

    @Test
    void aFailingBatchIsWrittenVoteByVoteSoThatOnlyTheBadVoteFails() throws Exception {
        UUID bad = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        startHeld(release, 1000, batch -> {
            if (batch.stream().anyMatch(p -> p.proposal().equals(bad))) {
                throw new IllegalStateException("refused by the database");
            }
        });
        Future<Optional<Votes.Recorded>> holder = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE")));
        holding();
        Future<Optional<Votes.Recorded>> good = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE")));
        Future<Optional<Votes.Recorded>> failing = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), bad, "AGREE")));
        waitUntil(() -> queued(2));
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(good.get(5, TimeUnit.SECONDS)).isPresent();
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused by the database");
    }

    @Test
    void whenTheDatabaseCannotBeReachedTheWholeBatchFailsAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        startHeld(release, 1000, batch -> {
            if (calls.incrementAndGet() > 1) {
                throw new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection");
            }
        });
        Future<Optional<Votes.Recorded>> holder = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE")));
        holding();
        List<Future<Optional<Votes.Recorded>>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE"))));
        }
        waitUntil(() -> queued(5));
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isPresent();
        // Each request is told, in the participant's language, that its vote was not recorded.
        for (Future<Optional<Votes.Recorded>> f : waiting) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(BusinessException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.messageKey()).isEqualTo("consultation.vote.busy");
                    });
        }
        // One call for the holder, one for the batch of five: no retry vote by vote.
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aFullQueueRefusesTheVoteAsBusyWithoutWritingIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        startHeld(release, 1);
        Future<?> holder = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE")));
        holding();
        Future<?> waiting = pool.submit(() -> writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE")));
        waitUntil(() -> queued(1));
        UUID refusedProposal = UUID.randomUUID();
        assertThatThrownBy(() -> writer.submit(ballot(UUID.randomUUID(), refusedProposal, "AGREE")))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.messageKey()).isEqualTo("consultation.vote.busy");
                });
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(batches.stream().flatMap(List::stream).map(Votes.Prepared::proposal)).doesNotContain(refusedProposal);
    }

    @Test
    void afterStopVotesAreWrittenDirectly() {
        writer = new VoteWriter((organisation, user, batch) -> record(batch), 256, 10);
        writer.start();
        writer.stop();
        assertThat(writer.submit(ballot(UUID.randomUUID(), UUID.randomUUID(), "AGREE"))).isPresent();
        assertThat(batches).hasSize(1);
    }

    private boolean queued(int n) {
        return writer.waiting() == n;
    }

    /** Waits until the writer is inside its first batch. */
    private void holding() throws InterruptedException {
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        org.awaitility.Awaitility.await().pollInSameThread()
                .atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(5))
                .until(condition::getAsBoolean);
    }
}
