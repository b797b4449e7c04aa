-- The caseload's search by measure reference: the start of a reference (M-2026-0001...) is a range of
-- this index whatever the database's collation (the unique index on the reference serves equality only
-- outside the C collation). The search by person name uses the persons' prefix indexes, then
-- measure_person_idx.
create index measure_reference_prefix_idx on measure (organisation_id, reference text_pattern_ops);

-- The measures with incidents not yet reported to the magistrate (the caseload's filter and marker,
-- the home page's counts), index-only: few rows, read on every caseload page.
create index measure_incident_unreported_measure_idx on measure_incident (organisation_id, urgent)
    include (measure_id) where reported_at is null;
