-- Partners: the conventions an association signs with a partner (hébergement, placement à
-- l'extérieur, soins, insertion), with their dates, the places they reserve and the price per day,
-- and the signed document attached. Everything belongs to one association (row-level security); a
-- convention names the same association as its partner, and a document the same as its convention
-- (composite foreign keys).

create table partner_convention (
    id               uuid           primary key,
    organisation_id  uuid           not null,
    partner_id       uuid           not null,
    object           varchar(30)    not null check (object in ('HEBERGEMENT', 'PLACEMENT_EXTERIEUR', 'SOINS', 'INSERTION')),
    reference        varchar(60)    not null check (length(btrim(reference)) > 0),
    title            varchar(200)   not null check (length(btrim(title)) > 0),
    other_parties    varchar(1000),
    signed_on        date,
    starts_on        date           not null,
    ends_on          date           not null,
    places_reserved  int            not null default 0 check (places_reserved >= 0),
    price_per_day    numeric(10, 2) check (price_per_day >= 0),
    notes            varchar(4000),
    archived         boolean        not null default false,
    created_at       timestamptz    not null,
    created_by       uuid           not null,
    updated_at       timestamptz    not null,
    version          int            not null default 0,
    constraint partner_convention_dates check (ends_on >= starts_on),
    unique (id, organisation_id),
    foreign key (partner_id, organisation_id) references partner (id, organisation_id) on delete cascade
);
create index partner_convention_partner_idx on partner_convention (partner_id, ends_on);
create index partner_convention_ends_idx on partner_convention (organisation_id, ends_on) where not archived;
alter table partner_convention enable row level security;
create policy tenant_isolation on partner_convention
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());

-- The signed document of a convention: every upload is a new version and the earlier ones are kept
-- (the current document is the highest version). Never updated nor deleted by the application; the
-- bytes live here only (never on a disk), with the type detected from their content.
create table partner_convention_document (
    id                uuid          primary key,
    organisation_id   uuid          not null,
    convention_id     uuid          not null,
    version           int           not null check (version >= 1),
    filename          varchar(200)  not null check (length(btrim(filename)) > 0),
    media_type        varchar(40)   not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes        int           not null check (size_bytes > 0),
    sha256            varchar(64)   not null,
    content           bytea         not null,
    uploaded_at       timestamptz   not null,
    uploaded_by       uuid          not null,
    uploaded_by_name  varchar(200)  not null,
    unique (convention_id, version),
    foreign key (convention_id, organisation_id) references partner_convention (id, organisation_id) on delete cascade
);
revoke update, delete on partner_convention_document from ${app_role};
alter table partner_convention_document enable row level security;
create policy tenant_isolation on partner_convention_document
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
