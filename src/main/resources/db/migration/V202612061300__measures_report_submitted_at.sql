-- When a report was last submitted for validation: the service head's queue lists the reports
-- waiting, oldest first. Reports already waiting are dated by their latest text, saved before
-- they were submitted.
alter table report add column submitted_at timestamptz;
update report r set submitted_at = (select max(v.created_at) from report_version v where v.report_id = r.id)
where r.status = 'SUBMITTED';
create index report_submitted_idx on report (organisation_id, submitted_at) where status = 'SUBMITTED';
