-- Foundation: extensions and the privileges of the application role.
-- Migrations run as the owner role; the application connects as ${app_role}, which owns nothing,
-- cannot bypass row-level security, and only gets the privileges granted here and per table.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
alter default privileges in schema public revoke execute on functions from public;

-- The tenant of the current transaction, set by the application with set_config(..., true).
-- Returns null when unset, so that policies comparing with it match no row.
create function current_organisation_id() returns uuid
    language sql stable
as $$ select nullif(current_setting('passerelle.organisation_id', true), '')::uuid $$;
grant execute on function current_organisation_id() to ${app_role};
