-- Network: the resource library. Documents (PDF, DOCX, ODT, XLSX) kept in the database, each upload a
-- new version (the earlier ones kept), with tags, an access level (public, the members, the members
-- of one body — a meeting's documents are its body's), a French full-text search over the title,
-- tags, description and the text extracted from the current version, and a download count.
-- Row-level security: a public document is visible to anyone, a members' one to the associations that
-- are members today, a body's one to the body's members; the federation sees and writes everything.
create table network_resource (
    id              uuid          primary key,
    title           varchar(200)  not null check (length(btrim(title)) > 0),
    description     varchar(2000),
    tags            varchar(40)[] not null default '{}',
    access_level    varchar(10)   not null check (access_level in ('PUBLIC', 'MEMBERS', 'BODY')),
    body_id         uuid          references network_body (id),
    meeting_id      uuid          references network_meeting (id),
    current_version int           not null default 1,
    filename        varchar(200)  not null,
    media_type      varchar(120)  not null,
    size_bytes      int           not null,
    download_count  bigint        not null default 0,
    search          tsvector      not null,
    created_at      timestamptz   not null,
    created_by_name varchar(200),
    updated_at      timestamptz   not null,
    withdrawn_at    timestamptz,
    withdrawn_reason varchar(500),
    row_version     int           not null default 0,
    check ((access_level = 'BODY') = (body_id is not null)),
    check (meeting_id is null or body_id is not null),
    check ((withdrawn_at is null) = (withdrawn_reason is null))
);
create index network_resource_search_idx on network_resource using gin (search);
create index network_resource_tags_idx on network_resource using gin (tags);
create index network_resource_updated_idx on network_resource (updated_at desc);
create index network_resource_meeting_idx on network_resource (meeting_id) where meeting_id is not null;

create table network_resource_version (
    resource_id      uuid          not null references network_resource (id),
    version          int           not null,
    filename         varchar(200)  not null,
    media_type       varchar(120)  not null,
    size_bytes       int           not null,
    sha256           char(64)      not null,
    content          bytea         not null,
    extracted_text   text          not null,
    note             varchar(500),
    uploaded_at      timestamptz   not null,
    uploaded_by_name varchar(200),
    primary key (resource_id, version)
);

-- Whether the signed-in organisation is a member of the network today (its latest status).
create function network_is_member() returns boolean
    language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce((select e.status = 'MEMBER' from membership_status_event e
                     where e.organisation_id = current_organisation_id()
                     order by e.recorded_at desc limit 1), false)
$$;
revoke all on function network_is_member() from public;
grant execute on function network_is_member() to ${app_role};

-- One more download of a document the caller has just been allowed to read (checked by the application
-- through row-level security before the call): the count only, nothing else of the row.
create function network_resource_downloaded(resource uuid) returns void
    language sql volatile security definer set search_path = public, pg_temp
as $$
    update network_resource set download_count = download_count + 1 where id = resource and withdrawn_at is null
$$;
revoke all on function network_resource_downloaded(uuid) from public;
grant execute on function network_resource_downloaded(uuid) to ${app_role};

alter table network_resource enable row level security;
-- The functions are called in subqueries, so that they run once per statement, not once per row.
create policy visible_read on network_resource for select
    using ((select current_organisation_is_federation())
           or (withdrawn_at is null and (access_level = 'PUBLIC'
               or (access_level = 'MEMBERS' and (select network_is_member()))
               or (access_level = 'BODY' and body_id = any ((select network_body_ids())::uuid[])))));
create policy federation_insert on network_resource for insert with check (current_organisation_is_federation());
create policy federation_update on network_resource for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table network_resource_version enable row level security;
create policy visible_read on network_resource_version for select
    using (exists (select 1 from network_resource r where r.id = resource_id));
create policy federation_insert on network_resource_version for insert with check (current_organisation_is_federation());

revoke delete, truncate on network_resource, network_resource_version from ${app_role};
revoke update on network_resource_version from ${app_role};
