-- The security stamp check (identity_session_state, V202612061100) runs on every request of a
-- session. As a SQL function with its own search_path it could not be inlined, and PostgreSQL planned
-- its query again at every call (about 0.5 ms of the database for each page under load). The same
-- query in PL/pgSQL keeps its plan for the connection. Same result, same privileges (kept by
-- "create or replace"), still security definer: the session's user is checked before any tenant is set.
create or replace function identity_session_state(p_user_id uuid)
    returns table (security_stamp bigint, active boolean, demo_account boolean)
    language plpgsql stable security definer set search_path = public
as $$
begin
    return query
        select u.security_stamp, u.enabled and o.active, u.demo_account
        from app_user u join organisation o on o.id = u.organisation_id
        where u.id = p_user_id;
end
$$;
