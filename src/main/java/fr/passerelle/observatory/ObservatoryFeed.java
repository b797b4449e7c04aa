package fr.passerelle.observatory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the national aggregates up to date: every few seconds, counts again the measures that
 * changed since (queued by database triggers), in batches, each in its own transaction (ADR 0007).
 * One node at a time does it (a scheduler lock, and a lock in the database function itself).
 */
@Component
public class ObservatoryFeed {

    private static final Logger log = LoggerFactory.getLogger(ObservatoryFeed.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;

    ObservatoryFeed(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${passerelle.observatory.refresh-batch-size:20000}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("passerelle.observatory.refresh-batch-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${passerelle.observatory.refresh-interval:PT10S}",
            initialDelayString = "${passerelle.observatory.refresh-interval:PT10S}")
    @SchedulerLock(name = "observatory-refresh", lockAtMostFor = "PT30M")
    public void scheduledRefresh() {
        long counted = refresh();
        if (counted > 0) {
            log.debug("Observatory: {} measures counted again", counted);
        }
    }

    /**
     * Counts again every measure waiting, batch after batch, until none is left (or another node is
     * at it). Returns how many were counted.
     */
    public long refresh() {
        long total = 0;
        while (true) {
            Integer taken = transactions.execute(status -> jdbc.sql("select observatory_refresh(?)")
                    .param(batchSize).query(Integer.class).single());
            if (taken == null || taken <= 0) {
                return total;
            }
            total += taken;
            if (taken < batchSize) {
                return total;
            }
        }
    }

    /** Empties the aggregates and counts every measure again; returns how many were counted. */
    public long rebuild() {
        Long queued = transactions.execute(status -> jdbc.sql("select observatory_requeue_all()")
                .query(Long.class).single());
        long counted = refresh();
        log.info("Observatory: aggregates rebuilt from {} measures", queued);
        return counted;
    }
}
