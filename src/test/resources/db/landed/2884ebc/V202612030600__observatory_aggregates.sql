-- National observatory: aggregate tables fed incrementally from measure events (ADR 0007).
--
-- Triggers on the measures module's tables queue the measures that changed (obs_dirty). A job calls
-- observatory_refresh(), which turns each queued measure into one row of facts without personal
-- data (obs_measure_fact, read by no role but the owner) and recounts the aggregate rows of the
-- (association, tribunal, measure type) combinations it touched (obs_count). The national
-- observatory reads obs_count under the role ${observatory_role}, whose grants include no personal
-- table: a national query that strayed into measures or persons would fail.

-- Measures waiting to be counted again.
create table obs_dirty (
    measure_id  uuid         primary key,
    queued_at   timestamptz  not null default clock_timestamp()
);
create index obs_dirty_queued_idx on obs_dirty (queued_at);

-- One row per measure: what the aggregates need of it, without the person or any free text.
create table obs_measure_fact (
    measure_id        uuid         primary key,
    organisation_id   uuid         not null,
    court_code        varchar(32)  not null,
    type_code         varchar(40)  not null,
    field             varchar(20)  not null,
    received_month    date         not null,
    ended_month       date,
    outcome           varchar(30),
    duration_days     int,
    started_month     date,
    first_delay_days  int,
    active_until      date
);
create index obs_measure_fact_open_idx on obs_measure_fact (ended_month);

-- The aggregates, by association, tribunal, measure type and month. Metrics (bucket):
--   RECEIVED (''), measures received in the month;
--   ACTIVE (''), measures being carried out on the month's last day (received, not yet ended);
--   ENDED (outcome), measures ended in the month;
--   DURATION (days), measures ended in the month other than cancelled, by duration in days;
--   FIRST_DELAY (days), measures started (first interview) in the month, by days since reception.
create table obs_count (
    organisation_id  uuid         not null,
    court_code       varchar(32)  not null,
    type_code        varchar(40)  not null,
    field            varchar(20)  not null,
    metric           varchar(12)  not null,
    month            date         not null,
    bucket           varchar(30)  not null,
    n                int          not null,
    primary key (organisation_id, court_code, type_code, metric, month, bucket)
);
create index obs_count_month_idx on obs_count (metric, month);

-- The last month for which measures still open are counted as active (moved on by the refresh).
create table obs_state (
    id              int   primary key check (id = 1),
    active_horizon  date  not null
);
insert into obs_state values (1, cast(date_trunc('month', now() at time zone 'Europe/Paris') as date));

revoke all on obs_dirty, obs_measure_fact, obs_count, obs_state from ${app_role};
-- Row-level security as on every table with an organisation_id: the facts have no policy at all
-- (only the owner, through the functions below, touches them); the aggregates are readable by the
-- observatory role, which sums only associations that share (checked in NationalObservatory).
alter table obs_measure_fact enable row level security;
alter table obs_count enable row level security;
create policy observatory_read on obs_count for select to ${observatory_role} using (true);
grant select on obs_count, obs_state, organisation, network_region, judicial_court, court_of_appeal,
    default_measure_type to ${observatory_role};

-- Queueing, from the triggers (security definer: the application role cannot touch the queue).
create function obs_queue_measure() returns trigger
    language plpgsql security definer set search_path = public, pg_temp set client_min_messages = warning
as $$
begin
    if tg_table_name = 'measure_type' then
        insert into obs_dirty (measure_id) select m.id from measure m where m.measure_type_id = new.id
        on conflict (measure_id) do nothing;
    elsif tg_table_name = 'measure' and tg_op = 'DELETE' then
        insert into obs_dirty (measure_id) values (old.id) on conflict (measure_id) do nothing;
    elsif tg_table_name = 'measure' then
        insert into obs_dirty (measure_id) values (new.id) on conflict (measure_id) do nothing;
    elsif tg_op = 'DELETE' then
        insert into obs_dirty (measure_id) values (old.measure_id) on conflict (measure_id) do nothing;
    else
        insert into obs_dirty (measure_id) values (new.measure_id) on conflict (measure_id) do nothing;
    end if;
    return null;
end
$$;
revoke all on function obs_queue_measure() from public;

create trigger obs_queue_measure_insert after insert or delete on measure
    for each row execute function obs_queue_measure();
create trigger obs_queue_measure_update after update of status, outcome, court_code, measure_type_id, received_on
    on measure for each row
    when (old.status is distinct from new.status or old.outcome is distinct from new.outcome
          or old.court_code is distinct from new.court_code or old.measure_type_id is distinct from new.measure_type_id
          or old.received_on is distinct from new.received_on)
    execute function obs_queue_measure();
create trigger obs_queue_transition after insert or update or delete on measure_transition
    for each row execute function obs_queue_measure();
create trigger obs_queue_measure_type after update of code, field on measure_type
    for each row when (old.code is distinct from new.code or old.field is distinct from new.field)
    execute function obs_queue_measure();

-- What one measure adds to the aggregates: a row per (metric, month, bucket) it counts in. Active
-- months run from reception to the month before the end, up to active_until (set when the fact was
-- written, so that the same contribution can be taken back later whatever the month is then).
create function obs_contributions(received_month date, ended_month date, outcome varchar, duration_days int,
                                  started_month date, first_delay_days int, active_until date)
    returns table (metric varchar, month date, bucket varchar)
    language sql immutable
as $$
    select 'RECEIVED', received_month, ''
    union all
    select 'ENDED', ended_month, outcome where ended_month is not null
    union all
    select 'DURATION', ended_month, cast(duration_days as varchar) where duration_days is not null
    union all
    select 'FIRST_DELAY', started_month, cast(first_delay_days as varchar) where started_month is not null
    union all
    select 'ACTIVE', cast(g as date), ''
    from generate_series(received_month, active_until, interval '1 month') g
    where active_until is not null
$$;
revoke all on function obs_contributions(date, date, varchar, int, date, int, date) from public;

-- Counts the queued measures again: at most p_limit of them, oldest first. Returns how many were
-- taken, or -1 when another refresh is running. Each measure's previous contribution is taken back
-- and its new one added (deltas summed per aggregate row). Also moves the active horizon to the
-- current month, queueing the measures still open, which are active in the new month.
create function observatory_refresh(p_limit int) returns int
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

    -- ... its facts now (the end is the effective date of the last transition to "ended", the first
    -- interview that of the first "start"; the same definitions as the association's indicators) ...
    delete from obs_measure_fact f using obs_batch b where f.measure_id = b.measure_id;
    insert into obs_measure_fact (measure_id, organisation_id, court_code, type_code, field, received_month,
                                  ended_month, outcome, duration_days, started_month, first_delay_days, active_until)
    select x.id, x.organisation_id, x.court_code, x.code, x.field, x.received_month, x.ended_month, x.outcome,
           x.duration_days, x.started_month, x.first_delay_days,
           case when x.active_to >= x.received_month then x.active_to end
    from (
        select m.id, m.organisation_id, m.court_code, t.code, t.field,
               cast(date_trunc('month', m.received_on) as date) as received_month,
               cast(date_trunc('month', e.ended_on) as date) as ended_month,
               case when e.ended_on is not null then coalesce(m.outcome, e.outcome, 'UNKNOWN') end,
               case when e.ended_on is not null
                     and coalesce(m.outcome, e.outcome) is distinct from 'CANCELLED_BY_MAGISTRATE'
                    then e.ended_on - m.received_on end,
               cast(date_trunc('month', s.started_on) as date),
               s.started_on - m.received_on,
               least(cast(date_trunc('month', e.ended_on) - interval '1 month' as date), v_horizon) as active_to
        from obs_batch b
        join measure m on m.id = b.measure_id
        join measure_type t on t.id = m.measure_type_id
        left join lateral (
            select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date)) as ended_on,
                   tr.outcome
            from measure_transition tr where tr.measure_id = m.id and tr.to_status = 'ENDED'
            order by tr.occurred_at desc limit 1) e on m.status in ('ENDED', 'CLOSED')
        left join lateral (
            select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date)) as started_on
            from measure_transition tr where tr.measure_id = m.id and tr.action = 'START'
            order by tr.occurred_at limit 1) s on true
    ) x (id, organisation_id, court_code, code, field, received_month, ended_month, outcome, duration_days,
         started_month, first_delay_days, active_to);

    -- ... and what it counts now, added.
    insert into obs_delta
    select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket, 1
    from obs_measure_fact f join obs_batch b on b.measure_id = f.measure_id
    cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                         f.started_month, f.first_delay_days, f.active_until) c;

    insert into obs_count as o (organisation_id, court_code, type_code, field, metric, month, bucket, n)
    select d.organisation_id, d.court_code, d.type_code, max(d.field), d.metric, d.month, d.bucket, sum(d.n)
    from obs_delta d
    group by d.organisation_id, d.court_code, d.type_code, d.metric, d.month, d.bucket
    having sum(d.n) <> 0
    on conflict (organisation_id, court_code, type_code, metric, month, bucket)
    do update set n = o.n + excluded.n, field = excluded.field;
    delete from obs_count o using (select distinct organisation_id, court_code, type_code, metric, month, bucket
                                   from obs_delta) d
    where o.n = 0 and o.organisation_id = d.organisation_id and o.court_code = d.court_code
      and o.type_code = d.type_code and o.metric = d.metric and o.month = d.month and o.bucket = d.bucket;
    return v_taken;
end
$$;
revoke all on function observatory_refresh(int) from public;
grant execute on function observatory_refresh(int) to ${app_role};

-- Counts everything again from the measures: empties the aggregates and queues every measure (the
-- refresh then works through the queue). Returns the number of measures queued.
create function observatory_requeue_all() returns bigint
    language plpgsql security definer set search_path = public, pg_temp set client_min_messages = warning
as $$
declare
    v_queued bigint;
begin
    perform pg_advisory_xact_lock(hashtext('observatory_refresh'));
    truncate obs_measure_fact, obs_count, obs_dirty;
    update obs_state set active_horizon = cast(date_trunc('month', now() at time zone 'Europe/Paris') as date)
    where id = 1;
    -- Queued combination by combination, so that each batch recounts whole combinations once.
    insert into obs_dirty (measure_id)
    select id from measure order by organisation_id, court_code, measure_type_id;
    get diagnostics v_queued = row_count;
    return v_queued;
end
$$;
revoke all on function observatory_requeue_all() from public;
grant execute on function observatory_requeue_all() to ${app_role};

-- How far behind the aggregates are: the number of measures waiting and the oldest one's age.
create function observatory_backlog(out waiting bigint, out oldest timestamptz)
    language sql stable security definer set search_path = public, pg_temp
as $$ select count(*), min(queued_at) from obs_dirty $$;
revoke all on function observatory_backlog() from public;
grant execute on function observatory_backlog() to ${app_role};

-- The measures already there are counted by the first refresh.
insert into obs_dirty (measure_id) select id from measure;
