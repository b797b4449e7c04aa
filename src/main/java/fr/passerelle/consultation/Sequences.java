package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.ProposalCounters;
import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.Sequence;
import fr.passerelle.consultation.engine.SequenceOptions;
import fr.passerelle.consultation.engine.SequenceProposal;
import fr.passerelle.consultation.engine.Tally;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The voting sequence of a participant: {@link Sequence} (the engine) over a snapshot of the
 * accepted proposals and their counters, rebuilt at most every few seconds per consultation, minus
 * what the participant already voted. Callers act as the consultation's organisation.
 */
@Service
public class Sequences {

    /** How long a snapshot of the accepted proposals serves before it is rebuilt. */
    static final long SNAPSHOT_MILLIS = 3_000;

    private final JdbcClient jdbc;
    private final SequenceRandom random;
    private final Clock clock;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    Sequences(JdbcClient jdbc, SequenceRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
    }

    private record Snapshot(Sequence sequence, Instant takenAt) {}

    /** Up to 12 accepted proposals the participant has not voted yet, in the order to show them. */
    @Transactional(readOnly = true)
    public List<UUID> next(UUID consultationId, UUID participantId) {
        Set<UUID> voted = new HashSet<>(jdbc.sql("select proposal_id from consultation_vote where participant_id = ?")
                .param(participantId).query(UUID.class).list());
        return snapshot(consultationId).next(voted, random.next());
    }

    /** Forgets the snapshot of a consultation (after moderation decisions, in tests). */
    public void refresh(UUID consultationId) {
        snapshots.remove(consultationId);
    }

    /**
     * The current snapshot, rebuilt when it is too old: once, by the first request that finds it
     * so (the others of that consultation wait for it rather than each reading the proposals).
     */
    private Sequence snapshot(UUID consultationId) {
        Instant now = clock.instant();
        Snapshot current = snapshots.get(consultationId);
        if (current != null && !stale(current, now)) {
            return current.sequence();
        }
        return snapshots.compute(consultationId, (id, s) -> s != null && !stale(s, now) ? s
                : new Snapshot(Sequence.of(load(id), SequenceOptions.DEFAULTS), now)).sequence();
    }

    private static boolean stale(Snapshot s, Instant now) {
        return s.takenAt().plusMillis(SNAPSHOT_MILLIS).isBefore(now);
    }

    /** The accepted proposals of a consultation with their counters. */
    List<SequenceProposal> load(UUID consultationId) {
        Map<UUID, Map<String, Tally>> tallies = new HashMap<>();
        jdbc.sql("""
                select k.* from consultation_proposal_counter k join consultation_proposal p on p.id = k.proposal_id
                where p.consultation_id = ? and p.status = 'ACCEPTED'""")
                .param(consultationId)
                .query(rs -> {
                    EnumMap<Qualification, Long> q = new EnumMap<>(Qualification.class);
                    for (Qualification qualification : Qualification.values()) {
                        q.put(qualification, rs.getLong(qualification.name().toLowerCase(java.util.Locale.ROOT)));
                    }
                    tallies.computeIfAbsent(rs.getObject("proposal_id", UUID.class), id -> new HashMap<>())
                            .put(rs.getString("kind"), new Tally(rs.getLong("agree"), rs.getLong("disagree"),
                                    rs.getLong("neutral"), q));
                });
        return jdbc.sql("""
                select id, participant_id, created_at, keywords from consultation_proposal
                where consultation_id = ? and status = 'ACCEPTED'""")
                .param(consultationId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Map<String, Tally> t = tallies.getOrDefault(id, Map.of());
                    ProposalCounters counters = new ProposalCounters(t.getOrDefault("ALL", Tally.EMPTY),
                            t.getOrDefault("VERIFIED", Tally.EMPTY), t.getOrDefault("SEQUENCE", Tally.EMPTY),
                            t.getOrDefault("SEGMENT", Tally.EMPTY));
                    return new SequenceProposal(id, rs.getObject("participant_id", UUID.class),
                            rs.getTimestamp("created_at").toInstant(),
                            Set.copyOf(Consultations.strings(rs.getArray("keywords"))), counters);
                })
                .list();
    }
}
