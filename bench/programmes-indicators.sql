-- Programme indicators benchmark data (issue 17): one programme of the demo local authority, run by
-- its coordinator ("coordinatrice", a signed member of the group), with 500 beneficiaries (all
-- admitted, a third of them minors, a third exited with an outcome), 40 half-day sessions with every
-- beneficiary expected at each (20,000 attendance rows: 88 % present, 12 % of those late), 1,500
-- follow-up contacts, 400 orientations, budget and funding lines. Run as the owner role.
begin;

do $$
declare
    v_org uuid;
    v_user uuid;
    v_sheet uuid;
    v_programme uuid := gen_random_uuid();
    v_member uuid := gen_random_uuid();
    v_start date := current_date - 200;
begin
    select organisation_id, id into v_org, v_user from app_user where username = 'coordinatrice';
    select id into v_sheet from practice_sheet where code = 'chantier-passerelle';
    insert into programme (id, organisation_id, sheet_id, sheet_version, title, territory, departement_code, capacity,
        starts_on, ends_on, objectives, indicators, charter_text, charter_changed_on, created_at, created_by_name)
    values (v_programme, v_org, v_sheet, 1, 'Programme du banc d''essai', 'Vaulx-en-Velin', '69', 600, v_start,
        v_start + 365, 'Remobiliser les jeunes par le chantier.',
        '[{"label": "Nombre de bénéficiaires (mineurs, majeurs)", "measure": "ADMITTED"},
          {"label": "Assiduité", "measure": "ASSIDUITY"}, {"label": "Ponctualité", "measure": "PUNCTUALITY"},
          {"label": "Orientations à l’issue du chantier", "measure": "ORIENTATIONS"},
          {"label": "Sorties positives", "measure": "POSITIVE_EXITS"}, {"label": "Coût", "measure": "COST_PER_BENEFICIARY"},
          {"label": "Réalisation des travaux du chantier", "measure": null}]',
        'Charte du banc d''essai.', v_start, now(), 'Banc d''essai');
    insert into programme_member (id, programme_id, organisation_id, user_id, full_name, member_organisation, group_role,
        charter_version, charter_signed_on, added_on)
    values (v_member, v_programme, v_org, v_user, 'Amina Haddad', 'Ville de Vaulx-en-Velin', 'LEAD', 1, v_start, v_start);

    insert into programme_beneficiary (id, programme_id, organisation_id, first_name, last_name, birth_date, sex,
        liaison_from, liaison_on, liaison_reason, decision, decision_on, consent_on, consent_by, guardian_name,
        referent_id, contract_starts_on, contract_ends_on, contract_objectives, contract_status, exit_on, exit_outcome,
        exit_review, created_at)
    select gen_random_uuid(), v_programme, v_org, 'Prénom' || g, 'Nom' || g,
           case when g % 3 = 0 then v_start - 365 * 15 else v_start - 365 * 20 end,
           case g % 3 when 0 then 'F' when 1 then 'M' else 'X' end,
           'Collège', v_start, 'Repérage.', 'ADMITTED', v_start + 1, v_start + 2,
           case when g % 3 = 0 then 'PARENT' else 'SELF' end, case when g % 3 = 0 then 'Parent' || g end,
           v_member, v_start + 3, v_start + 180, 'Contrat.',
           case when g % 3 = 1 then (case when g % 2 = 0 then 'COMPLETED' else 'BROKEN' end) else 'SIGNED' end,
           case when g % 3 = 1 then v_start + 150 end,
           case when g % 3 = 1 then (array['JOB', 'TRAINING', 'SCHOOL', 'GARANTIE_JEUNES', 'NONE', 'OTHER'])[1 + g % 6] end,
           case when g % 3 = 1 then 'Bilan.' end, now()
    from generate_series(1, 500) g;

    insert into programme_session (id, programme_id, organisation_id, held_on, half_day, label)
    select gen_random_uuid(), v_programme, v_org, v_start + 5 + g, 'AM', 'Chantier' from generate_series(1, 40) g;

    insert into programme_attendance (session_id, beneficiary_id, programme_id, organisation_id, present, late)
    select s.id, b.id, v_programme, v_org, (hashtext(s.id::text || b.id::text) % 100 + 100) % 100 < 88,
           (hashtext(s.id::text || b.id::text) % 100 + 100) % 100 < 11
    from programme_session s cross join programme_beneficiary b
    where s.programme_id = v_programme and b.programme_id = v_programme;

    insert into programme_contact (id, beneficiary_id, programme_id, organisation_id, kind, happened_on, note, created_at,
        created_by_name)
    select gen_random_uuid(), b.id, v_programme, v_org, 'INTERVIEW', v_start + 10 + k, 'Point.', now(), 'Banc'
    from programme_beneficiary b cross join generate_series(1, 3) k where b.programme_id = v_programme;

    insert into programme_orientation (id, beneficiary_id, programme_id, organisation_id, kind, service_name, oriented_on,
        created_at)
    select gen_random_uuid(), b.id, v_programme, v_org,
           (array['EMPLOYMENT', 'TRAINING', 'SCHOOL', 'HEALTH', 'HOUSING', 'SOCIAL', 'SPORT_CULTURE', 'JUSTICE'])[1 + k % 8],
           'Service', v_start + 30, now()
    from (select id, row_number() over (order by id) as k from programme_beneficiary where programme_id = v_programme
          limit 400) b;

    insert into programme_budget_line (id, programme_id, organisation_id, label, planned, spent)
    select gen_random_uuid(), v_programme, v_org, 'Poste ' || g, 10000, 7500 from generate_series(1, 5) g;
    insert into programme_funding (id, programme_id, organisation_id, funder, requested, granted, received)
    values (gen_random_uuid(), v_programme, v_org, 'FIPD', 30000, 25000, 20000),
           (gen_random_uuid(), v_programme, v_org, 'COMMUNE', 20000, 20000, 10000);
end
$$;

commit;
