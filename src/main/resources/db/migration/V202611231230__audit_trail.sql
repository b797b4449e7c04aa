-- Audit: an append-only, hash-chained trail. The application role may append through
-- audit_append() and read its own organisation's rows; it can never update or delete.

create table audit_event (
    seq              bigint       primary key,
    occurred_at      timestamptz  not null,
    organisation_id  uuid,
    actor_id         uuid,
    actor_name       text,
    action           varchar(60)  not null,
    object_type      varchar(60),
    object_id        text,
    details          jsonb        not null default '{}'::jsonb,
    request_id       varchar(64),
    client_address   varchar(64),
    prev_hash        char(64)     not null,
    hash             char(64)     not null
);
create index audit_event_organisation_idx on audit_event (organisation_id, seq desc);

revoke insert, update, delete, truncate on audit_event from ${app_role};
grant select on audit_event to ${app_role};

alter table audit_event enable row level security;
create policy tenant_read on audit_event for select
    using (organisation_id = current_organisation_id());

-- The hash of one link: SHA-256 of a canonical text of every column and the previous hash.
create function audit_link_hash(p_seq bigint, p_occurred_at timestamptz, p_organisation_id uuid,
                                p_actor_id uuid, p_actor_name text, p_action text, p_object_type text,
                                p_object_id text, p_details jsonb, p_request_id text,
                                p_client_address text, p_prev_hash text)
    returns char(64) language sql immutable
as $$
    select encode(sha256(convert_to(
        p_seq::text || '|' ||
        to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' ||
        coalesce(p_organisation_id::text, '') || '|' ||
        coalesce(p_actor_id::text, '') || '|' ||
        coalesce(replace(p_actor_name, '|', '\|'), '') || '|' ||
        replace(p_action, '|', '\|') || '|' ||
        coalesce(replace(p_object_type, '|', '\|'), '') || '|' ||
        coalesce(replace(p_object_id, '|', '\|'), '') || '|' ||
        p_details::text || '|' ||
        coalesce(p_request_id, '') || '|' ||
        coalesce(p_client_address, '') || '|' ||
        p_prev_hash, 'UTF8')), 'hex')
$$;

-- Appends one event at the end of the chain. A transaction-scoped advisory lock serialises
-- appends so that each link points at exactly one predecessor.
create function audit_append(p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text,
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
                             object_id, details, request_id, client_address, prev_hash, hash)
    values (v_seq, v_now, p_organisation_id, p_actor_id, p_actor_name, p_action, p_object_type, p_object_id,
            v_details, p_request_id, p_client_address, v_prev_hash,
            audit_link_hash(v_seq, v_now, p_organisation_id, p_actor_id, p_actor_name, p_action, p_object_type,
                            p_object_id, v_details, p_request_id, p_client_address, v_prev_hash));
    return v_seq;
end
$$;
revoke all on function audit_append(uuid, uuid, text, text, text, text, jsonb, text, text) from public;
grant execute on function audit_append(uuid, uuid, text, text, text, text, jsonb, text, text) to ${app_role};

-- Walks the whole chain and reports how many links were checked and the first broken one
-- (null when the chain is intact). Reveals no content, only sequence numbers.
create function audit_verify_chain()
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
        if r.seq <> v_expected or r.prev_hash <> v_prev_hash
           or r.hash <> audit_link_hash(r.seq, r.occurred_at, r.organisation_id, r.actor_id, r.actor_name,
                                        r.action, r.object_type, r.object_id, r.details, r.request_id,
                                        r.client_address, r.prev_hash) then
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
revoke all on function audit_verify_chain() from public;
grant execute on function audit_verify_chain() to ${app_role};
