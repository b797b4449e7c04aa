-- Network directory: the changes an association submits to its public profile, which the
-- federation approves (the published tables of V202612030400 are then written) or rejects with a
-- reason. The content of a change is the whole profile as submitted (courts and measure types as
-- arrays of codes, checked by the application against the reference tables).
create table association_profile_change (
    id                 uuid          primary key,
    organisation_id    uuid          not null references organisation (id),
    status             varchar(10)   not null default 'PENDING'
                           check (status in ('PENDING', 'APPROVED', 'REJECTED', 'REPLACED')),
    address            text,
    postcode           varchar(10),
    city               text,
    latitude           numeric(9,6)  check (latitude between -90 and 90),
    longitude          numeric(9,6)  check (longitude between -180 and 180),
    phone              varchar(40),
    email              varchar(200),
    website            varchar(300),
    description        text,
    main_field         varchar(20)   check (main_field in ('PRE_SENTENCE', 'POST_SENTENCE', 'MINORS', 'RESTORATIVE')),
    court_codes        varchar(32)[] not null default '{}',
    activity_codes     varchar(40)[] not null default '{}',
    submitted_at       timestamptz   not null default now(),
    submitted_by       uuid,
    decided_at         timestamptz,
    decided_by         uuid,
    decision_reason    text,
    check ((latitude is null) = (longitude is null)),
    check ((status = 'PENDING') = (decided_at is null)),
    check (status <> 'REJECTED' or decision_reason is not null)
);
-- One pending change per association at a time (a new submission replaces the pending one).
create unique index association_profile_change_pending_idx on association_profile_change (organisation_id)
    where status = 'PENDING';
-- The federation's queue, oldest first.
create index association_profile_change_queue_idx on association_profile_change (submitted_at, id)
    where status = 'PENDING';
create index association_profile_change_history_idx on association_profile_change (organisation_id, submitted_at desc);

-- Whether the organisation of the current transaction is the federation (an active organisation of
-- kind FEDERATION). The organisation registry is readable by the application role, so this needs no
-- owner's rights.
create function current_organisation_is_federation() returns boolean
    language sql stable set search_path = public
as $$
    select exists (select 1 from organisation o
                   where o.id = current_organisation_id() and o.kind = 'FEDERATION' and o.active)
$$;
grant execute on function current_organisation_is_federation() to ${app_role};

-- A submitted change is never edited: only its decision is written, and nothing is deleted (the
-- history of decisions stays with the association).
revoke update, delete on association_profile_change from ${app_role};
grant update (status, decided_at, decided_by, decision_reason) on association_profile_change to ${app_role};

-- Row-level security. The association reads its own changes, submits pending ones for itself and
-- may only mark its own pending change as replaced. The federation (and no one else) reads every
-- association's changes and moves a pending one to approved or rejected; it cannot submit any. See
-- docs/adr/0003 (addendum "network directory").
alter table association_profile_change enable row level security;
create policy own_read on association_profile_change for select
    using (organisation_id = current_organisation_id());
create policy own_submit on association_profile_change for insert
    with check (organisation_id = current_organisation_id() and status = 'PENDING' and decided_at is null
                and not current_organisation_is_federation());
create policy own_replace on association_profile_change for update
    using (organisation_id = current_organisation_id() and status = 'PENDING')
    with check (organisation_id = current_organisation_id() and status = 'REPLACED' and decision_reason is null);
create policy federation_read on association_profile_change for select
    using (current_organisation_is_federation());
create policy federation_decide on association_profile_change for update
    using (current_organisation_is_federation() and status = 'PENDING')
    with check (current_organisation_is_federation() and status in ('APPROVED', 'REJECTED'));

-- Who edits a profile (association administrators and directors) and who validates (federation).
insert into role_permission (role_code, permission) values
    ('ASSOCIATION_ADMIN', 'profile:edit'), ('DIRECTOR', 'profile:edit'),
    ('FEDERATION_STAFF', 'network:validate'), ('FEDERATION_ADMIN', 'network:validate');
