-- Association dashboard: which association's figures a write may have changed, and from which day,
-- so that the application may keep an association's computed figures until a change reaches their
-- period (ADR 0007 §10).
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

-- Records the changes of one statement (association, first day); a transaction records a day once
-- per association unless an earlier one comes.
create function indicator_changes_record(p_changes jsonb) returns void
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into indicator_change (organisation_id, changed_from)
    select c.organisation_id, min(c.changed_from)
    from jsonb_to_recordset(p_changes) as c(organisation_id uuid, changed_from date)
    where c.organisation_id is not null and c.changed_from is not null
    group by c.organisation_id
    having not exists (select 1 from indicator_change x
                       where x.organisation_id = c.organisation_id and x.xid = pg_current_xact_id()
                         and x.changed_from <= min(c.changed_from));
end
$$;
revoke all on function indicator_changes_record(jsonb) from public;

-- Forgets the changes every kept figure already sees (called by the application with the oldest
-- transaction still running when its oldest kept figures were computed).
create function indicator_changes_forget(p_horizon xid8) returns bigint
    language sql security definer set search_path = public, pg_temp
as $$
    with gone as (delete from indicator_change where xid < p_horizon returning 1)
    select count(*) from gone
$$;
revoke all on function indicator_changes_forget(xid8) from public;
grant execute on function indicator_changes_forget(xid8) to ${app_role};

-- One function per table; "added" and "removed" are the statement's transition tables.
create function indicator_changes_measure() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', n.organisation_id,
                  'changed_from', n.received_on)) from added n));
    elsif tg_op = 'DELETE' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', o.organisation_id,
                  'changed_from', '-infinity'::date)) from removed o));
    else
        perform indicator_changes_record((
            select jsonb_agg(jsonb_build_object('organisation_id', c.organisation_id, 'changed_from', c.changed_from))
            from (select o.organisation_id,
                         case when (o.organisation_id, o.measure_type_id, o.court_code, o.assigned_user_id, o.person_id,
                                    o.received_on, o.ordered_quantity)
                                   is distinct from (n.organisation_id, n.measure_type_id, n.court_code,
                                                     n.assigned_user_id, n.person_id, n.received_on, n.ordered_quantity)
                              then '-infinity'::date
                              else least(case when (o.ended_on, o.outcome) is distinct from (n.ended_on, n.outcome)
                                              then coalesce(least(o.ended_on, n.ended_on), n.received_on) end,
                                         case when o.started_on is distinct from n.started_on
                                              then least(o.started_on, n.started_on) end)
                         end as changed_from
                  from removed o join added n on n.id = o.id
                  union all
                  select n.organisation_id, '-infinity'::date from added n join removed o on o.id = n.id
                  where o.organisation_id <> n.organisation_id) c));
    end if;
    return null;
end
$$;

-- People: their sex and birth date (age bands); a new person has no measure yet.
create function indicator_changes_person() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'DELETE' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', o.organisation_id,
                  'changed_from', '-infinity'::date)) from removed o));
    elsif tg_op = 'UPDATE' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', x.organisation_id,
                  'changed_from', '-infinity'::date))
            from (select o.organisation_id from removed o join added n on n.id = o.id
                  where (o.organisation_id, o.sex, o.birth_date) is distinct from (n.organisation_id, n.sex, n.birth_date)
                  union all
                  select n.organisation_id from removed o join added n on n.id = o.id
                  where o.organisation_id <> n.organisation_id) x));
    end if;
    return null;
end
$$;

-- Types of the catalogue (their code, field, tracked quantity, first-interview deadline) and the
-- service of users (the service filter): any period; a new one has no measure yet.
create function indicator_changes_definition() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'DELETE' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', o.organisation_id,
                  'changed_from', '-infinity'::date)) from removed o));
    elsif tg_op = 'UPDATE' and tg_table_name = 'measure_type' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', x.organisation_id,
                  'changed_from', '-infinity'::date))
            from (select o.organisation_id from removed o join added n on n.id = o.id
                  where (o.organisation_id, o.code, o.field, o.tracked_quantity, o.first_interview_days)
                        is distinct from (n.organisation_id, n.code, n.field, n.tracked_quantity, n.first_interview_days)
                  union all
                  select n.organisation_id from removed o join added n on n.id = o.id
                  where o.organisation_id <> n.organisation_id) x));
    elsif tg_op = 'UPDATE' then
        perform indicator_changes_record((select jsonb_agg(jsonb_build_object('organisation_id', x.organisation_id,
                  'changed_from', '-infinity'::date))
            from (select o.organisation_id from removed o join added n on n.id = o.id
                  where (o.organisation_id, o.service_id) is distinct from (n.organisation_id, n.service_id)
                  union all
                  select n.organisation_id from removed o join added n on n.id = o.id
                  where o.organisation_id <> n.organisation_id) x));
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
    v_day text := case tg_table_name when 'report' then 'due_on' when 'measure_quantity_entry' then 'entry_date'
                                     else 'occurred_on' end;
    v_changes jsonb;
    v_rows text;
begin
    v_rows := case tg_op when 'INSERT' then 'select * from added'
                         when 'DELETE' then 'select * from removed'
                         else 'select * from added union all select * from removed' end;
    execute format($q$
        select jsonb_agg(jsonb_build_object('organisation_id', d.organisation_id, 'changed_from',
                         case when %2$L = 'entry_date' then least(d.%1$I, (select m.ended_on from measure m
                                                                             where m.id = d.measure_id))
                              else d.%1$I end))
        from (%3$s) d $q$, v_day, v_day, v_rows) into v_changes;
    perform indicator_changes_record(v_changes);
    return null;
end
$$;

-- Billing statements (sent and paid days; drafts are not counted) and their lines (the days of
-- their statement; any day when it is gone).
create function indicator_changes_billing() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_rows text;
    v_changes jsonb;
begin
    v_rows := case tg_op when 'INSERT' then 'select * from added'
                         when 'DELETE' then 'select * from removed'
                         else 'select * from added union all select * from removed' end;
    if tg_table_name = 'billing_statement' then
        execute format($q$
            select jsonb_agg(jsonb_build_object('organisation_id', d.organisation_id,
                             'changed_from', least(d.sent_on, d.paid_on)))
            from (%s) d $q$, v_rows) into v_changes;
    else
        execute format($q$
            select jsonb_agg(jsonb_build_object('organisation_id', d.organisation_id,
                             'changed_from', case when s.id is null then '-infinity'::date else s.sent_on end))
            from (%s) d left join billing_statement s on s.id = d.statement_id $q$, v_rows) into v_changes;
    end if;
    perform indicator_changes_record(v_changes);
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
        select * from (values ('measure', 'indicator_changes_measure'), ('person', 'indicator_changes_person'),
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
revoke all on function indicator_changes_measure(), indicator_changes_person(), indicator_changes_definition(),
    indicator_changes_measure_detail(), indicator_changes_billing(), indicator_changes_truncate() from public;
