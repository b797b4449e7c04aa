-- Imports: what a dry run found beyond errors (sample values of each column, the distinct unknown
-- values of the mapped columns with their row counts, the errors counted per kind, warnings, rows
-- skipped by a choice), and the association's choices for unknown values, remembered for its next
-- files: a known value (a measure type id, a court code, a user id, a status or outcome code) or
-- SKIP (the rows holding that value are left out of the import); the value as first written is
-- kept to list the choices, which the association may forget.
alter table import_job
    add column samples        jsonb not null default '[]'::jsonb,
    add column unknown_values jsonb not null default '[]'::jsonb,
    add column error_kinds    jsonb not null default '{}'::jsonb,
    add column warnings       jsonb not null default '[]'::jsonb,
    add column warning_count  int   not null default 0,
    add column rows_skipped   int   not null default 0;

create table import_value_choice (
    organisation_id  uuid          not null references organisation (id),
    field            varchar(30)   not null,
    value_key        varchar(200)  not null,
    value            varchar(200)  not null,
    choice           varchar(80)   not null,
    chosen_by        uuid,
    chosen_at        timestamptz   not null default now(),
    primary key (organisation_id, field, value_key)
);
alter table import_value_choice enable row level security;
create policy tenant_isolation on import_value_choice
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
