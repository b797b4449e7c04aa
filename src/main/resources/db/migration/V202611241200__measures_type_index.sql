-- The measures of a type: the catalogue's counts per type (its search runs as the user types), the
-- check before a type is deleted, and the trigger that moves next deadlines when a type's
-- first-interview days change read every measure without it.
create index measure_type_idx on measure (organisation_id, measure_type_id);
