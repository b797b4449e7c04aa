-- Network: the federation's bodies (board, national commissions, regional meetings, working groups)
-- with their members — people of the federation and of member associations —, their meetings (on
-- site or remote, with an agenda), the invitations and replies, attendance, minutes drafted then
-- published to the body's members, and the decisions log. A body's data is visible to its active
-- members and to the federation only (row-level security through network_body_ids(), per user).
create table network_body (
    id           uuid          primary key,
    kind         varchar(20)   not null check (kind in ('BOARD', 'COMMISSION', 'REGIONAL', 'WORKING_GROUP')),
    name         varchar(200)  not null unique check (length(btrim(name)) > 0),
    region_code  varchar(32),
    description  varchar(2000),
    created_at   timestamptz   not null
);

create table network_body_member (
    body_id          uuid          not null references network_body (id),
    user_id          uuid          not null,
    organisation_id  uuid          not null,
    display_name     varchar(200)  not null,
    email            varchar(200),
    organisation_name varchar(200) not null,
    member_role      varchar(20)   not null check (member_role in ('CHAIR', 'MEMBER')),
    joined_on        date          not null,
    left_on          date,
    primary key (body_id, user_id)
);

create table network_meeting (
    id                   uuid          primary key,
    body_id              uuid          not null references network_body (id),
    title                varchar(200)  not null check (length(btrim(title)) > 0),
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    mode                 varchar(10)   not null check (mode in ('ON_SITE', 'REMOTE')),
    place                varchar(300),
    remote_url           varchar(500),
    agenda               varchar(5000) not null,
    status               varchar(20)   not null default 'PLANNED' check (status in ('PLANNED', 'HELD', 'CANCELLED')),
    invited_at           timestamptz,
    minutes              varchar(20000),
    minutes_status       varchar(10)   not null default 'NONE' check (minutes_status in ('NONE', 'DRAFT', 'PUBLISHED')),
    minutes_published_at timestamptz,
    minutes_published_by_name varchar(200),
    row_version          int           not null default 0,
    created_at           timestamptz   not null,
    check (ends_at > starts_at),
    check ((mode = 'ON_SITE' and place is not null) or (mode = 'REMOTE' and remote_url is not null))
);
create index network_meeting_body_idx on network_meeting (body_id, starts_at);

create table network_meeting_invitation (
    meeting_id  uuid          not null references network_meeting (id),
    user_id     uuid          not null,
    reply       varchar(10)   check (reply in ('YES', 'NO', 'MAYBE')),
    replied_at  timestamptz,
    attended    boolean,
    primary key (meeting_id, user_id)
);

create table network_decision (
    id                uuid          primary key,
    meeting_id        uuid          not null references network_meeting (id),
    text              varchar(2000) not null check (length(btrim(text)) > 0),
    recorded_by_name  varchar(200),
    recorded_at       timestamptz   not null
);
create index network_decision_meeting_idx on network_decision (meeting_id);

-- The bodies the signed-in user is an active member of (as a person of their current organisation).
create function network_body_ids() returns uuid[]
    language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce(array_agg(m.body_id), '{}')
    from network_body_member m
    where m.user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
      and m.organisation_id = current_organisation_id()
      and m.left_on is null
$$;
revoke all on function network_body_ids() from public;
grant execute on function network_body_ids() to ${app_role};

-- The body of a meeting (for the policies of the tables that hang off a meeting).
create function network_meeting_body(meeting uuid) returns uuid
    language sql stable security definer set search_path = public, pg_temp
as $$
    select body_id from network_meeting where id = meeting
$$;
revoke all on function network_meeting_body(uuid) from public;
grant execute on function network_meeting_body(uuid) to ${app_role};

-- A member's reply to an invitation: their own row only, nothing else of it.
create function network_meeting_reply(meeting uuid, answer varchar) returns int
    language sql volatile security definer set search_path = public, pg_temp
as $$
    update network_meeting_invitation i set reply = answer, replied_at = now()
    where i.meeting_id = meeting
      and i.user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
      and answer in ('YES', 'NO', 'MAYBE')
      and exists (select 1 from network_meeting m where m.id = meeting and m.status = 'PLANNED')
      and network_meeting_body(meeting) = any (network_body_ids())
    returning 1
$$;

revoke all on function network_meeting_reply(uuid, varchar) from public;
grant execute on function network_meeting_reply(uuid, varchar) to ${app_role};

alter table network_body enable row level security;
create policy members_or_federation_read on network_body for select
    using (current_organisation_is_federation() or id = any (network_body_ids()));
create policy federation_write on network_body for insert with check (current_organisation_is_federation());
create policy federation_update on network_body for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table network_body_member enable row level security;
create policy members_or_federation_read on network_body_member for select
    using (current_organisation_is_federation() or body_id = any (network_body_ids()));
create policy federation_write on network_body_member for insert with check (current_organisation_is_federation());
create policy federation_update on network_body_member for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table network_meeting enable row level security;
create policy members_or_federation_read on network_meeting for select
    using (current_organisation_is_federation() or body_id = any (network_body_ids()));
create policy federation_write on network_meeting for insert with check (current_organisation_is_federation());
create policy federation_update on network_meeting for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table network_meeting_invitation enable row level security;
create policy members_or_federation_read on network_meeting_invitation for select
    using (current_organisation_is_federation() or network_meeting_body(meeting_id) = any (network_body_ids()));
create policy federation_write on network_meeting_invitation for insert with check (current_organisation_is_federation());
create policy federation_update on network_meeting_invitation for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table network_decision enable row level security;
create policy members_or_federation_read on network_decision for select
    using (current_organisation_is_federation() or network_meeting_body(meeting_id) = any (network_body_ids()));
create policy federation_write on network_decision for insert with check (current_organisation_is_federation());

revoke delete, truncate on network_body, network_body_member, network_meeting, network_meeting_invitation,
    network_decision from ${app_role};
revoke update on network_decision from ${app_role};
