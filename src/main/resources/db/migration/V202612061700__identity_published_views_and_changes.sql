-- Identity: what the other modules may read of its tables (ADR 0010), and its own change journal.
--
-- Published views (read by the network, the measures and the observatory; the observatory role
-- reads these, no longer the tables): the registry of organisations without its timestamps, the
-- network regions, and each user's service (for the dashboard's service filter, under the
-- association's row-level security).
create view identity_organisation_v as
    select id, kind, name, city, departement_code, region_code, shares_statistics, active from organisation;
create view identity_network_region_v as
    select code, name from network_region;
create view identity_user_service_v with (security_invoker = true) as
    select id, organisation_id, service_id from app_user;
comment on view identity_organisation_v is 'Published by identity (ADR 0010): the registry of organisations.';
comment on view identity_network_region_v is 'Published by identity (ADR 0010): the network regions.';
comment on view identity_user_service_v is 'Published by identity (ADR 0010): the service of each user (row-level security of app_user).';

-- The change journal (ADR 0010, replacing the observatory's triggers of V202612031500 and
-- V202612030810 on these tables): every statement that changes a user's service or organisation
-- appends a row per association it reaches; every statement on the registry of organisations or
-- on the regions (names, sharing, activity: what national figures are grouped, filtered and named
-- by) appends a row without association. Rows are appended, never updated, so writers never wait
-- for each other; readers compare their transaction ids with a snapshot.
create table identity_change (
    organisation_id  uuid,
    xid              xid8         not null default pg_current_xact_id(),
    recorded_at      timestamptz  not null default now()
);
create index identity_change_org_xid_idx on identity_change (organisation_id, xid);
create index identity_change_xid_idx on identity_change (xid);
alter table identity_change enable row level security;
revoke all on identity_change from ${app_role};
grant select on identity_change to ${app_role}, ${observatory_role};
create policy tenant_read on identity_change for select to ${app_role}
    using (organisation_id = current_organisation_id() or organisation_id is null);
create policy observatory_read on identity_change for select to ${observatory_role} using (organisation_id is null);
create view identity_change_v with (security_invoker = true) as
    select organisation_id, xid from identity_change;
comment on view identity_change_v is 'Published by identity (ADR 0010): the transactions that changed a user''s service'
    ' (organisation_id set) or the registry of organisations and regions (organisation_id null).';

create function identity_changes_of_users() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'TRUNCATE' then
        insert into identity_change (organisation_id) select o.id from organisation o;
        return null;
    end if;
    execute format($q$
        insert into identity_change (organisation_id)
        select distinct c.organisation_id from (%s) c
        where not exists (select 1 from identity_change x
                          where x.organisation_id = c.organisation_id and x.xid = pg_current_xact_id()) $q$,
        case tg_op
            when 'DELETE' then 'select organisation_id from removed'
            else $r$select x.organisation_id
                    from removed o join added n on n.id = o.id,
                         lateral (values (o.organisation_id), (n.organisation_id)) x (organisation_id)
                    where (o.organisation_id, o.service_id) is distinct from (n.organisation_id, n.service_id)$r$ end);
    return null;
end
$$;

create function identity_changes_of_registry() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into identity_change (organisation_id) select null
    where not exists (select 1 from identity_change x where x.organisation_id is null and x.xid = pg_current_xact_id());
    return null;
end
$$;
revoke all on function identity_changes_of_users(), identity_changes_of_registry() from public;

-- The observatory's triggers on these tables give way to the journal's.
drop trigger indicator_changes_on_insert on app_user;
drop trigger indicator_changes_on_update on app_user;
drop trigger indicator_changes_on_delete on app_user;
drop trigger indicator_changes_on_truncate on app_user;
drop trigger obs_changes_on_change on organisation;
drop trigger obs_changes_on_change on network_region;

create trigger identity_changes_on_update after update on app_user
    referencing old table as removed new table as added for each statement execute function identity_changes_of_users();
create trigger identity_changes_on_delete after delete on app_user referencing old table as removed
    for each statement execute function identity_changes_of_users();
create trigger identity_changes_on_truncate after truncate on app_user
    for each statement execute function identity_changes_of_users();
create trigger identity_changes_on_change after insert or update or delete or truncate on organisation
    for each statement execute function identity_changes_of_registry();
create trigger identity_changes_on_change after insert or update or delete or truncate on network_region
    for each statement execute function identity_changes_of_registry();

-- Forgets the changes older than p_horizon (called by the observatory's kept figures, ADR 0007 §10).
create function identity_changes_forget(p_horizon xid8) returns bigint
    language sql security definer set search_path = public, pg_temp
as $$
    with gone as (delete from identity_change where xid < p_horizon returning 1) select count(*) from gone
$$;
revoke all on function identity_changes_forget(xid8) from public;
grant execute on function identity_changes_forget(xid8) to ${app_role};

-- The observatory role reads the published views, not the tables.
revoke select on organisation, network_region from ${observatory_role};
grant select on identity_organisation_v, identity_network_region_v, identity_change_v to ${observatory_role};
-- Views are read-only for the application: a simple view would otherwise write through to its table.
revoke insert, update, delete, truncate on identity_organisation_v, identity_network_region_v, identity_user_service_v,
    identity_change_v from ${app_role};
