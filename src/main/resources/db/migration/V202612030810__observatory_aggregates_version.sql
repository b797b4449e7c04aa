-- National observatory: a version of everything a national figure is computed from, so that the
-- application may keep computed figures until it changes (ADR 0007).
--
-- obs_state.version moves on with every statement that changes the aggregates (the refresh, a
-- rebuild) or the tables their figures are grouped, filtered and named by (associations and their
-- sharing, tribunals, cours d'appel, regions, the national catalogue).

alter table obs_state add column version bigint not null default 0;

create function obs_bump_version() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    update obs_state set version = version + 1 where id = 1;
    return null;
end
$$;
revoke all on function obs_bump_version() from public;

do $$
declare
    v_table text;
begin
    foreach v_table in array array['obs_month', 'organisation', 'judicial_court', 'court_of_appeal', 'network_region',
                                   'default_measure_type'] loop
        execute format('create trigger obs_version_on_change after insert or update or delete or truncate on %I'
                       ' for each statement execute function obs_bump_version()', v_table);
    end loop;
end
$$;
