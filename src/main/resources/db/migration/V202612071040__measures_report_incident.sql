-- The report written about a recorded incident is linked to it: the incident shows its report and
-- the report its incident. An incident has at most one report (writing it again opens that one).
alter table report add column incident_id uuid references measure_incident (id);
create unique index report_incident_idx on report (incident_id) where incident_id is not null;
