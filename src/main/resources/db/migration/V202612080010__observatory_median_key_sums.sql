-- National observatory: the key sums of the two medians' populations (ADR 0009).
--
-- duration_key and first_delay_key are the key sums of the populations of the two medians (measures
-- ended other than cancelled, measures started), kept like the other key sums: a median is shown
-- only when its population's perturbed count passes the median's threshold, never on an exact count.
--
-- Written to run on both kinds of database a landed main can have left: one migrated by the
-- V202612061000 of 2f4460c (no such columns) and one migrated by the V202612061000 of 07ec5e2, which
-- already created and kept them. On the latter every statement below leaves the data as it is.

alter table obs_month
    add column if not exists duration_key int not null default 0,
    add column if not exists first_delay_key int not null default 0;
alter table obs_year
    add column if not exists duration_key int not null default 0,
    add column if not exists first_delay_key int not null default 0;

-- Facts written or deleted also add or take back their keys in the medians' key sums.
create or replace function obs_keys_apply() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    execute format($q$
        insert into obs_month as o (organisation_id, court_code, type_code, field, month, received_key, active_key,
            ended_completed_key, ended_lifted_by_magistrate_key, ended_revoked_key, ended_breaches_reported_key,
            ended_not_presented_key, ended_transferred_key, ended_deceased_key, ended_cancelled_by_magistrate_key,
            ended_unknown_key, duration_key, first_delay_key)
        select d.organisation_id, d.court_code, d.type_code, max(d.field), d.month,
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'RECEIVED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ACTIVE'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'COMPLETED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'LIFTED_BY_MAGISTRATE'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'REVOKED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'BREACHES_REPORTED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'NOT_PRESENTED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'TRANSFERRED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'DECEASED'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'CANCELLED_BY_MAGISTRATE'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'UNKNOWN'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'DURATION'), 0), 65536) + 65536, 65536),
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'FIRST_DELAY'), 0), 65536) + 65536, 65536)
        from (select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket,
                     cast(f.record_key as bigint) * %s as k
              from %s f
              cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                                   f.started_month, f.first_delay_days, f.active_until) c
              where c.metric in ('RECEIVED', 'ACTIVE', 'ENDED', 'DURATION', 'FIRST_DELAY')) d
        group by d.organisation_id, d.court_code, d.type_code, d.month
        on conflict (organisation_id, court_code, type_code, month) do update set
            received_key = mod(o.received_key + excluded.received_key, 65536),
            active_key = mod(o.active_key + excluded.active_key, 65536),
            ended_completed_key = mod(o.ended_completed_key + excluded.ended_completed_key, 65536),
            ended_lifted_by_magistrate_key = mod(o.ended_lifted_by_magistrate_key + excluded.ended_lifted_by_magistrate_key, 65536),
            ended_revoked_key = mod(o.ended_revoked_key + excluded.ended_revoked_key, 65536),
            ended_breaches_reported_key = mod(o.ended_breaches_reported_key + excluded.ended_breaches_reported_key, 65536),
            ended_not_presented_key = mod(o.ended_not_presented_key + excluded.ended_not_presented_key, 65536),
            ended_transferred_key = mod(o.ended_transferred_key + excluded.ended_transferred_key, 65536),
            ended_deceased_key = mod(o.ended_deceased_key + excluded.ended_deceased_key, 65536),
            ended_cancelled_by_magistrate_key = mod(o.ended_cancelled_by_magistrate_key + excluded.ended_cancelled_by_magistrate_key, 65536),
            ended_unknown_key = mod(o.ended_unknown_key + excluded.ended_unknown_key, 65536),
            duration_key = mod(o.duration_key + excluded.duration_key, 65536),
            first_delay_key = mod(o.first_delay_key + excluded.first_delay_key, 65536) $q$,
        case tg_op when 'INSERT' then '1' else '-1' end,
        case tg_op when 'INSERT' then 'added' else 'removed' end);
    return null;
end
$$;

-- The yearly roll-up's functions again (as V202612061000 makes them), over every column of
-- obs_month, taken in the order of their names so that the functions are the same whichever order
-- the columns were added in.
do $do$
declare
    v_columns text[];
    v_list text;
    v_sums text;
    v_increments text;
    v_zero text;
    v_kind text;
begin
    select array_agg(column_name::text order by column_name::text collate "C") into v_columns
    from information_schema.columns
    where table_schema = current_schema() and table_name = 'obs_month'
      and column_name not in ('organisation_id', 'court_code', 'type_code', 'field', 'month');
    select string_agg(format('%I', c), ', '),
           string_agg(case when c in ('active', 'active_key')
                           then format('coalesce(sum(d.%1$I * d.sign) filter (where extract(month from d.month) = 12), 0)', c)
                           else format('sum(d.%1$I * d.sign)', c) end, ', '),
           string_agg(format('%1$I = y.%1$I + excluded.%1$I', c), ', '),
           string_agg(format('y.%I', c), ' + ')
    into v_list, v_sums, v_increments, v_zero
    from unnest(v_columns) c;

    foreach v_kind in array array['added', 'removed', 'both'] loop
        execute format($f$
            create or replace function obs_year_apply_%1$s() returns trigger
                language plpgsql security definer set search_path = public, pg_temp
            as $body$
            begin
                insert into obs_year as y (organisation_id, court_code, type_code, field, year, %2$s)
                select d.organisation_id, d.court_code, d.type_code, max(d.field),
                       cast(date_trunc('year', d.month) as date), %3$s
                from (%4$s) d
                group by d.organisation_id, d.court_code, d.type_code, date_trunc('year', d.month)
                on conflict (organisation_id, court_code, type_code, year) do update set field = excluded.field, %5$s;
                delete from obs_year y using (%4$s) d
                where y.organisation_id = d.organisation_id and y.court_code = d.court_code
                  and y.type_code = d.type_code and y.year = date_trunc('year', d.month)
                  and %6$s = 0;
                return null;
            end
            $body$ $f$,
            v_kind, v_list, v_sums,
            case v_kind
                when 'added' then 'select n.*, 1 as sign from added n'
                when 'removed' then 'select o.*, -1 as sign from removed o'
                else 'select n.*, 1 as sign from added n union all select o.*, -1 as sign from removed o'
            end,
            v_increments, v_zero);
    end loop;
end
$do$;

-- The medians' key sums of the measures counted already, from their facts (a row not there yet is
-- created with its counts at 0, as obs_keys_apply does). Only rows whose sums differ are written; the
-- yearly rows follow through the roll-up's triggers on obs_month.
insert into obs_month as o (organisation_id, court_code, type_code, field, month, duration_key, first_delay_key)
select f.organisation_id, f.court_code, f.type_code, max(f.field), c.month,
       mod(coalesce(sum(cast(f.record_key as bigint)) filter (where c.metric = 'DURATION'), 0), 65536),
       mod(coalesce(sum(cast(f.record_key as bigint)) filter (where c.metric = 'FIRST_DELAY'), 0), 65536)
from obs_measure_fact f
cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                     f.started_month, f.first_delay_days, f.active_until) c
where c.metric in ('DURATION', 'FIRST_DELAY')
group by f.organisation_id, f.court_code, f.type_code, c.month
on conflict (organisation_id, court_code, type_code, month) do update
    set duration_key = excluded.duration_key, first_delay_key = excluded.first_delay_key
    where (o.duration_key, o.first_delay_key) is distinct from (excluded.duration_key, excluded.first_delay_key);
