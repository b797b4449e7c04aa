-- The dates the indicators read on every measure, kept on the measure itself: the end (effective
-- date of the last transition to "ended") and the first interview (effective date of the first
-- "start"), each the day it was recorded (Paris time) when no effective date was given. Reading them
-- from the transitions of every measure for every figure made the dashboard of an association of
-- 63,000 measures take half a minute.
alter table measure add column ended_on date, add column started_on date;
comment on column measure.ended_on is 'Effective date of the last transition to ENDED (kept by trigger).';
comment on column measure.started_on is 'Effective date of the first START transition (kept by trigger).';

create function measure_dates_from_transitions() returns trigger
    language plpgsql
as $$
declare
    v_measure uuid := case when tg_op = 'DELETE' then old.measure_id else new.measure_id end;
begin
    update measure m
       set ended_on = (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                       from measure_transition tr where tr.measure_id = m.id and tr.to_status = 'ENDED'
                       order by tr.occurred_at desc limit 1),
           started_on = (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                         from measure_transition tr where tr.measure_id = m.id and tr.action = 'START'
                         order by tr.occurred_at limit 1)
     where m.id = v_measure;
    return null;
end
$$;

create trigger measure_dates_from_transitions after insert or update or delete on measure_transition
    for each row execute function measure_dates_from_transitions();

update measure m
   set ended_on = (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                   from measure_transition tr where tr.measure_id = m.id and tr.to_status = 'ENDED'
                   order by tr.occurred_at desc limit 1),
       started_on = (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                     from measure_transition tr where tr.measure_id = m.id and tr.action = 'START'
                     order by tr.occurred_at limit 1);
