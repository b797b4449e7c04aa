package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import fr.passerelle.shared.TenantContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The vote path. {@link #cast} records one participant's vote on one proposal and moves the
 * proposal's exact counters (all / verified / sequence / segment × key and qualifications) in the
 * same statement, hence the same transaction: a vote acknowledged is committed with its counts.
 * One vote per (participant, proposal): a second vote replaces the first ({@code INSERT … ON
 * CONFLICT DO UPDATE}, which locks the row, so parallel double clicks count once and a changed
 * vote moves the counts from the old key to the new one). Votes are not written to the hash-chained
 * audit trail: a vote is not a personal file, and one chained write per vote would serialise them.
 * Callers act as the consultation's organisation (public pages, the replay generator).
 *
 * <p>The statement takes a batch of votes: requests cast outside a transaction are committed
 * together by the {@link VoteWriter} (group commit), each answered once its batch is committed.
 */
@Service
public class Votes implements SmartLifecycle {

    private final JdbcClient jdbc;
    private final JdbcTemplate connections;
    private final TransactionTemplate transactions;
    private final ProposalKeys keys;
    private final VoteWriter writer;

    Votes(JdbcClient jdbc, JdbcTemplate connections, TransactionTemplate transactions, ProposalKeys keys,
            ConsultationProperties properties) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.transactions = transactions;
        this.keys = keys;
        this.writer = new VoteWriter(this::write, properties.voteBatchSize(), properties.voteQueueCapacity());
    }

    /**
     * A vote as sent by a participant.
     *
     * @param qualifications the qualifications of the vote; null keeps the current ones when the key
     *     does not change (and means none otherwise)
     * @param location where the proposal was shown (with its signed key); null or a wrong key make
     *     the vote untrusted (counted in ALL only)
     */
    public record Ballot(UUID consultationId, UUID participantId, UUID proposalId, VoteKey key,
            Set<Qualification> qualifications, ProposalKeys.Location location, String proposalKey) {}

    /** The vote as stored after casting. */
    public record Recorded(UUID proposalId, VoteKey key, Set<Qualification> qualifications, boolean trusted,
            boolean changed) {}

    /** One participant's vote on one proposal. */
    record VoteId(UUID participant, UUID proposal) {}

    /** A ballot checked and ready for the vote statement, with the tenant it is written as. */
    record Prepared(UUID organisation, String user, UUID consultation, UUID participant, UUID proposal, String key,
            String qualifications, String trust, boolean fromSequence, boolean keep) {
        VoteId id() {
            return new VoteId(participant, proposal);
        }
    }

    /**
     * Records a vote (or replaces the participant's vote on this proposal) and moves the counters.
     * Outside a transaction the vote goes to the {@link VoteWriter}, which commits it together with
     * the other votes waiting at that moment (group commit) and answers once they are committed
     * (synchronously): a vote acknowledged is stored. Inside a caller's transaction it joins it.
     */
    public Recorded cast(Ballot ballot) {
        if (ballot.key() == null) {
            throw new FieldRefusal("key", "consultation.vote.key.required");
        }
        if (ballot.qualifications() != null && !Qualification.allowed(ballot.key(), ballot.qualifications())) {
            throw BusinessException.invalid("consultation.vote.qualification.wrongKey");
        }
        boolean trusted = ballot.location() != null
                && keys.verify(ballot.proposalId(), ballot.participantId(), ballot.location(), ballot.proposalKey());
        boolean fromSequence = trusted && ballot.location() == ProposalKeys.Location.SEQUENCE;
        Set<Qualification> qualifications = ballot.qualifications() == null ? Set.of() : ballot.qualifications();
        Prepared prepared = new Prepared(TenantContext.currentOrganisationId().orElseThrow(),
                TenantContext.currentPrincipal().map(p -> p.userId().toString()).orElse(""),
                ballot.consultationId(), ballot.participantId(), ballot.proposalId(), ballot.key().name(),
                qualifications.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                trusted ? "TRUSTED" : "TROLL", fromSequence, ballot.qualifications() == null);
        Optional<Recorded> recorded = TransactionSynchronizationManager.isActualTransactionActive()
                ? Optional.ofNullable(write(prepared.organisation(), prepared.user(), List.of(prepared)).get(prepared.id()))
                : writer.submit(prepared);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        // Nothing written: the same vote again (idempotent), or a vote that cannot be cast.
        return transactions.execute(status -> {
            Optional<Recorded> current = current(ballot.participantId(), ballot.proposalId());
            boolean open = open(ballot.consultationId());
            if (current.isPresent() && open) {
                return current.get();
            }
            if (!open) {
                throw BusinessException.conflict("consultation.vote.closed");
            }
            throw new BusinessException(404, "consultation.vote.unknownProposal");
        });
    }

    /**
     * Runs the vote statement for a batch of one organisation in one round trip: outside a
     * transaction the tenant setting and the statement run as one implicit transaction, committed
     * before this returns; inside one, they join it. Returns the votes written.
     */
    Map<VoteId, Recorded> write(UUID organisation, String user, List<Prepared> batch) {
        Map<VoteId, Recorded> written = new HashMap<>();
        connections.execute((Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement(VoteStatement.CAST)) {
                ps.setString(1, organisation.toString());
                ps.setString(2, user);
                ps.setArray(3, connection.createArrayOf("uuid", batch.stream().map(Prepared::consultation).toArray()));
                ps.setArray(4, connection.createArrayOf("uuid", batch.stream().map(Prepared::participant).toArray()));
                ps.setArray(5, connection.createArrayOf("uuid", batch.stream().map(Prepared::proposal).toArray()));
                ps.setArray(6, connection.createArrayOf("text", batch.stream().map(Prepared::key).toArray()));
                ps.setArray(7, connection.createArrayOf("text", batch.stream().map(Prepared::qualifications).toArray()));
                ps.setArray(8, connection.createArrayOf("text", batch.stream().map(Prepared::trust).toArray()));
                ps.setArray(9, connection.createArrayOf("boolean", batch.stream().map(Prepared::fromSequence).toArray()));
                ps.setArray(10, connection.createArrayOf("boolean", batch.stream().map(Prepared::keep).toArray()));
                ps.execute();
                // The first result is the tenant setting; the second, the votes as stored.
                if (!ps.getMoreResults()) {
                    throw new IllegalStateException("the vote statement returned no result");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        UUID proposal = rs.getObject("proposal_id", UUID.class);
                        written.put(new VoteId(rs.getObject("participant_id", UUID.class), proposal),
                                new Recorded(proposal, VoteKey.valueOf(rs.getString("key")), qualifications(rs),
                                        "TRUSTED".equals(rs.getString("trust")), true));
                    }
                }
            }
            return null;
        });
        return written;
    }

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void stop() {
        writer.stop();
    }

    @Override
    public boolean isRunning() {
        return writer.running();
    }

    /** Starts before the web server and stops after it has drained its requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * Adds ({@code on}), removes ({@code !on}) or toggles ({@code null}) one qualification of the
     * participant's vote. A qualification needs a vote of its key: without a vote, or under another
     * key, it is refused.
     */
    @Transactional
    public Recorded qualify(UUID consultationId, UUID participantId, UUID proposalId, Qualification qualification,
            Boolean on) {
        if (qualification == null) {
            throw new FieldRefusal("qualification", "consultation.vote.qualification.required");
        }
        record Locked(Recorded vote, ProposalKeys.Location location) {}
        Locked locked = jdbc.sql("select * from consultation_vote where participant_id = ? and proposal_id = ? for update")
                .param(participantId).param(proposalId)
                .query((rs, n) -> new Locked(map(rs, n), location(rs)))
                .optional()
                .orElseThrow(() -> BusinessException.invalid("consultation.vote.qualification.noVote"));
        Recorded current = locked.vote();
        if (qualification.key() != current.key()) {
            throw BusinessException.invalid("consultation.vote.qualification.wrongKey");
        }
        Set<Qualification> next = current.qualifications().isEmpty() ? EnumSet.noneOf(Qualification.class)
                : EnumSet.copyOf(current.qualifications());
        if (on == null ? !next.contains(qualification) : on) {
            next.add(qualification);
        } else {
            next.remove(qualification);
        }
        // The vote keeps its trust and where it was cast from (cast checks a signed key for that).
        ProposalKeys.Location location = locked.location();
        return cast(new Ballot(consultationId, participantId, proposalId, current.key(), next, location,
                location == null ? null : keys.sign(proposalId, participantId, location)));
    }

    /**
     * Turns the participant's UNPROVEN votes (a valid key, cast before their proof) into trusted
     * ones, moving the counters by exactly the change: the same statement as a vote, written again
     * with the participant now proven. Called in the transaction that records the proof.
     */
    @Transactional
    public int promote(UUID participantId) {
        UUID organisation = TenantContext.currentOrganisationId().orElseThrow();
        String user = TenantContext.currentPrincipal().map(p -> p.userId().toString()).orElse("");
        List<Prepared> unproven = jdbc.sql("""
                select consultation_id, proposal_id, key, qualifications, from_sequence from consultation_vote
                where participant_id = ? and trust = 'UNPROVEN' order by proposal_id""")
                .param(participantId)
                .query((rs, n) -> new Prepared(organisation, user, rs.getObject("consultation_id", UUID.class),
                        participantId, rs.getObject("proposal_id", UUID.class), rs.getString("key"),
                        String.join(",", Consultations.strings(rs.getArray("qualifications"))), "TRUSTED",
                        rs.getBoolean("from_sequence"), false))
                .list();
        return unproven.isEmpty() ? 0 : write(organisation, user, unproven).size();
    }

    /** Removes a vote and its counts (used when merging a participant into another). */
    @Transactional
    public boolean retract(UUID participantId, UUID proposalId) {
        return jdbc.sql(VoteStatement.RETRACT).param("participant", participantId).param("proposal", proposalId)
                .query(Long.class).single() > 0;
    }

    /** The participant's vote on a proposal, if any. */
    @Transactional(readOnly = true)
    public Optional<Recorded> current(UUID participantId, UUID proposalId) {
        return jdbc.sql("select * from consultation_vote where participant_id = ? and proposal_id = ?")
                .param(participantId).param(proposalId).query(Votes::map).optional();
    }

    /** The participant's votes, by proposal. */
    @Transactional(readOnly = true)
    public Map<UUID, Recorded> of(UUID participantId) {
        return jdbc.sql("select * from consultation_vote where participant_id = ?").param(participantId)
                .query(Votes::map).list().stream().collect(Collectors.toMap(Recorded::proposalId, r -> r));
    }

    private boolean open(UUID consultationId) {
        return jdbc.sql("select count(*) from consultation where id = ? and status = 'OPEN'").param(consultationId)
                .query(Long.class).single() > 0;
    }

    /**
     * Where a stored vote was cast from, as far as its key proved it: none for a vote without a
     * valid key (TROLL); an UNPROVEN vote had a valid key.
     */
    private static ProposalKeys.Location location(ResultSet rs) throws SQLException {
        if ("TROLL".equals(rs.getString("trust"))) {
            return null;
        }
        return rs.getBoolean("from_sequence") ? ProposalKeys.Location.SEQUENCE : ProposalKeys.Location.PROPOSAL;
    }

    private static Recorded map(ResultSet rs, int n) throws SQLException {
        return new Recorded(rs.getObject("proposal_id", UUID.class), VoteKey.valueOf(rs.getString("key")),
                qualifications(rs), "TRUSTED".equals(rs.getString("trust")), false);
    }

    private static Set<Qualification> qualifications(ResultSet rs) throws SQLException {
        Set<Qualification> result = EnumSet.noneOf(Qualification.class);
        Consultations.strings(rs.getArray("qualifications")).forEach(q -> result.add(Qualification.valueOf(q)));
        return result;
    }
}
