-- Partners: the places of a partner's site (individual, shared, or a placement à l'extérieur place
-- reserved under a convention), the periods a place is out of service, and the bookings of a place
-- for a person of the association, with every change kept as an event.
--
-- Dates are half-open ranges [from, until): a booking from the 1st until the 4th holds the nights
-- of the 1st, 2nd and 3rd; the next person may arrive on the 4th.
--
-- A place is held by a booking that is CONFIRMED or ARRIVED over [starts_on, ends_on), and by a
-- DEPARTED one over [starts_on, departed_on). A REQUESTED booking does not hold the place: several
-- requests may wait for one place, and confirming one is what takes it. The exclusion constraint
-- makes two holding bookings of one place over overlapping dates impossible, whatever the
-- concurrency; out-of-service periods of a place never overlap each other (their own constraint),
-- and never overlap a holding booking: both are written under a lock of the place's row, which
-- serialises them (see PlaceBookings).
create extension if not exists btree_gist;

create table partner_place (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    site_id          uuid          not null,
    label            varchar(80)   not null check (length(btrim(label)) > 0),
    kind             varchar(20)   not null check (kind in ('INDIVIDUAL', 'SHARED', 'PE_RESERVED')),
    -- The convention a PE_RESERVED place is reserved under; the foreign key to the conventions
    -- table is added once both exist.
    convention_id    uuid,
    notes            varchar(1000),
    archived         boolean       not null default false,
    created_at       timestamptz   not null,
    created_by       uuid          not null,
    unique (id, organisation_id),
    foreign key (site_id, organisation_id) references partner_site (id, organisation_id) on delete cascade
);
create unique index partner_place_label_key on partner_place (site_id, lower(btrim(label)));
create index partner_place_kind_idx on partner_place (organisation_id, kind) where not archived;
alter table partner_place enable row level security;
create policy tenant_isolation on partner_place
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table place_out_of_service (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    place_id         uuid          not null,
    starts_on        date          not null,
    ends_on          date          not null,
    reason           varchar(500)  not null check (length(btrim(reason)) > 0),
    created_at       timestamptz   not null,
    created_by       uuid          not null,
    check (ends_on > starts_on),
    foreign key (place_id, organisation_id) references partner_place (id, organisation_id) on delete cascade,
    exclude using gist (place_id with =, daterange(starts_on, ends_on) with &&)
);
alter table place_out_of_service enable row level security;
create policy tenant_isolation on place_out_of_service
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table place_booking (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    place_id         uuid          not null,
    -- The person and the measure belong to the measures module, checked through its Java API.
    person_id        uuid          not null,
    measure_id       uuid,
    starts_on        date          not null,
    ends_on          date          not null,
    status           varchar(20)   not null check (status in ('REQUESTED', 'CONFIRMED', 'ARRIVED', 'DID_NOT_ARRIVE',
                         'DEPARTED', 'CANCELLED')),
    arrived_on       date,
    departed_on      date,
    departure_reason varchar(500),
    created_at       timestamptz   not null,
    created_by       uuid          not null,
    version          int           not null default 0,
    held             daterange     generated always as (case
                         when status in ('CONFIRMED', 'ARRIVED') then daterange(starts_on, ends_on)
                         when status = 'DEPARTED' then daterange(starts_on, greatest(starts_on, departed_on))
                         else 'empty'::daterange end) stored,
    check (ends_on > starts_on),
    check ((arrived_on is not null) = (status in ('ARRIVED', 'DEPARTED'))),
    check ((departed_on is not null) = (status = 'DEPARTED')),
    check (departed_on is null or departed_on >= arrived_on),
    unique (id, organisation_id),
    foreign key (place_id, organisation_id) references partner_place (id, organisation_id) on delete cascade,
    exclude using gist (place_id with =, held with &&)
);
create index place_booking_person_idx on place_booking (person_id);
create index place_booking_measure_idx on place_booking (measure_id) where measure_id is not null;
create index place_booking_place_idx on place_booking (place_id, starts_on);
alter table place_booking enable row level security;
create policy tenant_isolation on place_booking
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Every change of a booking: who, when, what, why. Never updated nor deleted.
create table place_booking_event (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    booking_id       uuid          not null,
    kind             varchar(20)   not null check (kind in ('REQUESTED', 'CONFIRMED', 'ARRIVED', 'DID_NOT_ARRIVE',
                         'DEPARTED', 'EXTENDED', 'CANCELLED', 'ABSENCE')),
    effective_on     date,
    previous_ends_on date,
    reason           varchar(500),
    occurred_at      timestamptz   not null,
    actor_id         uuid          not null,
    actor_name       varchar(200)  not null,
    foreign key (booking_id, organisation_id) references place_booking (id, organisation_id) on delete cascade
);
create index place_booking_event_booking_idx on place_booking_event (booking_id, occurred_at);
revoke update, delete on place_booking_event from ${app_role};
alter table place_booking_event enable row level security;
create policy tenant_isolation on place_booking_event
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
