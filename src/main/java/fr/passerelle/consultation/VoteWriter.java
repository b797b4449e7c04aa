package fr.passerelle.consultation;

import fr.passerelle.shared.BusinessException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of votes. Requests hand their vote to one writer thread and wait; the writer takes
 * every vote waiting at that moment (up to the batch size), writes them with one statement per
 * organisation, each its own transaction committed synchronously, then answers each request. Under
 * load many votes share one commit (one WAL flush, one round trip); a lone vote is written at once.
 * A batch never holds two votes of the same participant on the same proposal (the later one waits
 * for the next batch, so it replaces the earlier one as it would have without batching). If a batch
 * fails, its votes are written one by one so that one bad vote fails alone (unless the database
 * cannot be reached: then they all fail at once). When the queue is full or the database does not
 * answer in time, the request is refused as busy (503) and its vote is dropped from the queue —
 * never answered as stored when it is not.
 */
final class VoteWriter {

    private static final Logger log = LoggerFactory.getLogger(VoteWriter.class);
    private static final long ANSWER_TIMEOUT_SECONDS = 20;

    /** Writes a batch of one organisation and returns the votes written. */
    interface Sink {
        Map<Votes.VoteId, Votes.Recorded> write(UUID organisation, String user, List<Votes.Prepared> batch);
    }

    private record Pending(Votes.Prepared ballot, CompletableFuture<Optional<Votes.Recorded>> done) {}

    private record Tenant(UUID organisation, String user) {}

    private final Sink sink;
    private final int batchSize;
    private final BlockingQueue<Pending> queue;
    private volatile boolean accepting;
    private Thread thread;

    VoteWriter(Sink sink, int batchSize, int queueCapacity) {
        this.sink = sink;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        accepting = true;
        thread = new Thread(this::run, "vote-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking votes (later ones are written directly), writes those waiting, then ends. */
    synchronized void stop() {
        accepting = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    boolean running() {
        return accepting;
    }

    /** Votes waiting for the writer. */
    int waiting() {
        return queue.size();
    }

    /** Writes the vote with the next batch and returns it as stored (empty when nothing was written). */
    Optional<Votes.Recorded> submit(Votes.Prepared ballot) {
        if (!accepting) {
            return Optional.ofNullable(sink.write(ballot.organisation(), ballot.user(), List.of(ballot)).get(ballot.id()));
        }
        Pending pending = new Pending(ballot, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new BusinessException(503, "consultation.vote.busy");
        }
        try {
            return pending.done().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.springframework.dao.DataAccessException failure) {
                // Not stored: the database refused the vote or could not be reached. The request
                // says so in the participant's language, whichever page or API cast it.
                log.warn("vote not stored: {}", failure.getMessage());
                throw new BusinessException(503, "consultation.vote.busy");
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw abandon(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(pending);
        }
    }

    /**
     * The request stops waiting and is told its vote was not recorded: the vote is marked done so
     * that the writer skips it if it has not taken it yet (if it is being written at this very
     * moment, it may still be stored; voting again is harmless).
     */
    private static BusinessException abandon(Pending pending) {
        BusinessException busy = new BusinessException(503, "consultation.vote.busy");
        pending.done().completeExceptionally(busy);
        return busy;
    }

    private void run() {
        List<Pending> carried = new ArrayList<>();
        while (accepting || !queue.isEmpty() || !carried.isEmpty()) {
            try {
                List<Pending> taken = new ArrayList<>(carried);
                carried.clear();
                if (taken.isEmpty()) {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    taken.add(first);
                }
                queue.drainTo(taken, Math.max(0, batchSize - taken.size()));
                Set<Votes.VoteId> seen = new HashSet<>();
                Map<Tenant, List<Pending>> batches = new LinkedHashMap<>();
                for (Pending p : taken) {
                    if (p.done().isDone()) {
                        continue; // abandoned by its request
                    }
                    if (seen.add(p.ballot().id())) {
                        batches.computeIfAbsent(new Tenant(p.ballot().organisation(), p.ballot().user()),
                                t -> new ArrayList<>()).add(p);
                    } else {
                        carried.add(p);
                    }
                }
                batches.forEach(this::write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Never leave the writer dead: log and go on with the next votes.
                log.error("vote writer: unexpected failure", e);
            }
        }
        // Votes handed over while stopping.
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.stream().filter(p -> !p.done().isDone())
                .forEach(p -> write(new Tenant(p.ballot().organisation(), p.ballot().user()), List.of(p)));
    }

    private void write(Tenant tenant, List<Pending> batch) {
        try {
            Map<Votes.VoteId, Votes.Recorded> written = sink.write(tenant.organisation(), tenant.user(),
                    batch.stream().map(Pending::ballot).toList());
            batch.forEach(p -> p.done().complete(Optional.ofNullable(written.get(p.ballot().id()))));
        } catch (RuntimeException failure) {
            if (batch.size() == 1 || unavailable(failure)) {
                // One vote, or a database that cannot be reached: retrying vote by vote would
                // only keep the others waiting.
                batch.forEach(p -> p.done().completeExceptionally(failure));
                return;
            }
            log.warn("vote writer: a batch of {} votes failed ({}); writing them one by one", batch.size(),
                    failure.getMessage());
            batch.forEach(p -> write(tenant, List.of(p)));
        }
    }

    private static boolean unavailable(RuntimeException failure) {
        return failure instanceof org.springframework.dao.TransientDataAccessException
                || failure instanceof org.springframework.dao.DataAccessResourceFailureException
                || failure instanceof org.springframework.dao.RecoverableDataAccessException;
    }
}
