-- Identity: organisations (tenants), services, users, roles and named permissions.

create table network_region (
    code  varchar(32) primary key,
    name  text        not null
);

-- The registry of tenants. Not tenant-owned itself: names and kinds of organisations are public
-- within the network; only federation administrators change it (checked by the application).
create table organisation (
    id                 uuid        primary key,
    kind               varchar(20) not null check (kind in ('ASSOCIATION', 'FEDERATION', 'PUBLIC_BODY')),
    name               text        not null,
    city               text,
    departement_code   varchar(3),
    region_code        varchar(32) references network_region (code),
    shares_statistics  boolean     not null default false,
    active             boolean     not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index organisation_name_trgm_idx on organisation using gin (lower(name) gin_trgm_ops);

-- A team inside an association (service pré-sentenciel, service mineurs...).
create table service (
    id               uuid        primary key,
    organisation_id  uuid        not null references organisation (id),
    name             text        not null,
    created_at       timestamptz not null default now(),
    unique (organisation_id, name)
);

create table role (
    code               varchar(40) primary key,
    organisation_kind  varchar(20) not null,
    position           int         not null
);

create table role_permission (
    role_code   varchar(40) not null references role (code),
    permission  varchar(60) not null,
    primary key (role_code, permission)
);

create table app_user (
    id               uuid         primary key,
    organisation_id  uuid         not null references organisation (id),
    service_id       uuid         references service (id),
    username         varchar(100) not null,
    email            varchar(200) not null,
    display_name     varchar(200) not null,
    password_hash    text         not null,
    enabled          boolean      not null default true,
    mfa_secret       text,
    mfa_enabled      boolean      not null default false,
    mfa_exempt       boolean      not null default false,
    demo_account     boolean      not null default false,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    last_login_at    timestamptz,
    -- Only demo accounts may skip multi-factor authentication.
    constraint app_user_mfa_exempt_demo_only check (not mfa_exempt or demo_account)
);
create unique index app_user_username_idx on app_user (lower(username));
create index app_user_organisation_idx on app_user (organisation_id, display_name);

create table user_role (
    user_id          uuid        not null references app_user (id) on delete cascade,
    organisation_id  uuid        not null references organisation (id),
    role_code        varchar(40) not null references role (code),
    primary key (user_id, role_code)
);
create index user_role_organisation_idx on user_role (organisation_id);

create table mfa_recovery_code (
    id               uuid        primary key,
    user_id          uuid        not null references app_user (id) on delete cascade,
    organisation_id  uuid        not null references organisation (id),
    code_hash        char(64)    not null,
    used_at          timestamptz
);
create index mfa_recovery_code_user_idx on mfa_recovery_code (user_id);

-- Failed sign-in attempts per login name (known or not), for the growing delay.
create table login_attempt (
    login_key        varchar(100) primary key,
    failures         int          not null,
    last_failure_at  timestamptz  not null
);

-- Row-level security: every tenant table is visible and writable only for the organisation of
-- the current transaction.
alter table service enable row level security;
create policy tenant_isolation on service
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

alter table app_user enable row level security;
create policy tenant_isolation on app_user
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

alter table user_role enable row level security;
create policy tenant_isolation on user_role
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

alter table mfa_recovery_code enable row level security;
create policy tenant_isolation on mfa_recovery_code
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- Reference tables are read-only for the application.
revoke insert, update, delete on role, role_permission from ${app_role};

-- Sign-in happens before the tenant is known: this function, owned by the owner role, returns
-- the one account matching a login name, and nothing else.
create function identity_find_login(p_username text)
    returns table (id uuid, organisation_id uuid, organisation_kind varchar, organisation_active boolean,
                   username varchar, display_name varchar, password_hash text, enabled boolean,
                   mfa_secret text, mfa_enabled boolean, mfa_exempt boolean, demo_account boolean,
                   roles varchar[])
    language sql stable security definer set search_path = public
as $$
    select u.id, u.organisation_id, o.kind, o.active, u.username, u.display_name, u.password_hash,
           u.enabled, u.mfa_secret, u.mfa_enabled, u.mfa_exempt, u.demo_account,
           array(select r.role_code from user_role r where r.user_id = u.id order by r.role_code)
    from app_user u join organisation o on o.id = u.organisation_id
    where lower(u.username) = lower(p_username)
$$;
revoke all on function identity_find_login(text) from public;
grant execute on function identity_find_login(text) to ${app_role};

-- Whether a login name is taken in any organisation (login names are unique across tenants).
create function identity_username_taken(p_username text) returns boolean
    language sql stable security definer set search_path = public
as $$ select exists (select 1 from app_user where lower(username) = lower(p_username)) $$;
revoke all on function identity_username_taken(text) from public;
grant execute on function identity_username_taken(text) to ${app_role};

insert into role (code, organisation_kind, position) values
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

insert into role_permission (role_code, permission) values
    ('CASE_WORKER', 'person:read'), ('CASE_WORKER', 'person:write'), ('CASE_WORKER', 'person:health'),
    ('CASE_WORKER', 'measure:read'), ('CASE_WORKER', 'measure:write'), ('CASE_WORKER', 'report:write'),
    ('CASE_WORKER', 'reference:read'),
    ('SERVICE_HEAD', 'person:read'), ('SERVICE_HEAD', 'person:write'), ('SERVICE_HEAD', 'person:health'),
    ('SERVICE_HEAD', 'measure:read'), ('SERVICE_HEAD', 'measure:write'), ('SERVICE_HEAD', 'measure:assign'),
    ('SERVICE_HEAD', 'report:write'), ('SERVICE_HEAD', 'report:validate'), ('SERVICE_HEAD', 'reference:read'),
    ('DIRECTOR', 'person:read'), ('DIRECTOR', 'measure:read'), ('DIRECTOR', 'measure:assign'),
    ('DIRECTOR', 'indicators:read'), ('DIRECTOR', 'billing:manage'), ('DIRECTOR', 'reference:read'),
    ('ASSOCIATION_ADMIN', 'user:manage'), ('ASSOCIATION_ADMIN', 'service:manage'),
    ('ASSOCIATION_ADMIN', 'audit:read'), ('ASSOCIATION_ADMIN', 'audit:verify'),
    ('ASSOCIATION_ADMIN', 'import:run'), ('ASSOCIATION_ADMIN', 'reference:read'),
    ('FEDERATION_STAFF', 'observatory:national'), ('FEDERATION_STAFF', 'network:read'),
    ('FEDERATION_STAFF', 'reference:read'),
    ('FEDERATION_ADMIN', 'organisation:manage'), ('FEDERATION_ADMIN', 'user:manage'),
    ('FEDERATION_ADMIN', 'reference:read'), ('FEDERATION_ADMIN', 'reference:edit'),
    ('FEDERATION_ADMIN', 'audit:read'), ('FEDERATION_ADMIN', 'audit:verify'),
    ('FEDERATION_ADMIN', 'network:read'), ('FEDERATION_ADMIN', 'observatory:national'),
    ('CONSULTATION_ORGANISER', 'consultation:manage'), ('CONSULTATION_ORGANISER', 'user:manage'),
    ('CONSULTATION_ORGANISER', 'audit:read'),
    ('MODERATOR', 'consultation:moderate'),
    ('ANALYST', 'consultation:analyse'),
    ('PARTICIPANT', 'consultation:participate');
