-- Identity: access that ends when it should.
--
-- security_stamp: a number copied into the session at sign-in and compared on every request; it
-- is raised whenever what the account may do changes (disabled, roles or service changed,
-- password set, second factor reset, "sign out everywhere"), which ends every older session at
-- its next request, on every node.
-- mfa_last_time_step: the TOTP time step (RFC 6238) of the last one-time password accepted, so
-- that a code is never accepted twice (RFC 6238 section 5.2).
alter table app_user add column security_stamp bigint not null default 0;
alter table app_user add column mfa_last_time_step bigint;

-- Failed sign-ins per client address (whatever the login names tried), beside login_attempt
-- (per login name), counted within a window that starts at first_failure_at. Also, under keys
-- starting with "unlock ", the unlock links asked for from an address.
create table login_attempt_address (
    address_key      varchar(64)  primary key,
    failures         int          not null,
    first_failure_at timestamptz  not null,
    last_failure_at  timestamptz  not null
);

-- One-time links that let a locked-out user sign in from the browser that opens them; only the
-- SHA-256 hash of the secret is kept.
create table login_unlock_token (
    token_hash       char(64)     primary key,
    user_id          uuid         not null references app_user (id) on delete cascade,
    organisation_id  uuid         not null references organisation (id),
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz
);
create index login_unlock_token_user_idx on login_unlock_token (user_id, created_at);

alter table login_unlock_token enable row level security;
create policy tenant_isolation on login_unlock_token
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- The sign-in lookup now also returns the security stamp.
drop function identity_find_login(text);
create function identity_find_login(p_username text)
    returns table (id uuid, organisation_id uuid, organisation_kind varchar, organisation_active boolean,
                   username varchar, display_name varchar, password_hash text, enabled boolean,
                   mfa_secret text, mfa_enabled boolean, mfa_exempt boolean, demo_account boolean,
                   roles varchar[], security_stamp bigint)
    language sql stable security definer set search_path = public
as $$
    select u.id, u.organisation_id, o.kind, o.active, u.username, u.display_name, u.password_hash,
           u.enabled, u.mfa_secret, u.mfa_enabled, u.mfa_exempt, u.demo_account,
           array(select r.role_code from user_role r where r.user_id = u.id order by r.role_code),
           u.security_stamp
    from app_user u join organisation o on o.id = u.organisation_id
    where lower(u.username) = lower(p_username)
$$;
revoke all on function identity_find_login(text) from public;
grant execute on function identity_find_login(text) to ${app_role};

-- Checked on every request of a session: the account's current stamp, whether it (and its
-- organisation) may still sign in, and whether it is a demo account (refused under the prod
-- profile). Nothing else.
create function identity_session_state(p_user_id uuid)
    returns table (security_stamp bigint, active boolean, demo_account boolean)
    language sql stable security definer set search_path = public
as $$
    select u.security_stamp, u.enabled and o.active, u.demo_account
    from app_user u join organisation o on o.id = u.organisation_id
    where u.id = p_user_id
$$;
revoke all on function identity_session_state(uuid) from public;
grant execute on function identity_session_state(uuid) to ${app_role};

-- Spends an unlock link before any tenant is known: marks a live token used and returns the
-- login name it unlocks, once.
create function identity_use_unlock_token(p_token_hash text, p_now timestamptz)
    returns varchar
    language sql volatile security definer set search_path = public
as $$
    update login_unlock_token t set used_at = p_now
    from app_user u
    where t.token_hash = p_token_hash and t.used_at is null and t.expires_at > p_now and u.id = t.user_id
    returning u.username
$$;
revoke all on function identity_use_unlock_token(text, timestamptz) from public;
grant execute on function identity_use_unlock_token(text, timestamptz) to ${app_role};

-- Forgets the unlock links that were used or have expired (the scheduled clean-up, no tenant known).
create function identity_purge_unlock_tokens(p_now timestamptz)
    returns bigint
    language sql volatile security definer set search_path = public
as $$
    with purged as (delete from login_unlock_token where used_at is not null or expires_at <= p_now returning 1)
    select count(*) from purged
$$;
revoke all on function identity_purge_unlock_tokens(timestamptz) from public;
grant execute on function identity_purge_unlock_tokens(timestamptz) to ${app_role};

-- Demo accounts in the whole database (the production start-up check).
create function identity_demo_account_count()
    returns bigint
    language sql stable security definer set search_path = public
as $$ select count(*) from app_user where demo_account $$;
revoke all on function identity_demo_account_count() from public;
grant execute on function identity_demo_account_count() to ${app_role};
