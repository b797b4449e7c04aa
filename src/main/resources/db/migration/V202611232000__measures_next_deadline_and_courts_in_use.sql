-- The late caseload without evaluating every open measure's deadlines at each request: each
-- measure keeps its next deadline (the first interview's for a measure not yet started, its due
-- date, its planned end; none once it has ended), maintained by triggers, so "late" is a range of
-- an index. Reports expected by a date are not in it (the late view adds the few late reports).
alter table measure add column next_deadline_on date;

comment on column measure.next_deadline_on is
    'Earliest of: received_on + the type''s first_interview_days (status RECEIVED or ASSIGNED), due_on, planned_end_on; null once ENDED or CLOSED. Maintained by triggers.';

create function measure_next_deadline() returns trigger
    language plpgsql as $$
begin
    if new.status in ('ENDED', 'CLOSED') then
        new.next_deadline_on := null;
    else
        new.next_deadline_on := least(
            case when new.status in ('RECEIVED', 'ASSIGNED') then
                new.received_on + (select t.first_interview_days from measure_type t where t.id = new.measure_type_id)
            end,
            new.due_on, new.planned_end_on);
    end if;
    return new;
end $$;

create trigger measure_next_deadline
    before insert or update of status, received_on, due_on, planned_end_on, measure_type_id on measure
    for each row execute function measure_next_deadline();

-- A type's first-interview deadline changed in the catalogue settings: its measures not yet started
-- get their next deadline again.
create function measure_type_first_interview_changed() returns trigger
    language plpgsql as $$
begin
    update measure m
       set next_deadline_on = least(m.received_on + new.first_interview_days, m.due_on, m.planned_end_on)
     where m.measure_type_id = new.id and m.status in ('RECEIVED', 'ASSIGNED');
    return null;
end $$;

create trigger measure_type_first_interview_changed
    after update of first_interview_days on measure_type
    for each row when (old.first_interview_days is distinct from new.first_interview_days)
    execute function measure_type_first_interview_changed();

update measure m
   set next_deadline_on = least(
           case when m.status in ('RECEIVED', 'ASSIGNED') then m.received_on + t.first_interview_days end,
           m.due_on, m.planned_end_on)
  from measure_type t
 where t.id = m.measure_type_id and m.status not in ('ENDED', 'CLOSED');

create index measure_next_deadline_idx on measure (organisation_id, next_deadline_on)
    include (received_on, due_on, id)
    where next_deadline_on is not null;

-- The courts an association's measures come from (the caseload's court filter), found by a loose
-- scan of this index: one step per court instead of reading every measure.
create index measure_court_idx on measure (organisation_id, court_code);
