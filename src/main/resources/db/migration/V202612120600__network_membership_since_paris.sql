-- The back-fill of V202612110300 dated the members' status with the database server's current date;
-- "since" is a date in Paris. The back-filled rows (status MEMBER, no reason, dated the day they were
-- recorded in the server's zone) get the Paris date of the moment they were recorded when it differs
-- (a migration run in the last hours of a day in UTC). A database that has none is left as it is.
update membership_status_event
set since = (recorded_at at time zone 'Europe/Paris')::date
where status = 'MEMBER' and reason is null
  and since = (recorded_at at time zone current_setting('TimeZone'))::date
  and since <> (recorded_at at time zone 'Europe/Paris')::date;
