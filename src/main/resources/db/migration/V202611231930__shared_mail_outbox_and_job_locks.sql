-- Scheduled-job locks (ShedLock) so that a job runs on one node only, and the mail outbox:
-- mail is written in the transaction that decides it, then sent by a job that retries.

create table shedlock (
    name        varchar(64)  primary key,
    lock_until  timestamptz  not null,
    locked_at   timestamptz  not null,
    locked_by   varchar(255) not null
);

create table mail_outbox (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    kind             varchar(40)   not null,
    -- Makes enqueuing idempotent (e.g. one digest per worker and day).
    dedup_key        varchar(200),
    recipient        varchar(200)  not null,
    subject          varchar(300)  not null,
    body             text          not null,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       text,
    created_at       timestamptz   not null default now(),
    sent_at          timestamptz,
    unique (organisation_id, dedup_key)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_list_idx on mail_outbox (organisation_id, created_at desc, id desc);
alter table mail_outbox enable row level security;
create policy tenant_isolation on mail_outbox
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
revoke delete on mail_outbox from ${app_role};

-- The sending job works organisation by organisation (RLS applies); it learns which ones have mail
-- due without reading any row.
create function mail_outbox_due_organisations(p_now timestamptz)
    returns setof uuid
    language sql stable security definer set search_path = public
as $$
    select distinct organisation_id from mail_outbox where status = 'PENDING' and next_attempt_at <= p_now
$$;
revoke all on function mail_outbox_due_organisations(timestamptz) from public;
grant execute on function mail_outbox_due_organisations(timestamptz) to ${app_role};

-- Deadlines: the planned end of a measure and the due date of a report to the magistrate.
alter table measure add column planned_end_on date;
alter table report add column due_on date;
create index measure_planned_end_idx on measure (organisation_id, planned_end_on) where status not in ('ENDED', 'CLOSED');
create index report_due_idx on report (organisation_id, due_on) where status <> 'SENT';

-- Case workers may turn off their daily digest.
alter table app_user add column digest_enabled boolean not null default true;
