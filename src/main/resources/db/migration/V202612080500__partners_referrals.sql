-- Partners: the orientation (referral) of a person of the association to a partner. The worker
-- picks, field by field, what is shared (identity, situation, obligations of a measure, health);
-- the person's consent is recorded with the referral (given on, by whom it was recorded, whether it
-- covers health details), and the document sent to the partner (a PDF, also attached to the mail
-- in the outbox) is kept as sent.
--
-- Status: SENT → ACCEPTED / REFUSED (reason) / NO_ANSWER; ACCEPTED → ENTERED (the person entered
-- the partner). The dates of sending, answer and entry give the delays of the dashboard's figures.
-- The person and the measure belong to the measures module, checked through its Java API.
create table partner_referral (
    id                   uuid           primary key,
    organisation_id      uuid           not null references organisation (id),
    partner_id           uuid           not null,
    person_id            uuid           not null,
    measure_id           uuid,
    recipient_email      varchar(254)   not null check (length(btrim(recipient_email)) > 0),
    recipient_name       varchar(200),
    purpose              varchar(2000)  not null check (length(btrim(purpose)) > 0),
    shares_identity      boolean        not null,
    shares_situation     boolean        not null,
    shares_obligations   boolean        not null,
    shares_health        boolean        not null,
    consent_given_on     date           not null,
    consent_covers_health boolean       not null,
    -- The consent as recorded in the person's file (measures module), by id.
    consent_id           uuid           not null,
    consent_recorded_by  uuid           not null,
    consent_recorded_by_name varchar(200) not null,
    status               varchar(20)    not null check (status in ('SENT', 'ACCEPTED', 'REFUSED', 'NO_ANSWER', 'ENTERED')),
    sent_on              date           not null,
    answered_on          date,
    refusal_reason       varchar(1000),
    entered_on           date,
    document             bytea          not null,
    created_at           timestamptz    not null,
    created_by           uuid           not null,
    version              int            not null default 0,
    check (shares_identity or shares_situation or shares_obligations or shares_health),
    check (not shares_health or consent_covers_health),
    check (not shares_obligations or measure_id is not null),
    check (consent_given_on <= sent_on),
    check ((answered_on is not null) = (status in ('ACCEPTED', 'REFUSED', 'NO_ANSWER', 'ENTERED'))),
    check ((refusal_reason is not null) = (status = 'REFUSED')),
    check ((entered_on is not null) = (status = 'ENTERED')),
    check (answered_on is null or answered_on >= sent_on),
    check (entered_on is null or entered_on >= answered_on),
    unique (id, organisation_id),
    foreign key (partner_id, organisation_id) references partner (id, organisation_id)
);
create index partner_referral_list_idx on partner_referral (organisation_id, sent_on desc, id desc);
create index partner_referral_partner_idx on partner_referral (partner_id);
create index partner_referral_person_idx on partner_referral (person_id);
create index partner_referral_waiting_idx on partner_referral (organisation_id, sent_on) where status = 'SENT';
alter table partner_referral enable row level security;
create policy tenant_isolation on partner_referral
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Every change of a referral: who (null for the daily job marking unanswered referrals), when, what,
-- why. Never updated nor deleted.
create table partner_referral_event (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    referral_id      uuid          not null,
    kind             varchar(20)   not null check (kind in ('SENT', 'ACCEPTED', 'REFUSED', 'NO_ANSWER', 'ENTERED')),
    effective_on     date          not null,
    reason           varchar(1000),
    occurred_at      timestamptz   not null,
    actor_id         uuid,
    actor_name       varchar(200),
    foreign key (referral_id, organisation_id) references partner_referral (id, organisation_id) on delete cascade
);
create index partner_referral_event_referral_idx on partner_referral_event (referral_id, occurred_at);
revoke update, delete on partner_referral_event from ${app_role};
alter table partner_referral_event enable row level security;
create policy tenant_isolation on partner_referral_event
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
