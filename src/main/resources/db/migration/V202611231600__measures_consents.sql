-- Consent records of a person: what was agreed, for whom, when, and its withdrawal.
create table person_consent (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    person_id        uuid          not null references person (id),
    subject          varchar(300)  not null,
    recipient        varchar(200)  not null,
    given_on         date          not null,
    withdrawn_on     date,
    recorded_at      timestamptz   not null default now(),
    recorded_by      uuid
);
create index person_consent_person_idx on person_consent (person_id, given_on);
alter table person_consent enable row level security;
create policy tenant_isolation on person_consent
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
