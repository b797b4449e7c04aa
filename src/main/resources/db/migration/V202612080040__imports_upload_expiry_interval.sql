-- Imports: the expiry job gives the expiry, not a date. The cutoff is computed here from the
-- database's clock, and an expiry below one hour (negative, null, zero) counts as one hour, so no
-- argument can delete a file uploaded within the last hour.
--
-- Written to run on both kinds of database a landed main can have left: one migrated by the
-- V202612061500 of 2f4460c (import_upload_expire(timestamptz)) and one migrated by the V202612061500
-- of 07ec5e2, which already made this function.
drop function if exists import_upload_expire(timestamptz);
create or replace function import_upload_expire(p_expiry interval)
    returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp
as $$
declare
    removed integer;
begin
    delete from import_upload u
    where u.job_id in (select job_id from import_upload
                       where part = 0
                         and created_at < now() - greatest(coalesce(p_expiry, interval '1 hour'), interval '1 hour'));
    get diagnostics removed = row_count;
    return removed;
end
$$;
revoke all on function import_upload_expire(interval) from public;
grant execute on function import_upload_expire(interval) to ${app_role};
