-- Caseload views: keyset pagination by date received, and the filters used on every page.
create index measure_caseload_received_idx on measure (organisation_id, received_on desc, id desc);
create index measure_caseload_assignee_idx on measure (organisation_id, assigned_user_id, received_on desc, id desc);
create index measure_caseload_due_idx on measure (organisation_id, due_on) where status not in ('ENDED', 'CLOSED');
