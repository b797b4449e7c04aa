-- Reports to the magistrate: draft, submitted, validated by the service head (or returned), sent.
-- Every saved text is a new version; nothing is overwritten.
create table report (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    measure_id       uuid          not null references measure (id),
    kind             varchar(20)   not null check (kind in ('INITIAL', 'STAGE', 'INCIDENT', 'FINAL', 'INVESTIGATION')),
    status           varchar(20)   not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'VALIDATED', 'SENT')),
    return_comment   text,
    sent_on          date,
    created_at       timestamptz   not null default now(),
    created_by       uuid,
    validated_by     uuid,
    validated_at     timestamptz
);
create index report_measure_idx on report (measure_id);
create index report_status_idx on report (organisation_id, status);
alter table report enable row level security;
create policy tenant_isolation on report
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table report_version (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    report_id        uuid          not null references report (id),
    version          int           not null,
    body             text          not null,
    created_at       timestamptz   not null default now(),
    created_by       uuid,
    created_by_name  text,
    unique (report_id, version)
);
alter table report_version enable row level security;
create policy tenant_isolation on report_version
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
revoke update, delete on report_version from ${app_role};
