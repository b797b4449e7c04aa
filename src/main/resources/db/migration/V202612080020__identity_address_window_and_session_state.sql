-- Identity: the sign-in throttle's window per address, the demo-account flag in the session check,
-- and the clean-up of unlock links.
--
-- Written to run on both kinds of database a landed main can have left: one migrated by the
-- V202612061100 of 2f4460c (none of this) and one migrated by the V202612061100 of 07ec5e2, which
-- already made it. On the latter every statement below leaves the data as it is.

-- Failed sign-ins per address are counted within a window that starts at first_failure_at. Also,
-- under keys starting with "unlock ", the unlock links asked for from an address. A row counted
-- before has its window start at its last failure.
alter table login_attempt_address add column if not exists first_failure_at timestamptz;
update login_attempt_address set first_failure_at = last_failure_at where first_failure_at is null;
alter table login_attempt_address alter column first_failure_at set not null;

-- Checked on every request of a session: the account's current stamp, whether it (and its
-- organisation) may still sign in, and whether it is a demo account (refused under the prod
-- profile). Nothing else.
drop function if exists identity_session_state(uuid);
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

-- Forgets the unlock links that were used or have expired (the scheduled clean-up, no tenant known).
create or replace function identity_purge_unlock_tokens(p_now timestamptz)
    returns bigint
    language sql volatile security definer set search_path = public
as $$
    with purged as (delete from login_unlock_token where used_at is not null or expires_at <= p_now returning 1)
    select count(*) from purged
$$;
revoke all on function identity_purge_unlock_tokens(timestamptz) from public;
grant execute on function identity_purge_unlock_tokens(timestamptz) to ${app_role};
