-- Catalogue settings (catalogue:manage) and billing to courts (mémoires de frais de justice).

insert into role_permission (role_code, permission) values
    ('ASSOCIATION_ADMIN', 'catalogue:manage'),
    ('DIRECTOR', 'catalogue:manage');

-- A monthly statement (mémoire de frais de justice) of one association to one court. The number
-- is given when the statement is sent, so that sent statements are numbered without gaps.
create table billing_statement (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    court_code       varchar(32)   not null references judicial_court (code),
    period_month     date          not null check (extract(day from period_month) = 1),
    status           varchar(10)   not null check (status in ('DRAFT', 'SENT', 'PAID')),
    number           varchar(20),
    generated_at     timestamptz   not null,
    generated_by     uuid,
    sent_on          date,
    paid_on          date,
    created_at       timestamptz   not null default now(),
    unique (organisation_id, court_code, period_month),
    unique (organisation_id, number),
    constraint billing_statement_numbered_when_sent check ((status = 'DRAFT') = (number is null)),
    constraint billing_statement_sent_on check ((status = 'DRAFT') = (sent_on is null)),
    constraint billing_statement_paid_on check ((status = 'PAID') = (paid_on is not null)),
    constraint billing_statement_paid_after_sent check (paid_on is null or paid_on >= sent_on)
);
create index billing_statement_status_idx on billing_statement (organisation_id, status, period_month);
alter table billing_statement enable row level security;
create policy tenant_isolation on billing_statement
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- One billed line: what the court pays for one measure and one period, copied at generation so
-- that later changes of tariffs, labels or references never change a statement.
create table billing_statement_line (
    id                 uuid           primary key,
    organisation_id    uuid           not null references organisation (id),
    statement_id       uuid           not null references billing_statement (id) on delete cascade,
    position           int            not null,
    measure_id         uuid           not null references measure (id),
    billing_mode       varchar(20)    not null check (billing_mode in ('PER_MEASURE', 'PER_DAY', 'PER_HOUR')),
    period_month       date           not null check (extract(day from period_month) = 1),
    measure_reference  varchar(20)    not null,
    person_reference   varchar(20)    not null,
    procedure_number   varchar(40),
    type_label         text           not null,
    ended_on           date,
    quantity           numeric(9,2)   not null check (quantity > 0),
    unit_tariff        numeric(12,2)  not null check (unit_tariff >= 0),
    amount             numeric(14,2)  not null check (amount >= 0)
);
create index billing_statement_line_statement_idx on billing_statement_line (statement_id, position);
-- A measure is never billed twice: once in all for a price per measure, once per month for a
-- price per day or per hour.
create unique index billing_line_per_measure_once on billing_statement_line (measure_id)
    where billing_mode = 'PER_MEASURE';
create unique index billing_line_per_period_once on billing_statement_line (measure_id, period_month)
    where billing_mode <> 'PER_MEASURE';
alter table billing_statement_line enable row level security;
create policy tenant_isolation on billing_statement_line
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Sent and paid statements are frozen: their lines cannot change, and they cannot be deleted.
create function billing_statement_line_frozen() returns trigger
    language plpgsql
as $$
declare
    statement uuid;
begin
    if tg_op = 'DELETE' then
        statement := old.statement_id;
    else
        statement := new.statement_id;
    end if;
    if exists (select 1 from billing_statement s where s.id = statement and s.status <> 'DRAFT') then
        raise exception 'billing statement % is frozen', statement using errcode = 'check_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;
create trigger billing_statement_line_frozen before insert or update or delete on billing_statement_line
    for each row execute function billing_statement_line_frozen();

-- Only the move from sent to paid changes a sent statement; a paid one never changes.
create function billing_statement_frozen() returns trigger
    language plpgsql
as $$
begin
    if old.status = 'DRAFT' then
        if tg_op = 'DELETE' then
            return old;
        end if;
        return new;
    end if;
    if tg_op = 'DELETE' then
        raise exception 'billing statement % is frozen', old.id using errcode = 'check_violation';
    end if;
    if old.status = 'PAID' or new.status <> 'PAID'
            or new.court_code <> old.court_code or new.period_month <> old.period_month
            or new.number is distinct from old.number or new.sent_on is distinct from old.sent_on then
        raise exception 'billing statement % is frozen', old.id using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger billing_statement_frozen before update or delete on billing_statement
    for each row execute function billing_statement_frozen();
