-- Completes the measures of bench/measures-data.sql with the steps the observatory counts: a first
-- interview ("start", within about 1.5 times the type's deadline) for every measure that got that
-- far, and an end (a few weeks to about two years after the start, never after today) for every
-- ended or closed measure, with the measure's outcome. Run once as the owner role after
-- measures-data.sql (bench/observatory.sh).
begin;
set local synchronous_commit = off;
set local work_mem = '64MB';
select setseed(0.20261203);

create temp table bench_started on commit drop as
select m.id, m.organisation_id, m.status, m.outcome, m.received_on,
       least(current_date, m.received_on + floor(random() * (t.first_interview_days * 1.5 + 3))::int) as started_on
from measure m join measure_type t on t.id = m.measure_type_id
where m.status in ('IN_PROGRESS', 'SUSPENDED', 'ENDED', 'CLOSED')
  and not exists (select 1 from measure_transition x where x.measure_id = m.id and x.action = 'START');

insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, occurred_at,
                                effective_on, actor_name)
select gen_random_uuid(), s.organisation_id, s.id, 'START', 'ASSIGNED', 'IN_PROGRESS',
       s.started_on + time '10:00', s.started_on, 'bench'
from bench_started s;

insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, outcome,
                                occurred_at, effective_on, actor_name)
select gen_random_uuid(), s.organisation_id, s.id, 'END', 'IN_PROGRESS', 'ENDED', s.outcome,
       e.ended_on + time '16:00', e.ended_on, 'bench'
from bench_started s
cross join lateral (select least(current_date, s.started_on + 15 + floor(power(random(), 2) * 700)::int) as ended_on) e
where s.status in ('ENDED', 'CLOSED');

-- The dates kept on each measure (its trigger is off while the data set is generated).
update measure m set started_on = s.started_on from bench_started s where s.id = m.id;
update measure m set ended_on = x.effective_on
from measure_transition x where x.measure_id = m.id and x.action = 'END' and x.actor_name = 'bench';
commit;
analyze measure_transition;
