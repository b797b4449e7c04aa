-- National observatory: the monthly aggregates rolled up by calendar year (ADR 0007).
--
-- A year of the whole network is about 60,000 monthly rows; the same year is about 5,000 yearly rows.
-- obs_year holds, per association, tribunal, measure type and year, the sums of the year's monthly
-- rows, except "active", which is the December row's (measures being carried out on the year's last
-- day). It is kept by statement triggers on obs_month, from the rows each refresh statement
-- inserts, updates or deletes (transition tables), so that it never differs from obs_month; the
-- national observatory reads whole years from it and the other months from obs_month.

create table obs_year (like obs_month including defaults);
alter table obs_year rename column month to year;
alter table obs_year add primary key (organisation_id, court_code, type_code, year);
create index obs_year_year_idx on obs_year (year);

revoke all on obs_year from ${app_role};
alter table obs_year enable row level security;
create policy observatory_read on obs_year for select to ${observatory_role} using (true);
grant select on obs_year to ${observatory_role};

-- obs_year_apply_<kind>(): adds the rows of the transition table "added" and takes back those of
-- "removed", written once per kind of statement (inserts, updates, deletes) from the counting
-- columns of obs_month (everything but the key and the field); the same columns count the years
-- already in obs_month.
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
           string_agg(case when c = 'active'
                           then format('coalesce(sum(d.%1$I * d.sign) filter (where extract(month from d.month) = 12), 0)', c)
                           else format('sum(d.%1$I * d.sign)', c) end, ', '),
           string_agg(format('%1$I = y.%1$I + excluded.%1$I', c), ', '),
           string_agg(format('y.%I', c), ' + ')
    into v_list, v_sums, v_increments, v_zero
    from unnest(v_columns) c;

    foreach v_kind in array array['added', 'removed', 'both'] loop
        execute format($f$
            create function obs_year_apply_%1$s() returns trigger
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

    -- The years of the aggregates already counted.
    execute format($f$
        insert into obs_year (organisation_id, court_code, type_code, field, year, %1$s)
        select d.organisation_id, d.court_code, d.type_code, max(d.field), cast(date_trunc('year', d.month) as date), %2$s
        from (select m.*, 1 as sign from obs_month m) d
        group by d.organisation_id, d.court_code, d.type_code, date_trunc('year', d.month) $f$,
        v_list, v_sums);
end
$do$;

create trigger obs_year_on_insert after insert on obs_month
    referencing new table as added for each statement execute function obs_year_apply_added();
create trigger obs_year_on_update after update on obs_month
    referencing old table as removed new table as added for each statement execute function obs_year_apply_both();
create trigger obs_year_on_delete after delete on obs_month
    referencing old table as removed for each statement execute function obs_year_apply_removed();

-- A rebuild empties obs_month with TRUNCATE, which fires no row or delete trigger.
create function obs_year_truncate() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    truncate obs_year;
    return null;
end
$$;
create trigger obs_year_on_truncate after truncate on obs_month
    for each statement execute function obs_year_truncate();

revoke all on function obs_year_apply_added(), obs_year_apply_removed(), obs_year_apply_both(),
    obs_year_truncate() from public;
