-- Consultation: consultations of a public body, their themes and profile questions, participants
-- (anonymous or signed in), proposals and their moderation, votes with qualifications, and the
-- exact per-proposal counters the scores and the sequence are computed from (CONSULTATION.md).
-- Every table belongs to the organising organisation and is under row-level security; public
-- (anonymous) pages run with the consultation's organisation as tenant, found through
-- consultation_public_lookup below.

create table consultation (
    id                    uuid          primary key,
    organisation_id       uuid          not null references organisation (id),
    -- Public address: /c/{slug}. Unique across organisations (it is a global URL).
    slug                  varchar(80)   not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    question              varchar(300)  not null,
    description           text          not null default '',
    -- Optional beginning every proposal must start with ("Il faut ...").
    proposal_stem         varchar(60),
    starts_on             date,
    ends_on               date,
    status                varchar(20)   not null default 'DRAFT'
                              check (status in ('DRAFT', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED')),
    -- Languages proposals may be written in (ISO 639-1 codes), the first is the main one.
    languages             text[]        not null default '{fr}',
    -- The public moderation charter and the refusal reasons moderators may use.
    charter               text          not null default '',
    refusal_reasons       text[]        not null default '{INCOMPREHENSIBLE,OFF_TOPIC,PARTISAN,ILLEGAL,ADVERTISING,SEVERAL_IDEAS,WRONG_LANGUAGE,RUDE,TEST,OTHER}'
                              check (refusal_reasons <@ array['INCOMPREHENSIBLE', 'OFF_TOPIC', 'PARTISAN', 'ILLEGAL',
                                  'ADVERTISING', 'SEVERAL_IDEAS', 'WRONG_LANGUAGE', 'RUDE', 'TEST', 'OTHER']::text[]),
    -- When true, a proposal needs at least one theme tag before it can be accepted (enrichment).
    themes_required       boolean       not null default false,
    created_at            timestamptz   not null default now(),
    created_by            uuid,
    updated_at            timestamptz   not null default now(),
    opened_at             timestamptz,
    closed_at             timestamptz,
    results_published_at  timestamptz,
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create unique index consultation_slug_idx on consultation (slug);
create index consultation_organisation_idx on consultation (organisation_id, created_at desc);
alter table consultation enable row level security;
create policy tenant_isolation on consultation
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Themes (tags) of a consultation, set on proposals by moderators.
create table consultation_theme (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    consultation_id  uuid          not null references consultation (id) on delete cascade,
    position         int           not null,
    label            varchar(120)  not null,
    unique (consultation_id, label)
);
alter table consultation_theme enable row level security;
create policy tenant_isolation on consultation_theme
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Questions asked of participants (optional answers), e.g. "have you worked with people under
-- judicial supervision?" (YES_NO) or their département (DEPARTEMENT). At most one question per
-- consultation defines the participant's segment (its answer), used by the segment counter.
create table consultation_profile_question (
    id                uuid          primary key,
    organisation_id   uuid          not null references organisation (id),
    consultation_id   uuid          not null references consultation (id) on delete cascade,
    position          int           not null,
    code              varchar(40)   not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
    label             varchar(300)  not null,
    kind              varchar(20)   not null check (kind in ('YES_NO', 'CHOICE', 'DEPARTEMENT')),
    -- Allowed answers for CHOICE (empty otherwise).
    choices           text[]        not null default '{}',
    defines_segment   boolean       not null default false,
    unique (consultation_id, code)
);
create unique index consultation_profile_question_segment_idx
    on consultation_profile_question (consultation_id) where defines_segment;
alter table consultation_profile_question enable row level security;
create policy tenant_isolation on consultation_profile_question
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A participant of one consultation: anonymous (identified by a signed cookie holding this id for
-- the consultation's lifetime) or a signed-in account (user_id). When an anonymous participant
-- signs in, their votes move to the account's participant and merged_into records where.
create table consultation_participant (
    id                  uuid          primary key,
    organisation_id     uuid          not null references organisation (id),
    consultation_id     uuid          not null references consultation (id) on delete cascade,
    user_id             uuid          references app_user (id),
    -- The answer of the segment-defining profile question (null = not answered).
    segment             varchar(80),
    -- Consent to be re-contacted (workshops), with the address to use.
    recontact_consent   boolean       not null default false,
    recontact_email     varchar(200),
    merged_into         uuid          references consultation_participant (id),
    created_at          timestamptz   not null default now(),
    check (not recontact_consent or recontact_email is not null)
);
create unique index consultation_participant_user_idx
    on consultation_participant (consultation_id, user_id) where user_id is not null;
create index consultation_participant_created_idx on consultation_participant (consultation_id, created_at);
alter table consultation_participant enable row level security;
create policy tenant_isolation on consultation_participant
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table consultation_profile_answer (
    organisation_id  uuid          not null references organisation (id),
    participant_id   uuid          not null references consultation_participant (id) on delete cascade,
    question_id      uuid          not null references consultation_profile_question (id) on delete cascade,
    answer           varchar(120)  not null,
    answered_at      timestamptz   not null default now(),
    primary key (participant_id, question_id)
);
alter table consultation_profile_answer enable row level security;
create policy tenant_isolation on consultation_profile_answer
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A proposal: one idea of 10 to 140 characters. PENDING → ACCEPTED | REFUSED | POSTPONED,
-- ACCEPTED → ARCHIVED. The moderation lock (lock_holder until lock_expires_at) keeps two
-- moderators from handling the same proposal.
create table consultation_proposal (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    consultation_id  uuid          not null references consultation (id) on delete cascade,
    participant_id   uuid          not null references consultation_participant (id),
    -- The address the moderation decision is sent to.
    author_email     varchar(200)  not null,
    text             varchar(140)  not null check (char_length(text) between 10 and 140),
    status           varchar(10)   not null default 'PENDING'
                         check (status in ('PENDING', 'ACCEPTED', 'REFUSED', 'POSTPONED', 'ARCHIVED')),
    refusal_reason   varchar(20)   check (refusal_reason in ('INCOMPREHENSIBLE', 'OFF_TOPIC', 'PARTISAN', 'ILLEGAL',
                         'ADVERTISING', 'SEVERAL_IDEAS', 'WRONG_LANGUAGE', 'RUDE', 'TEST', 'OTHER')),
    moderated_by     uuid,
    moderated_at     timestamptz,
    lock_holder      uuid,
    lock_expires_at  timestamptz,
    -- The author's segment when proposing (see consultation_participant.segment).
    segment          varchar(80),
    -- Significant words (lower case) the sequence uses to keep similar proposals apart.
    keywords         text[]        not null default '{}',
    -- A proposal rephrased after a refusal points to the refused one.
    rephrases        uuid          references consultation_proposal (id),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    check ((status = 'REFUSED') = (refusal_reason is not null))
);
create index consultation_proposal_queue_idx on consultation_proposal (consultation_id, status, created_at);
create index consultation_proposal_author_idx on consultation_proposal (participant_id, created_at desc);
-- Duplicate hints for moderators (trigram similarity with accepted proposals).
create index consultation_proposal_text_trgm_idx on consultation_proposal using gin (lower(text) gin_trgm_ops);
alter table consultation_proposal enable row level security;
create policy tenant_isolation on consultation_proposal
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

create table consultation_proposal_theme (
    organisation_id  uuid  not null references organisation (id),
    proposal_id      uuid  not null references consultation_proposal (id) on delete cascade,
    theme_id         uuid  not null references consultation_theme (id) on delete cascade,
    primary key (proposal_id, theme_id)
);
create index consultation_proposal_theme_theme_idx on consultation_proposal_theme (theme_id);
alter table consultation_proposal_theme enable row level security;
create policy tenant_isolation on consultation_proposal_theme
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A vote: one per (participant, proposal); changing it replaces it. Qualifications belong to the
-- vote's key (LIKE_IT, DOABLE, PLATITUDE_AGREE / NO_WAY, IMPOSSIBLE, PLATITUDE_DISAGREE /
-- DO_NOT_UNDERSTAND, NO_OPINION, DO_NOT_CARE; checked by the application, counted only under the
-- key). trust: TROLL = no valid signed proposal key (counted only in ALL), TRUSTED = valid key.
-- from_sequence: the signed key was issued for the sequence page. in_segment: the voter's segment
-- equals the proposal's. The prev_* columns hold what the last change replaced: the vote statement
-- reads them back (RETURNING) to move the counters by exactly the change, atomically with it.
create table consultation_vote (
    organisation_id          uuid          not null references organisation (id),
    consultation_id          uuid          not null references consultation (id) on delete cascade,
    participant_id           uuid          not null references consultation_participant (id) on delete cascade,
    proposal_id              uuid          not null references consultation_proposal (id) on delete cascade,
    key                      varchar(10)   not null check (key in ('AGREE', 'DISAGREE', 'NEUTRAL')),
    qualifications           text[]        not null default '{}'
                                 check (qualifications <@ array['LIKE_IT', 'DOABLE', 'PLATITUDE_AGREE', 'NO_WAY',
                                     'IMPOSSIBLE', 'PLATITUDE_DISAGREE', 'DO_NOT_UNDERSTAND', 'NO_OPINION',
                                     'DO_NOT_CARE']::text[]),
    trust                    varchar(10)   not null check (trust in ('TROLL', 'TRUSTED')),
    from_sequence            boolean       not null,
    in_segment               boolean       not null,
    prev_key                 varchar(10),
    prev_qualifications      text[],
    prev_trust               varchar(10),
    prev_from_sequence       boolean,
    prev_in_segment          boolean,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    primary key (participant_id, proposal_id)
);
create index consultation_vote_proposal_idx on consultation_vote (proposal_id);
create index consultation_vote_consultation_idx on consultation_vote (consultation_id, created_at);
alter table consultation_vote enable row level security;
create policy tenant_isolation on consultation_vote
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Exact counters per proposal and kind (ALL, VERIFIED, SEQUENCE, SEGMENT; see CounterKind): votes
-- per key and qualifications. Updated in the transaction of each vote; a row appears with the
-- first vote it counts.
create table consultation_proposal_counter (
    organisation_id     uuid         not null references organisation (id),
    proposal_id         uuid         not null references consultation_proposal (id) on delete cascade,
    kind                varchar(10)  not null check (kind in ('ALL', 'VERIFIED', 'SEQUENCE', 'SEGMENT')),
    agree               bigint       not null default 0,
    disagree            bigint       not null default 0,
    neutral             bigint       not null default 0,
    like_it             bigint       not null default 0,
    doable              bigint       not null default 0,
    platitude_agree     bigint       not null default 0,
    no_way              bigint       not null default 0,
    impossible          bigint       not null default 0,
    platitude_disagree  bigint       not null default 0,
    do_not_understand   bigint       not null default 0,
    no_opinion          bigint       not null default 0,
    do_not_care         bigint       not null default 0,
    primary key (proposal_id, kind)
);
alter table consultation_proposal_counter enable row level security;
create policy tenant_isolation on consultation_proposal_counter
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Counters are never deleted by the application (only with their proposal).
revoke delete on consultation_proposal_counter from ${app_role};

-- Public pages know only a slug: this function, owned by the owner role, returns the organisation
-- and status of a consultation that is not a draft, and nothing else. The application then works
-- with that organisation as tenant (row-level security applies as for a signed-in user).
create function consultation_public_lookup(p_slug text)
    returns table (id uuid, organisation_id uuid, status varchar)
    language sql stable security definer set search_path = public
as $$
    select c.id, c.organisation_id, c.status from consultation c where c.slug = p_slug and c.status <> 'DRAFT'
$$;
revoke all on function consultation_public_lookup(text) from public;
grant execute on function consultation_public_lookup(text) to ${app_role};
