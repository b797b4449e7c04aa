package fr.passerelle.consultation;

import fr.passerelle.consultation.engine.Qualification;
import fr.passerelle.consultation.engine.VoteKey;
import fr.passerelle.shared.db.TenantAwareTransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL of the vote path ({@link Votes}), kept apart (and free of Spring types) so that the
 * benchmark can run the very same statement directly over JDBC.
 */
public final class VoteStatement {

    /**
     * The counter update shared by casting and retracting: {@code v} holds the votes after
     * ({@code key}, … null when retracted) and before ({@code prev_key}, … null when new). The
     * deltas of a batch are summed per counter row and applied in (proposal, kind) order, so that
     * concurrent batches lock counter rows in the same order.
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
                select organisation_id, proposal_id, kind, %s from d
                group by organisation_id, proposal_id, kind
                order by proposal_id, kind
                on conflict (proposal_id, kind) do update set %s
                returning 1
            )
            """.formatted(deltas(), String.join(", ", columnNames()),
                    columnNames().stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", ")), increments());

    /**
     * Whether the ballot of a conflicting row asked to keep the current qualifications (it gave
     * none) and votes the same key: looked up in the batch {@code b}, against the locked row.
     */
    private static final String KEEPS = """
            ((select b.keep from b where b.participant = excluded.participant_id and b.proposal = excluded.proposal_id)
             and t.key = excluded.key)""";

    /**
     * A batch of votes (positional parameters: organisation, user, then one array per column of
     * the batch). Inserts or replaces each vote, in (participant, proposal) order, and moves the
     * counters; returns the votes written. A vote with a valid key from a participant not proven
     * yet is stored UNPROVEN (counted in ALL only, like TROLL) — read from the participant row the
     * statement joins anyway. That row is read {@code for share}: a vote and the participant's
     * proof ({@link Participants#prove}, which updates the row) never overlap, so a vote cast while
     * the proof commits is either seen by its promotion or reads the proven row (the lock costs
     * no more than the one the vote's foreign key already takes on the same row; it holds back only
     * that participant's proof and profile, never other votes). A batch never holds two ballots of
     * the same participant on the same proposal (see {@link VoteWriter}).
     */
    static final String CAST = """
            select set_config('%s', ?, true), set_config('%s', ?, true);
            with b as (
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[])
                       as b(consultation, participant, proposal, key, qualifications, trust, from_sequence, keep)
            ), v as (
                insert into consultation_vote as t (organisation_id, consultation_id, participant_id, proposal_id, key,
                                                    qualifications, trust, from_sequence, in_segment)
                select pr.organisation_id, pr.consultation_id, pa.id, pr.id, b.key, string_to_array(b.qualifications, ','),
                       case when b.trust = 'TRUSTED' and pa.proven_at is null then 'UNPROVEN' else b.trust end,
                       b.from_sequence, coalesce(pa.segment = pr.segment, false)
                from b
                join consultation_proposal pr on pr.id = b.proposal and pr.consultation_id = b.consultation
                                              and pr.status = 'ACCEPTED'
                join consultation c on c.id = pr.consultation_id and c.status = 'OPEN'
                join consultation_participant pa on pa.id = b.participant and pa.consultation_id = pr.consultation_id
                                                 and pa.merged_into is null
                order by pa.id, pr.id
                for share of pa
                on conflict (participant_id, proposal_id) do update set
                    prev_key = t.key, prev_qualifications = t.qualifications, prev_trust = t.trust,
                    prev_from_sequence = t.from_sequence, prev_in_segment = t.in_segment,
                    key = excluded.key,
                    qualifications = case when %3$s then t.qualifications else excluded.qualifications end,
                    trust = excluded.trust, from_sequence = excluded.from_sequence, in_segment = excluded.in_segment,
                    updated_at = now()
                where (t.key, t.qualifications, t.trust, t.from_sequence) is distinct from
                      (excluded.key, case when %3$s then t.qualifications else excluded.qualifications end,
                       excluded.trust, excluded.from_sequence)
                returning t.*
            )""".formatted(TenantAwareTransactionManager.ORGANISATION_SETTING,
                    TenantAwareTransactionManager.USER_SETTING, KEEPS) + COUNTERS + """
            select v.participant_id, v.proposal_id, v.key, v.qualifications, v.trust, (select count(*) from upd) counters
            from v""";

    static final String RETRACT = """
            with v as (
                delete from consultation_vote where participant_id = :participant and proposal_id = :proposal
                returning organisation_id, proposal_id, null::varchar as key, null::text[] as qualifications,
                          null::varchar as trust, null::boolean as from_sequence, null::boolean as in_segment,
                          key as prev_key, qualifications as prev_qualifications, trust as prev_trust,
                          from_sequence as prev_from_sequence, in_segment as prev_in_segment
            )""" + COUNTERS + """
            select count(*) from v, (select count(*) from upd) u""";

    private VoteStatement() {}

    /**
     * The vote statement as sent to PostgreSQL (positional parameters: organisation, user, then the
     * arrays consultation, participant, proposal, key, qualifications, trust, from sequence, keep):
     * the benchmark runs it directly over JDBC to measure PostgreSQL's ceiling for the same write.
     */
    public static String cast() {
        return CAST;
    }

    private static List<String> columnNames() {
        List<String> names = new ArrayList<>(List.of("agree", "disagree", "neutral"));
        for (Qualification q : Qualification.values()) {
            names.add(q.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** One delta column per counter: +1 when the new vote counts there, −1 when the old one did. */
    private static String deltas() {
        List<String> parts = new ArrayList<>();
        for (VoteKey key : VoteKey.values()) {
            parts.add(("(case when k.now_in and v.key = '%1$s' then 1 else 0 end)"
                    + " - (case when k.prev_in and v.prev_key = '%1$s' then 1 else 0 end) as %2$s")
                    .formatted(key.name(), key.name().toLowerCase(Locale.ROOT)));
        }
        for (Qualification q : Qualification.values()) {
            parts.add(("(case when k.now_in and '%1$s' = any(v.qualifications) then 1 else 0 end)"
                    + " - (case when k.prev_in and '%1$s' = any(v.prev_qualifications) then 1 else 0 end) as %2$s")
                    .formatted(q.name(), q.name().toLowerCase(Locale.ROOT)));
        }
        return String.join(",\n", parts);
    }

    private static String increments() {
        return columnNames().stream().map(c -> c + " = c." + c + " + excluded." + c).collect(Collectors.joining(", "));
    }
}
