-- Resource library search at 20,000 documents. Row-level security keeps the planner from using an
-- index for a condition whose operator is not leakproof, and neither the full-text match (@@) nor the
-- array containment (@>) is: under the application's role every search read the whole table. This
-- function finds, as the owner, the documents a search matches among those the caller may see (the
-- same rule as the policy visible_read, withdrawn ones left out), at most `lim` of them, through the
-- indexes; the application then reads those rows through row-level security as before. It tells
-- whether a search matches few documents (counted exactly) or more than the application's cap.
create index network_resource_search_head_idx on network_resource using gin (search_head);
-- The other orders of a large result read the rows in index order and stop after a page.
create index network_resource_downloads_idx on network_resource (download_count desc, updated_at desc);
create index network_resource_title_idx on network_resource (lower(title), updated_at desc);

create function network_resource_find(words tsquery, head_only boolean, tags varchar[], types varchar[],
                                      access varchar, body uuid, lim int) returns setof uuid
    language plpgsql stable security definer set search_path = public, pg_temp
as $$
declare
    conditions text := 'r.withdrawn_at is null';
begin
    if words is not null then
        conditions := conditions || case when head_only then ' and r.search_head @@ $1' else ' and r.search @@ $1' end;
    end if;
    if tags is not null and cardinality(tags) > 0 then
        conditions := conditions || ' and r.tags @> $2';
    end if;
    if types is not null and cardinality(types) > 0 then
        conditions := conditions || ' and r.media_type = any ($3)';
    end if;
    if access is not null then
        conditions := conditions || ' and r.access_level = $4';
    end if;
    if body is not null then
        conditions := conditions || ' and r.body_id = $5';
    end if;
    -- The policy visible_read, for the caller (the settings of the transaction).
    conditions := conditions || ' and ((select current_organisation_is_federation())'
        || ' or r.access_level = ''PUBLIC'''
        || ' or (r.access_level = ''MEMBERS'' and (select network_is_member()))'
        || ' or (r.access_level = ''BODY'' and r.body_id = any ((select network_body_ids())::uuid[])))';
    return query execute 'select r.id from network_resource r where ' || conditions || ' limit $6'
        using words, tags, types, access, body, greatest(lim, 0);
end
$$;
revoke all on function network_resource_find(tsquery, boolean, varchar[], varchar[], varchar, uuid, int) from public;
grant execute on function network_resource_find(tsquery, boolean, varchar[], varchar[], varchar, uuid, int) to ${app_role};
