-- Survey results benchmark data (issue 18): an open survey of 60 questions of every kind (single and
-- multiple choice, scale, number, date, free text, grid of 3 rows by 3 columns), sent to 150
-- associations, all of which have submitted their answer. Written as the owner (no row-level security).
begin;
create temporary table bench_survey as select gen_random_uuid() as id;
insert into survey (id, title, status, target_kind, closes_on, opened_at, opened_by_name, created_at, created_by_name)
select id, 'Banc d''essai : 60 questions', 'OPEN', 'ALL', current_date + 30, now(), 'Banc d''essai', now(), 'Banc d''essai'
from bench_survey;
insert into survey_question (id, survey_id, position, kind, label, required, options, grid_rows, scale_min, scale_max)
select gen_random_uuid(), s.id, i,
       (array['SINGLE', 'MULTIPLE', 'SCALE', 'NUMBER', 'DATE', 'TEXT', 'GRID'])[1 + i % 7],
       'Question ' || i || ' du banc d''essai sur l''activité des associations', true,
       case when i % 7 in (0, 1, 6) then array['Très souvent', 'Souvent', 'Parfois', 'Jamais', 'Ne sait pas']
            else '{}' end,
       case when i % 7 = 6 then array['Enquêtes sociales rapides', 'Contrôle judiciaire', 'Stages'] else '{}' end,
       case when i % 7 = 2 then 1 end, case when i % 7 = 2 then 5 end
from bench_survey s, generate_series(1, 60) i;
insert into survey_target (survey_id, organisation_id, organisation_name, region_code)
select s.id, o.id, o.name, o.region_code
from bench_survey s, (select id, name, region_code from organisation where kind = 'ASSOCIATION' order by id limit 150) o;
insert into survey_response (id, survey_id, organisation_id, status, answers, created_at, updated_at, updated_by_name,
                             submitted_at, submitted_by_name)
select gen_random_uuid(), t.survey_id, t.organisation_id, 'SUBMITTED',
       (select jsonb_object_agg(q.id::text, case q.kind
                   when 'SINGLE' then to_jsonb(q.options[1 + floor(random() * 5)::int])
                   when 'MULTIPLE' then coalesce((select jsonb_agg(o) from unnest(q.options) o where random() < 0.4),
                                                 jsonb_build_array(q.options[1]))
                   when 'SCALE' then to_jsonb(1 + floor(random() * 5)::int)
                   when 'NUMBER' then to_jsonb(floor(random() * 500)::int)
                   when 'DATE' then to_jsonb((current_date - floor(random() * 365)::int)::text)
                   when 'TEXT' then to_jsonb('Réponse de l''association : les partenariats locaux se développent, '
                                             || 'les délais de paiement restent longs. ' || floor(random() * 1000)::int)
                   else (select jsonb_object_agg(r, q.options[1 + floor(random() * 5)::int]) from unnest(q.grid_rows) r)
               end)
        from survey_question q where q.survey_id = t.survey_id),
       now(), now(), 'Banc d''essai', now(), 'Banc d''essai'
from survey_target t join bench_survey s on s.id = t.survey_id;
commit;
