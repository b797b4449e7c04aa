-- The person search's fallback (a part of a name, or a misspelt one) with an index. Row-level
-- security keeps the trigram operators (not leakproof) out of index scans, so under the policy this
-- search read every person of the association. This function, owned by the owner role, applies the
-- tenant condition itself from the same setting as the policy (no tenant set: no row), with the
-- organisation as the first column of a trigram index, and returns ids and ranks only: the caller
-- reads the persons through the policy as usual.
create extension if not exists btree_gin;

drop index if exists person_name_trgm_idx;
create index person_search_trgm_idx on person using gin (organisation_id, search_name gin_trgm_ops);

create function person_fuzzy_search(p_query text, p_birth date)
    returns table (id uuid, rank real)
    language sql stable security definer set search_path = public
as $$
    select p.id, similarity(p.search_name, p_query)
    from person p
    where p.organisation_id = nullif(current_setting('passerelle.organisation_id', true), '')::uuid
      and (p.search_name like '%' || replace(replace(replace(p_query, '\', '\\'), '%', '\%'), '_', '\_') || '%'
           or p.search_name % p_query)
      and (p_birth is null or p.birth_date = p_birth)
$$;
revoke all on function person_fuzzy_search(text, date) from public;
grant execute on function person_fuzzy_search(text, date) to ${app_role};
