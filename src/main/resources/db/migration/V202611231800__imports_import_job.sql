-- Imports: one row per uploaded file, from the column mapping to the (all-or-nothing) import.
create table import_job (
    id                uuid          primary key,
    organisation_id   uuid          not null references organisation (id),
    created_by        uuid,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    file_name         varchar(255)  not null,
    file_format       varchar(10)   not null check (file_format in ('CSV', 'XLSX')),
    file_size         bigint        not null,
    charset           varchar(20),
    separator         varchar(1),
    headers           jsonb         not null,
    mapping           jsonb,
    status            varchar(20)   not null check (status in
                          ('UPLOADED', 'CHECKING', 'CHECKED', 'IMPORTING', 'IMPORTED', 'REJECTED', 'FAILED')),
    progress          int           not null default 0 check (progress between 0 and 100),
    rows_total        int           not null default 0,
    rows_processed    int           not null default 0,
    persons_created   int           not null default 0,
    persons_matched   int           not null default 0,
    measures_created  int           not null default 0,
    error_count       int           not null default 0,
    errors            jsonb         not null default '[]'::jsonb,
    finished_at       timestamptz
);
create index import_job_organisation_idx on import_job (organisation_id, created_at desc);
alter table import_job enable row level security;
create policy tenant_isolation on import_job
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
revoke delete on import_job from ${app_role};
