-- Mail outbox: files attached to a message (e.g. the PDF of a referral sent to a partner), sent
-- with it by the outbox's job. Written with the message, never changed.
create table mail_outbox_attachment (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    mail_id          uuid          not null references mail_outbox (id),
    position         int           not null,
    file_name        varchar(200)  not null check (length(btrim(file_name)) > 0),
    content_type     varchar(100)  not null,
    content          bytea         not null,
    unique (mail_id, position)
);
revoke update, delete on mail_outbox_attachment from ${app_role};
alter table mail_outbox_attachment enable row level security;
create policy tenant_isolation on mail_outbox_attachment
    using (organisation_id = current_organisation_id())
    with check (organisation_id = current_organisation_id());
