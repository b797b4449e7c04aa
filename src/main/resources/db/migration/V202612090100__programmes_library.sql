-- Programmes (issue 17), part 1: the national library of good-practice sheets for delinquency
-- prevention. A sheet is a stable record (its code, its axis, published or withdrawn) and a list of
-- versions that are never changed once written: the federation's edits add a version, and the
-- sheet names its current one. The 30 sheets of the SG-CIPD's "Référencement des bonnes pratiques"
-- are loaded at start from the resource programmes/good-practice-sheets.json (version 1, origin
-- RESOURCE). Everyone reads the library; only the federation writes it, except that the start-up
-- loader, with no organisation set, may insert a first version of a resource sheet.

-- French full-text search, accents aside: the French stemmer after unaccent.
create text search configuration french_unaccent (copy = french);
alter text search configuration french_unaccent
    alter mapping for hword, hword_part, word with public.unaccent, french_stem;

create table practice_sheet (
    id               uuid          primary key,
    code             varchar(80)   not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    number           int           unique check (number > 0),
    origin           varchar(20)   not null check (origin in ('RESOURCE', 'FEDERATION', 'PROPOSAL')),
    status           varchar(20)   not null default 'PUBLISHED' check (status in ('PUBLISHED', 'WITHDRAWN')),
    current_version  int           not null check (current_version > 0),
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null
);

create table practice_sheet_version (
    sheet_id           uuid          not null references practice_sheet (id),
    version            int           not null check (version > 0),
    is_current         boolean       not null,
    title              varchar(300)  not null check (length(btrim(title)) > 0),
    axis               varchar(30)   not null check (axis in ('YOUTH', 'VIOLENCE_VICTIMS', 'PUBLIC_TRANQUILLITY')),
    theme              varchar(500),
    publics            text[]        not null default '{}',
    age_min            int           check (age_min between 0 and 120),
    age_max            int           check (age_max between 0 and 120),
    carriers           text[]        not null default '{}',
    fundings           text[]        not null default '{}',
    carrier_text       text,
    need               text,
    objectives         text,
    public_text        text,
    steering           text,
    spotting           text,
    follow_up          text,
    description        text,
    schedule           text,
    staff              text,
    partners           text,
    added_value        text,
    outlets            text,
    costs              text,
    funding_text       text,
    evaluation         text,
    expected_results   text,
    difficulties       text,
    success_factors    text,
    extra_sections     jsonb         not null default '[]',
    indicators         text[]        not null default '{}',
    reference_actions  jsonb         not null default '[]',
    source             varchar(500),
    change_note        varchar(1000),
    created_at         timestamptz   not null,
    created_by         uuid,
    created_by_name    varchar(200),
    search             tsvector      not null default ''::tsvector,
    primary key (sheet_id, version),
    check (age_min is null or age_max is null or age_min <= age_max)
);
-- The search reads the current versions only.
create index practice_sheet_version_search_idx on practice_sheet_version using gin (search) where is_current;
create unique index practice_sheet_version_current_key on practice_sheet_version (sheet_id) where is_current;

-- The search document of a version: the title weighs most, then the theme, objectives and public,
-- then everything else the sheet says.
create function practice_sheet_version_search() returns trigger
    language plpgsql set search_path = public
as $$
begin
    new.search :=
        setweight(to_tsvector('french_unaccent', coalesce(new.title, '')), 'A')
        || setweight(to_tsvector('french_unaccent', concat_ws(' ', new.theme, new.objectives, new.public_text)), 'B')
        || setweight(to_tsvector('french_unaccent', concat_ws(' ', new.carrier_text, new.need, new.steering,
               new.spotting, new.follow_up, new.description, new.schedule, new.staff, new.partners, new.added_value,
               new.outlets, new.costs, new.funding_text, new.evaluation, new.expected_results, new.difficulties,
               new.success_factors, array_to_string(new.indicators, ' '),
               (select string_agg(e ->> 'heading' || ' ' || coalesce(e ->> 'text', ''), ' ')
                from jsonb_array_elements(new.extra_sections) e))), 'C');
    return new;
end
$$;
create trigger practice_sheet_version_search before insert or update on practice_sheet_version
    for each row execute function practice_sheet_version_search();

alter table practice_sheet enable row level security;
create policy library_read on practice_sheet for select using (true);
create policy federation_insert on practice_sheet for insert
    with check (current_organisation_is_federation() or (current_organisation_id() is null and origin = 'RESOURCE'));
create policy federation_update on practice_sheet for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

alter table practice_sheet_version enable row level security;
create policy library_read on practice_sheet_version for select using (true);
create policy federation_insert on practice_sheet_version for insert
    with check (current_organisation_is_federation() or (current_organisation_id() is null and version = 1));
create policy federation_update on practice_sheet_version for update
    using (current_organisation_is_federation()) with check (current_organisation_is_federation());

grant select, insert, update on practice_sheet, practice_sheet_version to ${app_role};
