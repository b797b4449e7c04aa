-- The schema and a little data of the previous release (main 59065db), as pg_dump wrote it
-- (plain SQL, --no-owner --inserts) by make-dump.sh beside this file, without its \restrict lines.
-- PreviousReleaseUpgradeTest restores it into a new database and migrates it to the current
-- migrations. The user's password hash matches no password: it cannot sign in.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gin; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;


--
-- Name: EXTENSION btree_gin; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gin IS 'support for indexing common datatypes in GIN';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: unaccent; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;


--
-- Name: EXTENSION unaccent; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION unaccent IS 'text search dictionary that removes accents';


--
-- Name: audit_append(uuid, uuid, text, text, text, text, jsonb, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_append(p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text, p_object_type text, p_object_id text, p_details jsonb, p_request_id text, p_client_address text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
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


--
-- Name: audit_link_hash(bigint, timestamp with time zone, uuid, uuid, text, text, text, text, jsonb, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_link_hash(p_seq bigint, p_occurred_at timestamp with time zone, p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text, p_object_type text, p_object_id text, p_details jsonb, p_request_id text, p_client_address text, p_prev_hash text) RETURNS character
    LANGUAGE sql IMMUTABLE
    AS $$
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


--
-- Name: audit_link_hash_v2(bigint, timestamp with time zone, uuid, uuid, text, text, text, text, jsonb, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_link_hash_v2(p_seq bigint, p_occurred_at timestamp with time zone, p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text, p_object_type text, p_object_id text, p_details jsonb, p_request_id text, p_client_address text, p_prev_hash text) RETURNS character
    LANGUAGE sql IMMUTABLE
    AS $$
    select encode(sha256(convert_to(jsonb_build_array(
        p_seq, to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_organisation_id,
        p_actor_id, p_actor_name, p_action, p_object_type, p_object_id, p_details, p_request_id,
        p_client_address, p_prev_hash)::text, 'UTF8')), 'hex')
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    seq bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    organisation_id uuid,
    actor_id uuid,
    actor_name text,
    action character varying(60) NOT NULL,
    object_type character varying(60),
    object_id text,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    request_id character varying(64),
    client_address character varying(64),
    prev_hash character(64) NOT NULL,
    hash character(64) NOT NULL,
    hash_version smallint DEFAULT 2 NOT NULL
);


--
-- Name: audit_stored_link_hash(public.audit_event); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_stored_link_hash(r public.audit_event) RETURNS character
    LANGUAGE sql IMMUTABLE
    AS $$
    select case r.hash_version
        when 1 then audit_link_hash(r.seq, r.occurred_at, r.organisation_id, r.actor_id, r.actor_name, r.action,
                                    r.object_type, r.object_id, r.details, r.request_id, r.client_address, r.prev_hash)
        else audit_link_hash_v2(r.seq, r.occurred_at, r.organisation_id, r.actor_id, r.actor_name, r.action,
                                r.object_type, r.object_id, r.details, r.request_id, r.client_address, r.prev_hash)
    end
$$;


--
-- Name: audit_verify_chain(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_verify_chain() RETURNS TABLE(checked bigint, first_broken_seq bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
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


--
-- Name: billing_statement_frozen(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.billing_statement_frozen() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if old.status = 'DRAFT' then
        if tg_op = 'DELETE' then
            return old;
        end if;
        return new;
    end if;
    if tg_op = 'DELETE' then
        raise exception 'billing statement % is frozen', old.id using errcode = 'check_violation';
    end if;
    if old.status = 'PAID' or new.status <> 'PAID'
            or new.court_code <> old.court_code or new.period_month <> old.period_month
            or new.number is distinct from old.number or new.sent_on is distinct from old.sent_on then
        raise exception 'billing statement % is frozen', old.id using errcode = 'check_violation';
    end if;
    return new;
end
$$;


--
-- Name: billing_statement_line_frozen(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.billing_statement_line_frozen() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
declare
    statement uuid;
begin
    if tg_op = 'DELETE' then
        statement := old.statement_id;
    else
        statement := new.statement_id;
    end if;
    if exists (select 1 from billing_statement s where s.id = statement and s.status <> 'DRAFT') then
        raise exception 'billing statement % is frozen', statement using errcode = 'check_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;


--
-- Name: calendar_feed_owner(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.calendar_feed_owner(p_token_hash text) RETURNS TABLE(organisation_id uuid, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select f.organisation_id, f.user_id from calendar_feed f
    where f.token_hash = p_token_hash and f.revoked_at is null
$$;


--
-- Name: consultation_public_lookup(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.consultation_public_lookup(p_slug text) RETURNS TABLE(id uuid, organisation_id uuid, status character varying)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select c.id, c.organisation_id, c.status from consultation c where c.slug = p_slug and c.status <> 'DRAFT'
$$;


--
-- Name: current_organisation_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.current_organisation_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ select nullif(current_setting('passerelle.organisation_id', true), '')::uuid $$;


--
-- Name: current_organisation_is_federation(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.current_organisation_is_federation() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'public'
    AS $$
    select exists (select 1 from organisation o
                   where o.id = current_organisation_id() and o.kind = 'FEDERATION' and o.active)
$$;


--
-- Name: identity_find_api_token(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.identity_find_api_token(p_token_hash text) RETURNS TABLE(user_id uuid, username character varying)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select t.user_id, u.username
    from api_token t join app_user u on u.id = t.user_id
    where t.token_hash = p_token_hash and t.revoked_at is null
$$;


--
-- Name: identity_find_login(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.identity_find_login(p_username text) RETURNS TABLE(id uuid, organisation_id uuid, organisation_kind character varying, organisation_active boolean, username character varying, display_name character varying, password_hash text, enabled boolean, mfa_secret text, mfa_enabled boolean, mfa_exempt boolean, demo_account boolean, roles character varying[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select u.id, u.organisation_id, o.kind, o.active, u.username, u.display_name, u.password_hash,
           u.enabled, u.mfa_secret, u.mfa_enabled, u.mfa_exempt, u.demo_account,
           array(select r.role_code from user_role r where r.user_id = u.id order by r.role_code)
    from app_user u join organisation o on o.id = u.organisation_id
    where lower(u.username) = lower(p_username)
$$;


--
-- Name: identity_username_taken(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.identity_username_taken(p_username text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$ select exists (select 1 from app_user where lower(username) = lower(p_username)) $$;


--
-- Name: immutable_unaccent(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$ select public.unaccent('public.unaccent', $1) $_$;


--
-- Name: indicator_changes_billing(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.indicator_changes_billing() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
declare
    v_rows text := case tg_op when 'INSERT' then 'select * from added'
                              when 'DELETE' then 'select * from removed'
                              else 'select * from added union all select * from removed' end;
begin
    if tg_table_name = 'billing_statement' then
        execute indicator_changes_insert(format(
            'select d.organisation_id, least(d.sent_on, d.paid_on) as changed_from from (%s) d', v_rows));
    else
        execute indicator_changes_insert(format($r$
            select d.organisation_id, case when s.id is null then date '-infinity' else s.sent_on end as changed_from
            from (%s) d left join billing_statement s on s.id = d.statement_id $r$, v_rows));
    end if;
    return null;
end
$_$;


--
-- Name: indicator_changes_definition(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.indicator_changes_definition() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
declare
    v_read text := case tg_table_name
                       when 'person' then 'organisation_id, sex, birth_date'
                       when 'measure_type' then 'organisation_id, code, field, tracked_quantity, first_interview_days'
                       else 'organisation_id, service_id' end;
begin
    if tg_op = 'DELETE' then
        execute indicator_changes_insert($r$select o.organisation_id, date '-infinity' as changed_from
                                            from removed o$r$);
    elsif tg_op = 'UPDATE' then
        execute indicator_changes_insert(format($r$
            select x.organisation_id, date '-infinity' as changed_from
            from removed o join added n on n.id = o.id,
                 lateral (values (o.organisation_id), (n.organisation_id)) x (organisation_id)
            where (%1$s) is distinct from (%2$s) $r$,
            regexp_replace(v_read, '(\w+)', 'o.\1', 'g'), regexp_replace(v_read, '(\w+)', 'n.\1', 'g')));
    end if;
    return null;
end
$_$;


--
-- Name: indicator_changes_insert(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.indicator_changes_insert(p_rows text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$
    select format($q$
        insert into indicator_change (organisation_id, changed_from)
        select c.organisation_id, min(c.changed_from)
        from (%s) c
        where c.organisation_id is not null and c.changed_from is not null
        group by c.organisation_id
        having not exists (select 1 from indicator_change x
                           where x.organisation_id = c.organisation_id and x.xid = pg_current_xact_id()
                             and x.changed_from <= min(c.changed_from)) $q$, p_rows)
$_$;


--
-- Name: indicator_changes_measure(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.indicator_changes_measure() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
begin
    if tg_op = 'INSERT' then
        execute indicator_changes_insert('select n.organisation_id, n.received_on as changed_from from added n');
    elsif tg_op = 'DELETE' then
        execute indicator_changes_insert($r$select o.organisation_id, date '-infinity' as changed_from
                                            from removed o$r$);
    else
        execute indicator_changes_insert($r$
            select o.organisation_id,
                   case when (o.organisation_id, o.measure_type_id, o.court_code, o.assigned_user_id, o.person_id,
                              o.received_on, o.ordered_quantity)
                             is distinct from (n.organisation_id, n.measure_type_id, n.court_code, n.assigned_user_id,
                                               n.person_id, n.received_on, n.ordered_quantity)
                        then date '-infinity'
                        else least(case when (o.ended_on, o.outcome) is distinct from (n.ended_on, n.outcome)
                                        then coalesce(least(o.ended_on, n.ended_on), n.received_on) end,
                                   case when o.started_on is distinct from n.started_on
                                        then least(o.started_on, n.started_on) end)
                   end as changed_from
            from removed o join added n on n.id = o.id
            union all
            select n.organisation_id, date '-infinity' from removed o join added n on n.id = o.id
            where o.organisation_id <> n.organisation_id $r$);
    end if;
    return null;
end
$_$;


--
-- Name: indicator_changes_measure_detail(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.indicator_changes_measure_detail() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
declare
    v_day text := case tg_table_name
                      when 'report' then 'd.due_on'
                      when 'measure_quantity_entry'
                          then 'least(d.entry_date, (select m.ended_on from measure m where m.id = d.measure_id))'
                      else 'd.occurred_on' end;
begin
    execute indicator_changes_insert(format('select d.organisation_id, %s as changed_from from (%s) d', v_day,
        case tg_op when 'INSERT' then 'select * from added'
                   when 'DELETE' then 'select * from removed'
                   else 'select * from added union all select * from removed' end));
    return null;
end
$$;


--
-- Name: indicator_changes_truncate(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.indicator_changes_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    insert into indicator_change (organisation_id, changed_from) select o.id, '-infinity' from organisation o;
    return null;
end
$$;


--
-- Name: kept_figures_forget(xid8); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.kept_figures_forget(p_horizon xid8) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    with gone as (delete from indicator_change where xid < p_horizon returning 1),
         gone_months as (delete from obs_change where xid < p_horizon returning 1)
    select (select count(*) from gone) + (select count(*) from gone_months)
$$;


--
-- Name: mail_outbox_due_organisations(timestamp with time zone); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.mail_outbox_due_organisations(p_now timestamp with time zone) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select distinct organisation_id from mail_outbox where status = 'PENDING' and next_attempt_at <= p_now
$$;


--
-- Name: measure_dates_from_transitions(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.measure_dates_from_transitions() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
begin
    execute format($q$
        update measure m
           set ended_on = d.ended_on, started_on = d.started_on
          from (select t.measure_id,
                       (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                        from measure_transition tr where tr.measure_id = t.measure_id and tr.to_status = 'ENDED'
                        order by tr.occurred_at desc limit 1) as ended_on,
                       (select coalesce(tr.effective_on, cast(tr.occurred_at at time zone 'Europe/Paris' as date))
                        from measure_transition tr where tr.measure_id = t.measure_id and tr.action = 'START'
                        order by tr.occurred_at limit 1) as started_on
                from (select distinct c.measure_id from (%s) c) t) d
         where m.id = d.measure_id
           and (m.ended_on, m.started_on) is distinct from (d.ended_on, d.started_on) $q$,
        case tg_op
            -- A new transition can only change a date when it ends or starts the measure.
            when 'INSERT' then $r$select measure_id from added where to_status = 'ENDED' or action = 'START'$r$
            when 'DELETE' then 'select measure_id from removed'
            else 'select measure_id from added union all select measure_id from removed' end);
    return null;
end
$_$;


--
-- Name: measure_next_deadline(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.measure_next_deadline() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if new.status in ('ENDED', 'CLOSED') then
        new.next_deadline_on := null;
    else
        new.next_deadline_on := least(
            case when new.status in ('RECEIVED', 'ASSIGNED') then
                new.received_on + (select t.first_interview_days from measure_type t where t.id = new.measure_type_id)
            end,
            new.due_on, new.planned_end_on);
    end if;
    return new;
end $$;


--
-- Name: measure_type_first_interview_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.measure_type_first_interview_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    update measure m
       set next_deadline_on = least(m.received_on + new.first_interview_days, m.due_on, m.planned_end_on)
     where m.measure_type_id = new.id and m.status in ('RECEIVED', 'ASSIGNED');
    return null;
end $$;


--
-- Name: obs_changes_everything(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_changes_everything() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    insert into obs_change (month) values ('-infinity');
    return null;
end
$$;


--
-- Name: obs_changes_months(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_changes_months() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
begin
    execute format($q$
        insert into obs_change (month)
        select distinct d.month from (%s) d
        where not exists (select 1 from obs_change x where x.month = d.month and x.xid = pg_current_xact_id()) $q$,
        case tg_op when 'INSERT' then 'select month from added'
                   when 'DELETE' then 'select month from removed'
                   else 'select month from added union select month from removed' end);
    return null;
end
$_$;


--
-- Name: obs_contributions(date, date, character varying, integer, date, integer, date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_contributions(received_month date, ended_month date, outcome character varying, duration_days integer, started_month date, first_delay_days integer, active_until date) RETURNS TABLE(metric character varying, month date, bucket character varying)
    LANGUAGE sql IMMUTABLE
    AS $$
    select 'RECEIVED', received_month, ''
    union all
    select 'ENDED', ended_month, outcome where ended_month is not null
    union all
    select 'DURATION', ended_month,
           cast(greatest(width_bucket(duration_days, array[0,15,30,45,60,90,120,150,180,240,300,365,450,540,730,1095]), 1) - 1 as varchar)
    where duration_days is not null
    union all
    select 'FIRST_DELAY', started_month,
           cast(greatest(width_bucket(first_delay_days, array[0,1,2,4,7,10,15,20,30,45,60,90,120,180,365]), 1) - 1 as varchar)
    where started_month is not null
    union all
    select 'ACTIVE', cast(g as date), ''
    from generate_series(received_month, active_until, interval '1 month') g
    where active_until is not null
$$;


--
-- Name: obs_queue_measure(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_queue_measure() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    SET client_min_messages TO 'warning'
    AS $$
begin
    if tg_table_name = 'measure_type' then
        insert into obs_dirty (measure_id) select m.id from measure m where m.measure_type_id = new.id
        on conflict (measure_id) do nothing;
    elsif tg_table_name = 'measure' and tg_op = 'DELETE' then
        insert into obs_dirty (measure_id) values (old.id) on conflict (measure_id) do nothing;
    elsif tg_table_name = 'measure' then
        insert into obs_dirty (measure_id) values (new.id) on conflict (measure_id) do nothing;
    elsif tg_op = 'DELETE' then
        insert into obs_dirty (measure_id) values (old.measure_id) on conflict (measure_id) do nothing;
    else
        insert into obs_dirty (measure_id) values (new.measure_id) on conflict (measure_id) do nothing;
    end if;
    return null;
end
$$;


--
-- Name: obs_year_apply_added(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_year_apply_added() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
            begin
                insert into obs_year as y (organisation_id, court_code, type_code, field, year, received, active, ended_completed, ended_lifted_by_magistrate, ended_revoked, ended_breaches_reported, ended_not_presented, ended_transferred, ended_deceased, ended_cancelled_by_magistrate, ended_unknown, duration_0, duration_1, duration_2, duration_3, duration_4, duration_5, duration_6, duration_7, duration_8, duration_9, duration_10, duration_11, duration_12, duration_13, duration_14, duration_15, first_delay_0, first_delay_1, first_delay_2, first_delay_3, first_delay_4, first_delay_5, first_delay_6, first_delay_7, first_delay_8, first_delay_9, first_delay_10, first_delay_11, first_delay_12, first_delay_13, first_delay_14)
                select d.organisation_id, d.court_code, d.type_code, max(d.field),
                       cast(date_trunc('year', d.month) as date), sum(d.received * d.sign), coalesce(sum(d.active * d.sign) filter (where extract(month from d.month) = 12), 0), sum(d.ended_completed * d.sign), sum(d.ended_lifted_by_magistrate * d.sign), sum(d.ended_revoked * d.sign), sum(d.ended_breaches_reported * d.sign), sum(d.ended_not_presented * d.sign), sum(d.ended_transferred * d.sign), sum(d.ended_deceased * d.sign), sum(d.ended_cancelled_by_magistrate * d.sign), sum(d.ended_unknown * d.sign), sum(d.duration_0 * d.sign), sum(d.duration_1 * d.sign), sum(d.duration_2 * d.sign), sum(d.duration_3 * d.sign), sum(d.duration_4 * d.sign), sum(d.duration_5 * d.sign), sum(d.duration_6 * d.sign), sum(d.duration_7 * d.sign), sum(d.duration_8 * d.sign), sum(d.duration_9 * d.sign), sum(d.duration_10 * d.sign), sum(d.duration_11 * d.sign), sum(d.duration_12 * d.sign), sum(d.duration_13 * d.sign), sum(d.duration_14 * d.sign), sum(d.duration_15 * d.sign), sum(d.first_delay_0 * d.sign), sum(d.first_delay_1 * d.sign), sum(d.first_delay_2 * d.sign), sum(d.first_delay_3 * d.sign), sum(d.first_delay_4 * d.sign), sum(d.first_delay_5 * d.sign), sum(d.first_delay_6 * d.sign), sum(d.first_delay_7 * d.sign), sum(d.first_delay_8 * d.sign), sum(d.first_delay_9 * d.sign), sum(d.first_delay_10 * d.sign), sum(d.first_delay_11 * d.sign), sum(d.first_delay_12 * d.sign), sum(d.first_delay_13 * d.sign), sum(d.first_delay_14 * d.sign)
                from (select n.*, 1 as sign from added n) d
                group by d.organisation_id, d.court_code, d.type_code, date_trunc('year', d.month)
                on conflict (organisation_id, court_code, type_code, year) do update set field = excluded.field, received = y.received + excluded.received, active = y.active + excluded.active, ended_completed = y.ended_completed + excluded.ended_completed, ended_lifted_by_magistrate = y.ended_lifted_by_magistrate + excluded.ended_lifted_by_magistrate, ended_revoked = y.ended_revoked + excluded.ended_revoked, ended_breaches_reported = y.ended_breaches_reported + excluded.ended_breaches_reported, ended_not_presented = y.ended_not_presented + excluded.ended_not_presented, ended_transferred = y.ended_transferred + excluded.ended_transferred, ended_deceased = y.ended_deceased + excluded.ended_deceased, ended_cancelled_by_magistrate = y.ended_cancelled_by_magistrate + excluded.ended_cancelled_by_magistrate, ended_unknown = y.ended_unknown + excluded.ended_unknown, duration_0 = y.duration_0 + excluded.duration_0, duration_1 = y.duration_1 + excluded.duration_1, duration_2 = y.duration_2 + excluded.duration_2, duration_3 = y.duration_3 + excluded.duration_3, duration_4 = y.duration_4 + excluded.duration_4, duration_5 = y.duration_5 + excluded.duration_5, duration_6 = y.duration_6 + excluded.duration_6, duration_7 = y.duration_7 + excluded.duration_7, duration_8 = y.duration_8 + excluded.duration_8, duration_9 = y.duration_9 + excluded.duration_9, duration_10 = y.duration_10 + excluded.duration_10, duration_11 = y.duration_11 + excluded.duration_11, duration_12 = y.duration_12 + excluded.duration_12, duration_13 = y.duration_13 + excluded.duration_13, duration_14 = y.duration_14 + excluded.duration_14, duration_15 = y.duration_15 + excluded.duration_15, first_delay_0 = y.first_delay_0 + excluded.first_delay_0, first_delay_1 = y.first_delay_1 + excluded.first_delay_1, first_delay_2 = y.first_delay_2 + excluded.first_delay_2, first_delay_3 = y.first_delay_3 + excluded.first_delay_3, first_delay_4 = y.first_delay_4 + excluded.first_delay_4, first_delay_5 = y.first_delay_5 + excluded.first_delay_5, first_delay_6 = y.first_delay_6 + excluded.first_delay_6, first_delay_7 = y.first_delay_7 + excluded.first_delay_7, first_delay_8 = y.first_delay_8 + excluded.first_delay_8, first_delay_9 = y.first_delay_9 + excluded.first_delay_9, first_delay_10 = y.first_delay_10 + excluded.first_delay_10, first_delay_11 = y.first_delay_11 + excluded.first_delay_11, first_delay_12 = y.first_delay_12 + excluded.first_delay_12, first_delay_13 = y.first_delay_13 + excluded.first_delay_13, first_delay_14 = y.first_delay_14 + excluded.first_delay_14;
                delete from obs_year y using (select n.*, 1 as sign from added n) d
                where y.organisation_id = d.organisation_id and y.court_code = d.court_code
                  and y.type_code = d.type_code and y.year = date_trunc('year', d.month)
                  and y.received + y.active + y.ended_completed + y.ended_lifted_by_magistrate + y.ended_revoked + y.ended_breaches_reported + y.ended_not_presented + y.ended_transferred + y.ended_deceased + y.ended_cancelled_by_magistrate + y.ended_unknown + y.duration_0 + y.duration_1 + y.duration_2 + y.duration_3 + y.duration_4 + y.duration_5 + y.duration_6 + y.duration_7 + y.duration_8 + y.duration_9 + y.duration_10 + y.duration_11 + y.duration_12 + y.duration_13 + y.duration_14 + y.duration_15 + y.first_delay_0 + y.first_delay_1 + y.first_delay_2 + y.first_delay_3 + y.first_delay_4 + y.first_delay_5 + y.first_delay_6 + y.first_delay_7 + y.first_delay_8 + y.first_delay_9 + y.first_delay_10 + y.first_delay_11 + y.first_delay_12 + y.first_delay_13 + y.first_delay_14 = 0;
                return null;
            end
            $$;


--
-- Name: obs_year_apply_both(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_year_apply_both() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
            begin
                insert into obs_year as y (organisation_id, court_code, type_code, field, year, received, active, ended_completed, ended_lifted_by_magistrate, ended_revoked, ended_breaches_reported, ended_not_presented, ended_transferred, ended_deceased, ended_cancelled_by_magistrate, ended_unknown, duration_0, duration_1, duration_2, duration_3, duration_4, duration_5, duration_6, duration_7, duration_8, duration_9, duration_10, duration_11, duration_12, duration_13, duration_14, duration_15, first_delay_0, first_delay_1, first_delay_2, first_delay_3, first_delay_4, first_delay_5, first_delay_6, first_delay_7, first_delay_8, first_delay_9, first_delay_10, first_delay_11, first_delay_12, first_delay_13, first_delay_14)
                select d.organisation_id, d.court_code, d.type_code, max(d.field),
                       cast(date_trunc('year', d.month) as date), sum(d.received * d.sign), coalesce(sum(d.active * d.sign) filter (where extract(month from d.month) = 12), 0), sum(d.ended_completed * d.sign), sum(d.ended_lifted_by_magistrate * d.sign), sum(d.ended_revoked * d.sign), sum(d.ended_breaches_reported * d.sign), sum(d.ended_not_presented * d.sign), sum(d.ended_transferred * d.sign), sum(d.ended_deceased * d.sign), sum(d.ended_cancelled_by_magistrate * d.sign), sum(d.ended_unknown * d.sign), sum(d.duration_0 * d.sign), sum(d.duration_1 * d.sign), sum(d.duration_2 * d.sign), sum(d.duration_3 * d.sign), sum(d.duration_4 * d.sign), sum(d.duration_5 * d.sign), sum(d.duration_6 * d.sign), sum(d.duration_7 * d.sign), sum(d.duration_8 * d.sign), sum(d.duration_9 * d.sign), sum(d.duration_10 * d.sign), sum(d.duration_11 * d.sign), sum(d.duration_12 * d.sign), sum(d.duration_13 * d.sign), sum(d.duration_14 * d.sign), sum(d.duration_15 * d.sign), sum(d.first_delay_0 * d.sign), sum(d.first_delay_1 * d.sign), sum(d.first_delay_2 * d.sign), sum(d.first_delay_3 * d.sign), sum(d.first_delay_4 * d.sign), sum(d.first_delay_5 * d.sign), sum(d.first_delay_6 * d.sign), sum(d.first_delay_7 * d.sign), sum(d.first_delay_8 * d.sign), sum(d.first_delay_9 * d.sign), sum(d.first_delay_10 * d.sign), sum(d.first_delay_11 * d.sign), sum(d.first_delay_12 * d.sign), sum(d.first_delay_13 * d.sign), sum(d.first_delay_14 * d.sign)
                from (select n.*, 1 as sign from added n union all select o.*, -1 as sign from removed o) d
                group by d.organisation_id, d.court_code, d.type_code, date_trunc('year', d.month)
                on conflict (organisation_id, court_code, type_code, year) do update set field = excluded.field, received = y.received + excluded.received, active = y.active + excluded.active, ended_completed = y.ended_completed + excluded.ended_completed, ended_lifted_by_magistrate = y.ended_lifted_by_magistrate + excluded.ended_lifted_by_magistrate, ended_revoked = y.ended_revoked + excluded.ended_revoked, ended_breaches_reported = y.ended_breaches_reported + excluded.ended_breaches_reported, ended_not_presented = y.ended_not_presented + excluded.ended_not_presented, ended_transferred = y.ended_transferred + excluded.ended_transferred, ended_deceased = y.ended_deceased + excluded.ended_deceased, ended_cancelled_by_magistrate = y.ended_cancelled_by_magistrate + excluded.ended_cancelled_by_magistrate, ended_unknown = y.ended_unknown + excluded.ended_unknown, duration_0 = y.duration_0 + excluded.duration_0, duration_1 = y.duration_1 + excluded.duration_1, duration_2 = y.duration_2 + excluded.duration_2, duration_3 = y.duration_3 + excluded.duration_3, duration_4 = y.duration_4 + excluded.duration_4, duration_5 = y.duration_5 + excluded.duration_5, duration_6 = y.duration_6 + excluded.duration_6, duration_7 = y.duration_7 + excluded.duration_7, duration_8 = y.duration_8 + excluded.duration_8, duration_9 = y.duration_9 + excluded.duration_9, duration_10 = y.duration_10 + excluded.duration_10, duration_11 = y.duration_11 + excluded.duration_11, duration_12 = y.duration_12 + excluded.duration_12, duration_13 = y.duration_13 + excluded.duration_13, duration_14 = y.duration_14 + excluded.duration_14, duration_15 = y.duration_15 + excluded.duration_15, first_delay_0 = y.first_delay_0 + excluded.first_delay_0, first_delay_1 = y.first_delay_1 + excluded.first_delay_1, first_delay_2 = y.first_delay_2 + excluded.first_delay_2, first_delay_3 = y.first_delay_3 + excluded.first_delay_3, first_delay_4 = y.first_delay_4 + excluded.first_delay_4, first_delay_5 = y.first_delay_5 + excluded.first_delay_5, first_delay_6 = y.first_delay_6 + excluded.first_delay_6, first_delay_7 = y.first_delay_7 + excluded.first_delay_7, first_delay_8 = y.first_delay_8 + excluded.first_delay_8, first_delay_9 = y.first_delay_9 + excluded.first_delay_9, first_delay_10 = y.first_delay_10 + excluded.first_delay_10, first_delay_11 = y.first_delay_11 + excluded.first_delay_11, first_delay_12 = y.first_delay_12 + excluded.first_delay_12, first_delay_13 = y.first_delay_13 + excluded.first_delay_13, first_delay_14 = y.first_delay_14 + excluded.first_delay_14;
                delete from obs_year y using (select n.*, 1 as sign from added n union all select o.*, -1 as sign from removed o) d
                where y.organisation_id = d.organisation_id and y.court_code = d.court_code
                  and y.type_code = d.type_code and y.year = date_trunc('year', d.month)
                  and y.received + y.active + y.ended_completed + y.ended_lifted_by_magistrate + y.ended_revoked + y.ended_breaches_reported + y.ended_not_presented + y.ended_transferred + y.ended_deceased + y.ended_cancelled_by_magistrate + y.ended_unknown + y.duration_0 + y.duration_1 + y.duration_2 + y.duration_3 + y.duration_4 + y.duration_5 + y.duration_6 + y.duration_7 + y.duration_8 + y.duration_9 + y.duration_10 + y.duration_11 + y.duration_12 + y.duration_13 + y.duration_14 + y.duration_15 + y.first_delay_0 + y.first_delay_1 + y.first_delay_2 + y.first_delay_3 + y.first_delay_4 + y.first_delay_5 + y.first_delay_6 + y.first_delay_7 + y.first_delay_8 + y.first_delay_9 + y.first_delay_10 + y.first_delay_11 + y.first_delay_12 + y.first_delay_13 + y.first_delay_14 = 0;
                return null;
            end
            $$;


--
-- Name: obs_year_apply_removed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_year_apply_removed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
            begin
                insert into obs_year as y (organisation_id, court_code, type_code, field, year, received, active, ended_completed, ended_lifted_by_magistrate, ended_revoked, ended_breaches_reported, ended_not_presented, ended_transferred, ended_deceased, ended_cancelled_by_magistrate, ended_unknown, duration_0, duration_1, duration_2, duration_3, duration_4, duration_5, duration_6, duration_7, duration_8, duration_9, duration_10, duration_11, duration_12, duration_13, duration_14, duration_15, first_delay_0, first_delay_1, first_delay_2, first_delay_3, first_delay_4, first_delay_5, first_delay_6, first_delay_7, first_delay_8, first_delay_9, first_delay_10, first_delay_11, first_delay_12, first_delay_13, first_delay_14)
                select d.organisation_id, d.court_code, d.type_code, max(d.field),
                       cast(date_trunc('year', d.month) as date), sum(d.received * d.sign), coalesce(sum(d.active * d.sign) filter (where extract(month from d.month) = 12), 0), sum(d.ended_completed * d.sign), sum(d.ended_lifted_by_magistrate * d.sign), sum(d.ended_revoked * d.sign), sum(d.ended_breaches_reported * d.sign), sum(d.ended_not_presented * d.sign), sum(d.ended_transferred * d.sign), sum(d.ended_deceased * d.sign), sum(d.ended_cancelled_by_magistrate * d.sign), sum(d.ended_unknown * d.sign), sum(d.duration_0 * d.sign), sum(d.duration_1 * d.sign), sum(d.duration_2 * d.sign), sum(d.duration_3 * d.sign), sum(d.duration_4 * d.sign), sum(d.duration_5 * d.sign), sum(d.duration_6 * d.sign), sum(d.duration_7 * d.sign), sum(d.duration_8 * d.sign), sum(d.duration_9 * d.sign), sum(d.duration_10 * d.sign), sum(d.duration_11 * d.sign), sum(d.duration_12 * d.sign), sum(d.duration_13 * d.sign), sum(d.duration_14 * d.sign), sum(d.duration_15 * d.sign), sum(d.first_delay_0 * d.sign), sum(d.first_delay_1 * d.sign), sum(d.first_delay_2 * d.sign), sum(d.first_delay_3 * d.sign), sum(d.first_delay_4 * d.sign), sum(d.first_delay_5 * d.sign), sum(d.first_delay_6 * d.sign), sum(d.first_delay_7 * d.sign), sum(d.first_delay_8 * d.sign), sum(d.first_delay_9 * d.sign), sum(d.first_delay_10 * d.sign), sum(d.first_delay_11 * d.sign), sum(d.first_delay_12 * d.sign), sum(d.first_delay_13 * d.sign), sum(d.first_delay_14 * d.sign)
                from (select o.*, -1 as sign from removed o) d
                group by d.organisation_id, d.court_code, d.type_code, date_trunc('year', d.month)
                on conflict (organisation_id, court_code, type_code, year) do update set field = excluded.field, received = y.received + excluded.received, active = y.active + excluded.active, ended_completed = y.ended_completed + excluded.ended_completed, ended_lifted_by_magistrate = y.ended_lifted_by_magistrate + excluded.ended_lifted_by_magistrate, ended_revoked = y.ended_revoked + excluded.ended_revoked, ended_breaches_reported = y.ended_breaches_reported + excluded.ended_breaches_reported, ended_not_presented = y.ended_not_presented + excluded.ended_not_presented, ended_transferred = y.ended_transferred + excluded.ended_transferred, ended_deceased = y.ended_deceased + excluded.ended_deceased, ended_cancelled_by_magistrate = y.ended_cancelled_by_magistrate + excluded.ended_cancelled_by_magistrate, ended_unknown = y.ended_unknown + excluded.ended_unknown, duration_0 = y.duration_0 + excluded.duration_0, duration_1 = y.duration_1 + excluded.duration_1, duration_2 = y.duration_2 + excluded.duration_2, duration_3 = y.duration_3 + excluded.duration_3, duration_4 = y.duration_4 + excluded.duration_4, duration_5 = y.duration_5 + excluded.duration_5, duration_6 = y.duration_6 + excluded.duration_6, duration_7 = y.duration_7 + excluded.duration_7, duration_8 = y.duration_8 + excluded.duration_8, duration_9 = y.duration_9 + excluded.duration_9, duration_10 = y.duration_10 + excluded.duration_10, duration_11 = y.duration_11 + excluded.duration_11, duration_12 = y.duration_12 + excluded.duration_12, duration_13 = y.duration_13 + excluded.duration_13, duration_14 = y.duration_14 + excluded.duration_14, duration_15 = y.duration_15 + excluded.duration_15, first_delay_0 = y.first_delay_0 + excluded.first_delay_0, first_delay_1 = y.first_delay_1 + excluded.first_delay_1, first_delay_2 = y.first_delay_2 + excluded.first_delay_2, first_delay_3 = y.first_delay_3 + excluded.first_delay_3, first_delay_4 = y.first_delay_4 + excluded.first_delay_4, first_delay_5 = y.first_delay_5 + excluded.first_delay_5, first_delay_6 = y.first_delay_6 + excluded.first_delay_6, first_delay_7 = y.first_delay_7 + excluded.first_delay_7, first_delay_8 = y.first_delay_8 + excluded.first_delay_8, first_delay_9 = y.first_delay_9 + excluded.first_delay_9, first_delay_10 = y.first_delay_10 + excluded.first_delay_10, first_delay_11 = y.first_delay_11 + excluded.first_delay_11, first_delay_12 = y.first_delay_12 + excluded.first_delay_12, first_delay_13 = y.first_delay_13 + excluded.first_delay_13, first_delay_14 = y.first_delay_14 + excluded.first_delay_14;
                delete from obs_year y using (select o.*, -1 as sign from removed o) d
                where y.organisation_id = d.organisation_id and y.court_code = d.court_code
                  and y.type_code = d.type_code and y.year = date_trunc('year', d.month)
                  and y.received + y.active + y.ended_completed + y.ended_lifted_by_magistrate + y.ended_revoked + y.ended_breaches_reported + y.ended_not_presented + y.ended_transferred + y.ended_deceased + y.ended_cancelled_by_magistrate + y.ended_unknown + y.duration_0 + y.duration_1 + y.duration_2 + y.duration_3 + y.duration_4 + y.duration_5 + y.duration_6 + y.duration_7 + y.duration_8 + y.duration_9 + y.duration_10 + y.duration_11 + y.duration_12 + y.duration_13 + y.duration_14 + y.duration_15 + y.first_delay_0 + y.first_delay_1 + y.first_delay_2 + y.first_delay_3 + y.first_delay_4 + y.first_delay_5 + y.first_delay_6 + y.first_delay_7 + y.first_delay_8 + y.first_delay_9 + y.first_delay_10 + y.first_delay_11 + y.first_delay_12 + y.first_delay_13 + y.first_delay_14 = 0;
                return null;
            end
            $$;


--
-- Name: obs_year_truncate(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.obs_year_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    truncate obs_year;
    return null;
end
$$;


--
-- Name: observatory_backlog(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.observatory_backlog(OUT waiting bigint, OUT oldest timestamp with time zone) RETURNS record
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ select count(*), min(queued_at) from obs_dirty $$;


--
-- Name: observatory_refresh(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.observatory_refresh(p_limit integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    SET client_min_messages TO 'warning'
    AS $$
declare
    v_horizon date := cast(date_trunc('month', now() at time zone 'Europe/Paris') as date);
    v_previous date;
    v_taken int;
begin
    if not pg_try_advisory_xact_lock(hashtext('observatory_refresh')) then
        return -1;
    end if;
    select active_horizon into v_previous from obs_state where id = 1 for update;
    if v_previous < v_horizon then
        insert into obs_dirty (measure_id)
        select f.measure_id from obs_measure_fact f where f.ended_month is null or f.ended_month > v_previous
        on conflict (measure_id) do nothing;
        update obs_state set active_horizon = v_horizon where id = 1;
    end if;

    drop table if exists pg_temp.obs_batch, pg_temp.obs_delta;
    create temp table obs_batch (measure_id uuid primary key) on commit drop;
    create temp table obs_delta (organisation_id uuid, court_code varchar(32), type_code varchar(40),
                                 field varchar(20), metric varchar(12), month date, bucket varchar(30), n int)
        on commit drop;

    with taken as (
        delete from obs_dirty d
        where d.measure_id in (select q.measure_id from obs_dirty q order by q.queued_at limit p_limit
                               for update skip locked)
        returning d.measure_id)
    insert into obs_batch select measure_id from taken;
    get diagnostics v_taken = row_count;
    if v_taken = 0 then
        return 0;
    end if;
    analyze obs_batch;

    -- What the batch counted before, taken back...
    insert into obs_delta
    select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket, -1
    from obs_measure_fact f join obs_batch b on b.measure_id = f.measure_id
    cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                         f.started_month, f.first_delay_days, f.active_until) c;

    -- ... its facts now (the end and first-interview dates kept on the measure, V202612030590:
    -- the same definitions as the association's indicators) ...
    delete from obs_measure_fact f using obs_batch b where f.measure_id = b.measure_id;
    insert into obs_measure_fact (measure_id, organisation_id, court_code, type_code, field, received_month,
                                  ended_month, outcome, duration_days, started_month, first_delay_days, active_until)
    select x.id, x.organisation_id, x.court_code, x.code, x.field, x.received_month, x.ended_month, x.outcome,
           x.duration_days, x.started_month, x.first_delay_days,
           case when x.active_to >= x.received_month then x.active_to end
    from (
        select m.id, m.organisation_id, m.court_code, t.code, t.field,
               cast(date_trunc('month', m.received_on) as date) as received_month,
               cast(date_trunc('month', m.ended_on) as date) as ended_month,
               case when m.ended_on is not null then coalesce(m.outcome, 'UNKNOWN') end,
               case when m.ended_on is not null and m.outcome is distinct from 'CANCELLED_BY_MAGISTRATE'
                    then m.ended_on - m.received_on end,
               cast(date_trunc('month', m.started_on) as date),
               m.started_on - m.received_on,
               least(cast(date_trunc('month', m.ended_on) - interval '1 month' as date), v_horizon) as active_to
        from obs_batch b
        join measure m on m.id = b.measure_id
        join measure_type t on t.id = m.measure_type_id
    ) x (id, organisation_id, court_code, code, field, received_month, ended_month, outcome, duration_days,
         started_month, first_delay_days, active_to);

    -- ... and what it counts now, added.
    insert into obs_delta
    select f.organisation_id, f.court_code, f.type_code, f.field, c.metric, c.month, c.bucket, 1
    from obs_measure_fact f join obs_batch b on b.measure_id = f.measure_id
    cross join lateral obs_contributions(f.received_month, f.ended_month, f.outcome, f.duration_days,
                                         f.started_month, f.first_delay_days, f.active_until) c;

    insert into obs_month as o (organisation_id, court_code, type_code, field, month,
        received, active, ended_completed, ended_lifted_by_magistrate, ended_revoked, ended_breaches_reported, ended_not_presented, ended_transferred, ended_deceased, ended_cancelled_by_magistrate, ended_unknown, duration_0, duration_1, duration_2, duration_3, duration_4, duration_5, duration_6, duration_7, duration_8, duration_9, duration_10, duration_11, duration_12, duration_13, duration_14, duration_15, first_delay_0, first_delay_1, first_delay_2, first_delay_3, first_delay_4, first_delay_5, first_delay_6, first_delay_7, first_delay_8, first_delay_9, first_delay_10, first_delay_11, first_delay_12, first_delay_13, first_delay_14)
    select d.organisation_id, d.court_code, d.type_code, max(d.field), d.month,
           coalesce(sum(d.n) filter (where d.metric = 'RECEIVED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ACTIVE'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'COMPLETED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'LIFTED_BY_MAGISTRATE'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'REVOKED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'BREACHES_REPORTED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'NOT_PRESENTED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'TRANSFERRED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'DECEASED'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'CANCELLED_BY_MAGISTRATE'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'ENDED' and d.bucket = 'UNKNOWN'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '0'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '1'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '2'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '3'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '4'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '5'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '6'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '7'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '8'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '9'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '10'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '11'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '12'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '13'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '14'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'DURATION' and d.bucket = '15'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '0'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '1'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '2'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '3'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '4'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '5'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '6'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '7'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '8'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '9'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '10'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '11'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '12'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '13'), 0),
           coalesce(sum(d.n) filter (where d.metric = 'FIRST_DELAY' and d.bucket = '14'), 0)
    from obs_delta d
    group by d.organisation_id, d.court_code, d.type_code, d.month
    on conflict (organisation_id, court_code, type_code, month) do update set field = excluded.field,
        received = o.received + excluded.received,
        active = o.active + excluded.active,
        ended_completed = o.ended_completed + excluded.ended_completed,
        ended_lifted_by_magistrate = o.ended_lifted_by_magistrate + excluded.ended_lifted_by_magistrate,
        ended_revoked = o.ended_revoked + excluded.ended_revoked,
        ended_breaches_reported = o.ended_breaches_reported + excluded.ended_breaches_reported,
        ended_not_presented = o.ended_not_presented + excluded.ended_not_presented,
        ended_transferred = o.ended_transferred + excluded.ended_transferred,
        ended_deceased = o.ended_deceased + excluded.ended_deceased,
        ended_cancelled_by_magistrate = o.ended_cancelled_by_magistrate + excluded.ended_cancelled_by_magistrate,
        ended_unknown = o.ended_unknown + excluded.ended_unknown,
        duration_0 = o.duration_0 + excluded.duration_0,
        duration_1 = o.duration_1 + excluded.duration_1,
        duration_2 = o.duration_2 + excluded.duration_2,
        duration_3 = o.duration_3 + excluded.duration_3,
        duration_4 = o.duration_4 + excluded.duration_4,
        duration_5 = o.duration_5 + excluded.duration_5,
        duration_6 = o.duration_6 + excluded.duration_6,
        duration_7 = o.duration_7 + excluded.duration_7,
        duration_8 = o.duration_8 + excluded.duration_8,
        duration_9 = o.duration_9 + excluded.duration_9,
        duration_10 = o.duration_10 + excluded.duration_10,
        duration_11 = o.duration_11 + excluded.duration_11,
        duration_12 = o.duration_12 + excluded.duration_12,
        duration_13 = o.duration_13 + excluded.duration_13,
        duration_14 = o.duration_14 + excluded.duration_14,
        duration_15 = o.duration_15 + excluded.duration_15,
        first_delay_0 = o.first_delay_0 + excluded.first_delay_0,
        first_delay_1 = o.first_delay_1 + excluded.first_delay_1,
        first_delay_2 = o.first_delay_2 + excluded.first_delay_2,
        first_delay_3 = o.first_delay_3 + excluded.first_delay_3,
        first_delay_4 = o.first_delay_4 + excluded.first_delay_4,
        first_delay_5 = o.first_delay_5 + excluded.first_delay_5,
        first_delay_6 = o.first_delay_6 + excluded.first_delay_6,
        first_delay_7 = o.first_delay_7 + excluded.first_delay_7,
        first_delay_8 = o.first_delay_8 + excluded.first_delay_8,
        first_delay_9 = o.first_delay_9 + excluded.first_delay_9,
        first_delay_10 = o.first_delay_10 + excluded.first_delay_10,
        first_delay_11 = o.first_delay_11 + excluded.first_delay_11,
        first_delay_12 = o.first_delay_12 + excluded.first_delay_12,
        first_delay_13 = o.first_delay_13 + excluded.first_delay_13,
        first_delay_14 = o.first_delay_14 + excluded.first_delay_14;
    delete from obs_month o using (select distinct organisation_id, court_code, type_code, month from obs_delta) d
    where o.organisation_id = d.organisation_id and o.court_code = d.court_code and o.type_code = d.type_code
      and o.month = d.month
      and o.received + o.active + o.ended_completed + o.ended_lifted_by_magistrate + o.ended_revoked + o.ended_breaches_reported + o.ended_not_presented + o.ended_transferred + o.ended_deceased + o.ended_cancelled_by_magistrate + o.ended_unknown + o.duration_0 + o.duration_1 + o.duration_2 + o.duration_3 + o.duration_4 + o.duration_5 + o.duration_6 + o.duration_7 + o.duration_8 + o.duration_9 + o.duration_10 + o.duration_11 + o.duration_12 + o.duration_13 + o.duration_14 + o.duration_15 + o.first_delay_0 + o.first_delay_1 + o.first_delay_2 + o.first_delay_3 + o.first_delay_4 + o.first_delay_5 + o.first_delay_6 + o.first_delay_7 + o.first_delay_8 + o.first_delay_9 + o.first_delay_10 + o.first_delay_11 + o.first_delay_12 + o.first_delay_13 + o.first_delay_14 = 0;
    return v_taken;
end
$$;


--
-- Name: observatory_requeue_all(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.observatory_requeue_all() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    SET client_min_messages TO 'warning'
    AS $$
declare
    v_queued bigint;
begin
    perform pg_advisory_xact_lock(hashtext('observatory_refresh'));
    truncate obs_measure_fact, obs_month, obs_dirty;
    update obs_state set active_horizon = cast(date_trunc('month', now() at time zone 'Europe/Paris') as date)
    where id = 1;
    -- Queued combination by combination, so that each batch recounts whole combinations once.
    insert into obs_dirty (measure_id)
    select id from measure order by organisation_id, court_code, measure_type_id;
    get diagnostics v_queued = row_count;
    return v_queued;
end
$$;


--
-- Name: person_fuzzy_search(text, date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.person_fuzzy_search(p_query text, p_birth date) RETURNS TABLE(id uuid, rank real)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
    select p.id, similarity(p.search_name, p_query)
    from person p
    where p.organisation_id = nullif(current_setting('passerelle.organisation_id', true), '')::uuid
      and (p.search_name like '%' || replace(replace(replace(p_query, '\', '\\'), '%', '\%'), '_', '\_') || '%'
           or p.search_name % p_query)
      and (p_birth is null or p.birth_date = p_birth)
$$;


--
-- Name: api_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_token (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    token_hash character(64) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: app_user; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_user (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    service_id uuid,
    username character varying(100) NOT NULL,
    email character varying(200) NOT NULL,
    display_name character varying(200) NOT NULL,
    password_hash text NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    mfa_secret text,
    mfa_enabled boolean DEFAULT false NOT NULL,
    mfa_exempt boolean DEFAULT false NOT NULL,
    demo_account boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_login_at timestamp with time zone,
    digest_enabled boolean DEFAULT true NOT NULL,
    CONSTRAINT app_user_mfa_exempt_demo_only CHECK (((NOT mfa_exempt) OR demo_account))
);


--
-- Name: appointment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.appointment (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    scheduled_at timestamp with time zone NOT NULL,
    duration_minutes integer NOT NULL,
    kind character varying(20) NOT NULL,
    place character varying(200),
    worker_id uuid,
    attendance character varying(20),
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    CONSTRAINT appointment_attendance_check CHECK (((attendance)::text = ANY ((ARRAY['PRESENT'::character varying, 'LATE'::character varying, 'EXCUSED_ABSENCE'::character varying, 'UNEXCUSED_ABSENCE'::character varying])::text[]))),
    CONSTRAINT appointment_duration_minutes_check CHECK (((duration_minutes >= 5) AND (duration_minutes <= 480))),
    CONSTRAINT appointment_kind_check CHECK (((kind)::text = ANY ((ARRAY['OFFICE'::character varying, 'PHONE'::character varying, 'VIDEO'::character varying, 'HOME_VISIT'::character varying, 'PRISON'::character varying])::text[])))
);


--
-- Name: association_profile; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_profile (
    organisation_id uuid NOT NULL,
    address text,
    postcode character varying(10),
    city text,
    latitude numeric(9,6),
    longitude numeric(9,6),
    phone character varying(40),
    email character varying(200),
    website character varying(300),
    description text,
    main_field character varying(20),
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    published_by uuid,
    CONSTRAINT association_profile_check CHECK (((latitude IS NULL) = (longitude IS NULL))),
    CONSTRAINT association_profile_latitude_check CHECK (((latitude >= ('-90'::integer)::numeric) AND (latitude <= (90)::numeric))),
    CONSTRAINT association_profile_longitude_check CHECK (((longitude >= ('-180'::integer)::numeric) AND (longitude <= (180)::numeric))),
    CONSTRAINT association_profile_main_field_check CHECK (((main_field)::text = ANY ((ARRAY['PRE_SENTENCE'::character varying, 'POST_SENTENCE'::character varying, 'MINORS'::character varying, 'RESTORATIVE'::character varying])::text[])))
);


--
-- Name: association_profile_activity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_profile_activity (
    organisation_id uuid NOT NULL,
    measure_type_code character varying(40) NOT NULL
);


--
-- Name: association_profile_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_profile_change (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    address text,
    postcode character varying(10),
    city text,
    latitude numeric(9,6),
    longitude numeric(9,6),
    phone character varying(40),
    email character varying(200),
    website character varying(300),
    description text,
    main_field character varying(20),
    court_codes character varying(32)[] DEFAULT '{}'::character varying[] NOT NULL,
    activity_codes character varying(40)[] DEFAULT '{}'::character varying[] NOT NULL,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    submitted_by uuid,
    decided_at timestamp with time zone,
    decided_by uuid,
    decision_reason text,
    CONSTRAINT association_profile_change_check CHECK (((latitude IS NULL) = (longitude IS NULL))),
    CONSTRAINT association_profile_change_check1 CHECK ((((status)::text = 'PENDING'::text) = (decided_at IS NULL))),
    CONSTRAINT association_profile_change_check2 CHECK ((((status)::text <> 'REJECTED'::text) OR (decision_reason IS NOT NULL))),
    CONSTRAINT association_profile_change_latitude_check CHECK (((latitude >= ('-90'::integer)::numeric) AND (latitude <= (90)::numeric))),
    CONSTRAINT association_profile_change_longitude_check CHECK (((longitude >= ('-180'::integer)::numeric) AND (longitude <= (180)::numeric))),
    CONSTRAINT association_profile_change_main_field_check CHECK (((main_field)::text = ANY ((ARRAY['PRE_SENTENCE'::character varying, 'POST_SENTENCE'::character varying, 'MINORS'::character varying, 'RESTORATIVE'::character varying])::text[]))),
    CONSTRAINT association_profile_change_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'APPROVED'::character varying, 'REJECTED'::character varying, 'REPLACED'::character varying])::text[])))
);


--
-- Name: association_profile_court; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_profile_court (
    organisation_id uuid NOT NULL,
    court_code character varying(32) NOT NULL
);


--
-- Name: billing_statement; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_statement (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    court_code character varying(32) NOT NULL,
    period_month date NOT NULL,
    status character varying(10) NOT NULL,
    number character varying(20),
    generated_at timestamp with time zone NOT NULL,
    generated_by uuid,
    sent_on date,
    paid_on date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT billing_statement_numbered_when_sent CHECK ((((status)::text = 'DRAFT'::text) = (number IS NULL))),
    CONSTRAINT billing_statement_paid_after_sent CHECK (((paid_on IS NULL) OR (paid_on >= sent_on))),
    CONSTRAINT billing_statement_paid_on CHECK ((((status)::text = 'PAID'::text) = (paid_on IS NOT NULL))),
    CONSTRAINT billing_statement_period_month_check CHECK ((EXTRACT(day FROM period_month) = (1)::numeric)),
    CONSTRAINT billing_statement_sent_on CHECK ((((status)::text = 'DRAFT'::text) = (sent_on IS NULL))),
    CONSTRAINT billing_statement_status_check CHECK (((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'SENT'::character varying, 'PAID'::character varying])::text[])))
);


--
-- Name: billing_statement_line; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_statement_line (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    statement_id uuid NOT NULL,
    "position" integer NOT NULL,
    measure_id uuid NOT NULL,
    billing_mode character varying(20) NOT NULL,
    period_month date NOT NULL,
    measure_reference character varying(20) NOT NULL,
    person_reference character varying(20) NOT NULL,
    procedure_number character varying(40),
    type_label text NOT NULL,
    ended_on date,
    quantity numeric(9,2) NOT NULL,
    unit_tariff numeric(12,2) NOT NULL,
    amount numeric(14,2) NOT NULL,
    CONSTRAINT billing_statement_line_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT billing_statement_line_billing_mode_check CHECK (((billing_mode)::text = ANY ((ARRAY['PER_MEASURE'::character varying, 'PER_DAY'::character varying, 'PER_HOUR'::character varying])::text[]))),
    CONSTRAINT billing_statement_line_period_month_check CHECK ((EXTRACT(day FROM period_month) = (1)::numeric)),
    CONSTRAINT billing_statement_line_quantity_check CHECK ((quantity > (0)::numeric)),
    CONSTRAINT billing_statement_line_unit_tariff_check CHECK ((unit_tariff >= (0)::numeric))
);


--
-- Name: calendar_feed; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendar_feed (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    token_hash character(64) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: consultation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    slug character varying(80) NOT NULL,
    question character varying(300) NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    proposal_stem character varying(60),
    starts_on date,
    ends_on date,
    status character varying(20) DEFAULT 'DRAFT'::character varying NOT NULL,
    languages text[] DEFAULT '{fr}'::text[] NOT NULL,
    charter text DEFAULT ''::text NOT NULL,
    refusal_reasons text[] DEFAULT '{INCOMPREHENSIBLE,OFF_TOPIC,PARTISAN,ILLEGAL,ADVERTISING,SEVERAL_IDEAS,WRONG_LANGUAGE,RUDE,TEST,OTHER}'::text[] NOT NULL,
    themes_required boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    opened_at timestamp with time zone,
    closed_at timestamp with time zone,
    results_published_at timestamp with time zone,
    CONSTRAINT consultation_check CHECK (((ends_on IS NULL) OR (starts_on IS NULL) OR (ends_on >= starts_on))),
    CONSTRAINT consultation_refusal_reasons_check CHECK ((refusal_reasons <@ ARRAY['INCOMPREHENSIBLE'::text, 'OFF_TOPIC'::text, 'PARTISAN'::text, 'ILLEGAL'::text, 'ADVERTISING'::text, 'SEVERAL_IDEAS'::text, 'WRONG_LANGUAGE'::text, 'RUDE'::text, 'TEST'::text, 'OTHER'::text])),
    CONSTRAINT consultation_slug_check CHECK (((slug)::text ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text)),
    CONSTRAINT consultation_status_check CHECK (((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'OPEN'::character varying, 'CLOSED'::character varying, 'RESULTS_PUBLISHED'::character varying])::text[])))
);


--
-- Name: consultation_analysis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_analysis (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    status character varying(10) DEFAULT 'QUEUED'::character varying NOT NULL,
    progress integer DEFAULT 0 NOT NULL,
    seed bigint NOT NULL,
    requested_by uuid,
    participants integer,
    clustered integer,
    proposals integer,
    votes integer,
    group_count integer,
    silhouette double precision,
    next_free_id integer,
    duration_ms bigint,
    error character varying(300),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT consultation_analysis_progress_check CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT consultation_analysis_status_check CHECK (((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'RUNNING'::character varying, 'DONE'::character varying, 'FAILED'::character varying])::text[])))
);


--
-- Name: consultation_analysis_consensus; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_analysis_consensus (
    organisation_id uuid NOT NULL,
    analysis_id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    product double precision NOT NULL,
    geometric_mean double precision NOT NULL
);


--
-- Name: consultation_analysis_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_analysis_group (
    organisation_id uuid NOT NULL,
    analysis_id uuid NOT NULL,
    group_id integer NOT NULL,
    members integer NOT NULL,
    centre_x double precision NOT NULL,
    centre_y double precision NOT NULL
);


--
-- Name: consultation_analysis_representative; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_analysis_representative (
    organisation_id uuid NOT NULL,
    analysis_id uuid NOT NULL,
    group_id integer NOT NULL,
    rank integer NOT NULL,
    proposal_id uuid NOT NULL,
    direction character varying(10) NOT NULL,
    rate double precision NOT NULL,
    others_rate double precision NOT NULL,
    z_others double precision NOT NULL,
    z_half double precision NOT NULL,
    CONSTRAINT consultation_analysis_representative_direction_check CHECK (((direction)::text = ANY ((ARRAY['AGREE'::character varying, 'DISAGREE'::character varying])::text[])))
);


--
-- Name: consultation_analysis_split; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_analysis_split (
    organisation_id uuid NOT NULL,
    analysis_id uuid NOT NULL,
    segment character varying(120) NOT NULL,
    proposal_id uuid NOT NULL,
    agree integer NOT NULL,
    disagree integer NOT NULL,
    neutral integer NOT NULL,
    question_code character varying(40) NOT NULL
);


--
-- Name: consultation_analysis_split_segment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_analysis_split_segment (
    organisation_id uuid NOT NULL,
    analysis_id uuid NOT NULL,
    question_code character varying(40) NOT NULL,
    segment character varying(120) NOT NULL,
    participants integer NOT NULL,
    CONSTRAINT consultation_analysis_split_segment_participants_check CHECK ((participants > 0))
);


--
-- Name: consultation_participant; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_participant (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    user_id uuid,
    segment character varying(80),
    recontact_consent boolean DEFAULT false NOT NULL,
    recontact_email character varying(200),
    merged_into uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    recontact_language character varying(8) DEFAULT 'fr'::character varying NOT NULL,
    CONSTRAINT consultation_participant_check CHECK (((NOT recontact_consent) OR (recontact_email IS NOT NULL))),
    CONSTRAINT consultation_participant_recontact_language_check CHECK (((recontact_language)::text ~ '^[a-z]{2,3}$'::text))
);


--
-- Name: consultation_participant_position; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_participant_position (
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    analysis_id uuid NOT NULL,
    x double precision NOT NULL,
    y double precision NOT NULL,
    group_id integer
);


--
-- Name: consultation_profile_answer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_profile_answer (
    organisation_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    question_id uuid NOT NULL,
    answer character varying(120) NOT NULL,
    answered_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: consultation_profile_question; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_profile_question (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    "position" integer NOT NULL,
    code character varying(40) NOT NULL,
    label character varying(300) NOT NULL,
    kind character varying(20) NOT NULL,
    choices text[] DEFAULT '{}'::text[] NOT NULL,
    defines_segment boolean DEFAULT false NOT NULL,
    CONSTRAINT consultation_profile_question_code_check CHECK (((code)::text ~ '^[A-Z][A-Z0-9_]*$'::text)),
    CONSTRAINT consultation_profile_question_kind_check CHECK (((kind)::text = ANY ((ARRAY['YES_NO'::character varying, 'CHOICE'::character varying, 'DEPARTEMENT'::character varying])::text[])))
);


--
-- Name: consultation_proposal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_proposal (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    author_email character varying(200) NOT NULL,
    text character varying(140) NOT NULL,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    refusal_reason character varying(20),
    moderated_by uuid,
    moderated_at timestamp with time zone,
    lock_holder uuid,
    lock_expires_at timestamp with time zone,
    segment character varying(80),
    keywords text[] DEFAULT '{}'::text[] NOT NULL,
    rephrases uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    author_language character varying(8) DEFAULT 'fr'::character varying NOT NULL,
    CONSTRAINT consultation_proposal_author_language_check CHECK (((author_language)::text ~ '^[a-z]{2,3}$'::text)),
    CONSTRAINT consultation_proposal_check CHECK ((((status)::text = 'REFUSED'::text) = (refusal_reason IS NOT NULL))),
    CONSTRAINT consultation_proposal_refusal_reason_check CHECK (((refusal_reason)::text = ANY ((ARRAY['INCOMPREHENSIBLE'::character varying, 'OFF_TOPIC'::character varying, 'PARTISAN'::character varying, 'ILLEGAL'::character varying, 'ADVERTISING'::character varying, 'SEVERAL_IDEAS'::character varying, 'WRONG_LANGUAGE'::character varying, 'RUDE'::character varying, 'TEST'::character varying, 'OTHER'::character varying])::text[]))),
    CONSTRAINT consultation_proposal_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'ACCEPTED'::character varying, 'REFUSED'::character varying, 'POSTPONED'::character varying, 'ARCHIVED'::character varying])::text[]))),
    CONSTRAINT consultation_proposal_text_check CHECK (((char_length((text)::text) >= 10) AND (char_length((text)::text) <= 140)))
);


--
-- Name: consultation_proposal_counter; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_proposal_counter (
    organisation_id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    kind character varying(10) NOT NULL,
    agree bigint DEFAULT 0 NOT NULL,
    disagree bigint DEFAULT 0 NOT NULL,
    neutral bigint DEFAULT 0 NOT NULL,
    like_it bigint DEFAULT 0 NOT NULL,
    doable bigint DEFAULT 0 NOT NULL,
    platitude_agree bigint DEFAULT 0 NOT NULL,
    no_way bigint DEFAULT 0 NOT NULL,
    impossible bigint DEFAULT 0 NOT NULL,
    platitude_disagree bigint DEFAULT 0 NOT NULL,
    do_not_understand bigint DEFAULT 0 NOT NULL,
    no_opinion bigint DEFAULT 0 NOT NULL,
    do_not_care bigint DEFAULT 0 NOT NULL,
    CONSTRAINT consultation_proposal_counter_kind_check CHECK (((kind)::text = ANY ((ARRAY['ALL'::character varying, 'VERIFIED'::character varying, 'SEQUENCE'::character varying, 'SEGMENT'::character varying])::text[])))
);


--
-- Name: consultation_proposal_theme; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_proposal_theme (
    organisation_id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    theme_id uuid NOT NULL
);


--
-- Name: consultation_solution_sheet; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_solution_sheet (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    idea_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    problem character varying(4000) NOT NULL,
    solution character varying(4000) NOT NULL,
    actors character varying(2000) DEFAULT ''::character varying NOT NULL,
    resources character varying(2000) DEFAULT ''::character varying NOT NULL,
    steps character varying(4000) DEFAULT ''::character varying NOT NULL,
    indicators character varying(2000) DEFAULT ''::character varying NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: consultation_theme; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_theme (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    "position" integer NOT NULL,
    label character varying(120) NOT NULL
);


--
-- Name: consultation_vote; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_vote (
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    key character varying(10) NOT NULL,
    qualifications text[] DEFAULT '{}'::text[] NOT NULL,
    trust character varying(10) NOT NULL,
    from_sequence boolean NOT NULL,
    in_segment boolean NOT NULL,
    prev_key character varying(10),
    prev_qualifications text[],
    prev_trust character varying(10),
    prev_from_sequence boolean,
    prev_in_segment boolean,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT consultation_vote_key_check CHECK (((key)::text = ANY ((ARRAY['AGREE'::character varying, 'DISAGREE'::character varying, 'NEUTRAL'::character varying])::text[]))),
    CONSTRAINT consultation_vote_qualifications_check CHECK ((qualifications <@ ARRAY['LIKE_IT'::text, 'DOABLE'::text, 'PLATITUDE_AGREE'::text, 'NO_WAY'::text, 'IMPOSSIBLE'::text, 'PLATITUDE_DISAGREE'::text, 'DO_NOT_UNDERSTAND'::text, 'NO_OPINION'::text, 'DO_NOT_CARE'::text])),
    CONSTRAINT consultation_vote_trust_check CHECK (((trust)::text = ANY ((ARRAY['TROLL'::character varying, 'TRUSTED'::character varying])::text[])))
);


--
-- Name: consultation_workshop_idea; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_workshop_idea (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    selected_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: consultation_workshop_invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_workshop_invitation (
    organisation_id uuid NOT NULL,
    session_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    invited_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: consultation_workshop_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consultation_workshop_session (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    consultation_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    place character varying(200) NOT NULL,
    capacity integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    cancelled_at timestamp with time zone,
    cancelled_by uuid,
    CONSTRAINT consultation_workshop_session_capacity_check CHECK (((capacity >= 1) AND (capacity <= 500)))
);


--
-- Name: court_of_appeal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.court_of_appeal (
    code character varying(32) NOT NULL,
    name text NOT NULL,
    seat_city text NOT NULL,
    latitude numeric(9,6) NOT NULL,
    longitude numeric(9,6) NOT NULL,
    source text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid
);


--
-- Name: default_measure_type; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.default_measure_type (
    code character varying(40) NOT NULL,
    "position" integer NOT NULL,
    field character varying(20) NOT NULL,
    label text NOT NULL,
    ordered_by text NOT NULL,
    tracked_quantity character varying(20) NOT NULL,
    quantity_min integer,
    quantity_max integer,
    first_interview_days integer NOT NULL,
    report_types text NOT NULL,
    billing_mode character varying(20) NOT NULL,
    CONSTRAINT default_measure_type_billing_mode_check CHECK (((billing_mode)::text = ANY ((ARRAY['PER_MEASURE'::character varying, 'PER_DAY'::character varying, 'PER_HOUR'::character varying, 'NONE'::character varying])::text[]))),
    CONSTRAINT default_measure_type_field_check CHECK (((field)::text = ANY ((ARRAY['PRE_SENTENCE'::character varying, 'POST_SENTENCE'::character varying, 'MINORS'::character varying, 'RESTORATIVE'::character varying])::text[]))),
    CONSTRAINT default_measure_type_tracked_quantity_check CHECK (((tracked_quantity)::text = ANY ((ARRAY['NONE'::character varying, 'HOURS'::character varying, 'DAYS'::character varying, 'SESSIONS'::character varying, 'MONTHS'::character varying, 'NIGHTS'::character varying, 'MEETINGS'::character varying])::text[])))
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: import_job; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_job (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    file_name character varying(255) NOT NULL,
    file_format character varying(10) NOT NULL,
    file_size bigint NOT NULL,
    charset character varying(20),
    separator character varying(1),
    headers jsonb NOT NULL,
    mapping jsonb,
    status character varying(20) NOT NULL,
    progress integer DEFAULT 0 NOT NULL,
    rows_total integer DEFAULT 0 NOT NULL,
    rows_processed integer DEFAULT 0 NOT NULL,
    persons_created integer DEFAULT 0 NOT NULL,
    persons_matched integer DEFAULT 0 NOT NULL,
    measures_created integer DEFAULT 0 NOT NULL,
    error_count integer DEFAULT 0 NOT NULL,
    errors jsonb DEFAULT '[]'::jsonb NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT import_job_file_format_check CHECK (((file_format)::text = ANY ((ARRAY['CSV'::character varying, 'XLSX'::character varying])::text[]))),
    CONSTRAINT import_job_progress_check CHECK (((progress >= 0) AND (progress <= 100))),
    CONSTRAINT import_job_status_check CHECK (((status)::text = ANY ((ARRAY['UPLOADED'::character varying, 'CHECKING'::character varying, 'CHECKED'::character varying, 'IMPORTING'::character varying, 'IMPORTED'::character varying, 'REJECTED'::character varying, 'FAILED'::character varying])::text[])))
);


--
-- Name: indicator_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.indicator_change (
    organisation_id uuid NOT NULL,
    changed_from date NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: judicial_court; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.judicial_court (
    code character varying(32) NOT NULL,
    name text NOT NULL,
    seat_city text NOT NULL,
    departement_code character varying(3) NOT NULL,
    departement_name text NOT NULL,
    court_of_appeal_code character varying(32) NOT NULL,
    latitude numeric(9,6) NOT NULL,
    longitude numeric(9,6) NOT NULL,
    source text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid
);


--
-- Name: login_attempt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_attempt (
    login_key character varying(100) NOT NULL,
    failures integer NOT NULL,
    last_failure_at timestamp with time zone NOT NULL
);


--
-- Name: mail_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail_outbox (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    dedup_key character varying(200),
    recipient character varying(200) NOT NULL,
    subject character varying(300) NOT NULL,
    body text NOT NULL,
    status character varying(10) DEFAULT 'PENDING'::character varying NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    sent_at timestamp with time zone,
    CONSTRAINT mail_outbox_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'SENT'::character varying, 'FAILED'::character varying])::text[])))
);


--
-- Name: measure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    reference character varying(20) NOT NULL,
    person_id uuid NOT NULL,
    measure_type_id uuid NOT NULL,
    court_code character varying(32) NOT NULL,
    prescriber_type character varying(30) NOT NULL,
    prescriber_name character varying(200),
    parquet_number character varying(40),
    instruction_number character varying(40),
    received_on date NOT NULL,
    due_on date,
    status character varying(20) NOT NULL,
    outcome character varying(30),
    assigned_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    ordered_quantity numeric(7,2),
    planned_end_on date,
    next_deadline_on date,
    ended_on date,
    started_on date
);


--
-- Name: COLUMN measure.next_deadline_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.measure.next_deadline_on IS 'Earliest of: received_on + the type''s first_interview_days (status RECEIVED or ASSIGNED), due_on, planned_end_on; null once ENDED or CLOSED. Maintained by triggers.';


--
-- Name: COLUMN measure.ended_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.measure.ended_on IS 'Effective date of the last transition to ENDED (kept by trigger).';


--
-- Name: COLUMN measure.started_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.measure.started_on IS 'Effective date of the first START transition (kept by trigger).';


--
-- Name: measure_incident; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_incident (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    occurred_on date NOT NULL,
    kind character varying(30) NOT NULL,
    description text NOT NULL,
    urgent boolean NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_by uuid,
    reported_at timestamp with time zone,
    reported_to character varying(200),
    reported_by uuid,
    CONSTRAINT measure_incident_kind_check CHECK (((kind)::text = ANY ((ARRAY['ABSENCE'::character varying, 'NEW_OFFENCE'::character varying, 'OBLIGATION_BREACH'::character varying, 'LEFT_PLACEMENT'::character varying, 'OTHER'::character varying])::text[])))
);


--
-- Name: measure_obligation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_obligation (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    label character varying(300) NOT NULL,
    status character varying(20) DEFAULT 'ONGOING'::character varying NOT NULL,
    notes text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT measure_obligation_status_check CHECK (((status)::text = ANY ((ARRAY['ONGOING'::character varying, 'MET'::character varying, 'BREACHED'::character varying])::text[])))
);


--
-- Name: measure_quantity_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_quantity_entry (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    entry_date date NOT NULL,
    quantity numeric(7,2) NOT NULL,
    notes character varying(500),
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_by uuid,
    CONSTRAINT measure_quantity_entry_quantity_check CHECK ((quantity > (0)::numeric))
);


--
-- Name: measure_transition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_transition (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    action character varying(20),
    from_status character varying(20),
    to_status character varying(20) NOT NULL,
    outcome character varying(30),
    occurred_at timestamp with time zone NOT NULL,
    effective_on date,
    actor_id uuid,
    actor_name text,
    reason text
);


--
-- Name: measure_type; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.measure_type (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code character varying(40) NOT NULL,
    "position" integer NOT NULL,
    field character varying(20) NOT NULL,
    label text NOT NULL,
    ordered_by text NOT NULL,
    tracked_quantity character varying(20) NOT NULL,
    quantity_min integer,
    quantity_max integer,
    first_interview_days integer NOT NULL,
    report_types text NOT NULL,
    billing_mode character varying(20) NOT NULL,
    tariff numeric(12,2),
    active boolean DEFAULT true NOT NULL
);


--
-- Name: mfa_recovery_code; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mfa_recovery_code (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    code_hash character(64) NOT NULL,
    used_at timestamp with time zone
);


--
-- Name: network_region; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.network_region (
    code character varying(32) NOT NULL,
    name text NOT NULL
);


--
-- Name: obs_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.obs_change (
    month date NOT NULL,
    xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: obs_dirty; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.obs_dirty (
    measure_id uuid NOT NULL,
    queued_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);


--
-- Name: obs_measure_fact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.obs_measure_fact (
    measure_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    court_code character varying(32) NOT NULL,
    type_code character varying(40) NOT NULL,
    field character varying(20) NOT NULL,
    received_month date NOT NULL,
    ended_month date,
    outcome character varying(30),
    duration_days integer,
    started_month date,
    first_delay_days integer,
    active_until date
);


--
-- Name: obs_month; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.obs_month (
    organisation_id uuid NOT NULL,
    court_code character varying(32) NOT NULL,
    type_code character varying(40) NOT NULL,
    field character varying(20) NOT NULL,
    month date NOT NULL,
    received integer DEFAULT 0 NOT NULL,
    active integer DEFAULT 0 NOT NULL,
    ended_completed integer DEFAULT 0 NOT NULL,
    ended_lifted_by_magistrate integer DEFAULT 0 NOT NULL,
    ended_revoked integer DEFAULT 0 NOT NULL,
    ended_breaches_reported integer DEFAULT 0 NOT NULL,
    ended_not_presented integer DEFAULT 0 NOT NULL,
    ended_transferred integer DEFAULT 0 NOT NULL,
    ended_deceased integer DEFAULT 0 NOT NULL,
    ended_cancelled_by_magistrate integer DEFAULT 0 NOT NULL,
    ended_unknown integer DEFAULT 0 NOT NULL,
    duration_0 integer DEFAULT 0 NOT NULL,
    duration_1 integer DEFAULT 0 NOT NULL,
    duration_2 integer DEFAULT 0 NOT NULL,
    duration_3 integer DEFAULT 0 NOT NULL,
    duration_4 integer DEFAULT 0 NOT NULL,
    duration_5 integer DEFAULT 0 NOT NULL,
    duration_6 integer DEFAULT 0 NOT NULL,
    duration_7 integer DEFAULT 0 NOT NULL,
    duration_8 integer DEFAULT 0 NOT NULL,
    duration_9 integer DEFAULT 0 NOT NULL,
    duration_10 integer DEFAULT 0 NOT NULL,
    duration_11 integer DEFAULT 0 NOT NULL,
    duration_12 integer DEFAULT 0 NOT NULL,
    duration_13 integer DEFAULT 0 NOT NULL,
    duration_14 integer DEFAULT 0 NOT NULL,
    duration_15 integer DEFAULT 0 NOT NULL,
    first_delay_0 integer DEFAULT 0 NOT NULL,
    first_delay_1 integer DEFAULT 0 NOT NULL,
    first_delay_2 integer DEFAULT 0 NOT NULL,
    first_delay_3 integer DEFAULT 0 NOT NULL,
    first_delay_4 integer DEFAULT 0 NOT NULL,
    first_delay_5 integer DEFAULT 0 NOT NULL,
    first_delay_6 integer DEFAULT 0 NOT NULL,
    first_delay_7 integer DEFAULT 0 NOT NULL,
    first_delay_8 integer DEFAULT 0 NOT NULL,
    first_delay_9 integer DEFAULT 0 NOT NULL,
    first_delay_10 integer DEFAULT 0 NOT NULL,
    first_delay_11 integer DEFAULT 0 NOT NULL,
    first_delay_12 integer DEFAULT 0 NOT NULL,
    first_delay_13 integer DEFAULT 0 NOT NULL,
    first_delay_14 integer DEFAULT 0 NOT NULL
);


--
-- Name: obs_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.obs_state (
    id integer NOT NULL,
    active_horizon date NOT NULL,
    CONSTRAINT obs_state_id_check CHECK ((id = 1))
);


--
-- Name: obs_year; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.obs_year (
    organisation_id uuid NOT NULL,
    court_code character varying(32) NOT NULL,
    type_code character varying(40) NOT NULL,
    field character varying(20) NOT NULL,
    year date NOT NULL,
    received integer DEFAULT 0 NOT NULL,
    active integer DEFAULT 0 NOT NULL,
    ended_completed integer DEFAULT 0 NOT NULL,
    ended_lifted_by_magistrate integer DEFAULT 0 NOT NULL,
    ended_revoked integer DEFAULT 0 NOT NULL,
    ended_breaches_reported integer DEFAULT 0 NOT NULL,
    ended_not_presented integer DEFAULT 0 NOT NULL,
    ended_transferred integer DEFAULT 0 NOT NULL,
    ended_deceased integer DEFAULT 0 NOT NULL,
    ended_cancelled_by_magistrate integer DEFAULT 0 NOT NULL,
    ended_unknown integer DEFAULT 0 NOT NULL,
    duration_0 integer DEFAULT 0 NOT NULL,
    duration_1 integer DEFAULT 0 NOT NULL,
    duration_2 integer DEFAULT 0 NOT NULL,
    duration_3 integer DEFAULT 0 NOT NULL,
    duration_4 integer DEFAULT 0 NOT NULL,
    duration_5 integer DEFAULT 0 NOT NULL,
    duration_6 integer DEFAULT 0 NOT NULL,
    duration_7 integer DEFAULT 0 NOT NULL,
    duration_8 integer DEFAULT 0 NOT NULL,
    duration_9 integer DEFAULT 0 NOT NULL,
    duration_10 integer DEFAULT 0 NOT NULL,
    duration_11 integer DEFAULT 0 NOT NULL,
    duration_12 integer DEFAULT 0 NOT NULL,
    duration_13 integer DEFAULT 0 NOT NULL,
    duration_14 integer DEFAULT 0 NOT NULL,
    duration_15 integer DEFAULT 0 NOT NULL,
    first_delay_0 integer DEFAULT 0 NOT NULL,
    first_delay_1 integer DEFAULT 0 NOT NULL,
    first_delay_2 integer DEFAULT 0 NOT NULL,
    first_delay_3 integer DEFAULT 0 NOT NULL,
    first_delay_4 integer DEFAULT 0 NOT NULL,
    first_delay_5 integer DEFAULT 0 NOT NULL,
    first_delay_6 integer DEFAULT 0 NOT NULL,
    first_delay_7 integer DEFAULT 0 NOT NULL,
    first_delay_8 integer DEFAULT 0 NOT NULL,
    first_delay_9 integer DEFAULT 0 NOT NULL,
    first_delay_10 integer DEFAULT 0 NOT NULL,
    first_delay_11 integer DEFAULT 0 NOT NULL,
    first_delay_12 integer DEFAULT 0 NOT NULL,
    first_delay_13 integer DEFAULT 0 NOT NULL,
    first_delay_14 integer DEFAULT 0 NOT NULL
);


--
-- Name: organisation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation (
    id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    name text NOT NULL,
    city text,
    departement_code character varying(3),
    region_code character varying(32),
    shares_statistics boolean DEFAULT false NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT organisation_kind_check CHECK (((kind)::text = ANY ((ARRAY['ASSOCIATION'::character varying, 'FEDERATION'::character varying, 'PUBLIC_BODY'::character varying])::text[])))
);


--
-- Name: person; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.person (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    reference character varying(20) NOT NULL,
    last_name character varying(120) NOT NULL,
    first_name character varying(120) NOT NULL,
    birth_date date,
    sex character varying(1),
    birth_place character varying(120),
    phone character varying(40),
    email character varying(200),
    address text,
    housing character varying(40),
    employment character varying(40),
    resources character varying(40),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    search_name text GENERATED ALWAYS AS (public.immutable_unaccent(lower((((last_name)::text || ' '::text) || (first_name)::text)))) STORED,
    search_name_rev text GENERATED ALWAYS AS (public.immutable_unaccent(lower((((first_name)::text || ' '::text) || (last_name)::text)))) STORED,
    CONSTRAINT person_sex_check CHECK (((sex)::text = ANY ((ARRAY['F'::character varying, 'M'::character varying, 'X'::character varying])::text[])))
);


--
-- Name: person_consent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.person_consent (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    person_id uuid NOT NULL,
    subject character varying(300) NOT NULL,
    recipient character varying(200) NOT NULL,
    given_on date NOT NULL,
    withdrawn_on date,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_by uuid
);


--
-- Name: person_health; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.person_health (
    person_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    health_notes text,
    addiction_notes text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid
);


--
-- Name: reference_counter; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reference_counter (
    organisation_id uuid NOT NULL,
    kind character varying(10) NOT NULL,
    year integer NOT NULL,
    last_value integer NOT NULL
);


--
-- Name: report; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    measure_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    return_comment text,
    sent_on date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    validated_by uuid,
    validated_at timestamp with time zone,
    due_on date,
    CONSTRAINT report_kind_check CHECK (((kind)::text = ANY ((ARRAY['INITIAL'::character varying, 'STAGE'::character varying, 'INCIDENT'::character varying, 'FINAL'::character varying, 'INVESTIGATION'::character varying])::text[]))),
    CONSTRAINT report_status_check CHECK (((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'SUBMITTED'::character varying, 'RETURNED'::character varying, 'VALIDATED'::character varying, 'SENT'::character varying])::text[])))
);


--
-- Name: report_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.report_version (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    report_id uuid NOT NULL,
    version integer NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid,
    created_by_name text
);


--
-- Name: role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.role (
    code character varying(40) NOT NULL,
    organisation_kind character varying(20) NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: role_permission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.role_permission (
    role_code character varying(40) NOT NULL,
    permission character varying(60) NOT NULL
);


--
-- Name: service; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: shedlock; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shedlock (
    name character varying(64) NOT NULL,
    lock_until timestamp with time zone NOT NULL,
    locked_at timestamp with time zone NOT NULL,
    locked_by character varying(255) NOT NULL
);


--
-- Name: spring_session; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.spring_session (
    primary_id character(36) NOT NULL,
    session_id character(36) NOT NULL,
    creation_time bigint NOT NULL,
    last_access_time bigint NOT NULL,
    max_inactive_interval integer NOT NULL,
    expiry_time bigint NOT NULL,
    principal_name character varying(100)
);


--
-- Name: spring_session_attributes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.spring_session_attributes (
    session_primary_id character(36) NOT NULL,
    attribute_name character varying(200) NOT NULL,
    attribute_bytes bytea NOT NULL
);


--
-- Name: user_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_role (
    user_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    role_code character varying(40) NOT NULL
);


--
-- Data for Name: api_token; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: app_user; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.app_user VALUES
	('0a7e1ea5-0000-4000-8000-000000000003', '0a7e1ea5-0000-4000-8000-000000000001', '0a7e1ea5-0000-4000-8000-000000000002', 'intervenante.avant', 'intervenante.avant@exemple.org', 'Intervenante Avant', '{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z6k8e1J6rSG6Oq6vQ3Wq9JqK', true, NULL, false, false, false, '2026-12-06 20:35:46.388477+00', '2026-12-06 20:35:46.388477+00', NULL, true);


--
-- Data for Name: appointment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: association_profile; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: association_profile_activity; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: association_profile_change; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: association_profile_court; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_event VALUES
	(1, '2026-12-06 20:35:46.43627+00', '0a7e1ea5-0000-4000-8000-000000000001', '0a7e1ea5-0000-4000-8000-000000000003', 'Intervenante Avant', 'measure.created', 'measure', '0a7e1ea5-0000-4000-8000-000000000006', '{"reference": "M-2026-00001"}', 'release-dump', '127.0.0.1', '0000000000000000000000000000000000000000000000000000000000000000', 'eda7d851900ab56d72fc0b0bd58bc07019541d0a36d3add2e789cd193743d1d7', 2);


--
-- Data for Name: billing_statement; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: billing_statement_line; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: calendar_feed; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_analysis; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_analysis_consensus; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_analysis_group; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_analysis_representative; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_analysis_split; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_analysis_split_segment; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_participant; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_participant_position; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_profile_answer; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_profile_question; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_proposal; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_proposal_counter; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_proposal_theme; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_solution_sheet; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_theme; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_vote; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_workshop_idea; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_workshop_invitation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: consultation_workshop_session; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: court_of_appeal; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.court_of_appeal VALUES
	('CA-AGEN', 'Cour d''appel d''Agen', 'Agen', 44.201990, 0.620550, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-AIX-EN-PROVENCE', 'Cour d''appel d''Aix-en-Provence', 'Aix-en-Provence', 43.528300, 5.449730, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-AMIENS', 'Cour d''appel d''Amiens', 'Amiens', 49.894200, 2.295700, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-ANGERS', 'Cour d''appel d''Angers', 'Angers', 47.473810, -0.547740, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-BASSE-TERRE', 'Cour d''appel de Basse-Terre', 'Basse-Terre', 15.997140, -61.732140, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-BASTIA', 'Cour d''appel de Bastia', 'Bastia', 42.697500, 9.450900, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-BESANCON', 'Cour d''appel de Besançon', 'Besançon', 47.248780, 6.018150, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-BORDEAUX', 'Cour d''appel de Bordeaux', 'Bordeaux', 44.840440, -0.580500, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-BOURGES', 'Cour d''appel de Bourges', 'Bourges', 47.081000, 2.398800, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-CAEN', 'Cour d''appel de Caen', 'Caen', 49.185850, -0.359120, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-CAYENNE', 'Cour d''appel de Cayenne', 'Cayenne', 4.937200, -52.326000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-CHAMBERY', 'Cour d''appel de Chambéry', 'Chambéry', 45.566280, 5.920790, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-COLMAR', 'Cour d''appel de Colmar', 'Colmar', 48.080780, 7.355840, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-DIJON', 'Cour d''appel de Dijon', 'Dijon', 47.322000, 5.041500, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-DOUAI', 'Cour d''appel de Douai', 'Douai', 50.370690, 3.079220, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-FORT-DE-FRANCE', 'Cour d''appel de Fort-de-France', 'Fort-de-France', 14.603650, -61.074180, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-GRENOBLE', 'Cour d''appel de Grenoble', 'Grenoble', 45.178690, 5.714790, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-LIMOGES', 'Cour d''appel de Limoges', 'Limoges', 45.833620, 1.247590, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-LYON', 'Cour d''appel de Lyon', 'Lyon', 45.764000, 4.835700, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-METZ', 'Cour d''appel de Metz', 'Metz', 49.119110, 6.172690, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-MONTPELLIER', 'Cour d''appel de Montpellier', 'Montpellier', 43.610920, 3.877230, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-NANCY', 'Cour d''appel de Nancy', 'Nancy', 48.684390, 6.184960, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-NIMES', 'Cour d''appel de Nîmes', 'Nîmes', 43.833780, 4.359620, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-NOUMEA', 'Cour d''appel de Nouméa', 'Nouméa', -22.274070, 166.448840, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-ORLEANS', 'Cour d''appel d''Orléans', 'Orléans', 47.902890, 1.903890, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-PAPEETE', 'Cour d''appel de Papeete', 'Papeete', -17.537330, -149.566500, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-PARIS', 'Cour d''appel de Paris', 'Paris', 48.856600, 2.352200, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-PAU', 'Cour d''appel de Pau', 'Pau', 43.311170, -0.355830, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-POITIERS', 'Cour d''appel de Poitiers', 'Poitiers', 46.582610, 0.343480, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-REIMS', 'Cour d''appel de Reims', 'Reims', 49.265260, 4.028530, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-RENNES', 'Cour d''appel de Rennes', 'Rennes', 48.111980, -1.674290, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-RIOM', 'Cour d''appel de Riom', 'Riom', 45.893620, 3.112640, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-ROUEN', 'Cour d''appel de Rouen', 'Rouen', 49.443130, 1.099320, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-SAINT-DENIS', 'Cour d''appel de Saint-Denis de La Réunion', 'Saint-Denis', -20.882310, 55.450400, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-TOULOUSE', 'Cour d''appel de Toulouse', 'Toulouse', 43.604260, 1.443670, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('CA-VERSAILLES', 'Cour d''appel de Versailles', 'Versailles', 48.803590, 2.134240, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL);


--
-- Data for Name: default_measure_type; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.default_measure_type VALUES
	('ESR', 10, 'PRE_SENTENCE', 'Enquête sociale rapide (ESR)', 'parquet', 'HOURS', NULL, NULL, 0, 'rapport d''enquête', 'PER_MEASURE'),
	('EP', 20, 'PRE_SENTENCE', 'Enquête de personnalité (EP)', 'juge d''instruction, tribunal', 'NONE', NULL, NULL, 15, 'rapport d''enquête', 'PER_MEASURE'),
	('CJSE', 30, 'PRE_SENTENCE', 'Contrôle judiciaire socio-éducatif (CJSE)', 'juge d''instruction, JLD, tribunal', 'MONTHS', NULL, NULL, 15, 'initial, d''étape, d''incident, de fin', 'PER_MEASURE'),
	('MEDIATION_PENALE', 40, 'PRE_SENTENCE', 'Médiation pénale', 'parquet', 'SESSIONS', NULL, NULL, 15, 'compte rendu de médiation', 'PER_MEASURE'),
	('STAGE_CITOYENNETE', 50, 'PRE_SENTENCE', 'Stage de citoyenneté', 'parquet, tribunal', 'HOURS', NULL, NULL, 30, 'attestation, bilan', 'PER_MEASURE'),
	('STAGE_STUPEFIANTS', 51, 'PRE_SENTENCE', 'Stage de sensibilisation aux dangers des stupéfiants', 'parquet, tribunal', 'HOURS', NULL, NULL, 30, 'attestation, bilan', 'PER_MEASURE'),
	('STAGE_VIOLENCES_COUPLE', 52, 'PRE_SENTENCE', 'Stage de responsabilisation pour la prévention et la lutte contre les violences au sein du couple et sexistes', 'parquet, tribunal', 'HOURS', NULL, NULL, 30, 'attestation, bilan', 'PER_MEASURE'),
	('STAGE_PARENTALITE', 53, 'PRE_SENTENCE', 'Stage de responsabilité parentale', 'parquet, tribunal', 'HOURS', NULL, NULL, 30, 'attestation, bilan', 'PER_MEASURE'),
	('STAGE_SEXISME', 54, 'PRE_SENTENCE', 'Stage de lutte contre le sexisme', 'parquet, tribunal', 'HOURS', NULL, NULL, 30, 'attestation, bilan', 'PER_MEASURE'),
	('STAGE_ACHAT_ACTES_SEXUELS', 55, 'PRE_SENTENCE', 'Stage de sensibilisation à la lutte contre l''achat d''actes sexuels', 'parquet, tribunal', 'HOURS', NULL, NULL, 30, 'attestation, bilan', 'PER_MEASURE'),
	('EVICTION_CONJOINT', 60, 'PRE_SENTENCE', 'Hébergement / éviction de l''auteur de violences conjugales', 'parquet, JLD', 'NIGHTS', NULL, NULL, 2, 'de fin', 'PER_DAY'),
	('PLACEMENT_EXTERIEUR', 70, 'POST_SENTENCE', 'Placement à l''extérieur (PE)', 'JAP', 'DAYS', NULL, NULL, 1, 'd''étape, d''incident, de fin', 'PER_DAY'),
	('TIG', 80, 'POST_SENTENCE', 'Travail d''intérêt général (TIG) — accueil et suivi', 'tribunal, JAP via SPIP', 'HOURS', 20, 400, 15, 'd''incident, de fin', 'PER_MEASURE'),
	('SURSIS_PROBATOIRE', 90, 'POST_SENTENCE', 'Sursis probatoire — accompagnement', 'JAP via SPIP', 'MONTHS', NULL, NULL, 15, 'd''étape, de fin', 'PER_MEASURE'),
	('PREPARATION_SORTIE', 100, 'POST_SENTENCE', 'Préparation à la sortie / accompagnement libération', 'JAP, SPIP', 'MONTHS', NULL, NULL, 15, 'de fin', 'PER_MEASURE'),
	('REPARATION_PENALE', 110, 'MINORS', 'Réparation pénale', 'parquet, juge des enfants', 'MONTHS', NULL, NULL, 15, 'de fin', 'PER_MEASURE'),
	('MESURE_INTERET_EDUCATIF', 120, 'MINORS', 'Mesure d''intérêt éducatif (13–16 ans)', 'juge des enfants', 'HOURS', 24, 30, 15, 'de fin', 'PER_MEASURE'),
	('STAGE_FORMATION_CIVIQUE', 130, 'MINORS', 'Stage de formation civique', 'parquet, juge des enfants', 'SESSIONS', NULL, NULL, 30, 'bilan', 'PER_MEASURE'),
	('MJIE', 140, 'MINORS', 'MJIE — mesure judiciaire d''investigation éducative', 'juge des enfants', 'NONE', NULL, NULL, 15, 'rapport d''investigation', 'PER_MEASURE'),
	('MEDIATION_MINEURS', 150, 'MINORS', 'Médiation (mineurs)', 'parquet', 'SESSIONS', NULL, NULL, 15, 'compte rendu', 'PER_MEASURE'),
	('JUSTICE_RESTAURATIVE', 160, 'RESTORATIVE', 'Justice restaurative (rencontres, médiation restaurative, cercles)', 'tout magistrat, avec consentement', 'MEETINGS', NULL, NULL, 30, 'bilan', 'NONE');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES
	(1, '202611231200', 'shared roles and extensions', 'SQL', 'V202611231200__shared_roles_and_extensions.sql', 1640207910, 'passerelle_owner', '2026-12-06 20:35:39.511918', 101, true),
	(2, '202611231205', 'shared sessions', 'SQL', 'V202611231205__shared_sessions.sql', -1548118122, 'passerelle_owner', '2026-12-06 20:35:39.943488', 87, true),
	(3, '202611231210', 'network courts', 'SQL', 'V202611231210__network_courts.sql', -111047729, 'passerelle_owner', '2026-12-06 20:35:40.16177', 177, true),
	(4, '202611231220', 'identity organisations users', 'SQL', 'V202611231220__identity_organisations_users.sql', 1480362809, 'passerelle_owner', '2026-12-06 20:35:40.88848', 291, true),
	(5, '202611231230', 'audit trail', 'SQL', 'V202611231230__audit_trail.sql', -2092771161, 'passerelle_owner', '2026-12-06 20:35:41.251415', 158, true),
	(6, '202611231300', 'measures persons catalogue measures', 'SQL', 'V202611231300__measures_persons_catalogue_measures.sql', 601886954, 'passerelle_owner', '2026-12-06 20:35:41.505517', 541, true),
	(7, '202611231330', 'measures caseload indexes', 'SQL', 'V202611231330__measures_caseload_indexes.sql', 1588927906, 'passerelle_owner', '2026-12-06 20:35:42.375531', 61, true),
	(8, '202611231400', 'measures appointments', 'SQL', 'V202611231400__measures_appointments.sql', 844530680, 'passerelle_owner', '2026-12-06 20:35:42.472162', 95, true),
	(9, '202611231430', 'measures calendar feeds', 'SQL', 'V202611231430__measures_calendar_feeds.sql', 674128246, 'passerelle_owner', '2026-12-06 20:35:42.592323', 77, true),
	(10, '202611231500', 'measures obligations quantities incidents', 'SQL', 'V202611231500__measures_obligations_quantities_incidents.sql', -1367603609, 'passerelle_owner', '2026-12-06 20:35:42.710359', 223, true),
	(11, '202611231530', 'measures reports', 'SQL', 'V202611231530__measures_reports.sql', -2125192563, 'passerelle_owner', '2026-12-06 20:35:42.989538', 171, true),
	(12, '202611231600', 'measures consents', 'SQL', 'V202611231600__measures_consents.sql', 2001216727, 'passerelle_owner', '2026-12-06 20:35:43.180057', 71, true),
	(13, '202611231700', 'audit unambiguous hash', 'SQL', 'V202611231700__audit_unambiguous_hash.sql', 610679128, 'passerelle_owner', '2026-12-06 20:35:43.307219', 65, true),
	(14, '202611231800', 'imports import job', 'SQL', 'V202611231800__imports_import_job.sql', -1007309452, 'passerelle_owner', '2026-12-06 20:35:43.411042', 96, true),
	(15, '202611231830', 'identity api tokens', 'SQL', 'V202611231830__identity_api_tokens.sql', 408517289, 'passerelle_owner', '2026-12-06 20:35:43.541138', 101, true),
	(16, '202611231900', 'measures catalogue settings billing', 'SQL', 'V202611231900__measures_catalogue_settings_billing.sql', 916818155, 'passerelle_owner', '2026-12-06 20:35:43.742337', 225, true),
	(17, '202611231930', 'shared mail outbox and job locks', 'SQL', 'V202611231930__shared_mail_outbox_and_job_locks.sql', 1979111443, 'passerelle_owner', '2026-12-06 20:35:44.035283', 133, true),
	(18, '202611231940', 'measures search and open caseload indexes', 'SQL', 'V202611231940__measures_search_and_open_caseload_indexes.sql', -971208228, 'passerelle_owner', '2026-12-06 20:35:44.199199', 179, true),
	(19, '202611232000', 'measures next deadline and courts in use', 'SQL', 'V202611232000__measures_next_deadline_and_courts_in_use.sql', 2054980678, 'passerelle_owner', '2026-12-06 20:35:44.440266', 88, true),
	(20, '202611232010', 'measures person fuzzy search', 'SQL', 'V202611232010__measures_person_fuzzy_search.sql', -1058406339, 'passerelle_owner', '2026-12-06 20:35:44.560205', 205, true),
	(21, '202611240000', 'consultation schema', 'SQL', 'V202611240000__consultation_schema.sql', -1878794088, 'passerelle_owner', '2026-12-06 20:35:44.811524', 334, true),
	(22, '202611240600', 'consultation moderation analysis', 'SQL', 'V202611240600__consultation_moderation_analysis.sql', -262195370, 'passerelle_owner', '2026-12-06 20:35:45.247526', 122, true),
	(23, '202611240610', 'consultation workshops', 'SQL', 'V202611240610__consultation_workshops.sql', 1398394448, 'passerelle_owner', '2026-12-06 20:35:45.460228', 55, true),
	(24, '202611241200', 'measures type index', 'SQL', 'V202611241200__measures_type_index.sql', 1112673759, 'passerelle_owner', '2026-12-06 20:35:45.538106', 12, true),
	(25, '202612030100', 'consultation proposal rephrased once', 'SQL', 'V202612030100__consultation_proposal_rephrased_once.sql', -1732524839, 'passerelle_owner', '2026-12-06 20:35:45.555462', 16, true),
	(26, '202612030200', 'consultation splits per profile question', 'SQL', 'V202612030200__consultation_splits_per_profile_question.sql', -1803302485, 'passerelle_owner', '2026-12-06 20:35:45.576389', 20, true),
	(27, '202612030210', 'consultation workshop session changes', 'SQL', 'V202612030210__consultation_workshop_session_changes.sql', 1954309561, 'passerelle_owner', '2026-12-06 20:35:45.626775', 7, true),
	(28, '202612030300', 'consultation split segment length', 'SQL', 'V202612030300__consultation_split_segment_length.sql', -2138429967, 'passerelle_owner', '2026-12-06 20:35:45.640323', 9, true),
	(29, '202612030400', 'network directory profiles', 'SQL', 'V202612030400__network_directory_profiles.sql', 1523934660, 'passerelle_owner', '2026-12-06 20:35:45.666795', 43, true),
	(30, '202612030410', 'network profile changes', 'SQL', 'V202612030410__network_profile_changes.sql', -1640683399, 'passerelle_owner', '2026-12-06 20:35:45.723373', 35, true),
	(31, '202612030411', 'network published profiles write policy', 'SQL', 'V202612030411__network_published_profiles_write_policy.sql', -635579288, 'passerelle_owner', '2026-12-06 20:35:45.771286', 3, true),
	(32, '202612030500', 'observatory dashboard permissions', 'SQL', 'V202612030500__observatory_dashboard_permissions.sql', -309947784, 'passerelle_owner', '2026-12-06 20:35:45.795212', 1, true),
	(33, '202612030590', 'observatory measure dates', 'SQL', 'V202612030590__observatory_measure_dates.sql', -640304379, 'passerelle_owner', '2026-12-06 20:35:45.81723', 4, true),
	(34, '202612030600', 'observatory aggregates', 'SQL', 'V202612030600__observatory_aggregates.sql', -1121568616, 'passerelle_owner', '2026-12-06 20:35:45.827782', 40, true),
	(35, '202612030710', 'consultation mail languages', 'SQL', 'V202612030710__consultation_mail_languages.sql', 827448085, 'passerelle_owner', '2026-12-06 20:35:45.885463', 5, true),
	(36, '202612030800', 'observatory yearly aggregates', 'SQL', 'V202612030800__observatory_yearly_aggregates.sql', -1579846224, 'passerelle_owner', '2026-12-06 20:35:45.898322', 26, true),
	(37, '202612030810', 'observatory aggregates version', 'SQL', 'V202612030810__observatory_aggregates_version.sql', 1379699359, 'passerelle_owner', '2026-12-06 20:35:45.930651', 3, true),
	(38, '202612031500', 'observatory kept figures changes', 'SQL', 'V202612031500__observatory_kept_figures_changes.sql', 349919656, 'passerelle_owner', '2026-12-06 20:35:45.946715', 35, true),
	(39, '202612031510', 'observatory measure dates per statement', 'SQL', 'V202612031510__observatory_measure_dates_per_statement.sql', 462489778, 'passerelle_owner', '2026-12-06 20:35:46.004976', 6, true);


--
-- Data for Name: import_job; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: indicator_change; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.indicator_change VALUES
	('0a7e1ea5-0000-4000-8000-000000000001', '2026-11-02', '1017', '2026-12-06 20:35:46.388477+00');


--
-- Data for Name: judicial_court; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judicial_court VALUES
	('TJ-AUCH', 'Tribunal judiciaire d''Auch', 'Auch', '32', 'Gers', 'CA-AGEN', 43.645400, 0.587930, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CAHORS', 'Tribunal judiciaire de Cahors', 'Cahors', '46', 'Lot', 'CA-AGEN', 44.449100, 1.436630, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AGEN', 'Tribunal judiciaire d''Agen', 'Agen', '47', 'Lot-et-Garonne', 'CA-AGEN', 44.201990, 0.620550, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DIGNE-LES-BAINS', 'Tribunal judiciaire de Digne-les-Bains', 'Digne-les-Bains', '04', 'Alpes-de-Haute-Provence', 'CA-AIX-EN-PROVENCE', 44.092520, 6.231990, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-GRASSE', 'Tribunal judiciaire de Grasse', 'Grasse', '06', 'Alpes-Maritimes', 'CA-AIX-EN-PROVENCE', 43.657830, 6.925370, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NICE', 'Tribunal judiciaire de Nice', 'Nice', '06', 'Alpes-Maritimes', 'CA-AIX-EN-PROVENCE', 43.703130, 7.266080, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AIX-EN-PROVENCE', 'Tribunal judiciaire d''Aix-en-Provence', 'Aix-en-Provence', '13', 'Bouches-du-Rhône', 'CA-AIX-EN-PROVENCE', 43.528300, 5.449730, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MARSEILLE', 'Tribunal judiciaire de Marseille', 'Marseille', '13', 'Bouches-du-Rhône', 'CA-AIX-EN-PROVENCE', 43.296950, 5.381070, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TARASCON', 'Tribunal judiciaire de Tarascon', 'Tarascon', '13', 'Bouches-du-Rhône', 'CA-AIX-EN-PROVENCE', 43.805830, 4.660280, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DRAGUIGNAN', 'Tribunal judiciaire de Draguignan', 'Draguignan', '83', 'Var', 'CA-AIX-EN-PROVENCE', 43.536920, 6.464580, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TOULON', 'Tribunal judiciaire de Toulon', 'Toulon', '83', 'Var', 'CA-AIX-EN-PROVENCE', 43.124420, 5.928360, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LAON', 'Tribunal judiciaire de Laon', 'Laon', '02', 'Aisne', 'CA-AMIENS', 49.563100, 3.627140, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-QUENTIN', 'Tribunal judiciaire de Saint-Quentin', 'Saint-Quentin', '02', 'Aisne', 'CA-AMIENS', 49.848890, 3.287570, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SOISSONS', 'Tribunal judiciaire de Soissons', 'Soissons', '02', 'Aisne', 'CA-AMIENS', 49.381670, 3.323610, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BEAUVAIS', 'Tribunal judiciaire de Beauvais', 'Beauvais', '60', 'Oise', 'CA-AMIENS', 49.430300, 2.081100, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-COMPIEGNE', 'Tribunal judiciaire de Compiègne', 'Compiègne', '60', 'Oise', 'CA-AMIENS', 49.417940, 2.826060, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SENLIS', 'Tribunal judiciaire de Senlis', 'Senlis', '60', 'Oise', 'CA-AMIENS', 49.207240, 2.586610, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AMIENS', 'Tribunal judiciaire d''Amiens', 'Amiens', '80', 'Somme', 'CA-AMIENS', 49.894200, 2.295700, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ANGERS', 'Tribunal judiciaire d''Angers', 'Angers', '49', 'Maine-et-Loire', 'CA-ANGERS', 47.473810, -0.547740, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAUMUR', 'Tribunal judiciaire de Saumur', 'Saumur', '49', 'Maine-et-Loire', 'CA-ANGERS', 47.259080, -0.077960, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LAVAL', 'Tribunal judiciaire de Laval', 'Laval', '53', 'Mayenne', 'CA-ANGERS', 48.073200, -0.763400, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LE-MANS', 'Tribunal judiciaire du Mans', 'Le Mans', '72', 'Sarthe', 'CA-ANGERS', 48.000390, 0.204710, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BASSE-TERRE', 'Tribunal judiciaire de Basse-Terre', 'Basse-Terre', '971', 'Guadeloupe', 'CA-BASSE-TERRE', 15.997140, -61.732140, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-POINTE-A-PITRE', 'Tribunal judiciaire de Pointe-à-Pitre', 'Pointe-à-Pitre', '971', 'Guadeloupe', 'CA-BASSE-TERRE', 16.241250, -61.536140, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AJACCIO', 'Tribunal judiciaire d''Ajaccio', 'Ajaccio', '2A', 'Corse-du-Sud', 'CA-BASTIA', 41.918860, 8.738120, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BASTIA', 'Tribunal judiciaire de Bastia', 'Bastia', '2B', 'Haute-Corse', 'CA-BASTIA', 42.697500, 9.450900, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BESANCON', 'Tribunal judiciaire de Besançon', 'Besançon', '25', 'Doubs', 'CA-BESANCON', 47.248780, 6.018150, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MONTBELIARD', 'Tribunal judiciaire de Montbéliard', 'Montbéliard', '25', 'Doubs', 'CA-BESANCON', 47.509570, 6.798230, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LONS-LE-SAUNIER', 'Tribunal judiciaire de Lons-le-Saunier', 'Lons-le-Saunier', '39', 'Jura', 'CA-BESANCON', 46.675350, 5.555750, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VESOUL', 'Tribunal judiciaire de Vesoul', 'Vesoul', '70', 'Haute-Saône', 'CA-BESANCON', 47.626040, 6.142510, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BELFORT', 'Tribunal judiciaire de Belfort', 'Belfort', '90', 'Territoire de Belfort', 'CA-BESANCON', 47.642180, 6.853850, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ANGOULEME', 'Tribunal judiciaire d''Angoulême', 'Angoulême', '16', 'Charente', 'CA-BORDEAUX', 45.649970, 0.153450, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BERGERAC', 'Tribunal judiciaire de Bergerac', 'Bergerac', '24', 'Dordogne', 'CA-BORDEAUX', 44.851570, 0.481710, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PERIGUEUX', 'Tribunal judiciaire de Périgueux', 'Périgueux', '24', 'Dordogne', 'CA-BORDEAUX', 45.186910, 0.714390, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BORDEAUX', 'Tribunal judiciaire de Bordeaux', 'Bordeaux', '33', 'Gironde', 'CA-BORDEAUX', 44.840440, -0.580500, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LIBOURNE', 'Tribunal judiciaire de Libourne', 'Libourne', '33', 'Gironde', 'CA-BORDEAUX', 44.914490, -0.241860, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BOURGES', 'Tribunal judiciaire de Bourges', 'Bourges', '18', 'Cher', 'CA-BOURGES', 47.081000, 2.398800, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHATEAUROUX', 'Tribunal judiciaire de Châteauroux', 'Châteauroux', '36', 'Indre', 'CA-BOURGES', 46.812480, 1.693620, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NEVERS', 'Tribunal judiciaire de Nevers', 'Nevers', '58', 'Nièvre', 'CA-BOURGES', 46.989560, 3.159000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CAEN', 'Tribunal judiciaire de Caen', 'Caen', '14', 'Calvados', 'CA-CAEN', 49.185850, -0.359120, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LISIEUX', 'Tribunal judiciaire de Lisieux', 'Lisieux', '14', 'Calvados', 'CA-CAEN', 49.146600, 0.229250, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHERBOURG-EN-COTENTIN', 'Tribunal judiciaire de Cherbourg-en-Cotentin', 'Cherbourg-en-Cotentin', '50', 'Manche', 'CA-CAEN', 49.639840, -1.616360, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-COUTANCES', 'Tribunal judiciaire de Coutances', 'Coutances', '50', 'Manche', 'CA-CAEN', 49.045410, -1.445180, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ALENCON', 'Tribunal judiciaire d''Alençon', 'Alençon', '61', 'Orne', 'CA-CAEN', 48.434760, 0.093110, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ARGENTAN', 'Tribunal judiciaire d''Argentan', 'Argentan', '61', 'Orne', 'CA-CAEN', 48.744410, -0.020230, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CAYENNE', 'Tribunal judiciaire de Cayenne', 'Cayenne', '973', 'Guyane', 'CA-CAYENNE', 4.937200, -52.326000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ALBERTVILLE', 'Tribunal judiciaire d''Albertville', 'Albertville', '73', 'Savoie', 'CA-CHAMBERY', 45.674520, 6.390610, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHAMBERY', 'Tribunal judiciaire de Chambéry', 'Chambéry', '73', 'Savoie', 'CA-CHAMBERY', 45.566280, 5.920790, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ANNECY', 'Tribunal judiciaire d''Annecy', 'Annecy', '74', 'Haute-Savoie', 'CA-CHAMBERY', 45.908780, 6.125650, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BONNEVILLE', 'Tribunal judiciaire de Bonneville', 'Bonneville', '74', 'Haute-Savoie', 'CA-CHAMBERY', 46.080200, 6.407260, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-THONON-LES-BAINS', 'Tribunal judiciaire de Thonon-les-Bains', 'Thonon-les-Bains', '74', 'Haute-Savoie', 'CA-CHAMBERY', 46.370490, 6.479850, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAVERNE', 'Tribunal judiciaire de Saverne', 'Saverne', '67', 'Bas-Rhin', 'CA-COLMAR', 48.741640, 7.362210, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-STRASBOURG', 'Tribunal judiciaire de Strasbourg', 'Strasbourg', '67', 'Bas-Rhin', 'CA-COLMAR', 48.583920, 7.745530, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-COLMAR', 'Tribunal judiciaire de Colmar', 'Colmar', '68', 'Haut-Rhin', 'CA-COLMAR', 48.080780, 7.355840, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MULHOUSE', 'Tribunal judiciaire de Mulhouse', 'Mulhouse', '68', 'Haut-Rhin', 'CA-COLMAR', 47.752050, 7.328660, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DIJON', 'Tribunal judiciaire de Dijon', 'Dijon', '21', 'Côte-d''Or', 'CA-DIJON', 47.322000, 5.041500, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHAUMONT', 'Tribunal judiciaire de Chaumont', 'Chaumont', '52', 'Haute-Marne', 'CA-DIJON', 48.111210, 5.141340, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHALON-SUR-SAONE', 'Tribunal judiciaire de Chalon-sur-Saône', 'Chalon-sur-Saône', '71', 'Saône-et-Loire', 'CA-DIJON', 46.781120, 4.853720, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MACON', 'Tribunal judiciaire de Mâcon', 'Mâcon', '71', 'Saône-et-Loire', 'CA-DIJON', 46.314070, 4.828230, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AVESNES-SUR-HELPE', 'Tribunal judiciaire d''Avesnes-sur-Helpe', 'Avesnes-sur-Helpe', '59', 'Nord', 'CA-DOUAI', 50.123720, 3.925700, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CAMBRAI', 'Tribunal judiciaire de Cambrai', 'Cambrai', '59', 'Nord', 'CA-DOUAI', 50.175960, 3.234720, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DOUAI', 'Tribunal judiciaire de Douai', 'Douai', '59', 'Nord', 'CA-DOUAI', 50.370690, 3.079220, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DUNKERQUE', 'Tribunal judiciaire de Dunkerque', 'Dunkerque', '59', 'Nord', 'CA-DOUAI', 51.032970, 2.377000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LILLE', 'Tribunal judiciaire de Lille', 'Lille', '59', 'Nord', 'CA-DOUAI', 50.632970, 3.058580, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VALENCIENNES', 'Tribunal judiciaire de Valenciennes', 'Valenciennes', '59', 'Nord', 'CA-DOUAI', 50.359090, 3.525060, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ARRAS', 'Tribunal judiciaire d''Arras', 'Arras', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.293010, 2.781860, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BETHUNE', 'Tribunal judiciaire de Béthune', 'Béthune', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.529650, 2.640030, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BOULOGNE-SUR-MER', 'Tribunal judiciaire de Boulogne-sur-Mer', 'Boulogne-sur-Mer', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.725710, 1.613920, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-OMER', 'Tribunal judiciaire de Saint-Omer', 'Saint-Omer', '62', 'Pas-de-Calais', 'CA-DOUAI', 50.748340, 2.260910, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-FORT-DE-FRANCE', 'Tribunal judiciaire de Fort-de-France', 'Fort-de-France', '972', 'Martinique', 'CA-FORT-DE-FRANCE', 14.603650, -61.074180, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-GAP', 'Tribunal judiciaire de Gap', 'Gap', '05', 'Hautes-Alpes', 'CA-GRENOBLE', 44.558580, 6.078680, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VALENCE', 'Tribunal judiciaire de Valence', 'Valence', '26', 'Drôme', 'CA-GRENOBLE', 44.925600, 4.909560, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BOURGOIN-JALLIEU', 'Tribunal judiciaire de Bourgoin-Jallieu', 'Bourgoin-Jallieu', '38', 'Isère', 'CA-GRENOBLE', 45.586110, 5.273610, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-GRENOBLE', 'Tribunal judiciaire de Grenoble', 'Grenoble', '38', 'Isère', 'CA-GRENOBLE', 45.178690, 5.714790, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VIENNE', 'Tribunal judiciaire de Vienne', 'Vienne', '38', 'Isère', 'CA-GRENOBLE', 45.525690, 4.874840, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BRIVE-LA-GAILLARDE', 'Tribunal judiciaire de Brive-la-Gaillarde', 'Brive-la-Gaillarde', '19', 'Corrèze', 'CA-LIMOGES', 45.158900, 1.533260, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TULLE', 'Tribunal judiciaire de Tulle', 'Tulle', '19', 'Corrèze', 'CA-LIMOGES', 45.265820, 1.772330, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-GUERET', 'Tribunal judiciaire de Guéret', 'Guéret', '23', 'Creuse', 'CA-LIMOGES', 46.171850, 1.871660, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LIMOGES', 'Tribunal judiciaire de Limoges', 'Limoges', '87', 'Haute-Vienne', 'CA-LIMOGES', 45.833620, 1.247590, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BOURG-EN-BRESSE', 'Tribunal judiciaire de Bourg-en-Bresse', 'Bourg-en-Bresse', '01', 'Ain', 'CA-LYON', 46.205740, 5.225800, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ROANNE', 'Tribunal judiciaire de Roanne', 'Roanne', '42', 'Loire', 'CA-LYON', 46.036240, 4.068020, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-ETIENNE', 'Tribunal judiciaire de Saint-Étienne', 'Saint-Étienne', '42', 'Loire', 'CA-LYON', 45.433890, 4.390000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LYON', 'Tribunal judiciaire de Lyon', 'Lyon', '69', 'Rhône', 'CA-LYON', 45.764000, 4.835700, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VILLEFRANCHE-SUR-SAONE', 'Tribunal judiciaire de Villefranche-sur-Saône', 'Villefranche-sur-Saône', '69', 'Rhône', 'CA-LYON', 45.989670, 4.719610, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-METZ', 'Tribunal judiciaire de Metz', 'Metz', '57', 'Moselle', 'CA-METZ', 49.119110, 6.172690, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SARREGUEMINES', 'Tribunal judiciaire de Sarreguemines', 'Sarreguemines', '57', 'Moselle', 'CA-METZ', 49.109950, 7.067470, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-THIONVILLE', 'Tribunal judiciaire de Thionville', 'Thionville', '57', 'Moselle', 'CA-METZ', 49.359940, 6.160440, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CARCASSONNE', 'Tribunal judiciaire de Carcassonne', 'Carcassonne', '11', 'Aude', 'CA-MONTPELLIER', 43.213510, 2.351620, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NARBONNE', 'Tribunal judiciaire de Narbonne', 'Narbonne', '11', 'Aude', 'CA-MONTPELLIER', 43.183960, 3.001410, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-RODEZ', 'Tribunal judiciaire de Rodez', 'Rodez', '12', 'Aveyron', 'CA-MONTPELLIER', 44.352580, 2.573380, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BEZIERS', 'Tribunal judiciaire de Béziers', 'Béziers', '34', 'Hérault', 'CA-MONTPELLIER', 43.341220, 3.214020, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MONTPELLIER', 'Tribunal judiciaire de Montpellier', 'Montpellier', '34', 'Hérault', 'CA-MONTPELLIER', 43.610920, 3.877230, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PERPIGNAN', 'Tribunal judiciaire de Perpignan', 'Perpignan', '66', 'Pyrénées-Orientales', 'CA-MONTPELLIER', 42.697640, 2.895410, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NANCY', 'Tribunal judiciaire de Nancy', 'Nancy', '54', 'Meurthe-et-Moselle', 'CA-NANCY', 48.684390, 6.184960, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VAL-DE-BRIEY', 'Tribunal judiciaire de Val de Briey', 'Val de Briey', '54', 'Meurthe-et-Moselle', 'CA-NANCY', 49.249200, 5.939750, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BAR-LE-DUC', 'Tribunal judiciaire de Bar-le-Duc', 'Bar-le-Duc', '55', 'Meuse', 'CA-NANCY', 48.772750, 5.161080, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VERDUN', 'Tribunal judiciaire de Verdun', 'Verdun', '55', 'Meuse', 'CA-NANCY', 49.159640, 5.382900, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-EPINAL', 'Tribunal judiciaire d''Épinal', 'Épinal', '88', 'Vosges', 'CA-NANCY', 48.183240, 6.453040, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PRIVAS', 'Tribunal judiciaire de Privas', 'Privas', '07', 'Ardèche', 'CA-NIMES', 44.735000, 4.599180, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ALES', 'Tribunal judiciaire d''Alès', 'Alès', '30', 'Gard', 'CA-NIMES', 44.124890, 4.080820, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL);
INSERT INTO public.judicial_court VALUES
	('TJ-NIMES', 'Tribunal judiciaire de Nîmes', 'Nîmes', '30', 'Gard', 'CA-NIMES', 43.833780, 4.359620, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MENDE', 'Tribunal judiciaire de Mende', 'Mende', '48', 'Lozère', 'CA-NIMES', 44.518490, 3.503720, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AVIGNON', 'Tribunal judiciaire d''Avignon', 'Avignon', '84', 'Vaucluse', 'CA-NIMES', 43.948340, 4.808920, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CARPENTRAS', 'Tribunal judiciaire de Carpentras', 'Carpentras', '84', 'Vaucluse', 'CA-NIMES', 44.055070, 5.048130, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MATA-UTU', 'Tribunal de première instance de Mata-Utu', 'Mata-Utu', '986', 'Wallis-et-Futuna', 'CA-NOUMEA', -13.281630, -176.174530, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NOUMEA', 'Tribunal de première instance de Nouméa', 'Nouméa', '988', 'Nouvelle-Calédonie', 'CA-NOUMEA', -22.274070, 166.448840, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TOURS', 'Tribunal judiciaire de Tours', 'Tours', '37', 'Indre-et-Loire', 'CA-ORLEANS', 47.394840, 0.703980, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BLOIS', 'Tribunal judiciaire de Blois', 'Blois', '41', 'Loir-et-Cher', 'CA-ORLEANS', 47.594320, 1.329120, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MONTARGIS', 'Tribunal judiciaire de Montargis', 'Montargis', '45', 'Loiret', 'CA-ORLEANS', 47.996960, 2.732610, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ORLEANS', 'Tribunal judiciaire d''Orléans', 'Orléans', '45', 'Loiret', 'CA-ORLEANS', 47.902890, 1.903890, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-QUIMPER', 'Tribunal judiciaire de Quimper', 'Quimper', '29', 'Finistère', 'CA-RENNES', 47.996000, -4.102400, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PAPEETE', 'Tribunal de première instance de Papeete', 'Papeete', '987', 'Polynésie française', 'CA-PAPEETE', -17.537330, -149.566500, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PARIS', 'Tribunal judiciaire de Paris', 'Paris', '75', 'Paris', 'CA-PARIS', 48.856600, 2.352200, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-FONTAINEBLEAU', 'Tribunal judiciaire de Fontainebleau', 'Fontainebleau', '77', 'Seine-et-Marne', 'CA-PARIS', 48.409080, 2.701770, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MEAUX', 'Tribunal judiciaire de Meaux', 'Meaux', '77', 'Seine-et-Marne', 'CA-PARIS', 48.960140, 2.878850, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MELUN', 'Tribunal judiciaire de Melun', 'Melun', '77', 'Seine-et-Marne', 'CA-PARIS', 48.545700, 2.653560, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AUXERRE', 'Tribunal judiciaire d''Auxerre', 'Auxerre', '89', 'Yonne', 'CA-PARIS', 47.799600, 3.570330, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SENS', 'Tribunal judiciaire de Sens', 'Sens', '89', 'Yonne', 'CA-PARIS', 48.197380, 3.283280, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-EVRY-COURCOURONNES', 'Tribunal judiciaire d''Évry-Courcouronnes', 'Évry-Courcouronnes', '91', 'Essonne', 'CA-PARIS', 48.632800, 2.440490, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BOBIGNY', 'Tribunal judiciaire de Bobigny', 'Bobigny', '93', 'Seine-Saint-Denis', 'CA-PARIS', 48.909820, 2.450120, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CRETEIL', 'Tribunal judiciaire de Créteil', 'Créteil', '94', 'Val-de-Marne', 'CA-PARIS', 48.792660, 2.465690, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DAX', 'Tribunal judiciaire de Dax', 'Dax', '40', 'Landes', 'CA-PAU', 43.710320, -1.053660, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MONT-DE-MARSAN', 'Tribunal judiciaire de Mont-de-Marsan', 'Mont-de-Marsan', '40', 'Landes', 'CA-PAU', 43.890220, -0.497130, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BAYONNE', 'Tribunal judiciaire de Bayonne', 'Bayonne', '64', 'Pyrénées-Atlantiques', 'CA-PAU', 43.493160, -1.473000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PAU', 'Tribunal judiciaire de Pau', 'Pau', '64', 'Pyrénées-Atlantiques', 'CA-PAU', 43.311170, -0.355830, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TARBES', 'Tribunal judiciaire de Tarbes', 'Tarbes', '65', 'Hautes-Pyrénées', 'CA-PAU', 43.232800, 0.078100, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LA-ROCHELLE', 'Tribunal judiciaire de La Rochelle', 'La Rochelle', '17', 'Charente-Maritime', 'CA-POITIERS', 46.163080, -1.152220, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINTES', 'Tribunal judiciaire de Saintes', 'Saintes', '17', 'Charente-Maritime', 'CA-POITIERS', 45.747420, -0.634890, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NIORT', 'Tribunal judiciaire de Niort', 'Niort', '79', 'Deux-Sèvres', 'CA-POITIERS', 46.323130, -0.458770, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LA-ROCHE-SUR-YON', 'Tribunal judiciaire de La Roche-sur-Yon', 'La Roche-sur-Yon', '85', 'Vendée', 'CA-POITIERS', 46.670500, -1.426000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LES-SABLES-D-OLONNE', 'Tribunal judiciaire des Sables-d''Olonne', 'Les Sables-d''Olonne', '85', 'Vendée', 'CA-POITIERS', 46.496450, -1.784720, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-POITIERS', 'Tribunal judiciaire de Poitiers', 'Poitiers', '86', 'Vienne', 'CA-POITIERS', 46.582610, 0.343480, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHARLEVILLE-MEZIERES', 'Tribunal judiciaire de Charleville-Mézières', 'Charleville-Mézières', '08', 'Ardennes', 'CA-REIMS', 49.768500, 4.724870, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TROYES', 'Tribunal judiciaire de Troyes', 'Troyes', '10', 'Aube', 'CA-REIMS', 48.300730, 4.085240, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHALONS-EN-CHAMPAGNE', 'Tribunal judiciaire de Châlons-en-Champagne', 'Châlons-en-Champagne', '51', 'Marne', 'CA-REIMS', 48.953930, 4.367240, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-REIMS', 'Tribunal judiciaire de Reims', 'Reims', '51', 'Marne', 'CA-REIMS', 49.265260, 4.028530, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-BRIEUC', 'Tribunal judiciaire de Saint-Brieuc', 'Saint-Brieuc', '22', 'Côtes-d''Armor', 'CA-RENNES', 48.515130, -2.768380, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-BREST', 'Tribunal judiciaire de Brest', 'Brest', '29', 'Finistère', 'CA-RENNES', 48.390290, -4.486280, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-RENNES', 'Tribunal judiciaire de Rennes', 'Rennes', '35', 'Ille-et-Vilaine', 'CA-RENNES', 48.111980, -1.674290, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-MALO', 'Tribunal judiciaire de Saint-Malo', 'Saint-Malo', '35', 'Ille-et-Vilaine', 'CA-RENNES', 48.647200, -2.008830, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NANTES', 'Tribunal judiciaire de Nantes', 'Nantes', '44', 'Loire-Atlantique', 'CA-RENNES', 47.217250, -1.553360, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-NAZAIRE', 'Tribunal judiciaire de Saint-Nazaire', 'Saint-Nazaire', '44', 'Loire-Atlantique', 'CA-RENNES', 47.279560, -2.209930, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LORIENT', 'Tribunal judiciaire de Lorient', 'Lorient', '56', 'Morbihan', 'CA-RENNES', 47.745890, -3.366430, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VANNES', 'Tribunal judiciaire de Vannes', 'Vannes', '56', 'Morbihan', 'CA-RENNES', 47.657900, -2.755740, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CUSSET', 'Tribunal judiciaire de Cusset', 'Cusset', '03', 'Allier', 'CA-RIOM', 46.134520, 3.456390, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MONTLUCON', 'Tribunal judiciaire de Montluçon', 'Montluçon', '03', 'Allier', 'CA-RIOM', 46.340150, 2.602540, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MOULINS', 'Tribunal judiciaire de Moulins', 'Moulins', '03', 'Allier', 'CA-RIOM', 46.564590, 3.332430, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-AURILLAC', 'Tribunal judiciaire d''Aurillac', 'Aurillac', '15', 'Cantal', 'CA-RIOM', 44.925390, 2.439830, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LE-PUY-EN-VELAY', 'Tribunal judiciaire du Puy-en-Velay', 'Le Puy-en-Velay', '43', 'Haute-Loire', 'CA-RIOM', 45.043660, 3.885230, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CLERMONT-FERRAND', 'Tribunal judiciaire de Clermont-Ferrand', 'Clermont-Ferrand', '63', 'Puy-de-Dôme', 'CA-RIOM', 45.779690, 3.086820, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-EVREUX', 'Tribunal judiciaire d''Évreux', 'Évreux', '27', 'Eure', 'CA-ROUEN', 49.024140, 1.150820, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-DIEPPE', 'Tribunal judiciaire de Dieppe', 'Dieppe', '76', 'Seine-Maritime', 'CA-ROUEN', 49.921600, 1.077720, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-LE-HAVRE', 'Tribunal judiciaire du Havre', 'Le Havre', '76', 'Seine-Maritime', 'CA-ROUEN', 49.493800, 0.107670, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ROUEN', 'Tribunal judiciaire de Rouen', 'Rouen', '76', 'Seine-Maritime', 'CA-ROUEN', 49.443130, 1.099320, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-DENIS-REUNION', 'Tribunal judiciaire de Saint-Denis', 'Saint-Denis', '974', 'La Réunion', 'CA-SAINT-DENIS', -20.882310, 55.450400, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-PIERRE-REUNION', 'Tribunal judiciaire de Saint-Pierre', 'Saint-Pierre', '974', 'La Réunion', 'CA-SAINT-DENIS', -21.339300, 55.478110, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MAMOUDZOU', 'Tribunal judiciaire de Mamoudzou', 'Mamoudzou', '976', 'Mayotte', 'CA-SAINT-DENIS', -12.782340, 45.228780, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-FOIX', 'Tribunal judiciaire de Foix', 'Foix', '09', 'Ariège', 'CA-TOULOUSE', 42.960460, 1.607870, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-SAINT-GAUDENS', 'Tribunal judiciaire de Saint-Gaudens', 'Saint-Gaudens', '31', 'Haute-Garonne', 'CA-TOULOUSE', 43.108090, 0.723450, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-TOULOUSE', 'Tribunal judiciaire de Toulouse', 'Toulouse', '31', 'Haute-Garonne', 'CA-TOULOUSE', 43.604260, 1.443670, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-ALBI', 'Tribunal judiciaire d''Albi', 'Albi', '81', 'Tarn', 'CA-TOULOUSE', 43.929800, 2.148000, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CASTRES', 'Tribunal judiciaire de Castres', 'Castres', '81', 'Tarn', 'CA-TOULOUSE', 43.605890, 2.239920, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-MONTAUBAN', 'Tribunal judiciaire de Montauban', 'Montauban', '82', 'Tarn-et-Garonne', 'CA-TOULOUSE', 44.018190, 1.364320, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-CHARTRES', 'Tribunal judiciaire de Chartres', 'Chartres', '28', 'Eure-et-Loir', 'CA-VERSAILLES', 48.446850, 1.489250, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-VERSAILLES', 'Tribunal judiciaire de Versailles', 'Versailles', '78', 'Yvelines', 'CA-VERSAILLES', 48.803590, 2.134240, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-NANTERRE', 'Tribunal judiciaire de Nanterre', 'Nanterre', '92', 'Hauts-de-Seine', 'CA-VERSAILLES', 48.891980, 2.206750, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL),
	('TJ-PONTOISE', 'Tribunal judiciaire de Pontoise', 'Pontoise', '95', 'Val-d''Oise', 'CA-VERSAILLES', 49.050500, 2.100900, 'Code de l''organisation judiciaire, annexe tableau IV (sièges des tribunaux judiciaires) ; coordonnées : GeoNames, centre de la commune siège', '2026-12-06 20:35:40.696131+00', NULL);


--
-- Data for Name: login_attempt; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: mail_outbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: measure; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.measure VALUES
	('0a7e1ea5-0000-4000-8000-000000000006', '0a7e1ea5-0000-4000-8000-000000000001', 'M-2026-00001', '0a7e1ea5-0000-4000-8000-000000000005', '0a7e1ea5-0000-4000-8000-000000000004', 'TJ-LYON', 'PARQUET', NULL, NULL, NULL, '2026-11-02', NULL, 'RECEIVED', NULL, '0a7e1ea5-0000-4000-8000-000000000003', '2026-12-06 20:35:46.388477+00', '0a7e1ea5-0000-4000-8000-000000000003', NULL, NULL, '2026-11-02', NULL, NULL);


--
-- Data for Name: measure_incident; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: measure_obligation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: measure_quantity_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: measure_transition; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.measure_transition VALUES
	('0a7e1ea5-0000-4000-8000-000000000007', '0a7e1ea5-0000-4000-8000-000000000001', '0a7e1ea5-0000-4000-8000-000000000006', NULL, NULL, 'RECEIVED', NULL, '2026-11-02 08:00:00+00', NULL, '0a7e1ea5-0000-4000-8000-000000000003', 'Intervenante Avant', NULL);


--
-- Data for Name: measure_type; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.measure_type VALUES
	('0a7e1ea5-0000-4000-8000-000000000004', '0a7e1ea5-0000-4000-8000-000000000001', 'ESR', 10, 'PRE_SENTENCE', 'Enquête sociale rapide (ESR)', 'parquet', 'HOURS', NULL, NULL, 0, 'rapport d''enquête', 'PER_MEASURE', NULL, true);


--
-- Data for Name: mfa_recovery_code; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: network_region; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: obs_change; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.obs_change VALUES
	('-infinity', '1017', '2026-12-06 20:35:46.388477+00');


--
-- Data for Name: obs_dirty; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.obs_dirty VALUES
	('0a7e1ea5-0000-4000-8000-000000000006', '2026-12-06 20:35:46.416537+00');


--
-- Data for Name: obs_measure_fact; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: obs_month; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: obs_state; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.obs_state VALUES
	(1, '2026-12-01');


--
-- Data for Name: obs_year; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: organisation; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.organisation VALUES
	('0a7e1ea5-0000-4000-8000-000000000001', 'ASSOCIATION', 'Association avant mise à jour', 'Lyon', '69', NULL, true, true, '2026-12-06 20:35:46.388477+00', '2026-12-06 20:35:46.388477+00');


--
-- Data for Name: person; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.person VALUES
	('0a7e1ea5-0000-4000-8000-000000000005', '0a7e1ea5-0000-4000-8000-000000000001', 'P-2026-00001', 'Durand', 'Élise', '1990-04-12', 'F', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:35:46.388477+00', '0a7e1ea5-0000-4000-8000-000000000003', '2026-12-06 20:35:46.388477+00', DEFAULT, DEFAULT);


--
-- Data for Name: person_consent; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: person_health; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: reference_counter; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: report; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: report_version; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: role; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.role VALUES
	('CASE_WORKER', 'ASSOCIATION', 10),
	('SERVICE_HEAD', 'ASSOCIATION', 20),
	('DIRECTOR', 'ASSOCIATION', 30),
	('ASSOCIATION_ADMIN', 'ASSOCIATION', 40),
	('FEDERATION_STAFF', 'FEDERATION', 50),
	('FEDERATION_ADMIN', 'FEDERATION', 60),
	('CONSULTATION_ORGANISER', 'PUBLIC_BODY', 70),
	('MODERATOR', 'PUBLIC_BODY', 80),
	('ANALYST', 'PUBLIC_BODY', 90),
	('PARTICIPANT', 'PUBLIC_BODY', 100);


--
-- Data for Name: role_permission; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.role_permission VALUES
	('CASE_WORKER', 'person:read'),
	('CASE_WORKER', 'person:write'),
	('CASE_WORKER', 'person:health'),
	('CASE_WORKER', 'measure:read'),
	('CASE_WORKER', 'measure:write'),
	('CASE_WORKER', 'report:write'),
	('CASE_WORKER', 'reference:read'),
	('SERVICE_HEAD', 'person:read'),
	('SERVICE_HEAD', 'person:write'),
	('SERVICE_HEAD', 'person:health'),
	('SERVICE_HEAD', 'measure:read'),
	('SERVICE_HEAD', 'measure:write'),
	('SERVICE_HEAD', 'measure:assign'),
	('SERVICE_HEAD', 'report:write'),
	('SERVICE_HEAD', 'report:validate'),
	('SERVICE_HEAD', 'reference:read'),
	('DIRECTOR', 'person:read'),
	('DIRECTOR', 'measure:read'),
	('DIRECTOR', 'measure:assign'),
	('DIRECTOR', 'indicators:read'),
	('DIRECTOR', 'billing:manage'),
	('DIRECTOR', 'reference:read'),
	('ASSOCIATION_ADMIN', 'user:manage'),
	('ASSOCIATION_ADMIN', 'service:manage'),
	('ASSOCIATION_ADMIN', 'audit:read'),
	('ASSOCIATION_ADMIN', 'audit:verify'),
	('ASSOCIATION_ADMIN', 'import:run'),
	('ASSOCIATION_ADMIN', 'reference:read'),
	('FEDERATION_STAFF', 'observatory:national'),
	('FEDERATION_STAFF', 'network:read'),
	('FEDERATION_STAFF', 'reference:read'),
	('FEDERATION_ADMIN', 'organisation:manage'),
	('FEDERATION_ADMIN', 'user:manage'),
	('FEDERATION_ADMIN', 'reference:read'),
	('FEDERATION_ADMIN', 'reference:edit'),
	('FEDERATION_ADMIN', 'audit:read'),
	('FEDERATION_ADMIN', 'audit:verify'),
	('FEDERATION_ADMIN', 'network:read'),
	('FEDERATION_ADMIN', 'observatory:national'),
	('CONSULTATION_ORGANISER', 'consultation:manage'),
	('CONSULTATION_ORGANISER', 'user:manage'),
	('CONSULTATION_ORGANISER', 'audit:read'),
	('MODERATOR', 'consultation:moderate'),
	('ANALYST', 'consultation:analyse'),
	('PARTICIPANT', 'consultation:participate'),
	('ASSOCIATION_ADMIN', 'api:explore'),
	('ASSOCIATION_ADMIN', 'catalogue:manage'),
	('DIRECTOR', 'catalogue:manage'),
	('CONSULTATION_ORGANISER', 'consultation:analyse'),
	('ASSOCIATION_ADMIN', 'profile:edit'),
	('DIRECTOR', 'profile:edit'),
	('FEDERATION_STAFF', 'network:validate'),
	('FEDERATION_ADMIN', 'network:validate'),
	('SERVICE_HEAD', 'indicators:read'),
	('DIRECTOR', 'indicators:association');


--
-- Data for Name: service; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.service VALUES
	('0a7e1ea5-0000-4000-8000-000000000002', '0a7e1ea5-0000-4000-8000-000000000001', 'Service pré-sentenciel', '2026-12-06 20:35:46.388477+00');


--
-- Data for Name: shedlock; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: spring_session; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: spring_session_attributes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: user_role; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.user_role VALUES
	('0a7e1ea5-0000-4000-8000-000000000003', '0a7e1ea5-0000-4000-8000-000000000001', 'CASE_WORKER');


--
-- Name: api_token api_token_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_pkey PRIMARY KEY (id);


--
-- Name: app_user app_user_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_pkey PRIMARY KEY (id);


--
-- Name: appointment appointment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_pkey PRIMARY KEY (id);


--
-- Name: association_profile_activity association_profile_activity_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_activity
    ADD CONSTRAINT association_profile_activity_pkey PRIMARY KEY (organisation_id, measure_type_code);


--
-- Name: association_profile_change association_profile_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_change
    ADD CONSTRAINT association_profile_change_pkey PRIMARY KEY (id);


--
-- Name: association_profile_court association_profile_court_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_court
    ADD CONSTRAINT association_profile_court_pkey PRIMARY KEY (organisation_id, court_code);


--
-- Name: association_profile association_profile_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile
    ADD CONSTRAINT association_profile_pkey PRIMARY KEY (organisation_id);


--
-- Name: audit_event audit_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (seq);


--
-- Name: billing_statement_line billing_statement_line_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement_line
    ADD CONSTRAINT billing_statement_line_pkey PRIMARY KEY (id);


--
-- Name: billing_statement billing_statement_organisation_id_court_code_period_month_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement
    ADD CONSTRAINT billing_statement_organisation_id_court_code_period_month_key UNIQUE (organisation_id, court_code, period_month);


--
-- Name: billing_statement billing_statement_organisation_id_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement
    ADD CONSTRAINT billing_statement_organisation_id_number_key UNIQUE (organisation_id, number);


--
-- Name: billing_statement billing_statement_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement
    ADD CONSTRAINT billing_statement_pkey PRIMARY KEY (id);


--
-- Name: calendar_feed calendar_feed_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feed
    ADD CONSTRAINT calendar_feed_pkey PRIMARY KEY (id);


--
-- Name: calendar_feed calendar_feed_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feed
    ADD CONSTRAINT calendar_feed_token_hash_key UNIQUE (token_hash);


--
-- Name: consultation_analysis_consensus consultation_analysis_consensus_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_consensus
    ADD CONSTRAINT consultation_analysis_consensus_pkey PRIMARY KEY (analysis_id, proposal_id);


--
-- Name: consultation_analysis_group consultation_analysis_group_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_group
    ADD CONSTRAINT consultation_analysis_group_pkey PRIMARY KEY (analysis_id, group_id);


--
-- Name: consultation_analysis consultation_analysis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis
    ADD CONSTRAINT consultation_analysis_pkey PRIMARY KEY (id);


--
-- Name: consultation_analysis_representative consultation_analysis_representative_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_representative
    ADD CONSTRAINT consultation_analysis_representative_pkey PRIMARY KEY (analysis_id, group_id, rank);


--
-- Name: consultation_analysis_split consultation_analysis_split_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split
    ADD CONSTRAINT consultation_analysis_split_pkey PRIMARY KEY (analysis_id, question_code, segment, proposal_id);


--
-- Name: consultation_analysis_split_segment consultation_analysis_split_segment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split_segment
    ADD CONSTRAINT consultation_analysis_split_segment_pkey PRIMARY KEY (analysis_id, question_code, segment);


--
-- Name: consultation_participant consultation_participant_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant
    ADD CONSTRAINT consultation_participant_pkey PRIMARY KEY (id);


--
-- Name: consultation_participant_position consultation_participant_position_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant_position
    ADD CONSTRAINT consultation_participant_position_pkey PRIMARY KEY (consultation_id, participant_id);


--
-- Name: consultation consultation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation
    ADD CONSTRAINT consultation_pkey PRIMARY KEY (id);


--
-- Name: consultation_profile_answer consultation_profile_answer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_answer
    ADD CONSTRAINT consultation_profile_answer_pkey PRIMARY KEY (participant_id, question_id);


--
-- Name: consultation_profile_question consultation_profile_question_consultation_id_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_question
    ADD CONSTRAINT consultation_profile_question_consultation_id_code_key UNIQUE (consultation_id, code);


--
-- Name: consultation_profile_question consultation_profile_question_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_question
    ADD CONSTRAINT consultation_profile_question_pkey PRIMARY KEY (id);


--
-- Name: consultation_proposal_counter consultation_proposal_counter_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_counter
    ADD CONSTRAINT consultation_proposal_counter_pkey PRIMARY KEY (proposal_id, kind);


--
-- Name: consultation_proposal consultation_proposal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal
    ADD CONSTRAINT consultation_proposal_pkey PRIMARY KEY (id);


--
-- Name: consultation_proposal_theme consultation_proposal_theme_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_theme
    ADD CONSTRAINT consultation_proposal_theme_pkey PRIMARY KEY (proposal_id, theme_id);


--
-- Name: consultation_solution_sheet consultation_solution_sheet_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_solution_sheet
    ADD CONSTRAINT consultation_solution_sheet_pkey PRIMARY KEY (id);


--
-- Name: consultation_theme consultation_theme_consultation_id_label_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_theme
    ADD CONSTRAINT consultation_theme_consultation_id_label_key UNIQUE (consultation_id, label);


--
-- Name: consultation_theme consultation_theme_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_theme
    ADD CONSTRAINT consultation_theme_pkey PRIMARY KEY (id);


--
-- Name: consultation_vote consultation_vote_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_vote
    ADD CONSTRAINT consultation_vote_pkey PRIMARY KEY (participant_id, proposal_id);


--
-- Name: consultation_workshop_idea consultation_workshop_idea_consultation_id_proposal_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_idea
    ADD CONSTRAINT consultation_workshop_idea_consultation_id_proposal_id_key UNIQUE (consultation_id, proposal_id);


--
-- Name: consultation_workshop_idea consultation_workshop_idea_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_idea
    ADD CONSTRAINT consultation_workshop_idea_pkey PRIMARY KEY (id);


--
-- Name: consultation_workshop_invitation consultation_workshop_invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_invitation
    ADD CONSTRAINT consultation_workshop_invitation_pkey PRIMARY KEY (session_id, participant_id);


--
-- Name: consultation_workshop_session consultation_workshop_session_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_session
    ADD CONSTRAINT consultation_workshop_session_pkey PRIMARY KEY (id);


--
-- Name: court_of_appeal court_of_appeal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.court_of_appeal
    ADD CONSTRAINT court_of_appeal_pkey PRIMARY KEY (code);


--
-- Name: default_measure_type default_measure_type_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.default_measure_type
    ADD CONSTRAINT default_measure_type_pkey PRIMARY KEY (code);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: import_job import_job_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_job
    ADD CONSTRAINT import_job_pkey PRIMARY KEY (id);


--
-- Name: judicial_court judicial_court_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judicial_court
    ADD CONSTRAINT judicial_court_pkey PRIMARY KEY (code);


--
-- Name: login_attempt login_attempt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_attempt
    ADD CONSTRAINT login_attempt_pkey PRIMARY KEY (login_key);


--
-- Name: mail_outbox mail_outbox_organisation_id_dedup_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_organisation_id_dedup_key_key UNIQUE (organisation_id, dedup_key);


--
-- Name: mail_outbox mail_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_pkey PRIMARY KEY (id);


--
-- Name: measure_incident measure_incident_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_incident
    ADD CONSTRAINT measure_incident_pkey PRIMARY KEY (id);


--
-- Name: measure_obligation measure_obligation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_obligation
    ADD CONSTRAINT measure_obligation_pkey PRIMARY KEY (id);


--
-- Name: measure measure_organisation_id_reference_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_organisation_id_reference_key UNIQUE (organisation_id, reference);


--
-- Name: measure measure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_pkey PRIMARY KEY (id);


--
-- Name: measure_quantity_entry measure_quantity_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_quantity_entry
    ADD CONSTRAINT measure_quantity_entry_pkey PRIMARY KEY (id);


--
-- Name: measure_transition measure_transition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_transition
    ADD CONSTRAINT measure_transition_pkey PRIMARY KEY (id);


--
-- Name: measure_type measure_type_organisation_id_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_type
    ADD CONSTRAINT measure_type_organisation_id_code_key UNIQUE (organisation_id, code);


--
-- Name: measure_type measure_type_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_type
    ADD CONSTRAINT measure_type_pkey PRIMARY KEY (id);


--
-- Name: mfa_recovery_code mfa_recovery_code_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mfa_recovery_code
    ADD CONSTRAINT mfa_recovery_code_pkey PRIMARY KEY (id);


--
-- Name: network_region network_region_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.network_region
    ADD CONSTRAINT network_region_pkey PRIMARY KEY (code);


--
-- Name: obs_dirty obs_dirty_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.obs_dirty
    ADD CONSTRAINT obs_dirty_pkey PRIMARY KEY (measure_id);


--
-- Name: obs_measure_fact obs_measure_fact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.obs_measure_fact
    ADD CONSTRAINT obs_measure_fact_pkey PRIMARY KEY (measure_id);


--
-- Name: obs_month obs_month_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.obs_month
    ADD CONSTRAINT obs_month_pkey PRIMARY KEY (organisation_id, court_code, type_code, month);


--
-- Name: obs_state obs_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.obs_state
    ADD CONSTRAINT obs_state_pkey PRIMARY KEY (id);


--
-- Name: obs_year obs_year_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.obs_year
    ADD CONSTRAINT obs_year_pkey PRIMARY KEY (organisation_id, court_code, type_code, year);


--
-- Name: organisation organisation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_pkey PRIMARY KEY (id);


--
-- Name: person_consent person_consent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_consent
    ADD CONSTRAINT person_consent_pkey PRIMARY KEY (id);


--
-- Name: person_health person_health_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_health
    ADD CONSTRAINT person_health_pkey PRIMARY KEY (person_id);


--
-- Name: person person_organisation_id_reference_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person
    ADD CONSTRAINT person_organisation_id_reference_key UNIQUE (organisation_id, reference);


--
-- Name: person person_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person
    ADD CONSTRAINT person_pkey PRIMARY KEY (id);


--
-- Name: reference_counter reference_counter_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reference_counter
    ADD CONSTRAINT reference_counter_pkey PRIMARY KEY (organisation_id, kind, year);


--
-- Name: report report_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report
    ADD CONSTRAINT report_pkey PRIMARY KEY (id);


--
-- Name: report_version report_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_version
    ADD CONSTRAINT report_version_pkey PRIMARY KEY (id);


--
-- Name: report_version report_version_report_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_version
    ADD CONSTRAINT report_version_report_id_version_key UNIQUE (report_id, version);


--
-- Name: role_permission role_permission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_pkey PRIMARY KEY (role_code, permission);


--
-- Name: role role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role
    ADD CONSTRAINT role_pkey PRIMARY KEY (code);


--
-- Name: service service_organisation_id_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service
    ADD CONSTRAINT service_organisation_id_name_key UNIQUE (organisation_id, name);


--
-- Name: service service_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service
    ADD CONSTRAINT service_pkey PRIMARY KEY (id);


--
-- Name: shedlock shedlock_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shedlock
    ADD CONSTRAINT shedlock_pkey PRIMARY KEY (name);


--
-- Name: spring_session_attributes spring_session_attributes_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.spring_session_attributes
    ADD CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name);


--
-- Name: spring_session spring_session_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.spring_session
    ADD CONSTRAINT spring_session_pk PRIMARY KEY (primary_id);


--
-- Name: user_role user_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_role
    ADD CONSTRAINT user_role_pkey PRIMARY KEY (user_id, role_code);


--
-- Name: api_token_hash_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX api_token_hash_idx ON public.api_token USING btree (token_hash);


--
-- Name: api_token_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX api_token_user_idx ON public.api_token USING btree (user_id, created_at);


--
-- Name: app_user_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX app_user_organisation_idx ON public.app_user USING btree (organisation_id, display_name);


--
-- Name: app_user_username_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX app_user_username_idx ON public.app_user USING btree (lower((username)::text));


--
-- Name: appointment_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX appointment_measure_idx ON public.appointment USING btree (measure_id, scheduled_at);


--
-- Name: appointment_worker_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX appointment_worker_idx ON public.appointment USING btree (organisation_id, worker_id, scheduled_at);


--
-- Name: association_profile_change_history_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX association_profile_change_history_idx ON public.association_profile_change USING btree (organisation_id, submitted_at DESC);


--
-- Name: association_profile_change_pending_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX association_profile_change_pending_idx ON public.association_profile_change USING btree (organisation_id) WHERE ((status)::text = 'PENDING'::text);


--
-- Name: association_profile_change_queue_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX association_profile_change_queue_idx ON public.association_profile_change USING btree (submitted_at, id) WHERE ((status)::text = 'PENDING'::text);


--
-- Name: association_profile_court_court_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX association_profile_court_court_idx ON public.association_profile_court USING btree (court_code);


--
-- Name: audit_event_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_event_organisation_idx ON public.audit_event USING btree (organisation_id, seq DESC);


--
-- Name: billing_line_per_measure_once; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX billing_line_per_measure_once ON public.billing_statement_line USING btree (measure_id) WHERE ((billing_mode)::text = 'PER_MEASURE'::text);


--
-- Name: billing_line_per_period_once; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX billing_line_per_period_once ON public.billing_statement_line USING btree (measure_id, period_month) WHERE ((billing_mode)::text <> 'PER_MEASURE'::text);


--
-- Name: billing_statement_line_statement_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX billing_statement_line_statement_idx ON public.billing_statement_line USING btree (statement_id, "position");


--
-- Name: billing_statement_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX billing_statement_status_idx ON public.billing_statement USING btree (organisation_id, status, period_month);


--
-- Name: calendar_feed_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX calendar_feed_user_idx ON public.calendar_feed USING btree (organisation_id, user_id);


--
-- Name: consultation_analysis_consultation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_analysis_consultation_idx ON public.consultation_analysis USING btree (consultation_id, created_at DESC);


--
-- Name: consultation_analysis_running_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX consultation_analysis_running_idx ON public.consultation_analysis USING btree (consultation_id) WHERE ((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'RUNNING'::character varying])::text[]));


--
-- Name: consultation_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_organisation_idx ON public.consultation USING btree (organisation_id, created_at DESC);


--
-- Name: consultation_participant_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_participant_created_idx ON public.consultation_participant USING btree (consultation_id, created_at);


--
-- Name: consultation_participant_position_analysis_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_participant_position_analysis_idx ON public.consultation_participant_position USING btree (analysis_id);


--
-- Name: consultation_participant_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX consultation_participant_user_idx ON public.consultation_participant USING btree (consultation_id, user_id) WHERE (user_id IS NOT NULL);


--
-- Name: consultation_profile_question_segment_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX consultation_profile_question_segment_idx ON public.consultation_profile_question USING btree (consultation_id) WHERE defines_segment;


--
-- Name: consultation_proposal_author_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_proposal_author_idx ON public.consultation_proposal USING btree (participant_id, created_at DESC);


--
-- Name: consultation_proposal_queue_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_proposal_queue_idx ON public.consultation_proposal USING btree (consultation_id, status, created_at);


--
-- Name: consultation_proposal_rephrases_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX consultation_proposal_rephrases_idx ON public.consultation_proposal USING btree (rephrases) WHERE (rephrases IS NOT NULL);


--
-- Name: consultation_proposal_text_trgm_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_proposal_text_trgm_idx ON public.consultation_proposal USING gin (lower((text)::text) public.gin_trgm_ops);


--
-- Name: consultation_proposal_theme_theme_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_proposal_theme_theme_idx ON public.consultation_proposal_theme USING btree (theme_id);


--
-- Name: consultation_slug_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX consultation_slug_idx ON public.consultation USING btree (slug);


--
-- Name: consultation_solution_sheet_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_solution_sheet_idx ON public.consultation_solution_sheet USING btree (consultation_id, created_at);


--
-- Name: consultation_vote_consultation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_vote_consultation_idx ON public.consultation_vote USING btree (consultation_id, created_at);


--
-- Name: consultation_vote_proposal_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_vote_proposal_idx ON public.consultation_vote USING btree (proposal_id);


--
-- Name: consultation_workshop_invitation_participant_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_workshop_invitation_participant_idx ON public.consultation_workshop_invitation USING btree (participant_id);


--
-- Name: consultation_workshop_session_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consultation_workshop_session_idx ON public.consultation_workshop_session USING btree (consultation_id, starts_at);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: import_job_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX import_job_organisation_idx ON public.import_job USING btree (organisation_id, created_at DESC);


--
-- Name: indicator_change_org_xid_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX indicator_change_org_xid_idx ON public.indicator_change USING btree (organisation_id, xid);


--
-- Name: judicial_court_ca_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX judicial_court_ca_idx ON public.judicial_court USING btree (court_of_appeal_code);


--
-- Name: judicial_court_dept_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX judicial_court_dept_idx ON public.judicial_court USING btree (departement_code);


--
-- Name: mail_outbox_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_outbox_due_idx ON public.mail_outbox USING btree (next_attempt_at) WHERE ((status)::text = 'PENDING'::text);


--
-- Name: mail_outbox_list_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_outbox_list_idx ON public.mail_outbox USING btree (organisation_id, created_at DESC, id DESC);


--
-- Name: measure_caseload_assignee_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_caseload_assignee_idx ON public.measure USING btree (organisation_id, assigned_user_id, received_on DESC, id DESC);


--
-- Name: measure_caseload_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_caseload_due_idx ON public.measure USING btree (organisation_id, due_on) WHERE ((status)::text <> ALL ((ARRAY['ENDED'::character varying, 'CLOSED'::character varying])::text[]));


--
-- Name: measure_caseload_received_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_caseload_received_idx ON public.measure USING btree (organisation_id, received_on DESC, id DESC);


--
-- Name: measure_court_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_court_idx ON public.measure USING btree (organisation_id, court_code);


--
-- Name: measure_incident_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_incident_measure_idx ON public.measure_incident USING btree (measure_id, occurred_on);


--
-- Name: measure_incident_unreported_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_incident_unreported_idx ON public.measure_incident USING btree (organisation_id) WHERE (reported_at IS NULL);


--
-- Name: measure_next_deadline_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_next_deadline_idx ON public.measure USING btree (organisation_id, next_deadline_on) INCLUDE (received_on, due_on, id) WHERE (next_deadline_on IS NOT NULL);


--
-- Name: measure_obligation_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_obligation_measure_idx ON public.measure_obligation USING btree (measure_id);


--
-- Name: measure_open_assignee_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_open_assignee_idx ON public.measure USING btree (organisation_id, assigned_user_id, received_on DESC, id DESC) INCLUDE (status, due_on, measure_type_id) WHERE ((status)::text <> ALL ((ARRAY['ENDED'::character varying, 'CLOSED'::character varying])::text[]));


--
-- Name: measure_person_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_person_idx ON public.measure USING btree (organisation_id, person_id);


--
-- Name: measure_planned_end_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_planned_end_idx ON public.measure USING btree (organisation_id, planned_end_on) WHERE ((status)::text <> ALL ((ARRAY['ENDED'::character varying, 'CLOSED'::character varying])::text[]));


--
-- Name: measure_quantity_entry_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_quantity_entry_measure_idx ON public.measure_quantity_entry USING btree (measure_id, entry_date);


--
-- Name: measure_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_status_idx ON public.measure USING btree (organisation_id, status);


--
-- Name: measure_transition_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_transition_measure_idx ON public.measure_transition USING btree (measure_id, occurred_at);


--
-- Name: measure_type_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX measure_type_idx ON public.measure USING btree (organisation_id, measure_type_id);


--
-- Name: mfa_recovery_code_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mfa_recovery_code_user_idx ON public.mfa_recovery_code USING btree (user_id);


--
-- Name: obs_change_xid_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX obs_change_xid_idx ON public.obs_change USING btree (xid);


--
-- Name: obs_dirty_queued_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX obs_dirty_queued_idx ON public.obs_dirty USING btree (queued_at);


--
-- Name: obs_measure_fact_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX obs_measure_fact_open_idx ON public.obs_measure_fact USING btree (ended_month);


--
-- Name: obs_month_month_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX obs_month_month_idx ON public.obs_month USING btree (month);


--
-- Name: obs_year_year_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX obs_year_year_idx ON public.obs_year USING btree (year);


--
-- Name: organisation_name_trgm_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX organisation_name_trgm_idx ON public.organisation USING gin (lower(name) public.gin_trgm_ops);


--
-- Name: person_birth_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_birth_date_idx ON public.person USING btree (organisation_id, birth_date);


--
-- Name: person_consent_person_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_consent_person_idx ON public.person_consent USING btree (person_id, given_on);


--
-- Name: person_search_prefix_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_search_prefix_idx ON public.person USING btree (organisation_id, search_name text_pattern_ops);


--
-- Name: person_search_prefix_rev_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_search_prefix_rev_idx ON public.person USING btree (organisation_id, search_name_rev text_pattern_ops);


--
-- Name: person_search_trgm_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_search_trgm_idx ON public.person USING gin (organisation_id, search_name public.gin_trgm_ops);


--
-- Name: report_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_due_idx ON public.report USING btree (organisation_id, due_on) WHERE ((status)::text <> 'SENT'::text);


--
-- Name: report_measure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_measure_idx ON public.report USING btree (measure_id);


--
-- Name: report_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX report_status_idx ON public.report USING btree (organisation_id, status);


--
-- Name: spring_session_ix1; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX spring_session_ix1 ON public.spring_session USING btree (session_id);


--
-- Name: spring_session_ix2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX spring_session_ix2 ON public.spring_session USING btree (expiry_time);


--
-- Name: spring_session_ix3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX spring_session_ix3 ON public.spring_session USING btree (principal_name);


--
-- Name: user_role_organisation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_role_organisation_idx ON public.user_role USING btree (organisation_id);


--
-- Name: billing_statement billing_statement_frozen; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER billing_statement_frozen BEFORE DELETE OR UPDATE ON public.billing_statement FOR EACH ROW EXECUTE FUNCTION public.billing_statement_frozen();


--
-- Name: billing_statement_line billing_statement_line_frozen; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER billing_statement_line_frozen BEFORE INSERT OR DELETE OR UPDATE ON public.billing_statement_line FOR EACH ROW EXECUTE FUNCTION public.billing_statement_line_frozen();


--
-- Name: app_user indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.app_user REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: billing_statement indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.billing_statement REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_billing();


--
-- Name: billing_statement_line indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.billing_statement_line REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_billing();


--
-- Name: measure indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.measure REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure();


--
-- Name: measure_incident indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.measure_incident REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_quantity_entry indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.measure_quantity_entry REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_type indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.measure_type REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: person indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.person REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: report indicator_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_delete AFTER DELETE ON public.report REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: app_user indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.app_user REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: billing_statement indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.billing_statement REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_billing();


--
-- Name: billing_statement_line indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.billing_statement_line REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_billing();


--
-- Name: measure indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.measure REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure();


--
-- Name: measure_incident indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.measure_incident REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_quantity_entry indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.measure_quantity_entry REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_type indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.measure_type REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: person indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.person REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: report indicator_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_insert AFTER INSERT ON public.report REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: app_user indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.app_user FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: billing_statement indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.billing_statement FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: billing_statement_line indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.billing_statement_line FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: measure indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.measure FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: measure_incident indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.measure_incident FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: measure_quantity_entry indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.measure_quantity_entry FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: measure_type indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.measure_type FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: person indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.person FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: report indicator_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_truncate AFTER TRUNCATE ON public.report FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_truncate();


--
-- Name: app_user indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.app_user REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: billing_statement indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.billing_statement REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_billing();


--
-- Name: billing_statement_line indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.billing_statement_line REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_billing();


--
-- Name: measure indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.measure REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure();


--
-- Name: measure_incident indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.measure_incident REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_quantity_entry indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.measure_quantity_entry REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_type indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.measure_type REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: person indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.person REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_definition();


--
-- Name: report indicator_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER indicator_changes_on_update AFTER UPDATE ON public.report REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.indicator_changes_measure_detail();


--
-- Name: measure_transition measure_dates_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER measure_dates_on_delete AFTER DELETE ON public.measure_transition REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.measure_dates_from_transitions();


--
-- Name: measure_transition measure_dates_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER measure_dates_on_insert AFTER INSERT ON public.measure_transition REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.measure_dates_from_transitions();


--
-- Name: measure_transition measure_dates_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER measure_dates_on_update AFTER UPDATE ON public.measure_transition REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.measure_dates_from_transitions();


--
-- Name: measure measure_next_deadline; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER measure_next_deadline BEFORE INSERT OR UPDATE OF status, received_on, due_on, planned_end_on, measure_type_id ON public.measure FOR EACH ROW EXECUTE FUNCTION public.measure_next_deadline();


--
-- Name: measure_type measure_type_first_interview_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER measure_type_first_interview_changed AFTER UPDATE OF first_interview_days ON public.measure_type FOR EACH ROW WHEN ((old.first_interview_days IS DISTINCT FROM new.first_interview_days)) EXECUTE FUNCTION public.measure_type_first_interview_changed();


--
-- Name: court_of_appeal obs_changes_on_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_change AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.court_of_appeal FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_everything();


--
-- Name: default_measure_type obs_changes_on_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_change AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.default_measure_type FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_everything();


--
-- Name: judicial_court obs_changes_on_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_change AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.judicial_court FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_everything();


--
-- Name: network_region obs_changes_on_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_change AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.network_region FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_everything();


--
-- Name: organisation obs_changes_on_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_change AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.organisation FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_everything();


--
-- Name: obs_month obs_changes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_delete AFTER DELETE ON public.obs_month REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_months();


--
-- Name: obs_month obs_changes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_insert AFTER INSERT ON public.obs_month REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_months();


--
-- Name: obs_month obs_changes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_truncate AFTER TRUNCATE ON public.obs_month FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_everything();


--
-- Name: obs_month obs_changes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_changes_on_update AFTER UPDATE ON public.obs_month REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.obs_changes_months();


--
-- Name: measure obs_queue_measure_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_queue_measure_insert AFTER INSERT OR DELETE ON public.measure FOR EACH ROW EXECUTE FUNCTION public.obs_queue_measure();


--
-- Name: measure_type obs_queue_measure_type; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_queue_measure_type AFTER UPDATE OF code, field ON public.measure_type FOR EACH ROW WHEN ((((old.code)::text IS DISTINCT FROM (new.code)::text) OR ((old.field)::text IS DISTINCT FROM (new.field)::text))) EXECUTE FUNCTION public.obs_queue_measure();


--
-- Name: measure obs_queue_measure_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_queue_measure_update AFTER UPDATE OF status, outcome, court_code, measure_type_id, received_on ON public.measure FOR EACH ROW WHEN ((((old.status)::text IS DISTINCT FROM (new.status)::text) OR ((old.outcome)::text IS DISTINCT FROM (new.outcome)::text) OR ((old.court_code)::text IS DISTINCT FROM (new.court_code)::text) OR (old.measure_type_id IS DISTINCT FROM new.measure_type_id) OR (old.received_on IS DISTINCT FROM new.received_on))) EXECUTE FUNCTION public.obs_queue_measure();


--
-- Name: measure_transition obs_queue_transition; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_queue_transition AFTER INSERT OR DELETE OR UPDATE ON public.measure_transition FOR EACH ROW EXECUTE FUNCTION public.obs_queue_measure();


--
-- Name: obs_month obs_year_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_year_on_delete AFTER DELETE ON public.obs_month REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.obs_year_apply_removed();


--
-- Name: obs_month obs_year_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_year_on_insert AFTER INSERT ON public.obs_month REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.obs_year_apply_added();


--
-- Name: obs_month obs_year_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_year_on_truncate AFTER TRUNCATE ON public.obs_month FOR EACH STATEMENT EXECUTE FUNCTION public.obs_year_truncate();


--
-- Name: obs_month obs_year_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER obs_year_on_update AFTER UPDATE ON public.obs_month REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.obs_year_apply_both();


--
-- Name: api_token api_token_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: api_token api_token_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_token
    ADD CONSTRAINT api_token_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;


--
-- Name: app_user app_user_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: app_user app_user_service_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_user
    ADD CONSTRAINT app_user_service_id_fkey FOREIGN KEY (service_id) REFERENCES public.service(id);


--
-- Name: appointment appointment_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: appointment appointment_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointment
    ADD CONSTRAINT appointment_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: association_profile_activity association_profile_activity_measure_type_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_activity
    ADD CONSTRAINT association_profile_activity_measure_type_code_fkey FOREIGN KEY (measure_type_code) REFERENCES public.default_measure_type(code);


--
-- Name: association_profile_activity association_profile_activity_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_activity
    ADD CONSTRAINT association_profile_activity_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.association_profile(organisation_id) ON DELETE CASCADE;


--
-- Name: association_profile_change association_profile_change_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_change
    ADD CONSTRAINT association_profile_change_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: association_profile_court association_profile_court_court_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_court
    ADD CONSTRAINT association_profile_court_court_code_fkey FOREIGN KEY (court_code) REFERENCES public.judicial_court(code);


--
-- Name: association_profile_court association_profile_court_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile_court
    ADD CONSTRAINT association_profile_court_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.association_profile(organisation_id) ON DELETE CASCADE;


--
-- Name: association_profile association_profile_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_profile
    ADD CONSTRAINT association_profile_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: billing_statement billing_statement_court_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement
    ADD CONSTRAINT billing_statement_court_code_fkey FOREIGN KEY (court_code) REFERENCES public.judicial_court(code);


--
-- Name: billing_statement_line billing_statement_line_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement_line
    ADD CONSTRAINT billing_statement_line_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: billing_statement_line billing_statement_line_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement_line
    ADD CONSTRAINT billing_statement_line_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: billing_statement_line billing_statement_line_statement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement_line
    ADD CONSTRAINT billing_statement_line_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES public.billing_statement(id) ON DELETE CASCADE;


--
-- Name: billing_statement billing_statement_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_statement
    ADD CONSTRAINT billing_statement_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: calendar_feed calendar_feed_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feed
    ADD CONSTRAINT calendar_feed_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_analysis_consensus consultation_analysis_consensus_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_consensus
    ADD CONSTRAINT consultation_analysis_consensus_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.consultation_analysis(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_consensus consultation_analysis_consensus_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_consensus
    ADD CONSTRAINT consultation_analysis_consensus_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_analysis_consensus consultation_analysis_consensus_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_consensus
    ADD CONSTRAINT consultation_analysis_consensus_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis consultation_analysis_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis
    ADD CONSTRAINT consultation_analysis_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_group consultation_analysis_group_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_group
    ADD CONSTRAINT consultation_analysis_group_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.consultation_analysis(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_group consultation_analysis_group_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_group
    ADD CONSTRAINT consultation_analysis_group_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_analysis consultation_analysis_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis
    ADD CONSTRAINT consultation_analysis_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_analysis_representative consultation_analysis_representative_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_representative
    ADD CONSTRAINT consultation_analysis_representative_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.consultation_analysis(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_representative consultation_analysis_representative_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_representative
    ADD CONSTRAINT consultation_analysis_representative_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_analysis_representative consultation_analysis_representative_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_representative
    ADD CONSTRAINT consultation_analysis_representative_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_split consultation_analysis_split_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split
    ADD CONSTRAINT consultation_analysis_split_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.consultation_analysis(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_split consultation_analysis_split_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split
    ADD CONSTRAINT consultation_analysis_split_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_analysis_split consultation_analysis_split_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split
    ADD CONSTRAINT consultation_analysis_split_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_split_segment consultation_analysis_split_segment_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split_segment
    ADD CONSTRAINT consultation_analysis_split_segment_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.consultation_analysis(id) ON DELETE CASCADE;


--
-- Name: consultation_analysis_split_segment consultation_analysis_split_segment_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_analysis_split_segment
    ADD CONSTRAINT consultation_analysis_split_segment_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation consultation_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation
    ADD CONSTRAINT consultation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_participant consultation_participant_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant
    ADD CONSTRAINT consultation_participant_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_participant consultation_participant_merged_into_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant
    ADD CONSTRAINT consultation_participant_merged_into_fkey FOREIGN KEY (merged_into) REFERENCES public.consultation_participant(id);


--
-- Name: consultation_participant consultation_participant_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant
    ADD CONSTRAINT consultation_participant_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_participant_position consultation_participant_position_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant_position
    ADD CONSTRAINT consultation_participant_position_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.consultation_analysis(id) ON DELETE CASCADE;


--
-- Name: consultation_participant_position consultation_participant_position_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant_position
    ADD CONSTRAINT consultation_participant_position_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_participant_position consultation_participant_position_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant_position
    ADD CONSTRAINT consultation_participant_position_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_participant_position consultation_participant_position_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant_position
    ADD CONSTRAINT consultation_participant_position_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.consultation_participant(id) ON DELETE CASCADE;


--
-- Name: consultation_participant consultation_participant_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_participant
    ADD CONSTRAINT consultation_participant_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id);


--
-- Name: consultation_profile_answer consultation_profile_answer_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_answer
    ADD CONSTRAINT consultation_profile_answer_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_profile_answer consultation_profile_answer_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_answer
    ADD CONSTRAINT consultation_profile_answer_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.consultation_participant(id) ON DELETE CASCADE;


--
-- Name: consultation_profile_answer consultation_profile_answer_question_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_answer
    ADD CONSTRAINT consultation_profile_answer_question_id_fkey FOREIGN KEY (question_id) REFERENCES public.consultation_profile_question(id) ON DELETE CASCADE;


--
-- Name: consultation_profile_question consultation_profile_question_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_question
    ADD CONSTRAINT consultation_profile_question_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_profile_question consultation_profile_question_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_profile_question
    ADD CONSTRAINT consultation_profile_question_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_proposal consultation_proposal_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal
    ADD CONSTRAINT consultation_proposal_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_proposal_counter consultation_proposal_counter_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_counter
    ADD CONSTRAINT consultation_proposal_counter_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_proposal_counter consultation_proposal_counter_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_counter
    ADD CONSTRAINT consultation_proposal_counter_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_proposal consultation_proposal_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal
    ADD CONSTRAINT consultation_proposal_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_proposal consultation_proposal_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal
    ADD CONSTRAINT consultation_proposal_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.consultation_participant(id);


--
-- Name: consultation_proposal consultation_proposal_rephrases_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal
    ADD CONSTRAINT consultation_proposal_rephrases_fkey FOREIGN KEY (rephrases) REFERENCES public.consultation_proposal(id);


--
-- Name: consultation_proposal_theme consultation_proposal_theme_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_theme
    ADD CONSTRAINT consultation_proposal_theme_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_proposal_theme consultation_proposal_theme_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_theme
    ADD CONSTRAINT consultation_proposal_theme_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_proposal_theme consultation_proposal_theme_theme_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_proposal_theme
    ADD CONSTRAINT consultation_proposal_theme_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES public.consultation_theme(id) ON DELETE CASCADE;


--
-- Name: consultation_solution_sheet consultation_solution_sheet_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_solution_sheet
    ADD CONSTRAINT consultation_solution_sheet_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_solution_sheet consultation_solution_sheet_idea_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_solution_sheet
    ADD CONSTRAINT consultation_solution_sheet_idea_id_fkey FOREIGN KEY (idea_id) REFERENCES public.consultation_workshop_idea(id) ON DELETE CASCADE;


--
-- Name: consultation_solution_sheet consultation_solution_sheet_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_solution_sheet
    ADD CONSTRAINT consultation_solution_sheet_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_theme consultation_theme_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_theme
    ADD CONSTRAINT consultation_theme_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_theme consultation_theme_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_theme
    ADD CONSTRAINT consultation_theme_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_vote consultation_vote_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_vote
    ADD CONSTRAINT consultation_vote_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_vote consultation_vote_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_vote
    ADD CONSTRAINT consultation_vote_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_vote consultation_vote_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_vote
    ADD CONSTRAINT consultation_vote_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.consultation_participant(id) ON DELETE CASCADE;


--
-- Name: consultation_vote consultation_vote_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_vote
    ADD CONSTRAINT consultation_vote_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_workshop_idea consultation_workshop_idea_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_idea
    ADD CONSTRAINT consultation_workshop_idea_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_workshop_idea consultation_workshop_idea_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_idea
    ADD CONSTRAINT consultation_workshop_idea_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_workshop_idea consultation_workshop_idea_proposal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_idea
    ADD CONSTRAINT consultation_workshop_idea_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES public.consultation_proposal(id) ON DELETE CASCADE;


--
-- Name: consultation_workshop_invitation consultation_workshop_invitation_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_invitation
    ADD CONSTRAINT consultation_workshop_invitation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: consultation_workshop_invitation consultation_workshop_invitation_participant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_invitation
    ADD CONSTRAINT consultation_workshop_invitation_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES public.consultation_participant(id) ON DELETE CASCADE;


--
-- Name: consultation_workshop_invitation consultation_workshop_invitation_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_invitation
    ADD CONSTRAINT consultation_workshop_invitation_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.consultation_workshop_session(id) ON DELETE CASCADE;


--
-- Name: consultation_workshop_session consultation_workshop_session_consultation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_session
    ADD CONSTRAINT consultation_workshop_session_consultation_id_fkey FOREIGN KEY (consultation_id) REFERENCES public.consultation(id) ON DELETE CASCADE;


--
-- Name: consultation_workshop_session consultation_workshop_session_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consultation_workshop_session
    ADD CONSTRAINT consultation_workshop_session_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: import_job import_job_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_job
    ADD CONSTRAINT import_job_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: judicial_court judicial_court_court_of_appeal_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judicial_court
    ADD CONSTRAINT judicial_court_court_of_appeal_code_fkey FOREIGN KEY (court_of_appeal_code) REFERENCES public.court_of_appeal(code);


--
-- Name: mail_outbox mail_outbox_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail_outbox
    ADD CONSTRAINT mail_outbox_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: measure measure_court_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_court_code_fkey FOREIGN KEY (court_code) REFERENCES public.judicial_court(code);


--
-- Name: measure_incident measure_incident_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_incident
    ADD CONSTRAINT measure_incident_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: measure_incident measure_incident_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_incident
    ADD CONSTRAINT measure_incident_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: measure measure_measure_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_measure_type_id_fkey FOREIGN KEY (measure_type_id) REFERENCES public.measure_type(id);


--
-- Name: measure_obligation measure_obligation_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_obligation
    ADD CONSTRAINT measure_obligation_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: measure_obligation measure_obligation_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_obligation
    ADD CONSTRAINT measure_obligation_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: measure measure_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: measure measure_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure
    ADD CONSTRAINT measure_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.person(id);


--
-- Name: measure_quantity_entry measure_quantity_entry_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_quantity_entry
    ADD CONSTRAINT measure_quantity_entry_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: measure_quantity_entry measure_quantity_entry_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_quantity_entry
    ADD CONSTRAINT measure_quantity_entry_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: measure_transition measure_transition_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_transition
    ADD CONSTRAINT measure_transition_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: measure_transition measure_transition_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_transition
    ADD CONSTRAINT measure_transition_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: measure_type measure_type_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.measure_type
    ADD CONSTRAINT measure_type_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: mfa_recovery_code mfa_recovery_code_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mfa_recovery_code
    ADD CONSTRAINT mfa_recovery_code_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: mfa_recovery_code mfa_recovery_code_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mfa_recovery_code
    ADD CONSTRAINT mfa_recovery_code_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;


--
-- Name: organisation organisation_region_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.network_region(code);


--
-- Name: person_consent person_consent_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_consent
    ADD CONSTRAINT person_consent_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: person_consent person_consent_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_consent
    ADD CONSTRAINT person_consent_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.person(id);


--
-- Name: person_health person_health_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_health
    ADD CONSTRAINT person_health_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: person_health person_health_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_health
    ADD CONSTRAINT person_health_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.person(id) ON DELETE CASCADE;


--
-- Name: person person_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person
    ADD CONSTRAINT person_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: reference_counter reference_counter_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reference_counter
    ADD CONSTRAINT reference_counter_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: report report_measure_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report
    ADD CONSTRAINT report_measure_id_fkey FOREIGN KEY (measure_id) REFERENCES public.measure(id);


--
-- Name: report report_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report
    ADD CONSTRAINT report_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: report_version report_version_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_version
    ADD CONSTRAINT report_version_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: report_version report_version_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.report_version
    ADD CONSTRAINT report_version_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.report(id);


--
-- Name: role_permission role_permission_role_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.role_permission
    ADD CONSTRAINT role_permission_role_code_fkey FOREIGN KEY (role_code) REFERENCES public.role(code);


--
-- Name: service service_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service
    ADD CONSTRAINT service_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: spring_session_attributes spring_session_attributes_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.spring_session_attributes
    ADD CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES public.spring_session(primary_id) ON DELETE CASCADE;


--
-- Name: user_role user_role_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_role
    ADD CONSTRAINT user_role_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: user_role user_role_role_code_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_role
    ADD CONSTRAINT user_role_role_code_fkey FOREIGN KEY (role_code) REFERENCES public.role(code);


--
-- Name: user_role user_role_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_role
    ADD CONSTRAINT user_role_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_user(id) ON DELETE CASCADE;


--
-- Name: api_token; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.api_token ENABLE ROW LEVEL SECURITY;

--
-- Name: app_user; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.app_user ENABLE ROW LEVEL SECURITY;

--
-- Name: appointment; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.appointment ENABLE ROW LEVEL SECURITY;

--
-- Name: association_profile; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.association_profile ENABLE ROW LEVEL SECURITY;

--
-- Name: association_profile_activity; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.association_profile_activity ENABLE ROW LEVEL SECURITY;

--
-- Name: association_profile_change; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.association_profile_change ENABLE ROW LEVEL SECURITY;

--
-- Name: association_profile_court; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.association_profile_court ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_event; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_event ENABLE ROW LEVEL SECURITY;

--
-- Name: billing_statement; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.billing_statement ENABLE ROW LEVEL SECURITY;

--
-- Name: billing_statement_line; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.billing_statement_line ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_feed; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.calendar_feed ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_analysis; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_analysis ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_analysis_consensus; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_analysis_consensus ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_analysis_group; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_analysis_group ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_analysis_representative; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_analysis_representative ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_analysis_split; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_analysis_split ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_analysis_split_segment; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_analysis_split_segment ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_participant; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_participant ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_participant_position; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_participant_position ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_profile_answer; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_profile_answer ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_profile_question; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_profile_question ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_proposal; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_proposal ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_proposal_counter; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_proposal_counter ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_proposal_theme; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_proposal_theme ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_solution_sheet; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_solution_sheet ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_theme; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_theme ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_vote; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_vote ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_workshop_idea; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_workshop_idea ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_workshop_invitation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_workshop_invitation ENABLE ROW LEVEL SECURITY;

--
-- Name: consultation_workshop_session; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consultation_workshop_session ENABLE ROW LEVEL SECURITY;

--
-- Name: association_profile_change federation_decide; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY federation_decide ON public.association_profile_change FOR UPDATE USING ((public.current_organisation_is_federation() AND ((status)::text = 'PENDING'::text))) WITH CHECK ((public.current_organisation_is_federation() AND ((status)::text = ANY ((ARRAY['APPROVED'::character varying, 'REJECTED'::character varying])::text[]))));


--
-- Name: association_profile_change federation_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY federation_read ON public.association_profile_change FOR SELECT USING (public.current_organisation_is_federation());


--
-- Name: association_profile federation_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY federation_write ON public.association_profile USING (public.current_organisation_is_federation()) WITH CHECK (public.current_organisation_is_federation());


--
-- Name: association_profile_activity federation_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY federation_write ON public.association_profile_activity USING (public.current_organisation_is_federation()) WITH CHECK (public.current_organisation_is_federation());


--
-- Name: association_profile_court federation_write; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY federation_write ON public.association_profile_court USING (public.current_organisation_is_federation()) WITH CHECK (public.current_organisation_is_federation());


--
-- Name: import_job; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_job ENABLE ROW LEVEL SECURITY;

--
-- Name: indicator_change; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.indicator_change ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_outbox; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.mail_outbox ENABLE ROW LEVEL SECURITY;

--
-- Name: measure; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.measure ENABLE ROW LEVEL SECURITY;

--
-- Name: measure_incident; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.measure_incident ENABLE ROW LEVEL SECURITY;

--
-- Name: measure_obligation; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.measure_obligation ENABLE ROW LEVEL SECURITY;

--
-- Name: measure_quantity_entry; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.measure_quantity_entry ENABLE ROW LEVEL SECURITY;

--
-- Name: measure_transition; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.measure_transition ENABLE ROW LEVEL SECURITY;

--
-- Name: measure_type; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.measure_type ENABLE ROW LEVEL SECURITY;

--
-- Name: mfa_recovery_code; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.mfa_recovery_code ENABLE ROW LEVEL SECURITY;

--
-- Name: obs_change; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.obs_change ENABLE ROW LEVEL SECURITY;

--
-- Name: obs_measure_fact; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.obs_measure_fact ENABLE ROW LEVEL SECURITY;

--
-- Name: obs_month; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.obs_month ENABLE ROW LEVEL SECURITY;

--
-- Name: obs_year; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.obs_year ENABLE ROW LEVEL SECURITY;

--
-- Name: obs_change observatory_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY observatory_read ON public.obs_change FOR SELECT TO passerelle_observatory USING (true);


--
-- Name: obs_month observatory_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY observatory_read ON public.obs_month FOR SELECT TO passerelle_observatory USING (true);


--
-- Name: obs_year observatory_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY observatory_read ON public.obs_year FOR SELECT TO passerelle_observatory USING (true);


--
-- Name: association_profile_change own_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY own_read ON public.association_profile_change FOR SELECT USING ((organisation_id = public.current_organisation_id()));


--
-- Name: association_profile_change own_replace; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY own_replace ON public.association_profile_change FOR UPDATE USING (((organisation_id = public.current_organisation_id()) AND ((status)::text = 'PENDING'::text))) WITH CHECK (((organisation_id = public.current_organisation_id()) AND ((status)::text = 'REPLACED'::text) AND (decision_reason IS NULL)));


--
-- Name: association_profile_change own_submit; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY own_submit ON public.association_profile_change FOR INSERT WITH CHECK (((organisation_id = public.current_organisation_id()) AND ((status)::text = 'PENDING'::text) AND (decided_at IS NULL) AND (NOT public.current_organisation_is_federation())));


--
-- Name: person; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.person ENABLE ROW LEVEL SECURITY;

--
-- Name: person_consent; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.person_consent ENABLE ROW LEVEL SECURITY;

--
-- Name: person_health; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.person_health ENABLE ROW LEVEL SECURITY;

--
-- Name: association_profile public_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY public_read ON public.association_profile FOR SELECT USING (true);


--
-- Name: association_profile_activity public_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY public_read ON public.association_profile_activity FOR SELECT USING (true);


--
-- Name: association_profile_court public_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY public_read ON public.association_profile_court FOR SELECT USING (true);


--
-- Name: reference_counter; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reference_counter ENABLE ROW LEVEL SECURITY;

--
-- Name: report; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report ENABLE ROW LEVEL SECURITY;

--
-- Name: report_version; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.report_version ENABLE ROW LEVEL SECURITY;

--
-- Name: service; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.service ENABLE ROW LEVEL SECURITY;

--
-- Name: api_token tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.api_token USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: app_user tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.app_user USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: appointment tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.appointment USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: billing_statement tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.billing_statement USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: billing_statement_line tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.billing_statement_line USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: calendar_feed tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.calendar_feed USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_analysis tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_analysis USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_analysis_consensus tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_analysis_consensus USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_analysis_group tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_analysis_group USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_analysis_representative tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_analysis_representative USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_analysis_split tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_analysis_split USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_analysis_split_segment tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_analysis_split_segment USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_participant tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_participant USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_participant_position tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_participant_position USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_profile_answer tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_profile_answer USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_profile_question tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_profile_question USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_proposal tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_proposal USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_proposal_counter tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_proposal_counter USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_proposal_theme tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_proposal_theme USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_solution_sheet tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_solution_sheet USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_theme tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_theme USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_vote tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_vote USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_workshop_idea tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_workshop_idea USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_workshop_invitation tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_workshop_invitation USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: consultation_workshop_session tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.consultation_workshop_session USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: import_job tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.import_job USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: indicator_change tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.indicator_change FOR SELECT USING ((organisation_id = public.current_organisation_id()));


--
-- Name: mail_outbox tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.mail_outbox USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: measure tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.measure USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: measure_incident tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.measure_incident USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: measure_obligation tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.measure_obligation USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: measure_quantity_entry tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.measure_quantity_entry USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: measure_transition tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.measure_transition USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: measure_type tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.measure_type USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: mfa_recovery_code tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.mfa_recovery_code USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: person tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.person USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: person_consent tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.person_consent USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: person_health tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.person_health USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: reference_counter tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.reference_counter USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: report tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.report USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: report_version tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.report_version USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: service tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.service USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: user_role tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.user_role USING ((organisation_id = public.current_organisation_id())) WITH CHECK ((organisation_id = public.current_organisation_id()));


--
-- Name: audit_event tenant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_read ON public.audit_event FOR SELECT USING ((organisation_id = public.current_organisation_id()));


--
-- Name: user_role; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.user_role ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO passerelle_app;


--
-- Name: FUNCTION audit_append(p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text, p_object_type text, p_object_id text, p_details jsonb, p_request_id text, p_client_address text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.audit_append(p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text, p_object_type text, p_object_id text, p_details jsonb, p_request_id text, p_client_address text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_append(p_organisation_id uuid, p_actor_id uuid, p_actor_name text, p_action text, p_object_type text, p_object_id text, p_details jsonb, p_request_id text, p_client_address text) TO passerelle_app;


--
-- Name: TABLE audit_event; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.audit_event TO passerelle_app;


--
-- Name: FUNCTION audit_verify_chain(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.audit_verify_chain() FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_verify_chain() TO passerelle_app;


--
-- Name: FUNCTION calendar_feed_owner(p_token_hash text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.calendar_feed_owner(p_token_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.calendar_feed_owner(p_token_hash text) TO passerelle_app;


--
-- Name: FUNCTION consultation_public_lookup(p_slug text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.consultation_public_lookup(p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.consultation_public_lookup(p_slug text) TO passerelle_app;


--
-- Name: FUNCTION current_organisation_id(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.current_organisation_id() TO passerelle_app;


--
-- Name: FUNCTION current_organisation_is_federation(); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.current_organisation_is_federation() TO passerelle_app;


--
-- Name: FUNCTION identity_find_api_token(p_token_hash text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.identity_find_api_token(p_token_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.identity_find_api_token(p_token_hash text) TO passerelle_app;


--
-- Name: FUNCTION identity_find_login(p_username text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.identity_find_login(p_username text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.identity_find_login(p_username text) TO passerelle_app;


--
-- Name: FUNCTION identity_username_taken(p_username text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.identity_username_taken(p_username text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.identity_username_taken(p_username text) TO passerelle_app;


--
-- Name: FUNCTION immutable_unaccent(text); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.immutable_unaccent(text) TO passerelle_app;


--
-- Name: FUNCTION indicator_changes_billing(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.indicator_changes_billing() FROM PUBLIC;


--
-- Name: FUNCTION indicator_changes_definition(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.indicator_changes_definition() FROM PUBLIC;


--
-- Name: FUNCTION indicator_changes_measure(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.indicator_changes_measure() FROM PUBLIC;


--
-- Name: FUNCTION indicator_changes_measure_detail(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.indicator_changes_measure_detail() FROM PUBLIC;


--
-- Name: FUNCTION indicator_changes_truncate(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.indicator_changes_truncate() FROM PUBLIC;


--
-- Name: FUNCTION kept_figures_forget(p_horizon xid8); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.kept_figures_forget(p_horizon xid8) FROM PUBLIC;
GRANT ALL ON FUNCTION public.kept_figures_forget(p_horizon xid8) TO passerelle_app;


--
-- Name: FUNCTION mail_outbox_due_organisations(p_now timestamp with time zone); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.mail_outbox_due_organisations(p_now timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.mail_outbox_due_organisations(p_now timestamp with time zone) TO passerelle_app;


--
-- Name: FUNCTION obs_changes_everything(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_changes_everything() FROM PUBLIC;


--
-- Name: FUNCTION obs_changes_months(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_changes_months() FROM PUBLIC;


--
-- Name: FUNCTION obs_contributions(received_month date, ended_month date, outcome character varying, duration_days integer, started_month date, first_delay_days integer, active_until date); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_contributions(received_month date, ended_month date, outcome character varying, duration_days integer, started_month date, first_delay_days integer, active_until date) FROM PUBLIC;


--
-- Name: FUNCTION obs_queue_measure(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_queue_measure() FROM PUBLIC;


--
-- Name: FUNCTION obs_year_apply_added(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_year_apply_added() FROM PUBLIC;


--
-- Name: FUNCTION obs_year_apply_both(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_year_apply_both() FROM PUBLIC;


--
-- Name: FUNCTION obs_year_apply_removed(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_year_apply_removed() FROM PUBLIC;


--
-- Name: FUNCTION obs_year_truncate(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.obs_year_truncate() FROM PUBLIC;


--
-- Name: FUNCTION observatory_backlog(OUT waiting bigint, OUT oldest timestamp with time zone); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.observatory_backlog(OUT waiting bigint, OUT oldest timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.observatory_backlog(OUT waiting bigint, OUT oldest timestamp with time zone) TO passerelle_app;


--
-- Name: FUNCTION observatory_refresh(p_limit integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.observatory_refresh(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.observatory_refresh(p_limit integer) TO passerelle_app;


--
-- Name: FUNCTION observatory_requeue_all(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.observatory_requeue_all() FROM PUBLIC;
GRANT ALL ON FUNCTION public.observatory_requeue_all() TO passerelle_app;


--
-- Name: FUNCTION person_fuzzy_search(p_query text, p_birth date); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.person_fuzzy_search(p_query text, p_birth date) FROM PUBLIC;
GRANT ALL ON FUNCTION public.person_fuzzy_search(p_query text, p_birth date) TO passerelle_app;


--
-- Name: TABLE api_token; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_token TO passerelle_app;


--
-- Name: TABLE app_user; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.app_user TO passerelle_app;


--
-- Name: TABLE appointment; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.appointment TO passerelle_app;


--
-- Name: TABLE association_profile; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.association_profile TO passerelle_app;


--
-- Name: TABLE association_profile_activity; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.association_profile_activity TO passerelle_app;


--
-- Name: TABLE association_profile_change; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.association_profile_change TO passerelle_app;


--
-- Name: COLUMN association_profile_change.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.association_profile_change TO passerelle_app;


--
-- Name: COLUMN association_profile_change.decided_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decided_at) ON TABLE public.association_profile_change TO passerelle_app;


--
-- Name: COLUMN association_profile_change.decided_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decided_by) ON TABLE public.association_profile_change TO passerelle_app;


--
-- Name: COLUMN association_profile_change.decision_reason; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decision_reason) ON TABLE public.association_profile_change TO passerelle_app;


--
-- Name: TABLE association_profile_court; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.association_profile_court TO passerelle_app;


--
-- Name: TABLE billing_statement; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.billing_statement TO passerelle_app;


--
-- Name: TABLE billing_statement_line; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.billing_statement_line TO passerelle_app;


--
-- Name: TABLE calendar_feed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_feed TO passerelle_app;


--
-- Name: TABLE consultation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation TO passerelle_app;


--
-- Name: TABLE consultation_analysis; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_analysis TO passerelle_app;


--
-- Name: TABLE consultation_analysis_consensus; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_analysis_consensus TO passerelle_app;


--
-- Name: TABLE consultation_analysis_group; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_analysis_group TO passerelle_app;


--
-- Name: TABLE consultation_analysis_representative; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_analysis_representative TO passerelle_app;


--
-- Name: TABLE consultation_analysis_split; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_analysis_split TO passerelle_app;


--
-- Name: TABLE consultation_analysis_split_segment; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_analysis_split_segment TO passerelle_app;


--
-- Name: TABLE consultation_participant; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_participant TO passerelle_app;


--
-- Name: TABLE consultation_participant_position; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_participant_position TO passerelle_app;


--
-- Name: TABLE consultation_profile_answer; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_profile_answer TO passerelle_app;


--
-- Name: TABLE consultation_profile_question; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_profile_question TO passerelle_app;


--
-- Name: TABLE consultation_proposal; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_proposal TO passerelle_app;


--
-- Name: TABLE consultation_proposal_counter; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.consultation_proposal_counter TO passerelle_app;


--
-- Name: TABLE consultation_proposal_theme; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_proposal_theme TO passerelle_app;


--
-- Name: TABLE consultation_solution_sheet; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_solution_sheet TO passerelle_app;


--
-- Name: TABLE consultation_theme; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_theme TO passerelle_app;


--
-- Name: TABLE consultation_vote; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_vote TO passerelle_app;


--
-- Name: TABLE consultation_workshop_idea; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_workshop_idea TO passerelle_app;


--
-- Name: TABLE consultation_workshop_invitation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_workshop_invitation TO passerelle_app;


--
-- Name: TABLE consultation_workshop_session; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.consultation_workshop_session TO passerelle_app;


--
-- Name: TABLE court_of_appeal; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.court_of_appeal TO passerelle_app;
GRANT SELECT ON TABLE public.court_of_appeal TO passerelle_observatory;


--
-- Name: TABLE default_measure_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.default_measure_type TO passerelle_app;
GRANT SELECT ON TABLE public.default_measure_type TO passerelle_observatory;


--
-- Name: TABLE import_job; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.import_job TO passerelle_app;


--
-- Name: TABLE indicator_change; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.indicator_change TO passerelle_app;


--
-- Name: TABLE judicial_court; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.judicial_court TO passerelle_app;
GRANT SELECT ON TABLE public.judicial_court TO passerelle_observatory;


--
-- Name: TABLE login_attempt; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.login_attempt TO passerelle_app;


--
-- Name: TABLE mail_outbox; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.mail_outbox TO passerelle_app;


--
-- Name: TABLE measure; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.measure TO passerelle_app;


--
-- Name: TABLE measure_incident; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.measure_incident TO passerelle_app;


--
-- Name: TABLE measure_obligation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.measure_obligation TO passerelle_app;


--
-- Name: TABLE measure_quantity_entry; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.measure_quantity_entry TO passerelle_app;


--
-- Name: TABLE measure_transition; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.measure_transition TO passerelle_app;


--
-- Name: TABLE measure_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.measure_type TO passerelle_app;


--
-- Name: TABLE mfa_recovery_code; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mfa_recovery_code TO passerelle_app;


--
-- Name: TABLE network_region; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.network_region TO passerelle_app;
GRANT SELECT ON TABLE public.network_region TO passerelle_observatory;


--
-- Name: TABLE obs_change; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.obs_change TO passerelle_observatory;


--
-- Name: TABLE obs_month; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.obs_month TO passerelle_observatory;


--
-- Name: TABLE obs_state; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.obs_state TO passerelle_observatory;


--
-- Name: TABLE obs_year; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.obs_year TO passerelle_observatory;


--
-- Name: TABLE organisation; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.organisation TO passerelle_app;
GRANT SELECT ON TABLE public.organisation TO passerelle_observatory;


--
-- Name: TABLE person; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.person TO passerelle_app;


--
-- Name: TABLE person_consent; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.person_consent TO passerelle_app;


--
-- Name: TABLE person_health; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.person_health TO passerelle_app;


--
-- Name: TABLE reference_counter; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.reference_counter TO passerelle_app;


--
-- Name: TABLE report; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.report TO passerelle_app;


--
-- Name: TABLE report_version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.report_version TO passerelle_app;


--
-- Name: TABLE role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.role TO passerelle_app;


--
-- Name: TABLE role_permission; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.role_permission TO passerelle_app;


--
-- Name: TABLE service; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.service TO passerelle_app;


--
-- Name: TABLE shedlock; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.shedlock TO passerelle_app;


--
-- Name: TABLE spring_session; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.spring_session TO passerelle_app;


--
-- Name: TABLE spring_session_attributes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.spring_session_attributes TO passerelle_app;


--
-- Name: TABLE user_role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.user_role TO passerelle_app;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE passerelle_owner IN SCHEMA public GRANT SELECT,USAGE ON SEQUENCES  TO passerelle_app;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE passerelle_owner IN SCHEMA public GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES  TO passerelle_app;


--
-- PostgreSQL database dump complete
--


