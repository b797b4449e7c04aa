-- Measures: the catalogue of measure types, persons accompanied, measures and their transitions.

-- Accent- and case-insensitive search needs an immutable unaccent for expression indexes.
create function immutable_unaccent(text) returns text
    language sql immutable parallel safe strict
as $$ select public.unaccent('public.unaccent', $1) $$;
grant execute on function immutable_unaccent(text) to ${app_role};

-- The default catalogue (DOMAIN.md); each association gets its own editable copy.
create table default_measure_type (
    code                  varchar(40)  primary key,
    position              int          not null,
    field                 varchar(20)  not null check (field in ('PRE_SENTENCE', 'POST_SENTENCE', 'MINORS', 'RESTORATIVE')),
    label                 text         not null,
    ordered_by            text         not null,
    tracked_quantity      varchar(20)  not null check (tracked_quantity in
                              ('NONE', 'HOURS', 'DAYS', 'SESSIONS', 'MONTHS', 'NIGHTS', 'MEETINGS')),
    quantity_min          int,
    quantity_max          int,
    first_interview_days  int          not null,
    report_types          text         not null,
    billing_mode          varchar(20)  not null check (billing_mode in ('PER_MEASURE', 'PER_DAY', 'PER_HOUR', 'NONE'))
);
revoke insert, update, delete on default_measure_type from ${app_role};

insert into default_measure_type values
    ('ESR', 10, 'PRE_SENTENCE', 'Enquête sociale rapide (ESR)', 'parquet', 'HOURS', null, null, 0, 'rapport d''enquête', 'PER_MEASURE'),
    ('EP', 20, 'PRE_SENTENCE', 'Enquête de personnalité (EP)', 'juge d''instruction, tribunal', 'NONE', null, null, 15, 'rapport d''enquête', 'PER_MEASURE'),
    ('CJSE', 30, 'PRE_SENTENCE', 'Contrôle judiciaire socio-éducatif (CJSE)', 'juge d''instruction, JLD, tribunal', 'MONTHS', null, null, 15, 'initial, d''étape, d''incident, de fin', 'PER_MEASURE'),
    ('MEDIATION_PENALE', 40, 'PRE_SENTENCE', 'Médiation pénale', 'parquet', 'SESSIONS', null, null, 15, 'compte rendu de médiation', 'PER_MEASURE'),
    ('STAGE_CITOYENNETE', 50, 'PRE_SENTENCE', 'Stage de citoyenneté', 'parquet, tribunal', 'HOURS', null, null, 30, 'attestation, bilan', 'PER_MEASURE'),
    ('STAGE_STUPEFIANTS', 51, 'PRE_SENTENCE', 'Stage de sensibilisation aux dangers des stupéfiants', 'parquet, tribunal', 'HOURS', null, null, 30, 'attestation, bilan', 'PER_MEASURE'),
    ('STAGE_VIOLENCES_COUPLE', 52, 'PRE_SENTENCE', 'Stage de responsabilisation pour la prévention et la lutte contre les violences au sein du couple et sexistes', 'parquet, tribunal', 'HOURS', null, null, 30, 'attestation, bilan', 'PER_MEASURE'),
    ('STAGE_PARENTALITE', 53, 'PRE_SENTENCE', 'Stage de responsabilité parentale', 'parquet, tribunal', 'HOURS', null, null, 30, 'attestation, bilan', 'PER_MEASURE'),
    ('STAGE_SEXISME', 54, 'PRE_SENTENCE', 'Stage de lutte contre le sexisme', 'parquet, tribunal', 'HOURS', null, null, 30, 'attestation, bilan', 'PER_MEASURE'),
    ('STAGE_ACHAT_ACTES_SEXUELS', 55, 'PRE_SENTENCE', 'Stage de sensibilisation à la lutte contre l''achat d''actes sexuels', 'parquet, tribunal', 'HOURS', null, null, 30, 'attestation, bilan', 'PER_MEASURE'),
    ('EVICTION_CONJOINT', 60, 'PRE_SENTENCE', 'Hébergement / éviction de l''auteur de violences conjugales', 'parquet, JLD', 'NIGHTS', null, null, 2, 'de fin', 'PER_DAY'),
    ('PLACEMENT_EXTERIEUR', 70, 'POST_SENTENCE', 'Placement à l''extérieur (PE)', 'JAP', 'DAYS', null, null, 1, 'd''étape, d''incident, de fin', 'PER_DAY'),
    ('TIG', 80, 'POST_SENTENCE', 'Travail d''intérêt général (TIG) — accueil et suivi', 'tribunal, JAP via SPIP', 'HOURS', 20, 400, 15, 'd''incident, de fin', 'PER_MEASURE'),
    ('SURSIS_PROBATOIRE', 90, 'POST_SENTENCE', 'Sursis probatoire — accompagnement', 'JAP via SPIP', 'MONTHS', null, null, 15, 'd''étape, de fin', 'PER_MEASURE'),
    ('PREPARATION_SORTIE', 100, 'POST_SENTENCE', 'Préparation à la sortie / accompagnement libération', 'JAP, SPIP', 'MONTHS', null, null, 15, 'de fin', 'PER_MEASURE'),
    ('REPARATION_PENALE', 110, 'MINORS', 'Réparation pénale', 'parquet, juge des enfants', 'MONTHS', null, null, 15, 'de fin', 'PER_MEASURE'),
    ('MESURE_INTERET_EDUCATIF', 120, 'MINORS', 'Mesure d''intérêt éducatif (13–16 ans)', 'juge des enfants', 'HOURS', 24, 30, 15, 'de fin', 'PER_MEASURE'),
    ('STAGE_FORMATION_CIVIQUE', 130, 'MINORS', 'Stage de formation civique', 'parquet, juge des enfants', 'SESSIONS', null, null, 30, 'bilan', 'PER_MEASURE'),
    ('MJIE', 140, 'MINORS', 'MJIE — mesure judiciaire d''investigation éducative', 'juge des enfants', 'NONE', null, null, 15, 'rapport d''investigation', 'PER_MEASURE'),
    ('MEDIATION_MINEURS', 150, 'MINORS', 'Médiation (mineurs)', 'parquet', 'SESSIONS', null, null, 15, 'compte rendu', 'PER_MEASURE'),
    ('JUSTICE_RESTAURATIVE', 160, 'RESTORATIVE', 'Justice restaurative (rencontres, médiation restaurative, cercles)', 'tout magistrat, avec consentement', 'MEETINGS', null, null, 30, 'bilan', 'NONE');

-- The catalogue of one association (copied from the default, then editable).
create table measure_type (
    id                    uuid          primary key,
    organisation_id       uuid          not null references organisation (id),
    code                  varchar(40)   not null,
    position              int           not null,
    field                 varchar(20)   not null,
    label                 text          not null,
    ordered_by            text          not null,
    tracked_quantity      varchar(20)   not null,
    quantity_min          int,
    quantity_max          int,
    first_interview_days  int           not null,
    report_types          text          not null,
    billing_mode          varchar(20)   not null,
    tariff                numeric(12,2),
    active                boolean       not null default true,
    unique (organisation_id, code)
);
alter table measure_type enable row level security;
create policy tenant_isolation on measure_type
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

insert into measure_type (id, organisation_id, code, position, field, label, ordered_by, tracked_quantity,
                          quantity_min, quantity_max, first_interview_days, report_types, billing_mode)
select gen_random_uuid(), o.id, d.code, d.position, d.field, d.label, d.ordered_by, d.tracked_quantity,
       d.quantity_min, d.quantity_max, d.first_interview_days, d.report_types, d.billing_mode
from organisation o cross join default_measure_type d
where o.kind = 'ASSOCIATION';

-- Per-organisation counters for human references (P-2026-000123, M-2026-000123).
create table reference_counter (
    organisation_id  uuid        not null references organisation (id),
    kind             varchar(10) not null,
    year             int         not null,
    last_value       int         not null,
    primary key (organisation_id, kind, year)
);
alter table reference_counter enable row level security;
create policy tenant_isolation on reference_counter
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A person accompanied (personne placée sous main de justice).
create table person (
    id               uuid         primary key,
    organisation_id  uuid         not null references organisation (id),
    reference        varchar(20)  not null,
    last_name        varchar(120) not null,
    first_name       varchar(120) not null,
    birth_date       date,
    sex              varchar(1)   check (sex in ('F', 'M', 'X')),
    birth_place      varchar(120),
    phone            varchar(40),
    email            varchar(200),
    address          text,
    housing          varchar(40),
    employment       varchar(40),
    resources        varchar(40),
    created_at       timestamptz  not null default now(),
    created_by       uuid,
    updated_at       timestamptz  not null default now(),
    unique (organisation_id, reference)
);
create index person_name_trgm_idx on person
    using gin (immutable_unaccent(lower(last_name || ' ' || first_name)) gin_trgm_ops);
create index person_birth_date_idx on person (organisation_id, birth_date);
alter table person enable row level security;
create policy tenant_isolation on person
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Health and addiction details: a separate table so that only roles with person:health read it.
create table person_health (
    person_id        uuid         primary key references person (id) on delete cascade,
    organisation_id  uuid         not null references organisation (id),
    health_notes     text,
    addiction_notes  text,
    updated_at       timestamptz  not null default now(),
    updated_by       uuid
);
alter table person_health enable row level security;
create policy tenant_isolation on person_health
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A measure, created from a judicial mandate (saisine).
create table measure (
    id                  uuid          primary key,
    organisation_id     uuid          not null references organisation (id),
    reference           varchar(20)   not null,
    person_id           uuid          not null references person (id),
    measure_type_id     uuid          not null references measure_type (id),
    court_code          varchar(32)   not null references judicial_court (code),
    prescriber_type     varchar(30)   not null,
    prescriber_name     varchar(200),
    parquet_number      varchar(40),
    instruction_number  varchar(40),
    received_on         date          not null,
    due_on              date,
    status              varchar(20)   not null,
    outcome             varchar(30),
    assigned_user_id    uuid,
    created_at          timestamptz   not null default now(),
    created_by          uuid,
    unique (organisation_id, reference)
);
create index measure_person_idx on measure (organisation_id, person_id);
create index measure_status_idx on measure (organisation_id, status);
alter table measure enable row level security;
create policy tenant_isolation on measure
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Every step of a measure, dated and attributed: the timeline, and the evidence of its status.
create table measure_transition (
    id               uuid         primary key,
    organisation_id  uuid         not null references organisation (id),
    measure_id       uuid         not null references measure (id),
    action           varchar(20),                 -- null for the reception of the mandate
    from_status      varchar(20),
    to_status        varchar(20)  not null,
    outcome          varchar(30),
    occurred_at      timestamptz  not null,
    effective_on     date,
    actor_id         uuid,
    actor_name       text,
    reason           text
);
create index measure_transition_measure_idx on measure_transition (measure_id, occurred_at);
alter table measure_transition enable row level security;
create policy tenant_isolation on measure_transition
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
-- The history is append-only.
revoke update, delete on measure_transition from ${app_role};
