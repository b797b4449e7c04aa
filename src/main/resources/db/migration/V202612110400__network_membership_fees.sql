-- Network: the members' annual fees. Each year's rule (set by the federation) gives the fee by
-- brackets of the association's annual budget or of its staff (the bracket of the highest lower
-- bound not above the association's figure). The figures are those the association declared
-- (the application's, at acceptance, then as the federation records them). A call for a year is
-- issued per member that has figures, with its PDF mailed; payments are recorded against it;
-- reminders are counted. Whether a call is paid, due or in arrears is computed, never stored.
create table membership_fee_rule (
    year             int           primary key check (year between 2000 and 2100),
    basis            varchar(10)   not null check (basis in ('BUDGET', 'STAFF')),
    due_date         date          not null,
    brackets         jsonb         not null check (jsonb_typeof(brackets) = 'array' and jsonb_array_length(brackets) > 0),
    updated_by_name  varchar(200),
    updated_at       timestamptz   not null
);

create table membership_figures (
    organisation_id  uuid          not null,
    year             int           not null check (year between 2000 and 2100),
    annual_budget    numeric(14, 2) not null check (annual_budget >= 0),
    staff            numeric(7, 2) not null check (staff >= 0),
    recorded_by_name varchar(200),
    recorded_at      timestamptz   not null,
    primary key (organisation_id, year)
);

create table membership_fee_call (
    id               uuid          primary key,
    reference        varchar(20)   not null unique,
    organisation_id  uuid          not null,
    year             int           not null references membership_fee_rule (year),
    basis            varchar(10)   not null,
    basis_value      numeric(14, 2) not null,
    amount           numeric(12, 2) not null check (amount >= 0),
    due_date         date          not null,
    issued_at        timestamptz   not null,
    reminders        int           not null default 0,
    last_reminded_at timestamptz,
    unique (organisation_id, year)
);
create sequence membership_fee_call_number;

create table membership_fee_payment (
    id               uuid          primary key,
    call_id          uuid          not null references membership_fee_call (id),
    paid_on          date          not null,
    amount           numeric(12, 2) not null check (amount > 0),
    method           varchar(20)   not null check (method in ('TRANSFER', 'CHEQUE', 'DIRECT_DEBIT', 'OTHER')),
    note             varchar(500),
    recorded_by_name varchar(200),
    recorded_at      timestamptz   not null
);
create index membership_fee_payment_call_idx on membership_fee_payment (call_id);

-- The federation writes all of it; an association reads its own figures, calls and payments.
alter table membership_fee_rule enable row level security;
create policy federation_all on membership_fee_rule for all
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());
create policy members_read on membership_fee_rule for select using (current_organisation_id() is not null);

alter table membership_figures enable row level security;
create policy own_or_federation_read on membership_figures for select
    using (organisation_id = current_organisation_id() or current_organisation_is_federation());
create policy federation_write on membership_figures for insert with check (current_organisation_is_federation());
create policy federation_update on membership_figures for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table membership_fee_call enable row level security;
create policy own_or_federation_read on membership_fee_call for select
    using (organisation_id = current_organisation_id() or current_organisation_is_federation());
create policy federation_write on membership_fee_call for insert with check (current_organisation_is_federation());
create policy federation_update on membership_fee_call for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table membership_fee_payment enable row level security;
create policy own_or_federation_read on membership_fee_payment for select
    using (current_organisation_is_federation()
           or exists (select 1 from membership_fee_call c where c.id = call_id and c.organisation_id = current_organisation_id()));
create policy federation_write on membership_fee_payment for insert with check (current_organisation_is_federation());

revoke delete, truncate on membership_fee_rule, membership_figures, membership_fee_call, membership_fee_payment
    from ${app_role};
revoke update on membership_fee_payment from ${app_role};

-- The figures of the members accepted before this migration, from their applications.
insert into membership_figures (organisation_id, year, annual_budget, staff, recorded_by_name, recorded_at)
select a.organisation_id, extract(year from a.decided_at at time zone 'Europe/Paris')::int, a.annual_budget, a.staff,
       a.decided_by_name, a.decided_at
from membership_application a where a.status = 'ACCEPTED' and a.organisation_id is not null;
