-- Programmes: the relevance of a search is ranked on the title's own small vector, kept beside the
-- whole sheet's search document by the same trigger. Ranking on the whole document read every
-- matched sheet's large vector (about 6 kB, compressed): 14 ms for 1,700 matches of 3,000 sheets,
-- and a vector of the title, theme, objectives and public still 1.2 kB (10 ms); a title's vector is
-- a few dozen bytes. The whole document still decides what matches.
alter table practice_sheet_version add column search_title tsvector not null default ''::tsvector;

create or replace function practice_sheet_version_search() returns trigger
    language plpgsql set search_path = public
as $$
begin
    new.search_title := to_tsvector('french_unaccent', coalesce(new.title, ''));
    new.search :=
        setweight(new.search_title, 'A')
        || setweight(to_tsvector('french_unaccent', concat_ws(' ', new.theme, new.objectives, new.public_text)), 'B')
        || setweight(to_tsvector('french_unaccent', concat_ws(' ', new.carrier_text, new.need, new.steering,
               new.spotting, new.follow_up, new.description, new.schedule, new.staff, new.partners, new.added_value,
               new.outlets, new.costs, new.funding_text, new.evaluation, new.expected_results, new.difficulties,
               new.success_factors, array_to_string(new.indicators, ' '),
               (select string_agg(e ->> 'heading' || ' ' || coalesce(e ->> 'text', ''), ' ')
                from jsonb_array_elements(new.extra_sections) e))), 'C');
    return new;
end
$$;

-- Versions already written get their title's vector (the trigger computes both again).
update practice_sheet_version set title = title;

-- The facets and the pages of the library read these small columns of the current versions from
-- the index alone, not from the versions' wide rows (each holds a whole sheet's text).
create index practice_sheet_version_facets_idx on practice_sheet_version (sheet_id)
    include (axis, publics, carriers, fundings, age_min, age_max, title) where is_current;
