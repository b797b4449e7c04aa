-- Measures: what the other modules may read of its tables (ADR 0010), the queue of measures that
-- changed and the change journal of what the association indicators read, both kept by triggers of
-- the measures module itself (replacing the triggers the observatory's migrations V202612030600 and
-- V202612031500 had put on these tables; same semantics, see ADR 0007 §1 and §10).

-- 1. Views for the association dashboard (observatory): only the columns its indicators read, under
-- the reader's row-level security (security_invoker), so an association still reads only its own.
create view measures_indicator_measure_v with (security_invoker = true) as
    select id, organisation_id, measure_type_id, court_code, assigned_user_id, person_id, received_on, ended_on,
           started_on, outcome, ordered_quantity
    from measure;
create view measures_indicator_type_v with (security_invoker = true) as
    select id, organisation_id, code, field, tracked_quantity, first_interview_days from measure_type;
create view measures_indicator_person_v with (security_invoker = true) as
    select id, organisation_id, sex, birth_date from person;
create view measures_indicator_report_v with (security_invoker = true) as
    select id, organisation_id, measure_id, due_on, sent_on from report;
create view measures_indicator_quantity_v with (security_invoker = true) as
    select id, organisation_id, measure_id, entry_date, quantity from measure_quantity_entry;
create view measures_indicator_incident_v with (security_invoker = true) as
    select id, organisation_id, measure_id, occurred_on from measure_incident;
create view measures_indicator_statement_v with (security_invoker = true) as
    select id, organisation_id, court_code, status, sent_on, paid_on from billing_statement;
create view measures_indicator_statement_line_v with (security_invoker = true) as
    select id, organisation_id, statement_id, measure_id, amount from billing_statement_line;
revoke insert, update, delete, truncate on measures_indicator_measure_v, measures_indicator_type_v,
    measures_indicator_person_v, measures_indicator_report_v, measures_indicator_quantity_v,
    measures_indicator_incident_v, measures_indicator_statement_v, measures_indicator_statement_line_v
    from ${app_role};
comment on view measures_indicator_measure_v is 'Published by measures (ADR 0010): measures as the association indicators read them.';
comment on view measures_indicator_type_v is 'Published by measures (ADR 0010): the association''s measure types.';
comment on view measures_indicator_person_v is 'Published by measures (ADR 0010): sex and birth date of people (age bands).';
comment on view measures_indicator_report_v is 'Published by measures (ADR 0010): due and sent days of reports.';
comment on view measures_indicator_quantity_v is 'Published by measures (ADR 0010): quantities carried out.';
comment on view measures_indicator_incident_v is 'Published by measures (ADR 0010): days of incidents.';
comment on view measures_indicator_statement_v is 'Published by measures (ADR 0010): billing statements.';
comment on view measures_indicator_statement_line_v is 'Published by measures (ADR 0010): billing statement lines.';

-- 2. The measures as the national aggregates count them (no person, no free text), read by the
-- observatory's refresh only (a security definer function): no role is granted it.
create view measures_observatory_measure_v as
    select m.id, m.organisation_id, m.court_code, m.measure_type_id, t.code as type_code, t.field, m.received_on,
           m.ended_on, m.started_on, m.outcome
    from measure m join measure_type t on t.id = m.measure_type_id;
revoke all on measures_observatory_measure_v from ${app_role};
comment on view measures_observatory_measure_v is 'Published by measures (ADR 0010) to the national aggregates'' refresh only.';

-- 3. The measures that changed in what the national aggregates count (reception, status, outcome,
-- court, type, transitions, the code or field of their type), until the observatory takes them
-- (measures_take_changed_measures). Statement triggers, from their transition tables.
create table measures_changed_measure (
    measure_id  uuid         primary key,
    queued_at   timestamptz  not null default clock_timestamp()
);
revoke all on measures_changed_measure from ${app_role};

create function measures_queue_changed() returns trigger
    language plpgsql security definer set search_path = public, pg_temp set client_min_messages = warning
as $$
begin
    execute format($q$
        insert into measures_changed_measure (measure_id)
        select distinct c.measure_id from (%s) c
        on conflict (measure_id) do nothing $q$,
        case
            when tg_table_name = 'measure' and tg_op = 'INSERT' then 'select id as measure_id from added'
            when tg_table_name = 'measure' and tg_op = 'DELETE' then 'select id as measure_id from removed'
            when tg_table_name = 'measure' then $r$
                select n.id as measure_id from removed o join added n on n.id = o.id
                where (o.status, o.outcome, o.court_code, o.measure_type_id, o.received_on)
                      is distinct from (n.status, n.outcome, n.court_code, n.measure_type_id, n.received_on) $r$
            when tg_table_name = 'measure_type' then $r$
                select m.id as measure_id from removed o join added n on n.id = o.id
                join measure m on m.measure_type_id = n.id
                where (o.code, o.field) is distinct from (n.code, n.field) $r$
            when tg_op = 'INSERT' then 'select measure_id from added'
            when tg_op = 'DELETE' then 'select measure_id from removed'
            else 'select measure_id from added union all select measure_id from removed' end);
    return null;
end
$$;
revoke all on function measures_queue_changed() from public;

-- Takes the p_limit oldest queued measures (all with null), skipping those another taker holds;
-- those of transactions not yet committed stay for the next call.
create function measures_take_changed_measures(p_limit int) returns table (measure_id uuid, queued_at timestamptz)
    language sql security definer set search_path = public, pg_temp
as $$
    delete from measures_changed_measure d
    where d.measure_id in (select q.measure_id from measures_changed_measure q order by q.queued_at limit p_limit
                           for update skip locked)
    returning d.measure_id, d.queued_at
$$;
revoke all on function measures_take_changed_measures(int) from public;

-- The measures queued, without taking them (how far behind a reader is).
create function measures_changed_measures() returns table (measure_id uuid, queued_at timestamptz)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select measure_id, queued_at from measures_changed_measure
$$;
revoke all on function measures_changed_measures() from public;

-- 4. The change journal of what the association indicators read (ADR 0007 §10): one row per
-- association and statement, the first day whose figures the write may change ('-infinity': any
-- day) and the writing transaction.
create table measures_change (
    organisation_id  uuid         not null,
    changed_from     date         not null,
    xid              xid8         not null default pg_current_xact_id(),
    recorded_at      timestamptz  not null default now()
);
create index measures_change_org_xid_idx on measures_change (organisation_id, xid);
create index measures_change_xid_idx on measures_change (xid);
alter table measures_change enable row level security;
create policy tenant_isolation on measures_change for select using (organisation_id = current_organisation_id());
revoke all on measures_change from ${app_role};
grant select on measures_change to ${app_role};
create view measures_change_v with (security_invoker = true) as
    select organisation_id, changed_from, xid from measures_change;
revoke insert, update, delete, truncate on measures_change_v from ${app_role};
comment on view measures_change_v is 'Published by measures (ADR 0010): per association and writing transaction, the'
    ' first day whose indicators a write may change.';

-- The statement recording one trigger's changes from a query of (organisation_id, changed_from)
-- rows: the first day per association; a transaction records a day once per association unless an
-- earlier one comes.
create function measures_changes_insert(p_rows text) returns text
    language sql immutable
as $$
    select format($q$
        insert into measures_change (organisation_id, changed_from)
        select c.organisation_id, min(c.changed_from)
        from (%s) c
        where c.organisation_id is not null and c.changed_from is not null
        group by c.organisation_id
        having not exists (select 1 from measures_change x
                           where x.organisation_id = c.organisation_id and x.xid = pg_current_xact_id()
                             and x.changed_from <= min(c.changed_from)) $q$, p_rows)
$$;

-- Measures: a new one from its reception; a change of what it is filtered or counted by, any day;
-- of its end or first interview, from the earlier of the old and new days.
create function measures_changes_of_measures() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'INSERT' then
        execute measures_changes_insert('select n.organisation_id, n.received_on as changed_from from added n');
    elsif tg_op = 'DELETE' then
        execute measures_changes_insert($r$select o.organisation_id, date '-infinity' as changed_from
                                           from removed o$r$);
    else
        execute measures_changes_insert($r$
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

-- People (sex and birth date: age bands) and the catalogue's types (code, field, tracked
-- quantity, first-interview deadline): any day. A new one has no measure yet.
create function measures_changes_of_definitions() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_read text := case tg_table_name
                       when 'person' then 'organisation_id, sex, birth_date'
                       else 'organisation_id, code, field, tracked_quantity, first_interview_days' end;
begin
    if tg_op = 'DELETE' then
        execute measures_changes_insert($r$select o.organisation_id, date '-infinity' as changed_from
                                           from removed o$r$);
    elsif tg_op = 'UPDATE' then
        execute measures_changes_insert(format($r$
            select x.organisation_id, date '-infinity' as changed_from
            from removed o join added n on n.id = o.id,
                 lateral (values (o.organisation_id), (n.organisation_id)) x (organisation_id)
            where (%1$s) is distinct from (%2$s) $r$,
            regexp_replace(v_read, '(\w+)', 'o.\1', 'g'), regexp_replace(v_read, '(\w+)', 'n.\1', 'g')));
    end if;
    return null;
end
$$;

-- Reports (due day), quantities (day of the entry, and the end of their measure) and incidents (day).
create function measures_changes_of_details() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_day text := case tg_table_name
                      when 'report' then 'd.due_on'
                      when 'measure_quantity_entry'
                          then 'least(d.entry_date, (select m.ended_on from measure m where m.id = d.measure_id))'
                      else 'd.occurred_on' end;
begin
    execute measures_changes_insert(format('select d.organisation_id, %s as changed_from from (%s) d', v_day,
        case tg_op when 'INSERT' then 'select * from added'
                   when 'DELETE' then 'select * from removed'
                   else 'select * from added union all select * from removed' end));
    return null;
end
$$;

-- Billing statements (sent and paid days) and their lines (the sent day of their statement; any
-- day when it is gone).
create function measures_changes_of_billing() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    v_rows text := case tg_op when 'INSERT' then 'select * from added'
                              when 'DELETE' then 'select * from removed'
                              else 'select * from added union all select * from removed' end;
begin
    if tg_table_name = 'billing_statement' then
        execute measures_changes_insert(format(
            'select d.organisation_id, least(d.sent_on, d.paid_on) as changed_from from (%s) d', v_rows));
    else
        execute measures_changes_insert(format($r$
            select d.organisation_id, case when s.id is null then date '-infinity' else s.sent_on end as changed_from
            from (%s) d left join billing_statement s on s.id = d.statement_id $r$, v_rows));
    end if;
    return null;
end
$$;

-- A TRUNCATE fires no row trigger: every association's figures may have changed.
create function measures_changes_of_truncate() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into measures_change (organisation_id, changed_from)
    select o.id, '-infinity' from identity_organisation_v o;
    return null;
end
$$;
revoke all on function measures_changes_of_measures(), measures_changes_of_definitions(),
    measures_changes_of_details(), measures_changes_of_billing(), measures_changes_of_truncate() from public;

-- Forgets the changes older than p_horizon (called by the observatory's kept figures, ADR 0007 §10).
create function measures_changes_forget(p_horizon xid8) returns bigint
    language sql security definer set search_path = public, pg_temp
as $$
    with gone as (delete from measures_change where xid < p_horizon returning 1) select count(*) from gone
$$;
revoke all on function measures_changes_forget(xid8) from public;
grant execute on function measures_changes_forget(xid8) to ${app_role};

-- 5. The observatory's triggers on these tables give way to the measures' own.
drop trigger obs_queue_measure_insert on measure;
drop trigger obs_queue_measure_update on measure;
drop trigger obs_queue_transition on measure_transition;
drop trigger obs_queue_measure_type on measure_type;
do $$
declare
    v_table text;
    v_function text;
begin
    for v_table, v_function in
        select * from (values ('measure', 'measures_changes_of_measures'), ('person', 'measures_changes_of_definitions'),
                              ('measure_type', 'measures_changes_of_definitions'),
                              ('report', 'measures_changes_of_details'),
                              ('measure_quantity_entry', 'measures_changes_of_details'),
                              ('measure_incident', 'measures_changes_of_details'),
                              ('billing_statement', 'measures_changes_of_billing'),
                              ('billing_statement_line', 'measures_changes_of_billing')) t
    loop
        execute format('drop trigger indicator_changes_on_insert on %I', v_table);
        execute format('drop trigger indicator_changes_on_update on %I', v_table);
        execute format('drop trigger indicator_changes_on_delete on %I', v_table);
        execute format('drop trigger indicator_changes_on_truncate on %I', v_table);
        execute format('create trigger measures_changes_on_insert after insert on %I referencing new table as added'
                       ' for each statement execute function %I()', v_table, v_function);
        execute format('create trigger measures_changes_on_update after update on %I'
                       ' referencing old table as removed new table as added for each statement execute function %I()',
                       v_table, v_function);
        execute format('create trigger measures_changes_on_delete after delete on %I referencing old table as removed'
                       ' for each statement execute function %I()', v_table, v_function);
        execute format('create trigger measures_changes_on_truncate after truncate on %I'
                       ' for each statement execute function measures_changes_of_truncate()', v_table);
    end loop;
end
$$;

create trigger measures_queue_on_insert after insert on measure referencing new table as added
    for each statement execute function measures_queue_changed();
create trigger measures_queue_on_update after update on measure referencing old table as removed new table as added
    for each statement execute function measures_queue_changed();
create trigger measures_queue_on_delete after delete on measure referencing old table as removed
    for each statement execute function measures_queue_changed();
create trigger measures_queue_on_insert after insert on measure_transition referencing new table as added
    for each statement execute function measures_queue_changed();
create trigger measures_queue_on_update after update on measure_transition
    referencing old table as removed new table as added for each statement execute function measures_queue_changed();
create trigger measures_queue_on_delete after delete on measure_transition referencing old table as removed
    for each statement execute function measures_queue_changed();
create trigger measures_queue_on_update after update on measure_type
    referencing old table as removed new table as added for each statement execute function measures_queue_changed();
