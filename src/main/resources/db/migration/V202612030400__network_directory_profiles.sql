-- Network directory: each association's public profile as validated by the federation (the map and
-- the public profile pages read these tables only). Like the organisation registry, a published
-- profile is public within and outside the network, so the tables are not tenant-owned; who may
-- write them is checked by the application (the federation publishes a change the association
-- submitted).
create table association_profile (
    organisation_id  uuid          primary key references organisation (id),
    address          text,
    postcode         varchar(10),
    city             text,
    latitude         numeric(9,6)  check (latitude between -90 and 90),
    longitude        numeric(9,6)  check (longitude between -180 and 180),
    phone            varchar(40),
    email            varchar(200),
    website          varchar(300),
    description      text,
    main_field       varchar(20)   check (main_field in ('PRE_SENTENCE', 'POST_SENTENCE', 'MINORS', 'RESTORATIVE')),
    published_at     timestamptz   not null default now(),
    published_by     uuid,
    check ((latitude is null) = (longitude is null))
);

-- The tribunaux judiciaires whose area the association covers.
create table association_profile_court (
    organisation_id  uuid         not null references association_profile (organisation_id) on delete cascade,
    court_code       varchar(32)  not null references judicial_court (code),
    primary key (organisation_id, court_code)
);
create index association_profile_court_court_idx on association_profile_court (court_code);

-- The measure types the association offers (codes of the national catalogue), in every court it covers.
create table association_profile_activity (
    organisation_id    uuid         not null references association_profile (organisation_id) on delete cascade,
    measure_type_code  varchar(40)  not null references default_measure_type (code),
    primary key (organisation_id, measure_type_code)
);
