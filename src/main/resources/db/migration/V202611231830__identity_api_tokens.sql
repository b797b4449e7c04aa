-- Identity: personal API tokens. A signed-in user (second factor done) creates a token on their
-- account page; only its SHA-256 hash is kept. A request carrying the token acts as that user,
-- with their permissions and organisation, exactly as a session would.

create table api_token (
    id               uuid         primary key,
    organisation_id  uuid         not null references organisation (id),
    user_id          uuid         not null references app_user (id) on delete cascade,
    name             varchar(100) not null,
    token_hash       char(64)     not null,
    created_at       timestamptz  not null default now(),
    last_used_at     timestamptz,
    revoked_at       timestamptz
);
create unique index api_token_hash_idx on api_token (token_hash);
create index api_token_user_idx on api_token (user_id, created_at);

alter table api_token enable row level security;
create policy tenant_isolation on api_token
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- A bearer token is presented before the tenant is known: this function, owned by the owner role,
-- returns the account behind a live (not revoked) token hash — its id and login name, which the
-- application then loads through identity_find_login — and nothing else.
create function identity_find_api_token(p_token_hash text)
    returns table (user_id uuid, username varchar)
    language sql stable security definer set search_path = public
as $$
    select t.user_id, u.username
    from api_token t join app_user u on u.id = t.user_id
    where t.token_hash = p_token_hash and t.revoked_at is null
$$;
revoke all on function identity_find_api_token(text) from public;
grant execute on function identity_find_api_token(text) to ${app_role};

-- Swagger UI (the interactive API documentation) is for association administrators.
insert into role_permission (role_code, permission) values ('ASSOCIATION_ADMIN', 'api:explore');
