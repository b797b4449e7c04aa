-- National observatory: cell-key perturbation of the published counts (ADR 0009).
--
-- Every measure counted has a record key in [0, 65536), a keyed hash of its id with a server-side
-- secret (obs_cell_key, written by the application at start-up from passerelle.observatory.cell-key-secret,
-- readable by the owner only). Each aggregate row carries, next to each published count, the sum of
-- the record keys of the measures it counts, modulo 65536: added when a measure's facts are written,
-- taken back when they are deleted (statement triggers on obs_measure_fact, from the same
-- obs_contributions() as the counts), so observatory_refresh() itself is unchanged. The yearly rows
-- sum the monthly key sums (December's for "active"); the reader reduces them modulo 65536.

create table obs_cell_key (
    id      int    primary key check (id = 1),
    secret  bytea  not null
);
revoke all on obs_cell_key from ${app_role};

alter table obs_measure_fact add column record_key int not null default 0;

-- The same columns in the same order in both tables: the national query reads them with one union.
do $$
declare
    v_table text;
begin
    foreach v_table in array array['obs_month', 'obs_year'] loop
        execute format('alter table %I
            add column received_key int not null default 0,
            add column active_key int not null default 0,
            add column ended_completed_key int not null default 0,
            add column ended_lifted_by_magistrate_key int not null default 0,
            add column ended_revoked_key int not null default 0,
            add column ended_breaches_reported_key int not null default 0,
            add column ended_not_presented_key int not null default 0,
            add column ended_transferred_key int not null default 0,
            add column ended_deceased_key int not null default 0,
            add column ended_cancelled_by_magistrate_key int not null default 0,
            add column ended_unknown_key int not null default 0', v_table);
    end loop;
end
$$;

-- The key of one measure: the first two bytes of SHA-256 over the secret, a zero byte and the id's
-- text (CellKeyPerturbation.recordKey computes the same); 0 while no secret is set.
create function obs_record_key(p_measure_id uuid) returns int
    language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce((select get_byte(h, 0) * 256 + get_byte(h, 1)
                     from (select sha256(k.secret || '\x00'::bytea || convert_to(cast(p_measure_id as text), 'UTF8')) as h
                           from obs_cell_key k where k.id = 1) x), 0)
$$;
revoke all on function obs_record_key(uuid) from public;

create function obs_fact_record_key() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    new.record_key := obs_record_key(new.measure_id);
    return new;
end
$$;
revoke all on function obs_fact_record_key() from public;
create trigger obs_fact_record_key before insert on obs_measure_fact
    for each row execute function obs_fact_record_key();

-- Adds (facts written) or takes back (facts deleted) the record keys of a statement's facts in the
-- key sums of the monthly rows they count in; a row not there yet is created with its counts at 0
-- (the refresh adds them next).
create function obs_keys_apply() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    execute format($q$
        insert into obs_month as o (organisation_id, court_code, type_code, field, month, received_key, active_key,
            ended_completed_key, ended_lifted_by_magistrate_key, ended_revoked_key, ended_breaches_reported_key,
            ended_not_presented_key, ended_transferred_key, ended_deceased_key, ended_cancelled_by_magistrate_key,
            ended_unknown_key)
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
               mod(mod(coalesce(sum(d.k) filter (where d.metric = 'ENDED' and d.bucket = 'UNKNOWN'), 0), 65536) + 65536, 65536)
        from (select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket,
                     cast(f.record_key as bigint) * %s as k
              from %s f
              cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                                   f.started_month, f.first_delay_days, f.active_until) c
              where c.metric in ('RECEIVED', 'ACTIVE', 'ENDED')) d
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
            ended_unknown_key = mod(o.ended_unknown_key + excluded.ended_unknown_key, 65536) $q$,
        case tg_op when 'INSERT' then '1' else '-1' end,
        case tg_op when 'INSERT' then 'added' else 'removed' end);
    return null;
end
$$;
revoke all on function obs_keys_apply() from public;
create trigger obs_keys_on_fact_insert after insert on obs_measure_fact referencing new table as added
    for each statement execute function obs_keys_apply();
create trigger obs_keys_on_fact_delete after delete on obs_measure_fact referencing old table as removed
    for each statement execute function obs_keys_apply();

-- The yearly roll-up's functions again (V202612030800), now over the key sums too: "active_key",
-- like "active", is December's.
do $do$
declare
    v_columns text[];
    v_list text;
    v_sums text;
    v_increments text;
    v_zero text;
    v_kind text;
begin
    select array_agg(column_name::text order by ordinal_position) into v_columns
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

-- Sets the secret the record keys are drawn from (the application, at start-up). When it differs
-- from the one the aggregates were counted with (or none was set, after this migration) and some
-- measures are counted already, every measure is counted again (the keys change). Returns whether
-- it did.
create function observatory_use_cell_key_secret(p_secret bytea) returns boolean
    language plpgsql security definer set search_path = public, pg_temp set client_min_messages = warning
as $$
declare
    v_counted boolean;
begin
    if p_secret is null or length(p_secret) < 16 then
        raise exception 'the cell-key secret must be at least 16 bytes long';
    end if;
    perform pg_advisory_xact_lock(hashtext('observatory_refresh'));
    if exists (select 1 from obs_cell_key where id = 1 and secret = p_secret) then
        return false;
    end if;
    insert into obs_cell_key (id, secret) values (1, p_secret)
    on conflict (id) do update set secret = excluded.secret;
    v_counted := exists (select 1 from obs_measure_fact);
    if v_counted then
        perform observatory_requeue_all();
    end if;
    return v_counted;
end
$$;
revoke all on function observatory_use_cell_key_secret(bytea) from public;
grant execute on function observatory_use_cell_key_secret(bytea) to ${app_role};
