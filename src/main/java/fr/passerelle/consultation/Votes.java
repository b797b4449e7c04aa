package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import fr.passerelle.shared.TenantContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vote path. {@link #cast} records one participant's vote on one proposal and moves the
 * proposal's exact counters (all / verified / sequence / segment × key and qualifications) in the
 * same statement, hence the same transaction: a vote acknowledged is committed with its counts.
 * One vote per (participant, proposal): a second vote replaces the first ({@code INSERT … ON
 * CONFLICT DO UPDATE}, which locks the row, so parallel double clicks count once and a changed
 * vote moves the counts from the old key to the new one). Votes are not written to the hash-chained
 * audit trail: a vote is not a personal file, and one chained write per vote would serialise them.
 * Callers act as the consultation's organisation (public pages, the replay generator).
 */
@Service
public class Votes {

    /**
     * The counter update shared by casting and retracting: {@code v} holds the vote after
     * ({@code key}, … null when retracted) and before ({@code prev_key}, … null when new).
     */
    private static final String COUNTERS = """
            , d as (
                select v.organisation_id, v.proposal_id, k.kind,
                       %s
                from v cross join lateral (values
                    ('ALL', v.key is not null, v.prev_key is not null),
                    ('VERIFIED', v.trust = 'TRUSTED', v.prev_trust = 'TRUSTED'),
                    ('SEQUENCE', v.trust = 'TRUSTED' and v.from_sequence, v.prev_trust = 'TRUSTED' and v.prev_from_sequence),
                    ('SEGMENT', v.trust = 'TRUSTED' and v.in_segment, v.prev_trust = 'TRUSTED' and v.prev_in_segment)
                ) k(kind, now_in, prev_in)
                where k.now_in or k.prev_in
            ), upd as (
                insert into consultation_proposal_counter as c (organisation_id, proposal_id, kind, %s)
                select * from d
                on conflict (proposal_id, kind) do update set %s
                returning 1
            )
            """.formatted(deltas(), String.join(", ", columnNames()), increments());

    private static final String CAST = """
            with v as (
                insert into consultation_vote as t (organisation_id, consultation_id, participant_id, proposal_id, key,
                                                    qualifications, trust, from_sequence, in_segment)
                select pr.organisation_id, pr.consultation_id, pa.id, pr.id, :key, string_to_array(:qualifications, ','),
                       :trust, :fromSequence, coalesce(pa.segment = pr.segment, false)
                from consultation_proposal pr
                join consultation c on c.id = pr.consultation_id and c.status = 'OPEN'
                join consultation_participant pa on pa.id = :participant and pa.consultation_id = pr.consultation_id
                                                 and pa.merged_into is null
                where pr.id = :proposal and pr.consultation_id = :consultation and pr.status = 'ACCEPTED'
                on conflict (participant_id, proposal_id) do update set
                    prev_key = t.key, prev_qualifications = t.qualifications, prev_trust = t.trust,
                    prev_from_sequence = t.from_sequence, prev_in_segment = t.in_segment,
                    key = excluded.key,
                    qualifications = case when :keep and t.key = excluded.key then t.qualifications else excluded.qualifications end,
                    trust = excluded.trust, from_sequence = excluded.from_sequence, in_segment = excluded.in_segment,
                    updated_at = now()
                where (t.key, t.qualifications, t.trust, t.from_sequence) is distinct from
                      (excluded.key, case when :keep and t.key = excluded.key then t.qualifications else excluded.qualifications end,
                       excluded.trust, excluded.from_sequence)
                returning t.*
            )""" + COUNTERS + """
            select v.key, v.qualifications, v.trust, (select count(*) from upd) counters from v""";

    private static final String RETRACT = """
            with v as (
                delete from consultation_vote where participant_id = :participant and proposal_id = :proposal
                returning organisation_id, proposal_id, null::varchar as key, null::text[] as qualifications,
                          null::varchar as trust, null::boolean as from_sequence, null::boolean as in_segment,
                          key as prev_key, qualifications as prev_qualifications, trust as prev_trust,
                          from_sequence as prev_from_sequence, in_segment as prev_in_segment
            )""" + COUNTERS + """
            select count(*) from v, (select count(*) from upd) u""";

    /**
     * The tenant setting (what the transaction manager does at the start of a transaction) and the
     * vote statement, sent together: without a transaction, they run in one implicit transaction.
     */
    private static final String TENANT_AND_CAST = "select set_config('"
            + fr.passerelle.shared.db.TenantAwareTransactionManager.ORGANISATION_SETTING + "', :tenant, true),"
            + " set_config('" + fr.passerelle.shared.db.TenantAwareTransactionManager.USER_SETTING + "', :user, true);\n"
            + CAST;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final ProposalKeys keys;

    Votes(JdbcClient jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transactions, ProposalKeys keys) {
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = transactions;
        this.keys = keys;
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

    /**
     * Records a vote (or replaces the participant's vote on this proposal) and moves the counters.
     * Outside a transaction it costs one round trip: the tenant setting and the vote statement go
     * together and run as one implicit transaction, committed (synchronously) before this returns;
     * inside a caller's transaction it joins it.
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
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", TenantContext.currentOrganisationId().orElseThrow().toString());
        params.put("user", TenantContext.currentPrincipal().map(p -> p.userId().toString()).orElse(""));
        params.put("key", ballot.key().name());
        params.put("qualifications", qualifications.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        params.put("trust", trusted ? "TRUSTED" : "TROLL");
        params.put("fromSequence", fromSequence);
        params.put("participant", ballot.participantId());
        params.put("proposal", ballot.proposalId());
        params.put("consultation", ballot.consultationId());
        params.put("keep", ballot.qualifications() == null);
        Optional<Recorded> recorded = named.execute(TENANT_AND_CAST, params, ps -> {
            ps.execute();
            // The first result is the tenant setting; the second, the vote as stored (if written).
            if (!ps.getMoreResults()) {
                throw new IllegalStateException("the vote statement returned no result");
            }
            try (ResultSet rs = ps.getResultSet()) {
                return rs.next() ? Optional.of(new Recorded(ballot.proposalId(), VoteKey.valueOf(rs.getString("key")),
                        qualifications(rs), "TRUSTED".equals(rs.getString("trust")), true)) : Optional.<Recorded>empty();
            }
        });
        if (recorded != null && recorded.isPresent()) {
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
        Recorded current = jdbc.sql("select * from consultation_vote where participant_id = ? and proposal_id = ? for update")
                .param(participantId).param(proposalId).query(Votes::map).optional()
                .orElseThrow(() -> BusinessException.invalid("consultation.vote.qualification.noVote"));
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
        String trustedLocation = jdbc.sql("select trust, from_sequence from consultation_vote where participant_id = ? and proposal_id = ?")
                .param(participantId).param(proposalId)
                .query((rs, n) -> "TRUSTED".equals(rs.getString(1)) ? (rs.getBoolean(2) ? "SEQUENCE" : "PROPOSAL") : null)
                .single();
        ProposalKeys.Location location = ProposalKeys.Location.parse(trustedLocation);
        return cast(new Ballot(consultationId, participantId, proposalId, current.key(), next, location,
                location == null ? null : keys.sign(proposalId, participantId, location)));
    }

    /**
     * The vote as sent to PostgreSQL, with its named parameters (tenant, user, key, qualifications,
     * trust, fromSequence, participant, proposal, consultation, keep): the benchmark runs it directly
     * over JDBC to measure PostgreSQL's ceiling for the very same write.
     */
    public static String castStatement() {
        return TENANT_AND_CAST;
    }

    /** Removes a vote and its counts (used when merging a participant into another). */
    @Transactional
    public boolean retract(UUID participantId, UUID proposalId) {
        return jdbc.sql(RETRACT).param("participant", participantId).param("proposal", proposalId)
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

    private static Recorded map(ResultSet rs, int n) throws SQLException {
        return new Recorded(rs.getObject("proposal_id", UUID.class), VoteKey.valueOf(rs.getString("key")),
                qualifications(rs), "TRUSTED".equals(rs.getString("trust")), false);
    }

    private static Set<Qualification> qualifications(ResultSet rs) throws SQLException {
        Set<Qualification> result = EnumSet.noneOf(Qualification.class);
        Consultations.strings(rs.getArray("qualifications")).forEach(q -> result.add(Qualification.valueOf(q)));
        return result;
    }

    private static java.util.List<String> columnNames() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("agree", "disagree", "neutral"));
        for (Qualification q : Qualification.values()) {
            names.add(q.name().toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    /** One delta column per counter: +1 when the new vote counts there, −1 when the old one did. */
    private static String deltas() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (VoteKey key : VoteKey.values()) {
            parts.add(("(case when k.now_in and v.key = '%1$s' then 1 else 0 end)"
                    + " - (case when k.prev_in and v.prev_key = '%1$s' then 1 else 0 end)").formatted(key.name()));
        }
        for (Qualification q : Qualification.values()) {
            parts.add(("(case when k.now_in and '%1$s' = any(v.qualifications) then 1 else 0 end)"
                    + " - (case when k.prev_in and '%1$s' = any(v.prev_qualifications) then 1 else 0 end)").formatted(q.name()));
        }
        return String.join(",\n", parts);
    }

    private static String increments() {
        return columnNames().stream().map(c -> c + " = c." + c + " + excluded." + c).collect(Collectors.joining(", "));
    }
}
