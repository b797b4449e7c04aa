-- Calendar feeds: a secret, revocable URL per case worker serving their appointments as ICS.
create table calendar_feed (
    id               uuid         primary key,
    organisation_id  uuid         not null references organisation (id),
    user_id          uuid         not null,
    token_hash       char(64)     not null unique,
    created_at       timestamptz  not null default now(),
    revoked_at       timestamptz
);
create index calendar_feed_user_idx on calendar_feed (organisation_id, user_id);
alter table calendar_feed enable row level security;
create policy tenant_isolation on calendar_feed
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A calendar application presents only the token: this function says whose feed it is, and nothing else.
create function calendar_feed_owner(p_token_hash text)
    returns table (organisation_id uuid, user_id uuid)
    language sql stable security definer set search_path = public
as $$
    select f.organisation_id, f.user_id from calendar_feed f
    where f.token_hash = p_token_hash and f.revoked_at is null
$$;
revoke all on function calendar_feed_owner(text) from public;
grant execute on function calendar_feed_owner(text) to ${app_role};
