-- Programmes: the changes made to V202612100200 after it had landed (05f1e04), as a migration of
-- their own. The file is back as it landed; a database migrated by the edited file (6d4dd2b) has all
-- of this already and gets V202612100200's landed checksum from LandedHistoryRepair: every statement
-- here leaves such a database as it is.
--
-- 1. Personal data: inserts and updates of the four personal tables need the programme in
--    programme_signed_ids() (a session with no user, the demo loader, may only insert).
do $$
declare
    v_table text;
begin
    foreach v_table in array array['programme_beneficiary', 'programme_contact', 'programme_orientation',
                                   'programme_attendance'] loop
        execute format('drop policy if exists signed_members_update on %I', v_table);
        execute format('drop policy if exists own_organisation_insert on %I', v_table);
        execute format('drop policy if exists signed_members_insert on %I', v_table);
        execute format('create policy signed_members_update on %I for update using (organisation_id = current_organisation_id()'
                       ' and programme_id = any (programme_signed_ids())) with check (organisation_id = current_organisation_id()'
                       ' and programme_id = any (programme_signed_ids()))', v_table);
        execute format('create policy signed_members_insert on %I for insert'
                       ' with check (organisation_id = current_organisation_id() and (programme_id = any (programme_signed_ids())'
                       ' or nullif(current_setting(''passerelle.user_id'', true), '''') is null))', v_table);
    end loop;
end
$$;

-- 2. Nothing is deleted but a budget line (corrected by removing it): the group, its signatures, its
--    meetings, sessions, funding and everything about beneficiaries stay.
drop policy if exists tenant_isolation_delete on programme_attendance;
revoke delete on programme, programme_member, programme_meeting, programme_meeting_attendance, programme_session,
    programme_funding, programme_beneficiary, programme_contact, programme_orientation, programme_attendance
    from ${app_role};
grant delete on programme_budget_line to ${app_role};

-- 3. Whether a member of a group is still the référent de parcours of someone in the programme: asked
--    before the member leaves, whoever asks (a lead who has not signed the current charter included).
create or replace function programme_member_follows(p_member uuid) returns boolean
    language sql stable security definer set search_path = public, pg_temp
as $$
    select exists (select 1 from programme_beneficiary
                   where referent_id = p_member and exit_on is null and organisation_id = current_organisation_id())
$$;
revoke all on function programme_member_follows(uuid) from public;
grant execute on function programme_member_follows(uuid) to ${app_role};

-- 4. The programme's figures: the people oriented counted once over all kinds (not summed per kind).
create or replace function programme_figures(p_programme uuid) returns jsonb
    language sql stable security definer set search_path = public, pg_temp
as $$
    with p as (
        select id from programme where id = p_programme and organisation_id = current_organisation_id()
    ), b as (
        select b.*, (coalesce(b.decision_on, b.liaison_on) < (b.birth_date + interval '18 years')::date) as minor
        from programme_beneficiary b join p on p.id = b.programme_id
    ), a as (
        select count(*) as expected, count(*) filter (where present) as present,
               count(*) filter (where late) as late
        from programme_attendance t join p on p.id = t.programme_id
    ), o as (
        select coalesce(jsonb_object_agg(kind, n), '{}') as by_kind, coalesce(sum(n), 0) as total,
               (select count(distinct t.beneficiary_id) from programme_orientation t join p on p.id = t.programme_id)
                   as people
        from (select kind, count(*) as n
              from programme_orientation t join p on p.id = t.programme_id group by kind) k
    ), c as (
        select count(*) as contacts from programme_contact t join p on p.id = t.programme_id
    ), x as (
        select coalesce(jsonb_object_agg(exit_outcome, n), '{}') as by_outcome
        from (select exit_outcome, count(*) as n from b where exit_outcome is not null group by exit_outcome) e
    )
    select jsonb_build_object(
        'found', exists (select 1 from p),
        'liaisons', (select count(*) from b),
        'pending', (select count(*) from b where decision = 'PENDING'),
        'admitted', (select count(*) from b where decision = 'ADMITTED'),
        'refused', (select count(*) from b where decision = 'REFUSED'),
        'waiting', (select count(*) from b where decision = 'WAITING'),
        'admittedBySex', (select jsonb_build_object(
            'F_MINOR', count(*) filter (where sex = 'F' and minor), 'F_ADULT', count(*) filter (where sex = 'F' and not minor),
            'M_MINOR', count(*) filter (where sex = 'M' and minor), 'M_ADULT', count(*) filter (where sex = 'M' and not minor),
            'X_MINOR', count(*) filter (where sex = 'X' and minor), 'X_ADULT', count(*) filter (where sex = 'X' and not minor))
            from b where decision = 'ADMITTED'),
        'consents', (select count(*) from b where consent_on is not null),
        'contractsSigned', (select count(*) from b where contract_status is not null),
        'contractsCompleted', (select count(*) from b where contract_status = 'COMPLETED'),
        'contractsBroken', (select count(*) from b where contract_status = 'BROKEN'),
        'exits', (select count(*) from b where exit_outcome is not null),
        'positiveExits', (select count(*) from b where exit_outcome in ('JOB', 'TRAINING', 'SCHOOL', 'GARANTIE_JEUNES')),
        'exitsByOutcome', (select by_outcome from x),
        'expected', (select expected from a),
        'present', (select present from a),
        'late', (select late from a),
        'orientations', (select total from o),
        'orientedPeople', (select people from o),
        'orientationsByKind', (select by_kind from o),
        'contacts', (select contacts from c))
$$;
