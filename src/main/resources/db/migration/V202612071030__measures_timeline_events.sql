-- The timeline of a measure shows every event of it. Most events are already dated and attributed
-- where they are kept (transitions, appointments scheduled, incidents recorded and reported,
-- reports started, hours logged). This records what was not.

-- 1. To whom a measure is assigned or reassigned, on its transition (earlier assignments: the
-- timeline names the current case worker on the latest one).
alter table measure_transition add column assignee_id uuid;

-- 2. Events that change a row in place or leave none: attendance recorded, a report submitted,
-- validated, returned or sent, a report's PDF produced, an entry of hours or days corrected or
-- deleted. Append-only; the actor's name is kept as it was, like the transitions'.
create table measure_event (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    measure_id       uuid          not null references measure (id),
    event            varchar(30)   not null check (event in ('ATTENDANCE_RECORDED', 'REPORT_SUBMITTED',
                                       'REPORT_VALIDATED', 'REPORT_RETURNED', 'REPORT_SENT', 'DOCUMENT_PRODUCED',
                                       'QUANTITY_CORRECTED', 'QUANTITY_DELETED')),
    subject_id       uuid,                        -- the appointment, report or quantity entry
    value            varchar(40),                 -- the attendance, the report's kind
    on_date          date,                        -- the appointment's day, the sending day, the entry's day
    amount           numeric(9,2),                -- the report's version, the entry's quantity
    occurred_at      timestamptz   not null,
    time_known       boolean       not null default true,   -- false: only the day is known
    backfilled       boolean       not null default false,  -- rebuilt from what was kept before this table
    actor_id         uuid,
    actor_name       text
);
create index measure_event_measure_idx on measure_event (measure_id, occurred_at);
alter table measure_event enable row level security;
create policy tenant_isolation on measure_event
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
revoke update, delete on measure_event from ${app_role};

-- What exists of the past: attendance (dated by its appointment, its author unknown), the last
-- submission of a report, its validation (by whom), its sending (the day only; placed after the
-- validation when both fall on that day).
insert into measure_event (id, organisation_id, measure_id, event, subject_id, value, on_date, occurred_at,
                           time_known, backfilled)
select gen_random_uuid(), organisation_id, measure_id, 'ATTENDANCE_RECORDED', id, attendance,
       cast(scheduled_at at time zone 'Europe/Paris' as date), scheduled_at, false, true
from appointment where attendance is not null;

insert into measure_event (id, organisation_id, measure_id, event, subject_id, value, occurred_at, backfilled)
select gen_random_uuid(), organisation_id, measure_id, 'REPORT_SUBMITTED', id, kind, submitted_at, true
from report where submitted_at is not null;

insert into measure_event (id, organisation_id, measure_id, event, subject_id, value, occurred_at, backfilled,
                           actor_id)
select gen_random_uuid(), organisation_id, measure_id, 'REPORT_VALIDATED', id, kind, validated_at, true, validated_by
from report where validated_at is not null;

insert into measure_event (id, organisation_id, measure_id, event, subject_id, value, on_date, occurred_at,
                           time_known, backfilled)
select gen_random_uuid(), organisation_id, measure_id, 'REPORT_SENT', id, kind, sent_on,
       greatest(cast(sent_on as timestamp) at time zone 'Europe/Paris', validated_at), false, true
from report where status = 'SENT' and sent_on is not null;
