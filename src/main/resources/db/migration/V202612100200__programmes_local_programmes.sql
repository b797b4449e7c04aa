-- Prevention programmes (issue 17), parts 2 to 6: a local programme run from a sheet of the library,
-- its operational group under an ethics charter, its beneficiaries (personal data of minors, most of
-- them) from the liaison form to the exit outcome, its sessions and attendance, and its money.
--
-- Every table belongs to the organisation running the programme (a local authority or an
-- association): row-level security keeps each organisation to its own rows. Beneficiaries and what
-- is recorded about them are further restricted, in the database itself, to the users who are
-- members of the programme's group and have signed its current charter (programme_signed_ids()):
-- everyone else of the organisation, the programme lead included until signing, reads none of them.
-- The indicators and the federation's network view only ever read aggregates, through the
-- security-definer functions at the end.

create table programme (
    id                uuid          primary key,
    organisation_id   uuid          not null references organisation (id),
    sheet_id          uuid          not null references practice_sheet (id),
    sheet_version     int           not null check (sheet_version > 0),
    title             varchar(300)  not null check (length(btrim(title)) > 0),
    territory         varchar(200)  not null check (length(btrim(territory)) > 0),
    departement_code  varchar(3),
    places            varchar(1000),
    capacity          int           not null check (capacity between 1 and 10000),
    starts_on         date          not null,
    ends_on           date          not null,
    objectives        text          not null default '',
    -- The sheet's indicators as adopted: [{"label": "...", "measure": "ASSIDUITY" or null}, ...]
    indicators        jsonb         not null default '[]',
    charter_version   int           not null default 1 check (charter_version > 0),
    charter_text      text          not null check (length(btrim(charter_text)) > 0),
    charter_changed_on date         not null,
    closed_on         date,
    created_at        timestamptz   not null,
    created_by_name   varchar(200)  not null,
    check (ends_on >= starts_on),
    check (closed_on is null or closed_on >= starts_on)
);
create index programme_organisation_idx on programme (organisation_id, starts_on desc);
create index programme_sheet_idx on programme (sheet_id);

-- The operational group: people of member organisations (the organisation running the programme,
-- the school, the police, the mission locale...). A member who uses Passerelle is tied to the
-- account (user_id, an account of the running organisation); the others are recorded by name. A
-- signature is for one version of the charter.
create table programme_member (
    id                  uuid          primary key,
    programme_id        uuid          not null references programme (id),
    organisation_id     uuid          not null references organisation (id),
    user_id             uuid,
    full_name           varchar(200)  not null check (length(btrim(full_name)) > 0),
    member_organisation varchar(200)  not null check (length(btrim(member_organisation)) > 0),
    group_role          varchar(30)   not null check (group_role in ('LEAD', 'REFERENT', 'SPOTTING_PARTNER', 'PARTNER', 'FUNDER')),
    charter_version     int,
    charter_signed_on   date,
    left_on             date,
    added_on            date          not null,
    check ((charter_version is null) = (charter_signed_on is null)),
    unique (programme_id, user_id),
    unique (id, programme_id)
);
create index programme_member_user_idx on programme_member (user_id) where user_id is not null;

create table programme_meeting (
    id               uuid          primary key,
    programme_id     uuid          not null references programme (id),
    organisation_id  uuid          not null references organisation (id),
    held_on          date          not null,
    subject          varchar(300)  not null check (length(btrim(subject)) > 0),
    decisions        text          not null default '',
    created_at       timestamptz   not null,
    unique (id, programme_id)
);
create index programme_meeting_programme_idx on programme_meeting (programme_id, held_on desc);

create table programme_meeting_attendance (
    meeting_id       uuid  not null,
    member_id        uuid  not null,
    programme_id     uuid  not null,
    organisation_id  uuid  not null references organisation (id),
    primary key (meeting_id, member_id),
    foreign key (meeting_id, programme_id) references programme_meeting (id, programme_id),
    foreign key (member_id, programme_id) references programme_member (id, programme_id)
);

-- A beneficiary, from the liaison form sent by a spotting partner to the exit outcome.
create table programme_beneficiary (
    id                  uuid          primary key,
    programme_id        uuid          not null references programme (id),
    organisation_id     uuid          not null references organisation (id),
    first_name          varchar(100)  not null check (length(btrim(first_name)) > 0),
    last_name           varchar(100)  not null check (length(btrim(last_name)) > 0),
    birth_date          date          not null,
    sex                 varchar(1)    not null check (sex in ('F', 'M', 'X')),
    neighbourhood       varchar(200),
    liaison_from        varchar(200)  not null check (length(btrim(liaison_from)) > 0),
    liaison_on          date          not null,
    liaison_reason      text          not null check (length(btrim(liaison_reason)) > 0),
    decision            varchar(10)   not null default 'PENDING' check (decision in ('PENDING', 'ADMITTED', 'REFUSED', 'WAITING')),
    decision_on         date,
    decision_reason     varchar(2000),
    consent_on          date,
    consent_by          varchar(10)   check (consent_by in ('SELF', 'PARENT', 'GUARDIAN')),
    guardian_name       varchar(200),
    referent_id         uuid,
    contract_starts_on  date,
    contract_ends_on    date,
    contract_objectives text,
    contract_status     varchar(10)   check (contract_status in ('SIGNED', 'COMPLETED', 'BROKEN')),
    exit_on             date,
    exit_outcome        varchar(20)   check (exit_outcome in ('JOB', 'TRAINING', 'SCHOOL', 'GARANTIE_JEUNES', 'NONE', 'OTHER')),
    exit_review         text,
    created_at          timestamptz   not null,
    unique (id, programme_id),
    foreign key (referent_id, programme_id) references programme_member (id, programme_id),
    check ((decision = 'PENDING') = (decision_on is null)),
    check (decision <> 'REFUSED' or length(btrim(coalesce(decision_reason, ''))) > 0),
    check ((consent_on is null) = (consent_by is null)),
    check (consent_on is null or decision = 'ADMITTED'),
    -- A minor (under 18 at the date of consent) consents through a parent or guardian, named.
    check (consent_on is null or consent_on >= (birth_date + interval '18 years')::date
           or (consent_by in ('PARENT', 'GUARDIAN') and length(btrim(coalesce(guardian_name, ''))) > 0)),
    check (contract_starts_on is null or consent_on is not null),
    check ((contract_starts_on is null) = (contract_status is null)),
    check ((contract_starts_on is null) = (contract_ends_on is null)),
    check (contract_ends_on is null or contract_ends_on >= contract_starts_on),
    check ((exit_on is null) = (exit_outcome is null)),
    check (exit_on is null or decision = 'ADMITTED')
);
create index programme_beneficiary_programme_idx on programme_beneficiary (programme_id, last_name, first_name);

create table programme_contact (
    id               uuid          primary key,
    beneficiary_id   uuid          not null,
    programme_id     uuid          not null,
    organisation_id  uuid          not null references organisation (id),
    kind             varchar(20)   not null check (kind in ('INTERVIEW', 'PHONE', 'HOME_VISIT', 'FAMILY', 'PARTNER', 'OTHER')),
    happened_on      date          not null,
    note             varchar(4000) not null default '',
    created_at       timestamptz   not null,
    created_by_name  varchar(200)  not null,
    foreign key (beneficiary_id, programme_id) references programme_beneficiary (id, programme_id)
);
create index programme_contact_beneficiary_idx on programme_contact (beneficiary_id, happened_on desc);
create index programme_contact_programme_idx on programme_contact (programme_id);

create table programme_orientation (
    id               uuid          primary key,
    beneficiary_id   uuid          not null,
    programme_id     uuid          not null,
    organisation_id  uuid          not null references organisation (id),
    kind             varchar(20)   not null check (kind in ('EMPLOYMENT', 'TRAINING', 'SCHOOL', 'HEALTH', 'HOUSING', 'SOCIAL', 'SPORT_CULTURE', 'JUSTICE', 'OTHER')),
    service_name     varchar(200)  not null check (length(btrim(service_name)) > 0),
    oriented_on      date          not null,
    created_at       timestamptz   not null,
    foreign key (beneficiary_id, programme_id) references programme_beneficiary (id, programme_id)
);
create index programme_orientation_beneficiary_idx on programme_orientation (beneficiary_id);
create index programme_orientation_programme_idx on programme_orientation (programme_id);

-- A collective session (a half-day of a chantier, a workshop), and who attended it.
create table programme_session (
    id               uuid          primary key,
    programme_id     uuid          not null references programme (id),
    organisation_id  uuid          not null references organisation (id),
    held_on          date          not null,
    half_day         varchar(2)    not null check (half_day in ('AM', 'PM')),
    label            varchar(200)  not null default '',
    unique (programme_id, held_on, half_day),
    unique (id, programme_id)
);

-- One row per beneficiary expected at a session: present or absent, and late when present.
-- A session and a beneficiary of two different programmes cannot meet (both foreign keys carry
-- the programme).
create table programme_attendance (
    session_id       uuid     not null,
    beneficiary_id   uuid     not null,
    programme_id     uuid     not null,
    organisation_id  uuid     not null references organisation (id),
    present          boolean  not null,
    late             boolean  not null default false,
    primary key (session_id, beneficiary_id),
    foreign key (session_id, programme_id) references programme_session (id, programme_id),
    foreign key (beneficiary_id, programme_id) references programme_beneficiary (id, programme_id),
    check (present or not late)
);
create index programme_attendance_programme_idx on programme_attendance (programme_id) include (present, late);

create table programme_budget_line (
    id               uuid           primary key,
    programme_id     uuid           not null references programme (id),
    organisation_id  uuid           not null references organisation (id),
    label            varchar(200)   not null check (length(btrim(label)) > 0),
    planned          numeric(12, 2) not null check (planned >= 0),
    spent            numeric(12, 2) not null default 0 check (spent >= 0)
);
create index programme_budget_line_programme_idx on programme_budget_line (programme_id);

create table programme_funding (
    id               uuid           primary key,
    programme_id     uuid           not null references programme (id),
    organisation_id  uuid           not null references organisation (id),
    funder           varchar(20)    not null check (funder in ('FIPD', 'COMMUNE', 'DEPARTEMENT', 'CAF', 'ARS', 'ETAT', 'OTHER')),
    funder_name      varchar(200),
    requested        numeric(12, 2) not null check (requested >= 0),
    granted          numeric(12, 2) not null default 0 check (granted >= 0),
    received         numeric(12, 2) not null default 0 check (received >= 0),
    check (received <= granted)
);
create index programme_funding_programme_idx on programme_funding (programme_id);

-- The programmes whose beneficiaries the current user may see: a member of the group, tied to
-- this account, still in it, who signed the charter's current version. Evaluated once per query
-- (it takes no argument from the row).
create function programme_signed_ids() returns uuid[]
    language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce(array_agg(m.programme_id), '{}')
    from programme_member m
    join programme p on p.id = m.programme_id
    where m.user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
      and m.organisation_id = current_organisation_id()
      and m.left_on is null
      and m.charter_version = p.charter_version
$$;
revoke all on function programme_signed_ids() from public;
grant execute on function programme_signed_ids() to ${app_role};

do $$
declare
    v_table text;
begin
    foreach v_table in array array['programme', 'programme_member', 'programme_meeting', 'programme_meeting_attendance',
                                   'programme_session', 'programme_budget_line', 'programme_funding'] loop
        execute format('alter table %I enable row level security', v_table);
        execute format('create policy tenant_isolation on %I using (organisation_id = current_organisation_id())'
                       ' with check (organisation_id = current_organisation_id())', v_table);
        execute format('grant select, insert, update on %I to ${app_role}', v_table);
    end loop;
    -- Personal data: only the signed members of the programme's group read or change it. Rows are
    -- written by them too; the demo loader (no user) only inserts.
    foreach v_table in array array['programme_beneficiary', 'programme_contact', 'programme_orientation',
                                   'programme_attendance'] loop
        execute format('alter table %I enable row level security', v_table);
        execute format('create policy signed_members on %I for select using (organisation_id = current_organisation_id()'
                       ' and programme_id = any (programme_signed_ids()))', v_table);
        execute format('create policy signed_members_update on %I for update using (organisation_id = current_organisation_id()'
                       ' and programme_id = any (programme_signed_ids())) with check (organisation_id = current_organisation_id())', v_table);
        execute format('create policy own_organisation_insert on %I for insert'
                       ' with check (organisation_id = current_organisation_id())', v_table);
        execute format('grant select, insert, update on %I to ${app_role}', v_table);
    end loop;
end
$$;
-- Meeting attendance and budget lines can be corrected by removing a line.
grant delete on programme_meeting_attendance, programme_budget_line to ${app_role};
create policy tenant_isolation_delete on programme_attendance for delete
    using (organisation_id = current_organisation_id() and programme_id = any (programme_signed_ids()));
grant delete on programme_attendance to ${app_role};

-- The figures of one programme of the current organisation, aggregates only: whoever may see the
-- programme (programme:read, checked by the application) reads its indicators without reading a
-- single beneficiary. A beneficiary is a minor when under 18 at the group's decision (at the
-- liaison form while undecided).
create function programme_figures(p_programme uuid) returns jsonb
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
               coalesce(sum(people), 0) as people
        from (select kind, count(*) as n, count(distinct beneficiary_id) as people
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
revoke all on function programme_figures(uuid) from public;
grant execute on function programme_figures(uuid) to ${app_role};

-- The federation's network view: one row per programme of every organisation, counts only, each
-- with the sum of its records' keys (the observatory's obs_record_key) for the cell-key perturbation
-- applied before anything is shown. Nothing for anyone but the federation.
create function programme_network_rows()
    returns table (programme_id uuid, sheet_id uuid, departement_code varchar, finished boolean,
                   admitted bigint, admitted_keys bigint, minors bigint, minors_keys bigint,
                   exits bigint, exits_keys bigint, positive_exits bigint, positive_keys bigint,
                   expected bigint, present bigint)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select p.id, p.sheet_id, coalesce(p.departement_code, o.departement_code), p.closed_on is not null,
           coalesce(b.admitted, 0), coalesce(b.admitted_keys, 0), coalesce(b.minors, 0), coalesce(b.minors_keys, 0),
           coalesce(b.exits, 0), coalesce(b.exits_keys, 0), coalesce(b.positive_exits, 0), coalesce(b.positive_keys, 0),
           coalesce(t.expected, 0), coalesce(t.present, 0)
    from programme p
    join identity_organisation_v o on o.id = p.organisation_id
    left join (
        select programme_id,
               count(*) as admitted, sum(k) as admitted_keys,
               count(*) filter (where minor) as minors, coalesce(sum(k) filter (where minor), 0) as minors_keys,
               count(*) filter (where exit_outcome is not null) as exits,
               coalesce(sum(k) filter (where exit_outcome is not null), 0) as exits_keys,
               count(*) filter (where exit_outcome in ('JOB', 'TRAINING', 'SCHOOL', 'GARANTIE_JEUNES')) as positive_exits,
               coalesce(sum(k) filter (where exit_outcome in ('JOB', 'TRAINING', 'SCHOOL', 'GARANTIE_JEUNES')), 0) as positive_keys
        from (select programme_id, exit_outcome, obs_record_key(id) as k,
                     decision_on < (birth_date + interval '18 years')::date as minor
              from programme_beneficiary where decision = 'ADMITTED') x
        group by programme_id) b on b.programme_id = p.id
    left join (
        select programme_id, count(*) as expected, count(*) filter (where present) as present
        from programme_attendance group by programme_id) t on t.programme_id = p.id
    where current_organisation_is_federation()
$$;
revoke all on function programme_network_rows() from public;
grant execute on function programme_network_rows() to ${app_role};
