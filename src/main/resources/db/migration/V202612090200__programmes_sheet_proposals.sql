-- Programmes (issue 17), part 1 continued: a member association proposes a good-practice sheet
-- drawn from its own action; the federation accepts it (the sheet is published, origin PROPOSAL)
-- or refuses it with its reasons. A proposal belongs to its association (row-level security); the
-- federation reads and decides every one of them. Nothing is deleted.
create table practice_proposal (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    status           varchar(20)   not null default 'SUBMITTED' check (status in ('SUBMITTED', 'ACCEPTED', 'REFUSED')),
    title            varchar(300)  not null check (length(btrim(title)) > 0),
    axis             varchar(30)   not null check (axis in ('YOUTH', 'VIOLENCE_VICTIMS', 'PUBLIC_TRANQUILLITY')),
    theme            varchar(500),
    publics          text[]        not null default '{}',
    age_min          int           check (age_min between 0 and 120),
    age_max          int           check (age_max between 0 and 120),
    carriers         text[]        not null default '{}',
    fundings         text[]        not null default '{}',
    sections         jsonb         not null default '{}',
    indicators       text[]        not null default '{}',
    action_name      varchar(300)  not null check (length(btrim(action_name)) > 0),
    action_place     varchar(200),
    submitted_at     timestamptz   not null,
    submitted_by     uuid          not null,
    submitted_by_name varchar(200) not null,
    decided_at       timestamptz,
    decided_by_name  varchar(200),
    decision_reason  varchar(2000),
    sheet_id         uuid          references practice_sheet (id),
    check ((status = 'SUBMITTED') = (decided_at is null)),
    check (status <> 'REFUSED' or length(btrim(coalesce(decision_reason, ''))) > 0),
    check ((status = 'ACCEPTED') = (sheet_id is not null))
);
create index practice_proposal_queue_idx on practice_proposal (status, submitted_at);
create index practice_proposal_organisation_idx on practice_proposal (organisation_id, submitted_at desc);

alter table practice_proposal enable row level security;
create policy own_or_federation on practice_proposal
    using (organisation_id = current_organisation_id() or current_organisation_is_federation())
    with check (organisation_id = current_organisation_id() or current_organisation_is_federation());
grant select, insert, update on practice_proposal to ${app_role};
