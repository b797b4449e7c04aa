-- Good-practice library benchmark data (bench/programmes.sh replaces __SHEETS__): the library's
-- real sheets (loaded at start) plus generated ones up to __SHEETS__ sheets, each a copy of a real
-- sheet's current version under a new title, number and code, with two earlier versions kept
-- (as an edited sheet has), so that the search reads current versions among three times as many
-- rows. Run as the owner role (row-level security does not apply to it).
begin;

create temp table bench_source on commit drop as
    select row_number() over (order by s.number) - 1 as k, v.*
    from practice_sheet s join practice_sheet_version v on v.sheet_id = s.id and v.is_current
    where s.origin = 'RESOURCE';

create temp table bench_sheet on commit drop as
    select gen_random_uuid() as id, g as n, src.*
    from generate_series(1, greatest(0, __SHEETS__ - (select count(*) from practice_sheet))) g
    join bench_source src on src.k = g % (select count(*) from bench_source);

insert into practice_sheet (id, code, number, origin, status, current_version, created_at, updated_at)
select id, 'bench-' || n, 1000 + n, 'FEDERATION', 'PUBLISHED', 3, now() - interval '1 day' * (n % 365), now()
from bench_sheet;

insert into practice_sheet_version (sheet_id, version, is_current, title, axis, theme, publics, age_min, age_max,
    carriers, fundings, carrier_text, need, objectives, public_text, steering, spotting, follow_up, description,
    schedule, staff, partners, added_value, outlets, costs, funding_text, evaluation, expected_results, difficulties,
    success_factors, extra_sections, indicators, reference_actions, source, change_note, created_at, created_by_name)
select b.id, v.version, v.version = 3, b.title || ' — variante ' || b.n, b.axis, b.theme, b.publics, b.age_min,
    b.age_max, b.carriers, b.fundings, b.carrier_text, b.need, b.objectives, b.public_text, b.steering, b.spotting,
    b.follow_up, b.description, b.schedule, b.staff, b.partners, b.added_value, b.outlets, b.costs, b.funding_text,
    b.evaluation, b.expected_results, b.difficulties, b.success_factors, b.extra_sections, b.indicators,
    b.reference_actions, b.source, case when v.version > 1 then 'Version ' || v.version end,
    now() - interval '1 day' * (3 - v.version), 'Banc d''essai'
from bench_sheet b cross join generate_series(1, 3) as v(version);

commit;
