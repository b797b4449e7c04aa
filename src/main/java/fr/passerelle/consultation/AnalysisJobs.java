package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.consultation.engine.Analysis;
import fr.passerelle.consultation.engine.AnalysisOptions;
import fr.passerelle.consultation.engine.GroupConsensus;
import fr.passerelle.consultation.engine.ProfileSplits;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.RepresentativeProposal;
import fr.passerelle.consultation.engine.Tally;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.consultation.engine.VoteMatrix;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opinion analysis of a consultation as a background job (CONSULTATION.md, "Analysis").
 *
 * <p>An organiser or analyst requests it; the job is a row (QUEUED → RUNNING → DONE | FAILED, with
 * a percentage the dashboard polls) run on this node by a one-thread executor after the request
 * commits, like imports: the analysis is CPU-bound on a 2-core machine, so one at a time, started at
 * once (a ShedLock-guarded poller would add its polling delay and buys nothing on one node). A job
 * silent for ten minutes died with its node and is shown failed; it may be requested again. The job
 * loads the trusted votes on accepted proposals into a {@link VoteMatrix}, runs {@link Analysis}
 * with the persisted groups of the previous run (stable group ids) and a fixed seed (same votes,
 * same result), computes the profile splits of every profile question (professionals vs citizens,
 * département...; answers of fewer than {@link ProfileSplits#SMALLEST_SEGMENT} voters merged or left
 * out, see {@link ProfileSplits#of(VoteMatrix, Map, int)}) and stores everything in one transaction.
 * The analyses run when a consultation is closed or its results published go through the same
 * executor (the caller waits for them), so that one analysis at a time bounds the memory they take.
 */
@Service
public class AnalysisJobs {

    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);
    /** The error of a job that found fewer than two voters: nothing to analyse yet. */
    public static final String NOT_ENOUGH_VOTES = "notEnoughVotes";
    private static final String STALE = "(status in ('QUEUED', 'RUNNING') and updated_at < now() - interval '10 minutes')";
    /** How long closing or publishing waits for its analysis before telling the user to try again. */
    static final Duration RESULTS_WAIT = Duration.ofMinutes(2);

    /** The opinion analysis itself ({@link Analysis#run}); a test may make it fail. */
    interface Analyser {
        Analysis run(VoteMatrix matrix, Map<UUID, Integer> previousGroups, int firstFreeId, AnalysisOptions options);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final ThreadPoolTaskExecutor executor;
    private final JdbcTemplate batchTemplate;
    private volatile Analyser analyser = Analysis::run;
    private volatile Duration resultsWait = RESULTS_WAIT;

    AnalysisJobs(JdbcClient jdbc, JdbcTemplate batchTemplate, TransactionTemplate tx, AuditLog audit) {
        this.jdbc = jdbc;
        this.batchTemplate = batchTemplate;
        this.tx = tx;
        this.audit = audit;
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setQueueCapacity(20);
        pool.setThreadNamePrefix("analysis-");
        pool.initialize();
        this.executor = pool;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** A run of the analysis as the dashboard shows it. */
    public record Job(UUID id, UUID consultationId, String status, int progress, Integer participants, Integer clustered,
            Integer proposals, Integer votes, Integer groupCount, Double silhouette, Long durationMs, String error,
            Instant createdAt, Instant finishedAt) {

        public boolean running() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }

        public boolean done() {
            return "DONE".equals(status);
        }
    }

    /**
     * Requests an analysis of the consultation; it starts once this transaction commits. A
     * consultation has at most one job waiting or running.
     */
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public UUID request(UUID consultationId) {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        UUID id = create(consultationId);
        Runnable work = () -> TenantContext.runAs(organisation, () -> run(id));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(work, organisation, id);
                }
            });
        } else {
            submit(work, organisation, id);
        }
        return id;
    }

    /** Requests an analysis and runs it in the calling thread (the replay command, benchmarks). */
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Job runNow(UUID consultationId) {
        return run(create(consultationId));
    }

    private UUID create(UUID consultationId) {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        return tx.execute(s -> {
            // The consultation row locked: two requests at once queue one job, the other is told it runs.
            jdbc.sql("select id from consultation where id = ? for update").param(consultationId).query(UUID.class)
                    .optional().orElseThrow(BusinessException::notFound);
            jdbc.sql("update consultation_analysis set status = 'FAILED', error = 'stale', finished_at = now() where "
                    + "consultation_id = ? and " + STALE).param(consultationId).update();
            if (jdbc.sql("select count(*) from consultation_analysis where consultation_id = ? and status in ('QUEUED', 'RUNNING')")
                    .param(consultationId).query(Long.class).single() > 0) {
                throw BusinessException.conflict("analysis.alreadyRunning");
            }
            UUID job = Ids.newId();
            jdbc.sql("""
                    insert into consultation_analysis (id, organisation_id, consultation_id, seed, requested_by)
                    values (?, ?, ?, ?, ?)""")
                    .params(job, organisation, consultationId, AnalysisOptions.DEFAULTS.seed(),
                            TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                    .update();
            audit.record("consultation.analysis.requested", "consultation", consultationId, Map.of("job", job.toString()));
            return job;
        });
    }

    private void submit(Runnable work, UUID organisation, UUID id) {
        try {
            executor.execute(work);
        } catch (RuntimeException full) {
            TenantContext.runAs(organisation, () -> fail(id, "queue full"));
        }
    }

    /**
     * Runs an analysis for closing a consultation or publishing its results (the organiser's action:
     * no {@code consultation:analyse} needed) on the analysis executor, after any analysis already
     * queued there, and waits for it; returns the finished job (DONE or FAILED). Refused (409,
     * {@code consultation.results.analysisRunning}) while another analysis of the consultation waits
     * or runs, when the executor's queue is full, or when it is not over after {@link #RESULTS_WAIT}
     * (it goes on in the background: the user tries again later).
     */
    Job runForResults(UUID consultationId) {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        UUID id;
        try {
            id = create(consultationId);
        } catch (BusinessException running) {
            throw BusinessException.conflict("consultation.results.analysisRunning");
        }
        Future<Job> finished;
        try {
            finished = executor.submit(() -> TenantContext.callAs(organisation, () -> run(id)));
        } catch (TaskRejectedException full) {
            fail(id, "queue full");
            throw BusinessException.conflict("consultation.results.analysisRunning");
        }
        try {
            return finished.get(resultsWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException error) {
            // run() marked the job FAILED before letting an Error through.
            return get(id);
        } catch (TimeoutException stillRunning) {
            throw BusinessException.conflict("consultation.results.analysisRunning");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw BusinessException.conflict("consultation.results.analysisRunning");
        }
    }

    /** Replaces the analysis (a test makes it fail or wait); returns the one replaced. */
    Analyser replaceAnalyser(Analyser replacement) {
        Analyser replaced = analyser;
        analyser = replacement;
        return replaced;
    }

    /** Replaces how long {@link #runForResults} waits (a test shortens it); returns the one replaced. */
    Duration replaceResultsWait(Duration replacement) {
        Duration replaced = resultsWait;
        resultsWait = replacement;
        return replaced;
    }

    /** The analysis run when the results were published, which the public results page shows. */
    public Optional<Job> published(UUID consultationId) {
        return tx.execute(s -> jdbc.sql("""
                select a.*, false stale from consultation_analysis a
                join consultation c on c.published_analysis_id = a.id and c.status = 'RESULTS_PUBLISHED'
                where c.id = ?""").param(consultationId).query(AnalysisJobs::map).optional());
    }

    /** The latest run of the analysis of a consultation. */
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Optional<Job> latest(UUID consultationId) {
        return tx.execute(s -> jdbc.sql("select *, " + STALE + " stale from consultation_analysis where consultation_id = ? "
                        + "order by created_at desc limit 1").param(consultationId).query(AnalysisJobs::map).optional());
    }

    /** The latest finished run (whose results the pages show). */
    public Optional<Job> latestDone(UUID consultationId) {
        return tx.execute(s -> jdbc.sql("select *, false stale from consultation_analysis where consultation_id = ? "
                + "and status = 'DONE' order by created_at desc limit 1").param(consultationId).query(AnalysisJobs::map)
                .optional());
    }

    /** Runs a job now, in the calling thread (the executor's, or a benchmark's); returns the finished job. */
    Job run(UUID id) {
        long started = System.nanoTime();
        try {
            UUID consultationId = tx.execute(s -> jdbc.sql("""
                    update consultation_analysis set status = 'RUNNING', progress = 5, updated_at = now()
                    where id = ? and status = 'QUEUED' returning consultation_id""").param(id).query(UUID.class)
                    .optional().orElse(null));
            if (consultationId == null) {
                return get(id);
            }
            long seed = tx.execute(s -> jdbc.sql("select seed from consultation_analysis where id = ?").param(id)
                    .query(Long.class).single());
            VoteMatrix matrix = load(consultationId);
            if (matrix.participantCount() < 2 || matrix.voteCount() == 0) {
                fail(id, NOT_ENOUGH_VOTES);
                return get(id);
            }
            progress(id, 40);
            Previous previous = previous(consultationId);
            Analysis analysis = analyser.run(matrix, previous.groups(), previous.nextFreeId(),
                    AnalysisOptions.DEFAULTS.withSeed(seed));
            progress(id, 75);
            Map<String, ProfileSplits> splits = new LinkedHashMap<>();
            profileAnswers(consultationId).forEach((question, answers) -> splits.put(question,
                    ProfileSplits.of(matrix, answers, ProfileSplits.SMALLEST_SEGMENT)));
            progress(id, 85);
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            tx.executeWithoutResult(s -> store(id, consultationId, matrix, analysis, splits, durationMs));
            log.info("Analysis {} of consultation {}: {} participants, {} proposals, {} votes, {} groups in {} ms", id,
                    consultationId, matrix.participantCount(), matrix.proposalCount(), matrix.voteCount(),
                    analysis.groups().size(), durationMs);
        } catch (RuntimeException e) {
            log.error("Analysis {} failed", id, e);
            fail(id, e.getClass().getSimpleName());
        } catch (Error e) {
            // Out of memory, typically: the job is failed (not left RUNNING for ten minutes), then
            // the error goes on to the thread's owner.
            log.error("Analysis {} failed", id, e);
            fail(id, e.getClass().getSimpleName());
            throw e;
        }
        return get(id);
    }

    private Job get(UUID id) {
        return tx.execute(s -> jdbc.sql("select *, false stale from consultation_analysis where id = ?").param(id)
                .query(AnalysisJobs::map).single());
    }

    private void progress(UUID id, int percent) {
        tx.executeWithoutResult(s -> jdbc.sql("update consultation_analysis set progress = ?, updated_at = now() where id = ?")
                .params(percent, id).update());
    }

    private void fail(UUID id, String error) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                update consultation_analysis set status = 'FAILED', error = ?, finished_at = now(), updated_at = now()
                where id = ?""").params(error, id).update());
    }

    private record Cell(UUID participant, UUID proposal, VoteKey key, Set<Qualification> qualifications) {}

    /**
     * Trusted votes (a valid signed key) on accepted proposals, in a fixed order (participant,
     * proposal; sorted here rather than by the database, which is slower at it) so that the matrix,
     * hence the result, does not depend on the order rows come back in.
     */
    private VoteMatrix load(UUID consultationId) {
        VoteMatrix.Builder builder = VoteMatrix.builder();
        List<Cell> cells = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            jdbc.sql("select id from consultation_proposal where consultation_id = ? and status = 'ACCEPTED' order by created_at, id")
                    .param(consultationId).query(UUID.class).list().forEach(builder::proposal);
            jdbc.sql("""
                    select v.participant_id, v.proposal_id, v.key, v.qualifications from consultation_vote v
                    join consultation_proposal p on p.id = v.proposal_id and p.status = 'ACCEPTED'
                    where v.consultation_id = ? and v.trust = 'TRUSTED'""")
                    .param(consultationId).query(rs -> {
                        Set<Qualification> qualifications = EnumSet.noneOf(Qualification.class);
                        for (String q : (String[]) rs.getArray(4).getArray()) {
                            qualifications.add(Qualification.valueOf(q));
                        }
                        cells.add(new Cell(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                VoteKey.valueOf(rs.getString(3)), qualifications));
                    });
        });
        cells.sort(java.util.Comparator.comparing(Cell::participant).thenComparing(Cell::proposal));
        for (Cell c : cells) {
            builder.vote(c.participant(), c.proposal(), c.key(), c.qualifications());
        }
        return builder.build();
    }

    private record Previous(Map<UUID, Integer> groups, int nextFreeId) {}

    private Previous previous(UUID consultationId) {
        return tx.execute(s -> {
            Map<UUID, Integer> groups = new HashMap<>();
            jdbc.sql("select participant_id, group_id from consultation_participant_position where consultation_id = ? "
                    + "and group_id is not null").param(consultationId)
                    .query(rs -> {
                        groups.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    });
            int next = jdbc.sql("""
                    select coalesce(max(next_free_id), 0) from consultation_analysis
                    where consultation_id = ? and status = 'DONE'""").param(consultationId).query(Integer.class).single();
            return new Previous(groups, next);
        });
    }

    /** The answers to each profile question (by its code) of every participant who gave one. */
    private Map<String, Map<UUID, String>> profileAnswers(UUID consultationId) {
        return tx.execute(s -> {
            Map<String, Map<UUID, String>> result = new LinkedHashMap<>();
            jdbc.sql("""
                    select q.code, a.participant_id, a.answer from consultation_profile_question q
                    join consultation_profile_answer a on a.question_id = q.id
                    join consultation_participant p on p.id = a.participant_id and p.merged_into is null
                    where q.consultation_id = ? order by q.position""").param(consultationId)
                    .query(rs -> {
                        result.computeIfAbsent(rs.getString(1), q -> new HashMap<>())
                                .put(rs.getObject(2, UUID.class), rs.getString(3));
                    });
            return result;
        });
    }

    private void store(UUID id, UUID consultationId, VoteMatrix matrix, Analysis analysis,
            Map<String, ProfileSplits> splits, long durationMs) {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        Map<UUID, Integer> groupOf = analysis.groupOfParticipant();
        jdbc.sql("delete from consultation_participant_position where consultation_id = ?").param(consultationId).update();
        int n = matrix.participantCount();
        UUID[] participantIds = new UUID[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        Integer[] groupIds = new Integer[n];
        int clustered = 0;
        Map<Integer, double[]> centres = new HashMap<>();
        for (int row = 0; row < n; row++) {
            double[] p = analysis.positions()[row];
            Integer group = analysis.clustered()[row] ? groupOf.get(matrix.participant(row)) : null;
            participantIds[row] = matrix.participant(row);
            xs[row] = p[0];
            ys[row] = p.length > 1 ? p[1] : 0.0;
            groupIds[row] = group;
            if (group != null) {
                clustered++;
                double[] c = centres.computeIfAbsent(group, g -> new double[3]);
                c[0] += xs[row];
                c[1] += ys[row];
                c[2]++;
            }
        }
        // One statement for every participant's position (arrays unnested), not one row per round trip.
        jdbc.sql("""
                insert into consultation_participant_position (organisation_id, consultation_id, participant_id, analysis_id,
                                                                x, y, group_id)
                select :org, :c, u.p, :a, u.x, u.y, u.g from unnest(:ps, :xs, :ys, :gs) as u(p, x, y, g)""")
                .param("org", organisation).param("c", consultationId).param("a", id).param("ps", participantIds)
                .param("xs", xs).param("ys", ys).param("gs", groupIds).update();
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> representatives = new ArrayList<>();
        for (Analysis.OpinionGroup g : analysis.groups()) {
            double[] c = centres.getOrDefault(g.id(), new double[] {0, 0, 1});
            groups.add(new Object[] {organisation, id, g.id(), g.members().size(), c[0] / c[2], c[1] / c[2]});
            int rank = 0;
            for (RepresentativeProposal r : g.representatives()) {
                representatives.add(new Object[] {organisation, id, g.id(), rank++, r.proposal(), r.direction().name(),
                    r.rate(), r.othersRate(), r.zOthers(), r.zHalf()});
            }
        }
        batch("insert into consultation_analysis_group (organisation_id, analysis_id, group_id, members, centre_x, centre_y) "
                + "values (?, ?, ?, ?, ?, ?)", groups);
        batch("""
                insert into consultation_analysis_representative (organisation_id, analysis_id, group_id, rank, proposal_id,
                        direction, rate, others_rate, z_others, z_half) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                representatives);
        List<Object[]> consensus = new ArrayList<>();
        for (GroupConsensus c : analysis.consensus()) {
            consensus.add(new Object[] {organisation, id, c.proposal(), finite(c.product()), finite(c.geometricMean()),
                Double.isFinite(c.weakestGroupAgreement()) ? c.weakestGroupAgreement() : null});
        }
        batch("""
                insert into consultation_analysis_consensus (organisation_id, analysis_id, proposal_id, product, geometric_mean,
                        weakest_group_agreement) values (?, ?, ?, ?, ?, ?)""", consensus);
        // The counters of that moment beside the analysis: published results show both as one moment.
        jdbc.sql("""
                update consultation_analysis_consensus c set
                       verified = (select array[%1$s] from consultation_proposal_counter k
                                   where k.proposal_id = c.proposal_id and k.kind = 'VERIFIED'),
                       sequence = (select array[%1$s] from consultation_proposal_counter k
                                   where k.proposal_id = c.proposal_id and k.kind = 'SEQUENCE')
                where c.analysis_id = ?""".formatted(ConsultationResults.COUNTER_COLUMNS))
                .param(id).update();
        List<Object[]> split = new ArrayList<>();
        List<Object[]> segments = new ArrayList<>();
        splits.forEach((question, by) -> {
            for (String segment : by.segments()) {
                segments.add(new Object[] {organisation, id, question, segment, by.participants(segment)});
                for (UUID proposal : matrix.proposals()) {
                    Tally t = by.tally(segment, proposal);
                    if (t.total() > 0) {
                        split.add(new Object[] {organisation, id, question, segment, proposal, t.agree(), t.disagree(),
                            t.neutral()});
                    }
                }
            }
        });
        batch("""
                insert into consultation_analysis_split_segment (organisation_id, analysis_id, question_code, segment,
                        participants) values (?, ?, ?, ?, ?)""", segments);
        batch("""
                insert into consultation_analysis_split (organisation_id, analysis_id, question_code, segment, proposal_id,
                        agree, disagree, neutral) values (?, ?, ?, ?, ?, ?, ?, ?)""", split);
        jdbc.sql("""
                update consultation_analysis set status = 'DONE', progress = 100, participants = ?, clustered = ?,
                       proposals = ?, votes = ?, group_count = ?, silhouette = ?, next_free_id = ?, duration_ms = ?,
                       finished_at = now(), updated_at = now()
                where id = ?""")
                .params(matrix.participantCount(), clustered, matrix.proposalCount(), matrix.voteCount(),
                        analysis.groups().size(), finite(analysis.silhouette()), analysis.nextFreeId(), durationMs, id)
                .update();
        audit.record("consultation.analysis.done", "consultation", consultationId,
                Map.of("job", id.toString(), "groups", analysis.groups().size(), "votes", matrix.voteCount()));
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batchTemplate.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private static Job map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        boolean stale = rs.getBoolean("stale");
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                stale ? "FAILED" : rs.getString("status"), rs.getInt("progress"), (Integer) rs.getObject("participants"),
                (Integer) rs.getObject("clustered"), (Integer) rs.getObject("proposals"), (Integer) rs.getObject("votes"),
                (Integer) rs.getObject("group_count"), (Double) rs.getObject("silhouette"),
                (Long) rs.getObject("duration_ms"), stale ? "stale" : rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
