-- Figures kept until a write reaches their period (ADR 0007 §9 and §10): which association's
-- figures a write may have changed and from which day (indicator_change, for the association
-- dashboard), and which months of the national aggregates (obs_change, for the national
-- observatory, instead of the single version of V202612030810).
--
-- Every statement that writes what the association indicators read (measures, people, reports,
-- quantities, incidents, billing statements and their lines, the catalogue's types, users'
-- services) leaves one row per association: the first day whose figures may differ
-- ('-infinity': any day), and the writing transaction. Figures computed under a snapshot S stay
-- true while no such row for their association, on or before their last day, was written by a
-- transaction that S does not see. Appending rows (no counter to update) means two writers of the
-- same association never wait for each other. The application deletes rows once no figures it
-- keeps could be older than them.
--
-- The first day follows the definitions of AssociationIndicators: a measure counts in a period
-- only through its dates (reception, first interview, end) and those of its reports, quantities,
-- incidents and billing, all on or after the day they fall; a change of what a measure is filtered
-- or counted by (type, court, worker, person, reception, ordered quantity), of a person's sex or
-- birth date, of a type's definition or of a user's service may change any period.
create table indicator_change (
    organisation_id  uuid         not null,
    changed_from     date         not null,
    xid              xid8         not null default pg_current_xact_id(),
    recorded_at      timestamptz  not null default now()
);
create index indicator_change_org_xid_idx on indicator_change (organisation_id, xid);
alter table indicator_change enable row level security;
create policy tenant_isolation on indicator_change for select
    using (organisation_id = current_organisation_id());
revoke all on indicator_change from ${app_role};
grant select on indicator_change to ${app_role};

-- The statement that records the changes of one trigger's statement, from a query of its
-- transition tables giving (organisation_id, changed_from) rows: the first day per association; a
-- transaction records a day once per association unless an earlier one comes. Run by EXECUTE in
-- the trigger functions below, which alone see their transition tables.
create function indicator_changes_insert(p_rows text) returns text
    language sql immutable
as $$
    select format($q$
        insert into indicator_change (organisation_id, changed_from)
        select c.organisation_id, min(c.changed_from)
        from (%s) c
        where c.organisation_id is not null and c.changed_from is not null
        group by c.organisation_id
        having not exists (select 1 from indicator_change x
                           where x.organisation_id = c.organisation_id and x.xid = pg_current_xact_id()
                             and x.changed_from <= min(c.changed_from)) $q$, p_rows)
$$;

-- One function per table; "added" and "removed" are the statement's transition tables.
create function indicator_changes_measure() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        execute indicator_changes_insert('select n.organisation_id, n.received_on as changed_from from added n');
    elsif tg_op = 'DELETE' then
        execute indicator_changes_insert($r$select o.organisation_id, date '-infinity' as changed_from
                                            from removed o$r$);
    else
        execute indicator_changes_insert($r$
            select o.organisation_id,
                   case when (o.organisation_id, o.measure_type_id, o.court_code, o.assigned_user_id, o.person_id,
                              o.received_on, o.ordered_quantity)
                             is distinct from (n.organisation_id, n.measure_type_id, n.court_code, n.assigned_user_id,
                                               n.person_id, n.received_on, n.ordered_quantity)
                        then date '-infinity'
                        else least(case when (o.ended_on, o.outcome) is distinct from (n.ended_on, n.outcome)
                                        then coalesce(least(o.ended_on, n.ended_on), n.received_on) end,
                                   case when o.started_on is distinct from n.started_on
                                        then least(o.started_on, n.started_on) end)
                   end as changed_from
            from removed o join added n on n.id = o.id
            union all
            select n.organisation_id, date '-infinity' from removed o join added n on n.id = o.id
            where o.organisation_id <> n.organisation_id $r$);
    end if;
    return null;
end
$$;

-- People (their sex and birth date: age bands), the catalogue's types (code, field, tracked
-- quantity, first-interview deadline) and users (their service: the service filter): any day. A
-- new one has no measure yet.
create function indicator_changes_definition() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_read text := case tg_table_name
                       when 'person' then 'organisation_id, sex, birth_date'
                       when 'measure_type' then 'organisation_id, code, field, tracked_quantity, first_interview_days'
                       else 'organisation_id, service_id' end;
begin
    if tg_op = 'DELETE' then
        execute indicator_changes_insert($r$select o.organisation_id, date '-infinity' as changed_from
                                            from removed o$r$);
    elsif tg_op = 'UPDATE' then
        execute indicator_changes_insert(format($r$
            select x.organisation_id, date '-infinity' as changed_from
            from removed o join added n on n.id = o.id,
                 lateral (values (o.organisation_id), (n.organisation_id)) x (organisation_id)
            where (%1$s) is distinct from (%2$s) $r$,
            regexp_replace(v_read, '(\w+)', 'o.\1', 'g'), regexp_replace(v_read, '(\w+)', 'n.\1', 'g')));
    end if;
    return null;
end
$$;

-- Reports (due day), quantities (day of the entry, and the end of their measure: completed against
-- ordered counts every entry of the measures ended in the period) and incidents (day).
create function indicator_changes_measure_detail() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_day text := case tg_table_name
                      when 'report' then 'd.due_on'
                      when 'measure_quantity_entry'
                          then 'least(d.entry_date, (select m.ended_on from measure m where m.id = d.measure_id))'
                      else 'd.occurred_on' end;
begin
    execute indicator_changes_insert(format('select d.organisation_id, %s as changed_from from (%s) d', v_day,
        case tg_op when 'INSERT' then 'select * from added'
                   when 'DELETE' then 'select * from removed'
                   else 'select * from added union all select * from removed' end));
    return null;
end
$$;

-- Billing statements (sent and paid days; drafts are not counted) and their lines (the sent day of
-- their statement; any day when it is gone).
create function indicator_changes_billing() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_rows text := case tg_op when 'INSERT' then 'select * from added'
                              when 'DELETE' then 'select * from removed'
                              else 'select * from added union all select * from removed' end;
begin
    if tg_table_name = 'billing_statement' then
        execute indicator_changes_insert(format(
            'select d.organisation_id, least(d.sent_on, d.paid_on) as changed_from from (%s) d', v_rows));
    else
        execute indicator_changes_insert(format($r$
            select d.organisation_id, case when s.id is null then date '-infinity' else s.sent_on end as changed_from
            from (%s) d left join billing_statement s on s.id = d.statement_id $r$, v_rows));
    end if;
    return null;
end
$$;

-- A TRUNCATE fires no row trigger: every association's figures may have changed.
create function indicator_changes_truncate() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into indicator_change (organisation_id, changed_from) select o.id, '-infinity' from organisation o;
    return null;
end
$$;

do $$
declare
    v_table text;
    v_function text;
begin
    for v_table, v_function in
        select * from (values ('measure', 'indicator_changes_measure'), ('person', 'indicator_changes_definition'),
                              ('measure_type', 'indicator_changes_definition'), ('app_user', 'indicator_changes_definition'),
                              ('report', 'indicator_changes_measure_detail'),
                              ('measure_quantity_entry', 'indicator_changes_measure_detail'),
                              ('measure_incident', 'indicator_changes_measure_detail'),
                              ('billing_statement', 'indicator_changes_billing'),
                              ('billing_statement_line', 'indicator_changes_billing')) t
    loop
        execute format('create trigger indicator_changes_on_insert after insert on %I referencing new table as added'
                       ' for each statement execute function %I()', v_table, v_function);
        execute format('create trigger indicator_changes_on_update after update on %I'
                       ' referencing old table as removed new table as added for each statement execute function %I()',
                       v_table, v_function);
        execute format('create trigger indicator_changes_on_delete after delete on %I referencing old table as removed'
                       ' for each statement execute function %I()', v_table, v_function);
        execute format('create trigger indicator_changes_on_truncate after truncate on %I'
                       ' for each statement execute function indicator_changes_truncate()', v_table);
    end loop;
end
$$;
revoke all on function indicator_changes_measure(), indicator_changes_definition(),
    indicator_changes_measure_detail(), indicator_changes_billing(), indicator_changes_truncate() from public;

-- National observatory: the months of the aggregates each statement changed ('-infinity': every
-- month, for the tables the figures are grouped, filtered and named by). A national figure of the
-- months [from, to] stays true while no such row within them (or '-infinity') was written by a
-- transaction its snapshot does not see. This replaces the single version, which every refresh
-- moved: the refresh mostly counts the current month, and the figures of past months now stay.
create table obs_change (
    month        date         not null,
    xid          xid8         not null default pg_current_xact_id(),
    recorded_at  timestamptz  not null default now()
);
create index obs_change_xid_idx on obs_change (xid);
revoke all on obs_change from ${app_role};
alter table obs_change enable row level security;
create policy observatory_read on obs_change for select to ${observatory_role} using (true);
grant select on obs_change to ${observatory_role};

create function obs_changes_months() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    execute format($q$
        insert into obs_change (month)
        select distinct d.month from (%s) d
        where not exists (select 1 from obs_change x where x.month = d.month and x.xid = pg_current_xact_id()) $q$,
        case tg_op when 'INSERT' then 'select month from added'
                   when 'DELETE' then 'select month from removed'
                   else 'select month from added union select month from removed' end);
    return null;
end
$$;

create function obs_changes_everything() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into obs_change (month) values ('-infinity');
    return null;
end
$$;
revoke all on function obs_changes_months(), obs_changes_everything() from public;

create trigger obs_changes_on_insert after insert on obs_month referencing new table as added
    for each statement execute function obs_changes_months();
create trigger obs_changes_on_update after update on obs_month referencing old table as removed new table as added
    for each statement execute function obs_changes_months();
create trigger obs_changes_on_delete after delete on obs_month referencing old table as removed
    for each statement execute function obs_changes_months();
create trigger obs_changes_on_truncate after truncate on obs_month
    for each statement execute function obs_changes_everything();
do $$
declare
    v_table text;
begin
    foreach v_table in array array['obs_month', 'organisation', 'judicial_court', 'court_of_appeal', 'network_region',
                                   'default_measure_type'] loop
        execute format('drop trigger obs_version_on_change on %I', v_table);
        if v_table <> 'obs_month' then
            execute format('create trigger obs_changes_on_change after insert or update or delete or truncate on %I'
                           ' for each statement execute function obs_changes_everything()', v_table);
        end if;
    end loop;
end
$$;
drop function obs_bump_version();
alter table obs_state drop column version;

-- Forgets the changes every kept figure already sees (called by the application with the oldest
-- transaction that was running when its oldest kept figures were computed).
create function kept_figures_forget(p_horizon xid8) returns bigint
    language sql security definer set search_path = public, pg_temp
as $$
    with gone as (delete from indicator_change where xid < p_horizon returning 1),
         gone_months as (delete from obs_change where xid < p_horizon returning 1)
    select (select count(*) from gone) + (select count(*) from gone_months)
$$;
revoke all on function kept_figures_forget(xid8) from public;
grant execute on function kept_figures_forget(xid8) to ${app_role};


