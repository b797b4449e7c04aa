-- Network: the forum. Categories (a theme, open to the members of the network, or one body's, open to
-- its members), threads, posts written in Markdown (kept with their sanitised HTML), quotes, reports,
-- moderation (a post hidden with a reason, a thread locked or moved) and subscriptions. The
-- federation sees everything; a member organisation's people read and write in the categories open
-- to them; nothing is deleted but one's own subscriptions.
create table forum_category (
    id           uuid          primary key,
    name         varchar(120)  not null unique check (length(btrim(name)) > 0),
    description  varchar(500),
    body_id      uuid          references network_body (id),
    position     int           not null default 0,
    created_at   timestamptz   not null
);

create table forum_thread (
    id                       uuid          primary key,
    category_id              uuid          not null references forum_category (id),
    title                    varchar(200)  not null check (length(btrim(title)) > 0),
    author_user_id           uuid          not null,
    author_organisation_id   uuid          not null,
    author_name              varchar(200)  not null,
    author_organisation_name varchar(200)  not null,
    created_at               timestamptz   not null,
    last_post_at             timestamptz   not null,
    post_count               int           not null default 0,
    locked_at                timestamptz,
    locked_reason            varchar(500),
    row_version              int           not null default 0,
    check ((locked_at is null) = (locked_reason is null))
);
create index forum_thread_category_idx on forum_thread (category_id, last_post_at desc);

create table forum_post (
    id                       uuid          primary key,
    thread_id                uuid          not null references forum_thread (id),
    number                   int           not null,
    author_user_id           uuid          not null,
    author_organisation_id   uuid          not null,
    author_name              varchar(200)  not null,
    author_organisation_name varchar(200)  not null,
    body_markdown            varchar(20000) not null check (length(btrim(body_markdown)) > 0),
    body_html                text          not null,
    quoted_post_id           uuid          references forum_post (id),
    search                   tsvector      not null,
    created_at               timestamptz   not null,
    hidden_at                timestamptz,
    hidden_reason            varchar(500),
    hidden_by_name           varchar(200),
    unique (thread_id, number),
    check ((hidden_at is null) = (hidden_reason is null))
);
create index forum_post_search_idx on forum_post using gin (search);

create table forum_report (
    id                       uuid          primary key,
    post_id                  uuid          not null references forum_post (id),
    reporter_user_id         uuid          not null,
    reporter_organisation_id uuid          not null,
    reporter_name            varchar(200)  not null,
    reason                   varchar(500)  not null check (length(btrim(reason)) > 0),
    created_at               timestamptz   not null,
    resolved_at              timestamptz,
    resolution               varchar(10)   check (resolution in ('HIDDEN', 'DISMISSED')),
    resolved_by_name         varchar(200),
    unique (post_id, reporter_user_id),
    check ((resolved_at is null) = (resolution is null))
);
create index forum_report_open_idx on forum_report (created_at) where resolved_at is null;

create table forum_subscription (
    thread_id        uuid          not null references forum_thread (id),
    user_id          uuid          not null,
    organisation_id  uuid          not null,
    email            varchar(200),
    created_at       timestamptz   not null,
    primary key (thread_id, user_id)
);

-- A post's number and its thread's counters, under the thread row's lock (replies in a row never
-- share a number), whoever writes the post: the thread row is the federation's to update otherwise.
create function forum_post_numbered() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    update forum_thread set post_count = post_count + 1, last_post_at = new.created_at
    where id = new.thread_id
    returning post_count into new.number;
    return new;
end
$$;
revoke all on function forum_post_numbered() from public;
create trigger forum_post_numbered before insert on forum_post
    for each row execute function forum_post_numbered();

-- The subscribers of a thread, for the notification mails, each sent from its subscriber's own
-- organisation. The application calls it for a thread it has just read under the policy.
create function forum_thread_subscribers(thread uuid) returns table (user_id uuid, organisation_id uuid, email varchar)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select s.user_id, s.organisation_id, s.email from forum_subscription s where s.thread_id = thread
$$;
revoke all on function forum_thread_subscribers(uuid) from public;
grant execute on function forum_thread_subscribers(uuid) to ${app_role};

alter table forum_category enable row level security;
create policy open_read on forum_category for select
    using ((select current_organisation_is_federation())
           or (body_id is null and (select network_is_member()))
           or body_id = any ((select network_body_ids())::uuid[]));
create policy federation_insert on forum_category for insert with check (current_organisation_is_federation());
create policy federation_update on forum_category for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table forum_thread enable row level security;
create policy open_read on forum_thread for select
    using (exists (select 1 from forum_category c where c.id = category_id));
create policy author_insert on forum_thread for insert
    with check (author_organisation_id = current_organisation_id()
                and author_user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
                and exists (select 1 from forum_category c where c.id = category_id));
create policy federation_update on forum_thread for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table forum_post enable row level security;
create policy open_read on forum_post for select
    using (exists (select 1 from forum_thread t where t.id = thread_id));
create policy author_insert on forum_post for insert
    with check (author_organisation_id = current_organisation_id()
                and author_user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
                and exists (select 1 from forum_thread t where t.id = thread_id and t.locked_at is null));
create policy federation_update on forum_post for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table forum_report enable row level security;
create policy own_or_federation_read on forum_report for select
    using (current_organisation_is_federation()
           or reporter_user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid);
create policy reporter_insert on forum_report for insert
    with check (reporter_organisation_id = current_organisation_id()
                and reporter_user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
                and exists (select 1 from forum_post p where p.id = post_id));
create policy federation_update on forum_report for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table forum_subscription enable row level security;
create policy own_rows on forum_subscription for all
    using (user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
                and organisation_id = current_organisation_id()
                and exists (select 1 from forum_thread t where t.id = thread_id));

revoke delete, truncate on forum_category, forum_thread, forum_post, forum_report from ${app_role};
revoke truncate on forum_subscription from ${app_role};
