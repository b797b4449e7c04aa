-- What a statement left out for want of a tariff (the type's tariff was "to be set" when the
-- statement was computed): one row per measure and period. A later statement that bills the measure
-- can then say why it comes late ("tariff to be set when the statement of March was computed").
-- Replaced with the lines when a draft is computed again; deleted with its statement.
create table billing_statement_omission (
    statement_id     uuid         not null references billing_statement (id) on delete cascade,
    organisation_id  uuid         not null references organisation (id),
    measure_id       uuid         not null references measure (id),
    billing_mode     varchar(20)  not null check (billing_mode in ('PER_MEASURE', 'PER_DAY', 'PER_HOUR')),
    period_month     date         not null check (extract(day from period_month) = 1),
    primary key (statement_id, measure_id, period_month)
);
create index billing_statement_omission_measure_idx on billing_statement_omission (measure_id, period_month);
alter table billing_statement_omission enable row level security;
create policy tenant_isolation on billing_statement_omission
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
