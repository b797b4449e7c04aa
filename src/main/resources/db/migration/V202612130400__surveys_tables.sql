-- Surveys: the federation builds a survey (sections and questions of several kinds, some shown only
-- under a condition, some pre-filled from the association's own figures), sends it to a target of
-- member associations (frozen when it opens: the response rate's denominator), and each targeted
-- association prepares one answer, which its director submits. The federation reads the submitted
-- answers only; an association reads its own. Results published beyond the federation are a
-- snapshot that has been through small-cell suppression, readable by everyone.
create table survey (
    id                       uuid          primary key,
    title                    varchar(200)  not null check (length(btrim(title)) > 0),
    introduction             varchar(5000),
    status                   varchar(10)   not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    target_kind              varchar(20)   not null check (target_kind in ('ALL', 'REGION', 'MEASURE_TYPE')),
    target_region_code       varchar(32),
    target_measure_type_code varchar(40),
    closes_on                date          not null,
    opened_at                timestamptz,
    opened_by_name           varchar(200),
    closed_at                timestamptz,
    row_version              int           not null default 0,
    created_at               timestamptz   not null,
    created_by_name          varchar(200)  not null,
    check ((target_kind = 'REGION') = (target_region_code is not null)),
    check ((target_kind = 'MEASURE_TYPE') = (target_measure_type_code is not null))
);
create index survey_status_idx on survey (status, closes_on);

create table survey_question (
    id                        uuid          primary key,
    survey_id                 uuid          not null references survey (id),
    position                  int           not null,
    kind                      varchar(10)   not null
        check (kind in ('SECTION', 'SINGLE', 'MULTIPLE', 'SCALE', 'NUMBER', 'DATE', 'TEXT', 'GRID')),
    label                     varchar(500)  not null check (length(btrim(label)) > 0),
    help                      varchar(1000),
    required                  boolean       not null default false,
    options                   text[]        not null default '{}',
    grid_rows                 text[]        not null default '{}',
    scale_min                 int,
    scale_max                 int,
    scale_min_label           varchar(100),
    scale_max_label           varchar(100),
    number_min                numeric,
    number_max                numeric,
    condition_question_id     uuid          references survey_question (id),
    condition_option          varchar(200),
    prefill_source            varchar(30)   check (prefill_source in ('MEASURES_RECEIVED', 'MEASURES_ENDED', 'MEASURES_ONGOING')),
    prefill_measure_type_code varchar(40),
    unique (survey_id, position) deferrable initially deferred,
    check ((condition_question_id is null) = (condition_option is null)),
    check (prefill_source is null or kind = 'NUMBER'),
    check (kind <> 'SCALE' or (scale_min is not null and scale_max is not null and scale_min < scale_max))
);
create index survey_question_survey_idx on survey_question (survey_id, position);

-- The associations a survey was sent to, as they were when it opened.
create table survey_target (
    survey_id          uuid          not null references survey (id),
    organisation_id    uuid          not null,
    organisation_name  varchar(200)  not null,
    region_code        varchar(32),
    primary key (survey_id, organisation_id)
);
create index survey_target_organisation_idx on survey_target (organisation_id);

-- One answer per targeted association: prepared by several of its people, submitted by its director.
create table survey_response (
    id                 uuid          primary key,
    survey_id          uuid          not null references survey (id),
    organisation_id    uuid          not null,
    status             varchar(10)   not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    answers            jsonb         not null default '{}',
    prefilled          jsonb         not null default '{}',
    confirmed          text[]        not null default '{}',
    row_version        int           not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    updated_by_name    varchar(200)  not null,
    submitted_at       timestamptz,
    submitted_by_name  varchar(200),
    unique (survey_id, organisation_id),
    foreign key (survey_id, organisation_id) references survey_target (survey_id, organisation_id),
    check ((status = 'SUBMITTED') = (submitted_at is not null))
);

create table survey_reminder (
    id            uuid          primary key,
    survey_id     uuid          not null references survey (id),
    sent_at       timestamptz   not null,
    sent_by_name  varchar(200),
    recipients    int           not null,
    associations  int           not null
);
create index survey_reminder_survey_idx on survey_reminder (survey_id, sent_at);

-- Results published beyond the federation: counts after small-cell suppression, frozen when published.
create table survey_publication (
    survey_id          uuid          primary key references survey (id),
    published_at       timestamptz   not null,
    published_by_name  varchar(200)  not null,
    threshold          int           not null,
    content            jsonb         not null
);

alter table survey enable row level security;
create policy federation_or_target_read on survey for select
    using (current_organisation_is_federation()
           or (status <> 'DRAFT' and exists (select 1 from survey_target t
                                             where t.survey_id = id and t.organisation_id = current_organisation_id())));
create policy federation_insert on survey for insert with check (current_organisation_is_federation());
create policy federation_update on survey for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table survey_question enable row level security;
create policy survey_readers on survey_question for select
    using (exists (select 1 from survey s where s.id = survey_id));
create policy federation_insert on survey_question for insert with check (current_organisation_is_federation());
create policy federation_update on survey_question for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());
create policy federation_delete on survey_question for delete using (current_organisation_is_federation());

alter table survey_target enable row level security;
create policy own_or_federation_read on survey_target for select
    using (current_organisation_is_federation() or organisation_id = current_organisation_id());
create policy federation_insert on survey_target for insert with check (current_organisation_is_federation());

alter table survey_response enable row level security;
create policy own_or_federation_submitted_read on survey_response for select
    using (organisation_id = current_organisation_id()
           or (current_organisation_is_federation() and status = 'SUBMITTED'));
create policy own_insert on survey_response for insert with check (organisation_id = current_organisation_id());
create policy own_update on survey_response for update
    using (organisation_id = current_organisation_id()) with check (organisation_id = current_organisation_id());

alter table survey_reminder enable row level security;
create policy federation_rows on survey_reminder for all
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table survey_publication enable row level security;
create policy public_read on survey_publication for select using (true);
create policy federation_insert on survey_publication for insert with check (current_organisation_is_federation());

revoke delete, truncate on survey, survey_target, survey_response, survey_reminder, survey_publication from ${app_role};
revoke truncate on survey_question from ${app_role};
