-- Network: what the other modules may read of its tables (ADR 0010), and its own change journal.
--
-- The national catalogue of measure types (default_measure_type, created with the measures in
-- V202611231300) is reference data of the network, like the courts: the network owns it from now on
-- (the measures module seeds each new association's own catalogue from the published view; the
-- network's directory and map read it without depending on the measures module).
create view network_judicial_court_v as
    select code, name, seat_city, departement_code, departement_name, court_of_appeal_code, latitude, longitude
    from judicial_court;
create view network_court_of_appeal_v as
    select code, name, seat_city, latitude, longitude from court_of_appeal;
create view network_measure_catalogue_v as
    select code, position, field, label, ordered_by, tracked_quantity, quantity_min, quantity_max,
           first_interview_days, report_types, billing_mode
    from default_measure_type;
comment on view network_judicial_court_v is 'Published by network (ADR 0010): the tribunaux judiciaires.';
comment on view network_court_of_appeal_v is 'Published by network (ADR 0010): the cours d''appel.';
comment on view network_measure_catalogue_v is 'Published by network (ADR 0010): the national catalogue of measure types.';

-- The change journal (ADR 0010, replacing the observatory's triggers of V202612030810 and
-- V202612031500 on these tables): one row per transaction that changed the courts or the national
-- catalogue, what national figures are grouped, filtered and named by.
create table network_change (
    xid          xid8         not null default pg_current_xact_id(),
    recorded_at  timestamptz  not null default now()
);
create index network_change_xid_idx on network_change (xid);
revoke all on network_change from ${app_role};
create view network_change_v as select xid from network_change;
comment on view network_change_v is 'Published by network (ADR 0010): the transactions that changed the courts or the national catalogue.';

create function network_changes_record() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into network_change (xid) select pg_current_xact_id()
    where not exists (select 1 from network_change x where x.xid = pg_current_xact_id());
    return null;
end
$$;
revoke all on function network_changes_record() from public;

drop trigger obs_changes_on_change on judicial_court;
drop trigger obs_changes_on_change on court_of_appeal;
drop trigger obs_changes_on_change on default_measure_type;
create trigger network_changes_on_change after insert or update or delete or truncate on judicial_court
    for each statement execute function network_changes_record();
create trigger network_changes_on_change after insert or update or delete or truncate on court_of_appeal
    for each statement execute function network_changes_record();
create trigger network_changes_on_change after insert or update or delete or truncate on default_measure_type
    for each statement execute function network_changes_record();

-- Forgets the changes older than p_horizon (called by the observatory's kept figures, ADR 0007 §10).
create function network_changes_forget(p_horizon xid8) returns bigint
    language sql security definer set search_path = public, pg_temp
as $$
    with gone as (delete from network_change where xid < p_horizon returning 1) select count(*) from gone
$$;
revoke all on function network_changes_forget(xid8) from public;
grant execute on function network_changes_forget(xid8) to ${app_role};

-- The observatory role reads the published views, not the tables.
revoke select on judicial_court, court_of_appeal, default_measure_type from ${observatory_role};
grant select on network_judicial_court_v, network_court_of_appeal_v, network_measure_catalogue_v, network_change_v
    to ${observatory_role};
-- Views are read-only for the application: a simple view would otherwise write through to its table.
revoke insert, update, delete, truncate on network_judicial_court_v, network_court_of_appeal_v,
    network_measure_catalogue_v, network_change_v from ${app_role};
