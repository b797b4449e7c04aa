-- The end and first-interview dates kept on each measure (V202612030590) were set by a row trigger:
-- one UPDATE of the measure per transition written, even for transitions that change neither date
-- (a reception, an assignment). An import of 100,000 measures writes its transitions 1,000 at a
-- time, and so ran 100,000 single-row updates (and as many statement triggers on measure). The
-- dates are now set once per statement, from its transition tables, for the measures whose
-- transitions may change them, and only where they differ.
drop trigger measure_dates_from_transitions on measure_transition;
drop function measure_dates_from_transitions();

create function measure_dates_from_transitions() returns trigger
    language plpgsql
as $$
begin
    execute format($q$
        update measure m
           set ended_on = d.ended_on, started_on = d.started_on
          from (select t.measure_id,
                       (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                        from measure_transition tr where tr.measure_id = t.measure_id and tr.to_status = 'ENDED'
                        order by tr.occurred_at desc limit 1) as ended_on,
                       (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                        from measure_transition tr where tr.measure_id = t.measure_id and tr.action = 'START'
                        order by tr.occurred_at limit 1) as started_on
                from (select distinct c.measure_id from (%s) c) t) d
         where m.id = d.measure_id
           and (m.ended_on, m.started_on) is distinct from (d.ended_on, d.started_on) $q$,
        case tg_op
            -- A new transition can only change a date when it ends or starts the measure.
            when 'INSERT' then $r$select measure_id from added where to_status = 'ENDED' or action = 'START'$r$
            when 'DELETE' then 'select measure_id from removed'
            else 'select measure_id from added union all select measure_id from removed' end);
    return null;
end
$$;

create trigger measure_dates_on_insert after insert on measure_transition referencing new table as added
    for each statement execute function measure_dates_from_transitions();
create trigger measure_dates_on_update after update on measure_transition
    referencing old table as removed new table as added for each statement execute function measure_dates_from_transitions();
create trigger measure_dates_on_delete after delete on measure_transition referencing old table as removed
    for each statement execute function measure_dates_from_transitions();
