-- Measures moved in from an association's former spreadsheets: the association's own file number,
-- free notes, and the import that created the measure (the caseload's "this import" filter). The
-- steps an import wrote into a measure's history are marked so: the timeline says they were
-- imported (by whom and when: the actor and time of the step).
alter table measure add column file_number varchar(60), add column notes text, add column import_job_id uuid;
create index measure_import_job_idx on measure (organisation_id, import_job_id) where import_job_id is not null;
alter table measure_transition add column imported boolean not null default false;
