-- Imports: the uploaded file itself is kept in the database, in parts of at most 1 MiB, so that a
-- dry run on one node and the import on another read the same bytes, and nothing personal waits on
-- a node's disk. Parts are deleted once the file is imported, and after an expiry by a scheduled job.
create table import_upload (
    job_id           uuid         not null references import_job (id) deferrable initially deferred,
    part             int          not null check (part >= 0),
    organisation_id  uuid         not null,
    content          bytea        not null,
    created_at       timestamptz  not null default now(),
    primary key (job_id, part)
);
create index import_upload_created_idx on import_upload (created_at) where part = 0;
alter table import_upload enable row level security;
create policy tenant_isolation on import_upload
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- The expiry job removes abandoned files of every association at once, without reading them.
create function import_upload_expire(p_before timestamptz)
    returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp
as $$
declare
    removed integer;
begin
    delete from import_upload u
    where u.job_id in (select job_id from import_upload where part = 0 and created_at < p_before);
    get diagnostics removed = row_count;
    return removed;
end
$$;
revoke all on function import_upload_expire(timestamptz) from public;
grant execute on function import_upload_expire(timestamptz) to ${app_role};
