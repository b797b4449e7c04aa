-- Partners: each association's own directory of the structures it works with (housing, health,
-- insertion, justice services), their sites, their contacts, the partnership level the association
-- assesses (the four levels: 1 no communication, 2 formal communication, 3 minimal sharing, 4 joint
-- work) with its history, and the log of exchanges with them. Everything here belongs to one
-- association (row-level security); a child row names the same association as its parent (the
-- composite foreign keys), so that no row can point into another association's directory.

create table partner (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    name             varchar(200)  not null check (length(btrim(name)) > 0),
    partner_type     varchar(30)   not null check (partner_type in ('CHRS', 'CHU', 'CSAPA', 'CAARUD', 'ACT', 'LHSS',
                         'LAM', 'SIAO', 'SPIP', 'PJJ', 'MISSION_LOCALE', 'FRANCE_TRAVAIL', 'CMP_EPSM', 'HOSPITAL',
                         'SOCIAL_LANDLORD', 'EMPLOYER_SIAE', 'OTHER')),
    description      varchar(4000),
    activities       text[]        not null default '{}',
    tags             text[]        not null default '{}',
    phone            varchar(40),
    email            varchar(254),
    website          varchar(300),
    archived         boolean       not null default false,
    created_at       timestamptz   not null,
    created_by       uuid          not null,
    updated_at       timestamptz   not null,
    version          int           not null default 0,
    unique (id, organisation_id)
);
-- One partner of a name per association (accents and case aside): an import finds it again.
create unique index partner_name_key on partner (organisation_id, immutable_unaccent(lower(btrim(name))));
create index partner_name_search_idx on partner using gin (immutable_unaccent(lower(name)) gin_trgm_ops);
create index partner_type_idx on partner (organisation_id, partner_type, name);
create index partner_tags_idx on partner using gin (tags);
alter table partner enable row level security;
create policy tenant_isolation on partner
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table partner_site (
    id               uuid              primary key,
    organisation_id  uuid              not null,
    partner_id       uuid              not null,
    name             varchar(200)      not null check (length(btrim(name)) > 0),
    address          varchar(300),
    postcode         varchar(10),
    city             varchar(120),
    departement_code varchar(3),
    latitude         double precision  check (latitude between -90 and 90),
    longitude        double precision  check (longitude between -180 and 180),
    created_at       timestamptz       not null,
    check ((latitude is null) = (longitude is null)),
    unique (id, organisation_id),
    foreign key (partner_id, organisation_id) references partner (id, organisation_id) on delete cascade
);
create index partner_site_partner_idx on partner_site (partner_id);
create index partner_site_departement_idx on partner_site (organisation_id, departement_code);
alter table partner_site enable row level security;
create policy tenant_isolation on partner_site
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table partner_contact (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    partner_id       uuid          not null,
    site_id          uuid,
    full_name        varchar(200)  not null check (length(btrim(full_name)) > 0),
    role_label       varchar(120),
    phone            varchar(40),
    email            varchar(254),
    notes            varchar(1000),
    created_at       timestamptz   not null,
    foreign key (partner_id, organisation_id) references partner (id, organisation_id) on delete cascade,
    foreign key (site_id, organisation_id) references partner_site (id, organisation_id) on delete cascade
);
create index partner_contact_partner_idx on partner_contact (partner_id);
create index partner_contact_site_idx on partner_contact (site_id) where site_id is not null;
alter table partner_contact enable row level security;
create policy tenant_isolation on partner_contact
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- The partnership level, as assessed on a date by someone of the association: the current level is
-- the latest assessment; the earlier ones are its history. Never updated nor deleted.
create table partner_level_assessment (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    partner_id       uuid          not null,
    level            smallint      not null check (level between 1 and 4),
    assessed_on      date          not null,
    assessed_by      uuid          not null,
    assessed_by_name varchar(200)  not null,
    comment          varchar(2000),
    created_at       timestamptz   not null,
    foreign key (partner_id, organisation_id) references partner (id, organisation_id) on delete cascade
);
create index partner_level_assessment_partner_idx on partner_level_assessment (partner_id, assessed_on desc, created_at desc);
revoke update, delete on partner_level_assessment from ${app_role};
alter table partner_level_assessment enable row level security;
create policy tenant_isolation on partner_level_assessment
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Exchanges with a partner (a meeting, a call, a joint decision...), recorded by whoever took part;
-- a service head reviews them (reviewed_at).
create table partner_exchange (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    partner_id       uuid          not null,
    kind             varchar(20)   not null check (kind in ('MEETING', 'CALL', 'JOINT_DECISION', 'MAIL', 'OTHER')),
    occurred_on      date          not null,
    summary          varchar(4000) not null check (length(btrim(summary)) > 0),
    recorded_by      uuid          not null,
    recorded_by_name varchar(200)  not null,
    created_at       timestamptz   not null,
    reviewed_at      timestamptz,
    reviewed_by      uuid,
    reviewed_by_name varchar(200),
    check ((reviewed_at is null) = (reviewed_by is null)),
    foreign key (partner_id, organisation_id) references partner (id, organisation_id) on delete cascade
);
create index partner_exchange_partner_idx on partner_exchange (partner_id, occurred_on desc);
create index partner_exchange_unreviewed_idx on partner_exchange (organisation_id, occurred_on) where reviewed_at is null;
alter table partner_exchange enable row level security;
create policy tenant_isolation on partner_exchange
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
