-- Consultation workshops (co-construction): ideas selected from the results, workshop sessions
-- (date, place, capacity) with the participants invited (only those who consented to be
-- re-contacted; their address stays in consultation_participant), and solution sheets.

create table consultation_workshop_idea (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    consultation_id  uuid          not null references consultation (id) on delete cascade,
    proposal_id      uuid          not null references consultation_proposal (id) on delete cascade,
    selected_by      uuid,
    created_at       timestamptz   not null default now(),
    unique (consultation_id, proposal_id)
);
alter table consultation_workshop_idea enable row level security;
create policy tenant_isolation on consultation_workshop_idea
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table consultation_workshop_session (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    consultation_id  uuid          not null references consultation (id) on delete cascade,
    title            varchar(200)  not null,
    starts_at        timestamptz   not null,
    place            varchar(200)  not null,
    capacity         int           not null check (capacity between 1 and 500),
    created_at       timestamptz   not null default now()
);
create index consultation_workshop_session_idx on consultation_workshop_session (consultation_id, starts_at);
alter table consultation_workshop_session enable row level security;
create policy tenant_isolation on consultation_workshop_session
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table consultation_workshop_invitation (
    organisation_id  uuid          not null references organisation (id),
    session_id       uuid          not null references consultation_workshop_session (id) on delete cascade,
    participant_id   uuid          not null references consultation_participant (id) on delete cascade,
    invited_at       timestamptz   not null default now(),
    primary key (session_id, participant_id)
);
create index consultation_workshop_invitation_participant_idx on consultation_workshop_invitation (participant_id);
alter table consultation_workshop_invitation enable row level security;
create policy tenant_isolation on consultation_workshop_invitation
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A solution sheet (fiche projet) written in a workshop from a selected idea.
create table consultation_solution_sheet (
    id               uuid           primary key,
    organisation_id  uuid           not null references organisation (id),
    consultation_id  uuid           not null references consultation (id) on delete cascade,
    idea_id          uuid           not null references consultation_workshop_idea (id) on delete cascade,
    title            varchar(200)   not null,
    problem          varchar(4000)  not null,
    solution         varchar(4000)  not null,
    actors           varchar(2000)  not null default '',
    resources        varchar(2000)  not null default '',
    steps            varchar(4000)  not null default '',
    indicators       varchar(2000)  not null default '',
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now()
);
create index consultation_solution_sheet_idx on consultation_solution_sheet (consultation_id, created_at);
alter table consultation_solution_sheet enable row level security;
create policy tenant_isolation on consultation_solution_sheet
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
