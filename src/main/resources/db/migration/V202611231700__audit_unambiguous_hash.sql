-- Audit: an unambiguous canonical text for new links. The first version joined the columns with
-- '|' and escaped '|' but not '\', so two different rows could in theory share a text. Links
-- written from now on hash the JSON array of their columns (version 2); links already written
-- keep version 1, which the verification still recomputes as it was, so nothing is rewritten.

alter table audit_event add column hash_version smallint not null default 1;
alter table audit_event alter column hash_version set default 2;

create function audit_link_hash_v2(p_seq bigint, p_occurred_at timestamptz, p_organisation_id uuid,
                                   p_actor_id uuid, p_actor_name text, p_action text, p_object_type text,
                                   p_object_id text, p_details jsonb, p_request_id text,
                                   p_client_address text, p_prev_hash text)
    returns char(64) language sql immutable
as $$
    select encode(sha256(convert_to(jsonb_build_array(
        p_seq, to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_organisation_id,
        p_actor_id, p_actor_name, p_action, p_object_type, p_object_id, p_details, p_request_id,
        p_client_address, p_prev_hash)::text, 'UTF8')), 'hex')
$$;

-- The hash of a stored link, with the canonical text of its version.
create function audit_stored_link_hash(r audit_event) returns char(64) language sql immutable
as $$
    select case r.hash_version
        when 1 then audit_link_hash(r.seq, r.occurred_at, r.organisation_id, r.actor_id, r.actor_name, r.action,
                                    r.object_type, r.object_id, r.details, r.request_id, r.client_address, r.prev_hash)
        else audit_link_hash_v2(r.seq, r.occurred_at, r.organisation_id, r.actor_id, r.actor_name, r.action,
                                r.object_type, r.object_id, r.details, r.request_id, r.client_address, r.prev_hash)
    end
$$;

create or replace function audit_append(p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text,
                                        p_object_type text, p_object_id text, p_details jsonb, p_request_id text,
                                        p_client_address text)
    returns bigint language plpgsql volatile security definer set search_path = public
as $$
declare
    v_prev_seq  bigint;
    v_prev_hash char(64);
    v_seq       bigint;
    v_now       timestamptz := date_trunc('microseconds', clock_timestamp());
    v_details   jsonb := coalesce(p_details, '{}'::jsonb);
begin
    perform pg_advisory_xact_lock(7271001);
    select seq, hash into v_prev_seq, v_prev_hash from audit_event order by seq desc limit 1;
    v_seq := coalesce(v_prev_seq, 0) + 1;
    v_prev_hash := coalesce(v_prev_hash, repeat('0', 64));
    insert into audit_event (seq, occurred_at, organisation_id, actor_id, actor_name, action, object_type,
                             object_id, details, request_id, client_address, prev_hash, hash, hash_version)
    values (v_seq, v_now, p_organisation_id, p_actor_id, p_actor_name, p_action, p_object_type, p_object_id,
            v_details, p_request_id, p_client_address, v_prev_hash,
            audit_link_hash_v2(v_seq, v_now, p_organisation_id, p_actor_id, p_actor_name, p_action, p_object_type,
                               p_object_id, v_details, p_request_id, p_client_address, v_prev_hash), 2);
    return v_seq;
end
$$;

create or replace function audit_verify_chain()
    returns table (checked bigint, first_broken_seq bigint)
    language plpgsql stable security definer set search_path = public
as $$
declare
    r            audit_event%rowtype;
    v_expected   bigint := 1;
    v_prev_hash  char(64) := repeat('0', 64);
    v_checked    bigint := 0;
begin
    for r in select * from audit_event order by seq loop
        if r.seq <> v_expected or r.prev_hash <> v_prev_hash or r.hash_version not in (1, 2)
           or r.hash <> audit_stored_link_hash(r) then
            return query select v_checked, r.seq;
            return;
        end if;
        v_checked := v_checked + 1;
        v_expected := r.seq + 1;
        v_prev_hash := r.hash;
    end loop;
    return query select v_checked, null::bigint;
end
$$;
