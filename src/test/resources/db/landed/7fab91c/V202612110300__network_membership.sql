-- Network: membership of the federation. A structure applies through a public form (its identity,
-- SIRET, legal form, the courts it covers and the measures it carries out, budget and staff, two
-- sponsoring member associations, the charter of reciprocal commitments signed by a named person);
-- the federation's staff give the regional opinion, its administrators decide (accept, refuse with
-- a reason, postpone). On acceptance the association and its first administrator are created by
-- the identity module and the application keeps the new organisation's id.
create table membership_application (
    id                 uuid          primary key,
    reference          varchar(20)   not null unique,
    status             varchar(20)   not null default 'SUBMITTED'
                       check (status in ('SUBMITTED', 'REVIEWED', 'POSTPONED', 'ACCEPTED', 'REFUSED')),
    name               varchar(200)  not null check (length(btrim(name)) > 0),
    siret              char(14)      not null check (siret ~ '^[0-9]{14}$'),
    legal_form         varchar(30)   not null
                       check (legal_form in ('ASSOCIATION_1901', 'ASSOCIATION_LOCAL_LAW', 'FOUNDATION', 'OTHER')),
    region_code        varchar(32)   not null,
    address            varchar(200)  not null,
    postcode           char(5)       not null,
    city               varchar(120)  not null,
    latitude           numeric(9, 6),
    longitude          numeric(9, 6),
    phone              varchar(40),
    email              varchar(200),
    website            varchar(300),
    description        varchar(2000),
    main_field         varchar(20)   not null,
    court_codes        varchar[]     not null,
    activity_codes     varchar[]     not null,
    habilitations      varchar(2000),
    annual_budget      numeric(14, 2) not null check (annual_budget >= 0),
    staff              numeric(7, 2) not null check (staff >= 0),
    sponsor_ids        uuid[]        not null check (cardinality(sponsor_ids) = 2 and sponsor_ids[1] <> sponsor_ids[2]),
    director_name      varchar(200)  not null,
    admin_name         varchar(200)  not null,
    admin_email        varchar(200)  not null,
    charter_version    int           not null check (charter_version > 0),
    charter_signed_by  varchar(200)  not null,
    charter_signed_at  timestamptz   not null,
    submitted_at       timestamptz   not null,
    opinion            varchar(20)   check (opinion in ('FAVOURABLE', 'RESERVED', 'UNFAVOURABLE')),
    opinion_text       varchar(2000),
    opinion_by_name    varchar(200),
    opinion_at         timestamptz,
    decision_reason    varchar(2000),
    decided_by_name    varchar(200),
    decided_at         timestamptz,
    organisation_id    uuid          unique,
    row_version        int           not null default 0
);
create index membership_application_status_idx on membership_application (status, submitted_at);
create sequence membership_application_number;

-- A member's status (member, suspended, resigned) as a history: the latest row is the status.
create table membership_status_event (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    status           varchar(20)   not null check (status in ('MEMBER', 'SUSPENDED', 'RESIGNED')),
    since            date          not null,
    reason           varchar(1000),
    application_id   uuid          references membership_application (id),
    recorded_by_name varchar(200),
    recorded_at      timestamptz   not null
);
create index membership_status_event_org_idx on membership_status_event (organisation_id, recorded_at desc);

-- Applications are the federation's: anyone may submit one (the public form, no organisation),
-- only the federation reads and decides them. Status events: the federation writes them, an
-- association reads its own.
alter table membership_application enable row level security;
create policy federation_read on membership_application for select using (current_organisation_is_federation());
create policy public_submit on membership_application for insert
    with check ((current_organisation_id() is null or current_organisation_is_federation()) and status = 'SUBMITTED');
create policy federation_update on membership_application for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());
revoke delete, truncate on membership_application from ${app_role};

alter table membership_status_event enable row level security;
create policy own_or_federation_read on membership_status_event for select
    using (organisation_id = current_organisation_id() or current_organisation_is_federation());
create policy federation_insert on membership_status_event for insert
    with check (current_organisation_is_federation());
revoke update, delete, truncate on membership_status_event from ${app_role};

-- The associations already in the network are members since they were registered.
insert into membership_status_event (id, organisation_id, status, since, reason, recorded_at)
select gen_random_uuid(), o.id, 'MEMBER', current_date, null, now()
from identity_organisation_v o where o.kind = 'ASSOCIATION' and o.active;

-- Each association's current status, for the public application form (its sponsors must be members
-- today) and the federation's list: not personal, the directory shows the members anyway.
create view membership_current_v as
    select distinct on (e.organisation_id) e.organisation_id, e.status, e.since
    from membership_status_event e
    order by e.organisation_id, e.recorded_at desc, e.id;
comment on view membership_current_v is 'Published by network: the current membership status of each association.';
