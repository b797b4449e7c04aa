-- Open measures by assignee: the counts and pages of "mine", "my service", "unassigned" and "late"
-- read only open measures (a small part of five years of history), index-only for the counts.
create index measure_open_assignee_idx on measure (organisation_id, assigned_user_id, received_on desc, id desc)
    include (status, due_on, measure_type_id) where status not in ('ENDED', 'CLOSED');

-- Person search: the unaccented lower-case name stored (computed once, not per row and per search),
-- last name first and first name first, with prefix indexes that row-level security lets the planner
-- use (starts_with and the text comparisons are leakproof; LIKE and pg_trgm's operators are not).
alter table person add column search_name text
    generated always as (immutable_unaccent(lower(last_name || ' ' || first_name))) stored;
alter table person add column search_name_rev text
    generated always as (immutable_unaccent(lower(first_name || ' ' || last_name))) stored;
create index person_search_prefix_idx on person (organisation_id, search_name text_pattern_ops);
create index person_search_prefix_rev_idx on person (organisation_id, search_name_rev text_pattern_ops);
