-- The accounts a list of login names (case-insensitive) designates, across organisations: enabled
-- accounts of active organisations only, with their organisation, e-mail and name. For the forum's
-- mentions (@login). Not granted to the application role: the network's security-definer function
-- forum_mentionable calls it as the owner and returns only the accounts that may read the thread.
create function identity_accounts_by_login(logins varchar[])
    returns table (user_id uuid, organisation_id uuid, username varchar, email varchar, display_name varchar)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select u.id, u.organisation_id, u.username, u.email, u.display_name
    from app_user u join organisation o on o.id = u.organisation_id
    where lower(u.username) = any (select lower(l) from unnest(logins) l)
      and u.enabled and o.active
$$;
revoke all on function identity_accounts_by_login(varchar[]) from public;
