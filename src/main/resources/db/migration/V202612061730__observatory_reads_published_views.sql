-- National observatory: reads the measures only through what the measures module publishes
-- (ADR 0010), and no longer keeps triggers or journals on other modules' tables.
--
-- The queue of changed measures and the journals of changes now belong to their owners
-- (V202612061700 identity, V202612061710 network, V202612061720 measures): the refresh first takes
-- the measures the measures module queued (measures_take_changed_measures) into its own queue, and
-- reads their facts from measures_observatory_measure_v; the kept figures read the owners'
-- journals through their views and forget old rows through their functions. indicator_change,
-- whose triggers moved to the measures and identity modules, is dropped.

-- Counts the queued measures again (as in V202612030600), from the published view.
create or replace function observatory_refresh(p_limit int) returns int
    language plpgsql security definer set search_path = public, pg_temp set client_min_messages = warning
as $$
declare
    v_horizon date := cast(date_trunc('month', now() at time zone 'Europe/Paris') as date);
    v_previous date;
    v_taken int;
begin
    if not pg_try_advisory_xact_lock(hashtext('observatory_refresh')) then
        return -1;
    end if;
    select active_horizon into v_previous from obs_state where id = 1 for update;
    if v_previous < v_horizon then
        insert into obs_dirty (measure_id)
        select f.measure_id from obs_measure_fact f where f.ended_month is null or f.ended_month > v_previous
        on conflict (measure_id) do nothing;
        update obs_state set active_horizon = v_horizon where id = 1;
    end if;

    -- The oldest measures the measures module queued (ADR 0010) join the observatory's own queue.
    insert into obs_dirty (measure_id, queued_at)
    select c.measure_id, c.queued_at from measures_take_changed_measures(p_limit) c
    on conflict (measure_id) do nothing;

    drop table if exists pg_temp.obs_batch, pg_temp.obs_delta;
    create temp table obs_batch (measure_id uuid primary key) on commit drop;
    create temp table obs_delta (organisation_id uuid, court_code varchar(32), type_code varchar(40),
                                 field varchar(20), metric varchar(12), month date, bucket varchar(30), n int)
        on commit drop;

    with taken as (
        delete from obs_dirty d
        where d.measure_id in (select q.measure_id from obs_dirty q order by q.queued_at limit p_limit
                               for update skip locked)
        returning d.measure_id)
    insert into obs_batch select measure_id from taken;
    get diagnostics v_taken = row_count;
    if v_taken = 0 then
        return 0;
    end if;
    analyze obs_batch;

    -- What the batch counted before, taken back...
    insert into obs_delta
    select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket, -1
    from obs_measure_fact f join obs_batch b on b.measure_id = f.measure_id
    cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                         f.started_month, f.first_delay_days, f.active_until) c;

    -- ... its facts now (from the view the measures module publishes; the end and first-interview
    -- dates kept on the measure: the same definitions as the association's indicators) ...
    delete from obs_measure_fact f using obs_batch b where f.measure_id = b.measure_id;
    insert into obs_measure_fact (measure_id, organisation_id, court_code, type_code, field, received_month,
                                  ended_month, outcome, duration_days, started_month, first_delay_days, active_until)
    select x.id, x.organisation_id, x.court_code, x.code, x.field, x.received_month, x.ended_month, x.outcome,
           x.duration_days, x.started_month, x.first_delay_days,
           case when x.active_to >= x.received_month then x.active_to end
    from (
        select m.id, m.organisation_id, m.court_code, m.type_code, m.field,
               cast(date_trunc('month', m.received_on) as date) as received_month,
               cast(date_trunc('month', m.ended_on) as date) as ended_month,
               case when m.ended_on is not null then coalesce(m.outcome, 'UNKNOWN') end,
               case when m.ended_on is not null and m.outcome is distinct from 'CANCELLED_BY_MAGISTRATE'
                    then m.ended_on - m.received_on end,
               cast(date_trunc('month', m.started_on) as date),
               m.started_on - m.received_on,
               least(cast(date_trunc('month', m.ended_on) - interval '1 month' as date), v_horizon) as active_to
        from obs_batch b
        join measures_observatory_measure_v m on m.id = b.measure_id
    ) x (id, organisation_id, court_code, code, field, received_month, ended_month, outcome, duration_days,
         started_month, first_delay_days, active_to);

    -- ... and what it counts now, added.
    insert into obs_delta
    select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket, 1
    from obs_measure_fact f join obs_batch b on b.measure_id = f.measure_id
    cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                         f.started_month, f.first_delay_days, f.active_until) c;

    insert into obs_month as o (organisation_id, court_code, type_code, field, month,
        received, active, ended_completed, ended_lifted_by_magistrate, ended_revoked, ended_breaches_reported, ended_not_presented, ended_transferred, ended_deceased, ended_cancelled_by_magistrate, ended_unknown, duration_0, duration_1, duration_2, duration_3, duration_4, duration_5, duration_6, duration_7, duration_8, duration_9, duration_10, duration_11, duration_12, duration_13, duration_14, duration_15, first_delay_0, first_delay_1, first_delay_2, first_delay_3, first_delay_4, first_delay_5, first_delay_6, first_delay_7, first_delay_8, first_delay_9, first_delay_10, first_delay_11, first_delay_12, first_delay_13, first_delay_14)
    select d.organisation_id, d.court_code, d.type_code, max(d.field), d.month,
           coalesce(sum(d.n) filter (where d.metric = 'RECEIVED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ACTIVE'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'COMPLETED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'LIFTED_BY_MAGISTRATE'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'REVOKED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'BREACHES_REPORTED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'NOT_PRESENTED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'TRANSFERRED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'DECEASED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'CANCELLED_BY_MAGISTRATE'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'UNKNOWN'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '0'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '1'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '2'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '3'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '4'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '5'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '6'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '7'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '8'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '9'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '10'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '11'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '12'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '13'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '14'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '15'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '0'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '1'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '2'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '3'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '4'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '5'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '6'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '7'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '8'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '9'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '10'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '11'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '12'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '13'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '14'), 0)
    from obs_delta d
    group by d.organisation_id, d.court_code, d.type_code, d.month
    on conflict (organisation_id, court_code, type_code, month) do update set field = excluded.field,
        received = o.received + excluded.received,
        active = o.active + excluded.active,
        ended_completed = o.ended_completed + excluded.ended_completed,
        ended_lifted_by_magistrate = o.ended_lifted_by_magistrate + excluded.ended_lifted_by_magistrate,
        ended_revoked = o.ended_revoked + excluded.ended_revoked,
        ended_breaches_reported = o.ended_breaches_reported + excluded.ended_breaches_reported,
        ended_not_presented = o.ended_not_presented + excluded.ended_not_presented,
        ended_transferred = o.ended_transferred + excluded.ended_transferred,
        ended_deceased = o.ended_deceased + excluded.ended_deceased,
        ended_cancelled_by_magistrate = o.ended_cancelled_by_magistrate + excluded.ended_cancelled_by_magistrate,
        ended_unknown = o.ended_unknown + excluded.ended_unknown,
        duration_0 = o.duration_0 + excluded.duration_0,
        duration_1 = o.duration_1 + excluded.duration_1,
        duration_2 = o.duration_2 + excluded.duration_2,
        duration_3 = o.duration_3 + excluded.duration_3,
        duration_4 = o.duration_4 + excluded.duration_4,
        duration_5 = o.duration_5 + excluded.duration_5,
        duration_6 = o.duration_6 + excluded.duration_6,
        duration_7 = o.duration_7 + excluded.duration_7,
        duration_8 = o.duration_8 + excluded.duration_8,
        duration_9 = o.duration_9 + excluded.duration_9,
        duration_10 = o.duration_10 + excluded.duration_10,
        duration_11 = o.duration_11 + excluded.duration_11,
        duration_12 = o.duration_12 + excluded.duration_12,
        duration_13 = o.duration_13 + excluded.duration_13,
        duration_14 = o.duration_14 + excluded.duration_14,
        duration_15 = o.duration_15 + excluded.duration_15,
        first_delay_0 = o.first_delay_0 + excluded.first_delay_0,
        first_delay_1 = o.first_delay_1 + excluded.first_delay_1,
        first_delay_2 = o.first_delay_2 + excluded.first_delay_2,
        first_delay_3 = o.first_delay_3 + excluded.first_delay_3,
        first_delay_4 = o.first_delay_4 + excluded.first_delay_4,
        first_delay_5 = o.first_delay_5 + excluded.first_delay_5,
        first_delay_6 = o.first_delay_6 + excluded.first_delay_6,
        first_delay_7 = o.first_delay_7 + excluded.first_delay_7,
        first_delay_8 = o.first_delay_8 + excluded.first_delay_8,
        first_delay_9 = o.first_delay_9 + excluded.first_delay_9,
        first_delay_10 = o.first_delay_10 + excluded.first_delay_10,
        first_delay_11 = o.first_delay_11 + excluded.first_delay_11,
        first_delay_12 = o.first_delay_12 + excluded.first_delay_12,
        first_delay_13 = o.first_delay_13 + excluded.first_delay_13,
        first_delay_14 = o.first_delay_14 + excluded.first_delay_14;
    delete from obs_month o using (select distinct organisation_id, court_code, type_code, month from obs_delta) d
    where o.organisation_id = d.organisation_id and o.court_code = d.court_code and o.type_code = d.type_code
      and o.month = d.month
      and o.received + o.active + o.ended_completed + o.ended_lifted_by_magistrate + o.ended_revoked + o.ended_breaches_reported + o.ended_not_presented + o.ended_transferred + o.ended_deceased + o.ended_cancelled_by_magistrate + o.ended_unknown + o.duration_0 + o.duration_1 + o.duration_2 + o.duration_3 + o.duration_4 + o.duration_5 + o.duration_6 + o.duration_7 + o.duration_8 + o.duration_9 + o.duration_10 + o.duration_11 + o.duration_12 + o.duration_13 + o.duration_14 + o.duration_15 + o.first_delay_0 + o.first_delay_1 + o.first_delay_2 + o.first_delay_3 + o.first_delay_4 + o.first_delay_5 + o.first_delay_6 + o.first_delay_7 + o.first_delay_8 + o.first_delay_9 + o.first_delay_10 + o.first_delay_11 + o.first_delay_12 + o.first_delay_13 + o.first_delay_14 = 0;
    return v_taken;
end
$$;
revoke all on function observatory_refresh(int) from public;
grant execute on function observatory_refresh(int) to ${app_role};

-- Counts everything again from the measures: empties the aggregates and queues every measure.
create or replace function observatory_requeue_all() returns bigint
    language plpgsql security definer set search_path = public, pg_temp set client_min_messages = warning
as $$
declare
    v_queued bigint;
begin
    perform pg_advisory_xact_lock(hashtext('observatory_refresh'));
    truncate obs_measure_fact, obs_month, obs_dirty;
    -- Every measure is queued below: what the measures module queued is taken and dropped.
    perform count(*) from measures_take_changed_measures(null);
    update obs_state set active_horizon = cast(date_trunc('month', now() at time zone 'Europe/Paris') as date)
    where id = 1;
    -- Queued combination by combination, so that each batch recounts whole combinations once.
    insert into obs_dirty (measure_id)
    select id from measures_observatory_measure_v order by organisation_id, court_code, measure_type_id;
    get diagnostics v_queued = row_count;
    return v_queued;
end
$$;

-- How far behind the aggregates are: the measures waiting in either queue and the oldest one's age.
create or replace function observatory_backlog(out waiting bigint, out oldest timestamptz)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select count(distinct q.measure_id), min(q.queued_at)
    from (select measure_id, queued_at from obs_dirty
          union all select c.measure_id, c.queued_at from measures_changed_measures() c) q
$$;

-- Forgets the changes every kept figure already sees: the observatory's own months, and the
-- owners' journals through their functions.
create or replace function kept_figures_forget(p_horizon xid8) returns bigint
    language sql security definer set search_path = public, pg_temp
as $$
    with gone_months as (delete from obs_change where xid < p_horizon returning 1)
    select (select count(*) from gone_months) + measures_changes_forget(p_horizon)
           + identity_changes_forget(p_horizon) + network_changes_forget(p_horizon)
$$;

-- The triggers that called these moved to the owning modules (their migrations dropped them).
drop function obs_queue_measure();
drop function indicator_changes_measure();
drop function indicator_changes_definition();
drop function indicator_changes_measure_detail();
drop function indicator_changes_billing();
drop function indicator_changes_truncate();
drop function indicator_changes_insert(text);
drop table indicator_change;
