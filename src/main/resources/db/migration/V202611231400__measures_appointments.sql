-- Appointments (entretiens) of a measure, with attendance and notes.
create table appointment (
    id                uuid          primary key,
    organisation_id   uuid          not null references organisation (id),
    measure_id        uuid          not null references measure (id),
    scheduled_at      timestamptz   not null,
    duration_minutes  int           not null check (duration_minutes between 5 and 480),
    kind              varchar(20)   not null check (kind in ('OFFICE', 'PHONE', 'VIDEO', 'HOME_VISIT', 'PRISON')),
    place             varchar(200),
    worker_id         uuid,
    attendance        varchar(20)   check (attendance in ('PRESENT', 'LATE', 'EXCUSED_ABSENCE', 'UNEXCUSED_ABSENCE')),
    notes             text,
    created_at        timestamptz   not null default now(),
    created_by        uuid
);
create index appointment_measure_idx on appointment (measure_id, scheduled_at);
create index appointment_worker_idx on appointment (organisation_id, worker_id, scheduled_at);
alter table appointment enable row level security;
create policy tenant_isolation on appointment
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
