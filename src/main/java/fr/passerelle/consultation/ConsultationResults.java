package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.ProfileSplits;
import fr.passerelle.consultation.engine.ProposalScores;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.SequenceProposal;
import fr.passerelle.consultation.engine.Tally;
import fr.passerelle.consultation.engine.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a consultation (CONSULTATION.md, "Results"): participation over time, proposals by
 * status, every accepted proposal with its scores and zone from the exact counters (verified and
 * sequence counts blended), rankings by lower bound overall and per theme, and what the latest
 * analysis stored (groups, their representative proposals, the map, group-aware consensus, profile
 * splits). Never a participant's identity: the map holds anonymous points.
 */
@Service
public class ConsultationResults {

    /** Points drawn on the map at most (every n-th participant beyond that; the table gives all the figures). */
    public static final int MAP_POINTS = 2_000;

    /**
     * The columns of a proposal counter (alias {@code k}) in the order a stored snapshot keeps them:
     * agree, disagree, neutral, then the qualifications.
     */
    static final String COUNTER_COLUMNS = Stream.concat(Stream.of("agree", "disagree", "neutral"),
                    Stream.of(Qualification.values()).map(q -> q.name().toLowerCase(Locale.ROOT)))
            .map(c -> "k." + c).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final ConsultationProperties.Issue bursts;

    ConsultationResults(JdbcClient jdbc, Sequences sequences, ConsultationProperties properties) {
        this.bursts = properties.issue();
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    /**
     * One day of participation (Europe/Paris): participants who joined, proposals made and votes
     * cast that day, and the totals reached at its end.
     */
    public record Day(LocalDate day, long participants, long proposals, long votes, long totalParticipants,
            long totalProposals, long totalVotes) {}

    /**
     * An accepted proposal with its scores, its group-aware consensus and the agreement of its least
     * convinced opinion group (both null before an analysis counted it).
     */
    public record Scored(UUID id, String text, List<String> themes, long votes, ProposalScores scores,
            ProposalScores verifiedScores, Double consensusGeometricMean, Double weakestGroupAgreement) {

        /**
         * Consensus, rejection, controversy or no clear opinion ({@link Zone#of}): the blended
         * {@code scores} rank, the verified votes alone ({@code verifiedScores}) must confirm a
         * consensus or a rejection.
         */
        public Zone zone() {
            return Zone.of(scores, verifiedScores, votes, weakestGroupAgreement);
        }

        public int percent(double value) {
            return (int) Math.round(value * 100);
        }
    }

    public record Representative(UUID proposalId, String text, String direction, double rate, double othersRate) {}

    public record Group(int id, int members, double centreX, double centreY, List<Representative> representatives) {

        /** The letter naming the group on the map and in tables. */
        public String letter() {
            return String.valueOf((char) ('A' + Math.floorMod(id, 26)));
        }

        /** The colour class of the group (eight colours). */
        public int colour() {
            return Math.floorMod(id, 8);
        }
    }

    public record Point(double x, double y, Integer group) {}

    /** One proposal's agreement in each profile segment. */
    public record Split(UUID proposalId, String text, Map<String, ProposalScores> bySegment,
            Map<String, Long> votesBySegment) {

        /** The share of agree votes of the segment, in percent (scores smoothed as everywhere). */
        public int agreePercent(String segment) {
            return (int) Math.round(bySegment.get(segment).agree().value() * 100);
        }
    }

    /** A profile question the analysis split the votes by ({@code professional}: professionals vs citizens). */
    public record SplitQuestion(String code, String label, ProfileQuestionKind kind, boolean professional) {}

    /**
     * A segment of a split: the participants who gave one answer ({@code ProfileSplits.OTHERS}: the
     * answers of too few to be shown apart), named by a message key with the answer as argument.
     */
    public record Segment(String key, String messageKey, String answer, int participants) {}

    /**
     * The votes split by one profile question: its segments, and the agreement of each segment
     * with the top proposals (ranked as overall). {@code question} is null when no question could
     * be split (nobody answered, or too few).
     */
    public record Splits(List<SplitQuestion> questions, SplitQuestion question, List<Segment> segments, List<Split> rows) {

        public boolean isEmpty() {
            return question == null || segments.isEmpty() || rows.isEmpty();
        }

        /** The fewest participants a segment shown apart has (smaller answers are merged or left out). */
        public int smallestSegment() {
            return ProfileSplits.SMALLEST_SEGMENT;
        }
    }

    /** Everything the analysis stored, for one finished job. */
    public record AnalysisResult(AnalysisJobs.Job job, List<Group> groups, List<Point> points, Splits splits) {}

    /** The votes of one proposal counted under one kind (ALL, VERIFIED, SEQUENCE, SEGMENT). */
    public record Aggregate(UUID proposalId, String text, String kind, Tally tally) {}

    /** Every proposal's exact counters, per kind: aggregated votes, no participant. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public List<Aggregate> aggregates(UUID consultationId) {
        Map<UUID, String> texts = new HashMap<>();
        jdbc.sql("select id, text from consultation_proposal where consultation_id = ? and status = 'ACCEPTED'")
                .param(consultationId).query(rs -> {
                    texts.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        List<Aggregate> result = new ArrayList<>();
        for (SequenceProposal p : sequences.load(consultationId).stream()
                .sorted(Comparator.comparing(SequenceProposal::createdAt).thenComparing(SequenceProposal::id)).toList()) {
            for (fr.passerelle.consultation.engine.CounterKind kind : fr.passerelle.consultation.engine.CounterKind.values()) {
                result.add(new Aggregate(p.id(), texts.get(p.id()), kind.name(), p.counters().get(kind)));
            }
        }
        return result;
    }

    /**
     * Who took part, for the organiser: {@code voters} participants with at least one vote counted
     * (trusted) and the {@code trustedVotes} the scores count, apart from {@code visitors} (every
     * participant issued: each browser that opened the vote page, voting or not) and the
     * {@code untrustedVotes} stored but not counted (no proof of a real browser, or no valid key).
     */
    public record Audience(long voters, long trustedVotes, long visitors, long untrustedVotes) {}

    /** The audience of a consultation, from the participants and votes stored. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Audience audience(UUID consultationId) {
        return jdbc.sql("""
                select count(distinct v.participant_id) filter (where v.trust = 'TRUSTED'),
                       count(*) filter (where v.trust = 'TRUSTED'),
                       (select count(*) from consultation_participant p
                         where p.consultation_id = :c and p.merged_into is null),
                       count(*) filter (where v.trust <> 'TRUSTED')
                from consultation_vote v where v.consultation_id = :c""")
                .param("c", consultationId)
                .query((rs, n) -> new Audience(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /**
     * What may be ballot stuffing, for the organiser: of all {@code votes}, those cast by
     * participants issued in a burst ({@code burstVotes}: at least {@code burst-size} participants
     * issued from one network, or from one wide network, within {@code burst-window} of one
     * another, the participant included) and those that do not count as trusted ({@code untrustedVotes}: no proof of a real
     * browser yet, or no valid key); {@code burstParticipants} participants were issued in bursts.
     */
    public record Suspicion(long votes, long burstVotes, long untrustedVotes, long burstParticipants, int burstSize,
            long burstWindowSeconds) {

        public int burstPercent() {
            return percent(burstVotes);
        }

        public int untrustedPercent() {
            return percent(untrustedVotes);
        }

        private int percent(long part) {
            return votes == 0 ? 0 : (int) Math.round(100.0 * part / votes);
        }
    }

    /** The share of votes from suspicious bursts and of untrusted votes, computed from the votes stored. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Suspicion suspicion(UUID consultationId) {
        return jdbc.sql("""
                with near as (
                    select id, count(*) over (partition by network_key order by created_at
                                              range between make_interval(secs => :window) preceding
                                                        and make_interval(secs => :window) following) as issued,
                               count(*) over (partition by wide_network_key order by created_at
                                              range between make_interval(secs => :window) preceding
                                                        and make_interval(secs => :window) following) as wide_issued
                    from consultation_participant where consultation_id = :consultation and network_key is not null
                ), burst as (
                    select id from near where issued >= :size or wide_issued >= :size
                )
                select count(*),
                       count(*) filter (where v.participant_id in (select id from burst)),
                       count(*) filter (where v.trust <> 'TRUSTED'),
                       (select count(*) from burst)
                from consultation_vote v where v.consultation_id = :consultation""")
                .param("window", (double) bursts.burstWindow().toMillis() / 1000).param("consultation", consultationId)
                .param("size", bursts.burstSize())
                .query((rs, n) -> new Suspicion(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        bursts.burstSize(), bursts.burstWindow().toSeconds())).single();
    }

    /**
     * Everything a results page shows. {@code consensus}, {@code controversies} and {@code unclear}
     * (no clear opinion: too few votes, or mostly neutral ones) hold only the proposals of that zone. {@code snapshotAt}: when the results are those stored at publication
     * (the analysis run then, with the counters of that moment), its time; null for live results.
     */
    public record Results(Consultations.Consultation consultation, Consultations.Counters counters,
            Map<ProposalStatus, Long> byStatus, List<Day> participation, List<Scored> consensus,
            List<Scored> controversies, List<Scored> unclear, Map<String, List<Scored>> consensusByTheme,
            Map<String, List<Scored>> controversiesByTheme, List<Scored> all, Optional<AnalysisResult> analysis,
            Instant snapshotAt) {

        /** The fewest votes a proposal needs for a clear opinion (fewer: "no clear opinion"). */
        public long minVotes() {
            return Zone.MIN_VOTES;
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Results of(Consultations.Consultation consultation, Consultations.Counters counters,
            Optional<AnalysisJobs.Job> analysis, int limit) {
        return build(consultation, counters, analysis, limit, null, false);
    }

    /**
     * The results with the profile splits by the profile question of code {@code splitBy} (null or
     * unknown: the segment-defining question, professionals vs citizens, when it was split).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Results of(Consultations.Consultation consultation, Consultations.Counters counters,
            Optional<AnalysisJobs.Job> analysis, int limit, String splitBy) {
        return build(consultation, counters, analysis, limit, splitBy, false);
    }

    /**
     * The same with the scores stored with the analysis when {@code snapshot} (the moment the results
     * were published, for the organiser's report once they are).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Results of(Consultations.Consultation consultation, Consultations.Counters counters,
            Optional<AnalysisJobs.Job> analysis, int limit, String splitBy, boolean snapshot) {
        return build(consultation, counters, analysis, limit, splitBy, snapshot && analysis.isPresent());
    }

    /**
     * The results for the public page: only once the organiser published them. With the analysis
     * run at publication ({@code snapshot}), the scores are the counters stored with it: the page
     * is that one moment, whatever happens afterwards (a late moderation, a merge of participants).
     */
    @Transactional(readOnly = true)
    public Results published(Consultations.Consultation consultation, Consultations.Counters counters,
            Optional<AnalysisJobs.Job> analysis, boolean snapshot, int limit, String splitBy) {
        if (consultation.status() != ConsultationStatus.RESULTS_PUBLISHED) {
            throw fr.passerelle.shared.BusinessException.notFound();
        }
        return build(consultation, counters, analysis, limit, splitBy, snapshot && analysis.isPresent());
    }

    /**
     * The profile splits alone, by the profile question {@code splitBy} (the split selector swaps
     * them in place): the scores they are ranked by, and nothing else of the page.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('consultation:analyse')")
    public Optional<Splits> splits(Consultations.Consultation consultation, Optional<AnalysisJobs.Job> analysis,
            int limit, String splitBy) {
        return splitsOf(consultation, analysis, limit, splitBy, false);
    }

    /** The same for the public page: only once the organiser published the results (see {@link #published}). */
    @Transactional(readOnly = true)
    public Optional<Splits> publishedSplits(Consultations.Consultation consultation, Optional<AnalysisJobs.Job> analysis,
            int limit, String splitBy, boolean snapshot) {
        if (consultation.status() != ConsultationStatus.RESULTS_PUBLISHED) {
            throw fr.passerelle.shared.BusinessException.notFound();
        }
        return splitsOf(consultation, analysis, limit, splitBy, snapshot && analysis.isPresent());
    }

    private Optional<Splits> splitsOf(Consultations.Consultation c, Optional<AnalysisJobs.Job> analysis, int limit,
            String splitBy, boolean snapshot) {
        return analysis.map(job -> {
            List<Scored> all = scored(c.id(), job.id(), snapshot);
            return splits(job, c, mostAgreed(all, limit), splitBy);
        });
    }

    /** The proposals ranked by the lower bound of their top score, whatever their zone (the profile splits' rows). */
    private static List<Scored> mostAgreed(List<Scored> all, int limit) {
        return top(all, Comparator.comparingDouble((Scored s) -> s.scores().top().lower()), limit);
    }

    /** The consensus proposals (their zone, {@link Zone#of}), by the lower bound of their top score. */
    private static List<Scored> consensus(List<Scored> all, int limit) {
        return mostAgreed(all.stream().filter(s -> s.zone() == Zone.CONSENSUS).toList(), limit);
    }

    /** The controversial proposals (their zone), by the lower bound of their controversy score. */
    private static List<Scored> controversies(List<Scored> all, int limit) {
        return top(all.stream().filter(s -> s.zone() == Zone.CONTROVERSY).toList(),
                Comparator.comparingDouble((Scored s) -> s.scores().controversy().lower()), limit);
    }

    private Results build(Consultations.Consultation c, Consultations.Counters counters,
            Optional<AnalysisJobs.Job> analysis, int limit, String splitBy, boolean snapshot) {
        List<Scored> all = scored(c.id(), analysis.map(AnalysisJobs.Job::id).orElse(null), snapshot);
        List<Scored> consensus = consensus(all, limit);
        List<Scored> controversies = controversies(all, limit);
        Map<String, List<Scored>> consensusByTheme = new LinkedHashMap<>();
        Map<String, List<Scored>> controversiesByTheme = new LinkedHashMap<>();
        for (Consultations.Theme theme : c.themes()) {
            List<Scored> of = all.stream().filter(s -> s.themes().contains(theme.label())).toList();
            if (!of.isEmpty()) {
                consensusByTheme.put(theme.label(), consensus(of, 3));
                controversiesByTheme.put(theme.label(), controversies(of, 3));
            }
        }
        Map<ProposalStatus, Long> byStatus = new LinkedHashMap<>();
        for (ProposalStatus status : ProposalStatus.values()) {
            byStatus.put(status, 0L);
        }
        jdbc.sql("select status, count(*) n from consultation_proposal where consultation_id = ? group by status")
                .param(c.id()).query(rs -> {
                    byStatus.put(ProposalStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<Scored> unclear = top(all.stream().filter(s -> s.zone() == Zone.NO_CLEAR_OPINION).toList(),
                Comparator.comparingLong(Scored::votes).reversed(), limit);
        return new Results(c, counters, byStatus, participation(c.id()), consensus, controversies, unclear, consensusByTheme,
                controversiesByTheme, all, analysis.map(job -> analysis(job, c, all, mostAgreed(all, limit), splitBy)),
                snapshot ? analysis.get().finishedAt() : null);
    }

    private static List<Scored> top(List<Scored> list, Comparator<Scored> by, int limit) {
        return list.stream().sorted(by.reversed().thenComparing(Scored::id)).limit(limit).toList();
    }

    /**
     * Proven participants who joined, proposals made and trusted votes cast per day (Europe/Paris;
     * the figures of {@link Consultations#counters}, which nobody can inflate), and the totals
     * reached each day, from the first day with any activity to the last; days without activity
     * in between are listed with zeros so that a chart's time axis has no gap.
     */
    private List<Day> participation(UUID consultationId) {
        return jdbc.sql("""
                with d as (
                    select (created_at at time zone 'Europe/Paris')::date d, 1 pa, 0 pr, 0 vo from consultation_participant
                        where consultation_id = :c and merged_into is null and proven_at is not null
                    union all select (created_at at time zone 'Europe/Paris')::date, 0, 1, 0 from consultation_proposal
                        where consultation_id = :c
                    union all select (created_at at time zone 'Europe/Paris')::date, 0, 0, 1 from consultation_vote
                        where consultation_id = :c and trust = 'TRUSTED'),
                per_day as (select d, sum(pa) pa, sum(pr) pr, sum(vo) vo from d group by d),
                days as (select generate_series(min(d), max(d), interval '1 day')::date d from per_day)
                select days.d, coalesce(pa, 0) pa, coalesce(pr, 0) pr, coalesce(vo, 0) vo,
                       sum(coalesce(pa, 0)) over w, sum(coalesce(pr, 0)) over w, sum(coalesce(vo, 0)) over w
                from days left join per_day using (d)
                window w as (order by days.d)
                order by days.d""")
                .param("c", consultationId)
                .query((rs, n) -> new Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** What an analysis stored for one proposal: its consensus figures and the counters of that moment. */
    private record Stored(double geometricMean, Double weakestGroupAgreement, Tally verified, Tally sequence) {}

    /**
     * Every accepted proposal with its scores (blend of verified and sequence counts) and stored
     * consensus; with {@code snapshot}, the proposals and counters stored by the analysis instead of
     * the live ones.
     */
    List<Scored> scored(UUID consultationId, UUID analysisId, boolean snapshot) {
        Map<UUID, SequenceProposal> counters = new HashMap<>();
        if (!snapshot) {
            sequences.load(consultationId).forEach(p -> counters.put(p.id(), p));
        }
        Map<UUID, Stored> stored = new HashMap<>();
        if (analysisId != null) {
            jdbc.sql("""
                    select proposal_id, geometric_mean, weakest_group_agreement, verified, sequence
                    from consultation_analysis_consensus where analysis_id = ?""")
                    .param(analysisId).query(rs -> {
                        stored.put(rs.getObject(1, UUID.class), new Stored(rs.getDouble(2),
                                (Double) rs.getObject(3), tally(rs.getArray(4)), tally(rs.getArray(5))));
                    });
        }
        String which = snapshot ? "p.id = any(:stored)" : "p.status = 'ACCEPTED'";
        return jdbc.sql("""
                select p.id, p.text, array(select t.label from consultation_proposal_theme pt
                                           join consultation_theme t on t.id = pt.theme_id
                                           where pt.proposal_id = p.id order by t.position) themes
                from consultation_proposal p where p.consultation_id = :c and %s
                order by p.created_at, p.id""".formatted(which))
                .param("c", consultationId).param("stored", stored.keySet().toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Stored s = stored.get(id);
                    Tally verified;
                    Tally sequence;
                    if (snapshot) {
                        verified = s.verified();
                        sequence = s.sequence();
                    } else {
                        SequenceProposal p = counters.get(id);
                        verified = p == null ? Tally.EMPTY : p.counters().verified();
                        sequence = p == null ? Tally.EMPTY : p.counters().sequence();
                    }
                    return new Scored(id, rs.getString(2), Consultations.strings(rs.getArray(3)), verified.total(),
                            ProposalScores.blended(verified, sequence), ProposalScores.of(verified),
                            s == null ? null : s.geometricMean(),
                            s == null ? null : s.weakestGroupAgreement());
                })
                .list();
    }

    /** A counter stored as an array in {@link #COUNTER_COLUMNS} order (null: no vote counted). */
    private static Tally tally(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return Tally.EMPTY;
        }
        Long[] c = (Long[]) array.getArray();
        Map<Qualification, Long> qualifications = new java.util.EnumMap<>(Qualification.class);
        for (Qualification q : Qualification.values()) {
            qualifications.put(q, c[3 + q.ordinal()]);
        }
        return new Tally(c[0], c[1], c[2], qualifications);
    }

    private AnalysisResult analysis(AnalysisJobs.Job job, Consultations.Consultation c, List<Scored> all,
            List<Scored> top, String splitBy) {
        Map<UUID, String> texts = new HashMap<>();
        all.forEach(s -> texts.put(s.id(), s.text()));
        Map<Integer, List<Representative>> reps = new HashMap<>();
        jdbc.sql("select * from consultation_analysis_representative where analysis_id = ? order by group_id, rank")
                .param(job.id()).query(rs -> {
                    UUID p = rs.getObject("proposal_id", UUID.class);
                    if (texts.containsKey(p)) {
                        reps.computeIfAbsent(rs.getInt("group_id"), g -> new ArrayList<>()).add(new Representative(p,
                                texts.get(p), rs.getString("direction"), rs.getDouble("rate"), rs.getDouble("others_rate")));
                    }
                });
        List<Group> groups = jdbc.sql("select * from consultation_analysis_group where analysis_id = ? order by members desc, group_id")
                .param(job.id())
                .query((rs, n) -> new Group(rs.getInt("group_id"), rs.getInt("members"), rs.getDouble("centre_x"),
                        rs.getDouble("centre_y"), reps.getOrDefault(rs.getInt("group_id"), List.of())))
                .list();
        List<Point> points = new ArrayList<>();
        int total = job.participants() == null ? 0 : job.participants();
        int stride = Math.max(1, (total + MAP_POINTS - 1) / MAP_POINTS);
        jdbc.sql("""
                select x, y, group_id from (
                    select x, y, group_id, row_number() over (order by participant_id) r
                    from consultation_participant_position where analysis_id = ?) s
                where r % ? = 0""")
                .param(job.id()).param(stride)
                .query(rs -> {
                    points.add(new Point(rs.getDouble(1), rs.getDouble(2), (Integer) rs.getObject(3)));
                });
        return new AnalysisResult(job, groups, points, splits(job, c, top, splitBy));
    }

    /** The splits by the chosen profile question among those the analysis split by. */
    private Splits splits(AnalysisJobs.Job job, Consultations.Consultation c, List<Scored> top, String splitBy) {
        Map<String, List<Segment>> segmentsOf = new LinkedHashMap<>();
        Map<String, Consultations.ProfileQuestion> asked = new LinkedHashMap<>();
        c.profileQuestions().forEach(q -> asked.put(q.code(), q));
        jdbc.sql("select question_code, segment, participants from consultation_analysis_split_segment where analysis_id = ?")
                .param(job.id()).query(rs -> {
                    Consultations.ProfileQuestion q = asked.get(rs.getString(1));
                    if (q != null) {
                        segmentsOf.computeIfAbsent(q.code(), k -> new ArrayList<>())
                                .add(segment(q, rs.getString(2), rs.getInt(3)));
                    }
                });
        List<SplitQuestion> questions = asked.values().stream().filter(q -> segmentsOf.containsKey(q.code()))
                .map(q -> new SplitQuestion(q.code(), q.label(), q.kind(), professional(q))).toList();
        SplitQuestion chosen = questions.stream().filter(q -> q.code().equals(splitBy)).findFirst()
                .or(() -> questions.stream().filter(SplitQuestion::professional).findFirst())
                .or(() -> questions.stream().findFirst()).orElse(null);
        if (chosen == null) {
            return new Splits(questions, null, List.of(), List.of());
        }
        List<Segment> segments = segmentsOf.get(chosen.code()).stream()
                .sorted(Comparator.comparing((Segment s) -> ProfileSplits.OTHERS.equals(s.key()))
                        .thenComparing(Segment::key))
                .toList();
        Map<UUID, Map<String, Tally>> tallies = new HashMap<>();
        jdbc.sql("select * from consultation_analysis_split where analysis_id = ? and question_code = ?")
                .param(job.id()).param(chosen.code()).query(rs -> {
                    tallies.computeIfAbsent(rs.getObject("proposal_id", UUID.class), p -> new HashMap<>())
                            .put(rs.getString("segment"), Tally.of(rs.getLong("agree"), rs.getLong("disagree"),
                                    rs.getLong("neutral")));
                });
        List<Split> rows = new ArrayList<>();
        for (Scored s : top) {
            Map<String, Tally> t = tallies.getOrDefault(s.id(), Map.of());
            Map<String, ProposalScores> bySegment = new LinkedHashMap<>();
            Map<String, Long> votes = new LinkedHashMap<>();
            for (Segment segment : segments) {
                Tally tally = t.getOrDefault(segment.key(), Tally.EMPTY);
                bySegment.put(segment.key(), ProposalScores.of(tally));
                votes.put(segment.key(), tally.total());
            }
            rows.add(new Split(s.id(), s.text(), bySegment, votes));
        }
        return new Splits(questions, chosen, segments, rows);
    }

    /** The question that tells professionals from citizens (its yes/no answers are named so). */
    private static boolean professional(Consultations.ProfileQuestion q) {
        return q.kind() == ProfileQuestionKind.YES_NO
                && (q.definesSegment() || Consultations.PROFESSIONAL_QUESTION.equals(q.code()));
    }

    private static Segment segment(Consultations.ProfileQuestion q, String key, int participants) {
        if (ProfileSplits.OTHERS.equals(key)) {
            return new Segment(key, "results.segment.others", "", participants);
        }
        String messageKey = switch (q.kind()) {
            case YES_NO -> professional(q) ? "results.segment." + key : "results.segment.answer." + key;
            case DEPARTEMENT -> "results.segment.departement";
            case CHOICE -> "results.segment.choice";
        };
        return new Segment(key, messageKey, key, participants);
    }
}
