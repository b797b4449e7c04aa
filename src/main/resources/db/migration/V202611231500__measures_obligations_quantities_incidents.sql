-- Follow-up of a measure: obligations, the log of hours or days done, incidents (manquements).

alter table measure add column ordered_quantity numeric(7,2);

create table measure_obligation (
    id               uuid         primary key,
    organisation_id  uuid         not null references organisation (id),
    measure_id       uuid         not null references measure (id),
    label            varchar(300) not null,
    status           varchar(20)  not null default 'ONGOING' check (status in ('ONGOING', 'MET', 'BREACHED')),
    notes            text,
    updated_at       timestamptz  not null default now(),
    updated_by       uuid
);
create index measure_obligation_measure_idx on measure_obligation (measure_id);
alter table measure_obligation enable row level security;
create policy tenant_isolation on measure_obligation
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Hours of TIG or of a mesure d'intérêt éducatif, days of a placement à l'extérieur...
create table measure_quantity_entry (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    measure_id       uuid          not null references measure (id),
    entry_date       date          not null,
    quantity         numeric(7,2)  not null check (quantity > 0),
    notes            varchar(500),
    recorded_at      timestamptz   not null default now(),
    recorded_by      uuid
);
create index measure_quantity_entry_measure_idx on measure_quantity_entry (measure_id, entry_date);
alter table measure_quantity_entry enable row level security;
create policy tenant_isolation on measure_quantity_entry
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table measure_incident (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    measure_id       uuid          not null references measure (id),
    occurred_on      date          not null,
    kind             varchar(30)   not null check (kind in ('ABSENCE', 'NEW_OFFENCE', 'OBLIGATION_BREACH',
                                                            'LEFT_PLACEMENT', 'OTHER')),
    description      text          not null,
    urgent           boolean       not null,
    recorded_at      timestamptz   not null default now(),
    recorded_by      uuid,
    reported_at      timestamptz,
    reported_to      varchar(200),
    reported_by      uuid
);
create index measure_incident_measure_idx on measure_incident (measure_id, occurred_on);
create index measure_incident_unreported_idx on measure_incident (organisation_id) where reported_at is null;
alter table measure_incident enable row level security;
create policy tenant_isolation on measure_incident
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
