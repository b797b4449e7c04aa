-- Consultation, second part: organisers may run and read the analysis (results dashboard) as
-- analysts do; analysis jobs and their stored results; the persisted opinion group of every
-- participant (stable group ids between recomputations); workshops are not in this migration.

insert into role_permission (role_code, permission) values ('CONSULTATION_ORGANISER', 'consultation:analyse')
    on conflict do nothing;

-- One run of the analysis of a consultation (a background job with its progress).
create table consultation_analysis (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    consultation_id  uuid          not null references consultation (id) on delete cascade,
    status           varchar(10)   not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    progress         int           not null default 0 check (progress between 0 and 100),
    seed             bigint        not null,
    requested_by     uuid,
    participants     int,
    clustered        int,
    proposals        int,
    votes            int,
    group_count      int,
    silhouette       double precision,
    -- The first group id never used (persisted so that a new group never takes an old id).
    next_free_id     int,
    duration_ms      bigint,
    error            varchar(300),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    finished_at      timestamptz
);
create index consultation_analysis_consultation_idx on consultation_analysis (consultation_id, created_at desc);
-- At most one job waiting or running per consultation.
create unique index consultation_analysis_running_idx on consultation_analysis (consultation_id)
    where status in ('QUEUED', 'RUNNING');
alter table consultation_analysis enable row level security;
create policy tenant_isolation on consultation_analysis
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- The opinion groups of an analysis: size and centre on the map.
create table consultation_analysis_group (
    organisation_id  uuid              not null references organisation (id),
    analysis_id      uuid              not null references consultation_analysis (id) on delete cascade,
    group_id         int               not null,
    members          int               not null,
    centre_x         double precision  not null,
    centre_y         double precision  not null,
    primary key (analysis_id, group_id)
);
alter table consultation_analysis_group enable row level security;
create policy tenant_isolation on consultation_analysis_group
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Representative proposals of each group (CONSULTATION.md: z-tests above 1.2816).
create table consultation_analysis_representative (
    organisation_id  uuid              not null references organisation (id),
    analysis_id      uuid              not null references consultation_analysis (id) on delete cascade,
    group_id         int               not null,
    rank             int               not null,
    proposal_id      uuid              not null references consultation_proposal (id) on delete cascade,
    direction        varchar(10)       not null check (direction in ('AGREE', 'DISAGREE')),
    rate             double precision  not null,
    others_rate      double precision  not null,
    z_others         double precision  not null,
    z_half           double precision  not null,
    primary key (analysis_id, group_id, rank)
);
alter table consultation_analysis_representative enable row level security;
create policy tenant_isolation on consultation_analysis_representative
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Group-aware consensus of every proposal (product and geometric mean over groups).
create table consultation_analysis_consensus (
    organisation_id  uuid              not null references organisation (id),
    analysis_id      uuid              not null references consultation_analysis (id) on delete cascade,
    proposal_id      uuid              not null references consultation_proposal (id) on delete cascade,
    product          double precision  not null,
    geometric_mean   double precision  not null,
    primary key (analysis_id, proposal_id)
);
alter table consultation_analysis_consensus enable row level security;
create policy tenant_isolation on consultation_analysis_consensus
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Votes per profile segment (e.g. professionals YES / citizens NO) and proposal, counted on the
-- analysed (trusted) votes; scores are computed from them as from the counters.
create table consultation_analysis_split (
    organisation_id  uuid          not null references organisation (id),
    analysis_id      uuid          not null references consultation_analysis (id) on delete cascade,
    segment          varchar(80)   not null,
    proposal_id      uuid          not null references consultation_proposal (id) on delete cascade,
    agree            int           not null,
    disagree         int           not null,
    neutral          int           not null,
    primary key (analysis_id, segment, proposal_id)
);
alter table consultation_analysis_split enable row level security;
create policy tenant_isolation on consultation_analysis_split
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- The latest map position and opinion group of every participant of a consultation: the map, and
-- the previous groups the next analysis carries group ids over from. Never shown with the
-- participant's identity.
create table consultation_participant_position (
    organisation_id  uuid              not null references organisation (id),
    consultation_id  uuid              not null references consultation (id) on delete cascade,
    participant_id   uuid              not null references consultation_participant (id) on delete cascade,
    analysis_id      uuid              not null references consultation_analysis (id) on delete cascade,
    x                double precision  not null,
    y                double precision  not null,
    -- Null: not clustered (too few votes).
    group_id         int,
    primary key (consultation_id, participant_id)
);
create index consultation_participant_position_analysis_idx on consultation_participant_position (analysis_id);
alter table consultation_participant_position enable row level security;
create policy tenant_isolation on consultation_participant_position
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
