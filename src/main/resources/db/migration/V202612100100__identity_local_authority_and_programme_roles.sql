-- Prevention programmes (issue 17), part 2: a local authority (collectivité: commune, EPCI,
-- département) becomes a kind of organisation, because a city's prevention coordinator runs
-- programmes as much as an association does. Two roles:
--   PROGRAMME_LEAD, the programme lead (coordinator), in a local authority or in an association;
--   LOCAL_AUTHORITY_ADMIN, who manages a local authority's accounts.
-- Permissions:
--   programme:read           see the organisation's programmes, their group, sessions, money and indicators;
--   programme:lead           adopt a sheet, run the group, the meetings, the decisions, the sessions and the money;
--   programme:beneficiaries  read and write beneficiaries' files, once a signed member of the group;
--   programme:network        the federation's aggregated view of every programme.
alter table organisation drop constraint organisation_kind_check;
alter table organisation add constraint organisation_kind_check
    check (kind in ('ASSOCIATION', 'FEDERATION', 'PUBLIC_BODY', 'LOCAL_AUTHORITY'));

insert into role (code, organisation_kind, position) values
    ('PROGRAMME_LEAD', 'LOCAL_AUTHORITY', 110),
    ('LOCAL_AUTHORITY_ADMIN', 'LOCAL_AUTHORITY', 120);

insert into role_permission (role_code, permission) values
    ('PROGRAMME_LEAD', 'practice:read'),
    ('PROGRAMME_LEAD', 'practice:propose'),
    ('PROGRAMME_LEAD', 'programme:read'),
    ('PROGRAMME_LEAD', 'programme:lead'),
    ('PROGRAMME_LEAD', 'programme:beneficiaries'),
    ('LOCAL_AUTHORITY_ADMIN', 'practice:read'),
    ('LOCAL_AUTHORITY_ADMIN', 'programme:read'),
    ('LOCAL_AUTHORITY_ADMIN', 'user:manage'),
    ('LOCAL_AUTHORITY_ADMIN', 'audit:read'),
    ('LOCAL_AUTHORITY_ADMIN', 'audit:verify'),
    ('CASE_WORKER', 'programme:read'),
    ('CASE_WORKER', 'programme:beneficiaries'),
    ('SERVICE_HEAD', 'programme:read'),
    ('SERVICE_HEAD', 'programme:lead'),
    ('SERVICE_HEAD', 'programme:beneficiaries'),
    ('DIRECTOR', 'programme:read'),
    ('DIRECTOR', 'programme:lead'),
    ('FEDERATION_STAFF', 'programme:network'),
    ('FEDERATION_ADMIN', 'programme:network');
