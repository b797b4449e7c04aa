-- Programmes: the library is searched in a narrow table of its sheets' current versions, one row per
-- sheet with only what a search reads (code, number, status, dates, title and its lowered form for
-- sorting, facets, the title's vector for the rank, the whole sheet's vector for the words). A search
-- of many matches read them from the versions' wide rows (a whole sheet of text each, 649 pages for
-- the 1,700 sheets of "jeunes" in a library of 3,000); here they fit in a few pages.
-- The rows are derived, never written by the application: triggers on the sheets and their versions
-- rewrite a sheet's row whenever either changes, in the same transaction.
create table practice_sheet_search (
    sheet_id      uuid          primary key references practice_sheet (id),
    code          varchar(80)   not null,
    number        int,
    status        varchar(20)   not null,
    updated_at    timestamptz   not null,
    title         varchar(300)  not null,
    title_lower   text          not null,
    axis          varchar(30)   not null,
    theme         varchar(500),
    publics       text[]        not null,
    age_min       int,
    age_max       int,
    carriers      text[]        not null,
    fundings      text[]        not null,
    search_title  tsvector      not null,
    search        tsvector      not null
);
create index practice_sheet_search_words_idx on practice_sheet_search using gin (search);

create function practice_sheet_search_refresh(sheet uuid) returns void
    language sql volatile security definer set search_path = public, pg_temp
as $$
    delete from practice_sheet_search where sheet_id = sheet;
    insert into practice_sheet_search (sheet_id, code, number, status, updated_at, title, title_lower, axis, theme,
                                       publics, age_min, age_max, carriers, fundings, search_title, search)
    select s.id, s.code, s.number, s.status, s.updated_at, v.title, lower(v.title), v.axis, v.theme, v.publics,
           v.age_min, v.age_max, v.carriers, v.fundings, v.search_title, v.search
    from practice_sheet s join practice_sheet_version v on v.sheet_id = s.id and v.is_current
    where s.id = sheet;
$$;
revoke all on function practice_sheet_search_refresh(uuid) from public;

create function practice_sheet_search_of_sheet() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    perform practice_sheet_search_refresh(new.id);
    return null;
end
$$;
create trigger practice_sheet_search after insert or update on practice_sheet
    for each row execute function practice_sheet_search_of_sheet();

create function practice_sheet_search_of_version() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    perform practice_sheet_search_refresh(new.sheet_id);
    return null;
end
$$;
create trigger practice_sheet_search after insert or update on practice_sheet_version
    for each row execute function practice_sheet_search_of_version();

-- The library is national: everyone reads it; nobody but the triggers writes it.
alter table practice_sheet_search enable row level security;
create policy library_read on practice_sheet_search for select using (true);
revoke insert, update, delete, truncate on practice_sheet_search from ${app_role};

insert into practice_sheet_search (sheet_id, code, number, status, updated_at, title, title_lower, axis, theme, publics,
                                   age_min, age_max, carriers, fundings, search_title, search)
select s.id, s.code, s.number, s.status, s.updated_at, v.title, lower(v.title), v.axis, v.theme, v.publics, v.age_min,
       v.age_max, v.carriers, v.fundings, v.search_title, v.search
from practice_sheet s join practice_sheet_version v on v.sheet_id = s.id and v.is_current;

-- The facets and pages no longer read the versions' covering index.
drop index practice_sheet_version_facets_idx;
