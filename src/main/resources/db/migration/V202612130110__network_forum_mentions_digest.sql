-- Network: the forum's mentions (@login) and each person's choice of forum mails: a mail at each
-- reply in the threads they follow (the default, without a row), one daily digest of them, or no
-- forum mail at all. A mention is mailed to someone who may read the thread, unless they chose no
-- mail or the reply mail already reaches them.
create table forum_mail_preference (
    user_id          uuid          primary key,
    organisation_id  uuid          not null,
    mode             varchar(10)   not null check (mode in ('EACH', 'DIGEST', 'NONE')),
    email            varchar(200),
    -- The next digest lists the posts written after this instant.
    digest_since     timestamptz   not null,
    updated_at       timestamptz   not null
);

-- Whether a person of an organisation may read a category: the rule of forum_category's policy
-- open_read (federation; a member today for a theme; an active member of the category's body),
-- for someone other than the signed-in user. Used by the functions below only.
create function forum_category_readable_by(category uuid, reader uuid, reader_organisation uuid) returns boolean
    language sql stable security definer set search_path = public, pg_temp
as $$
    select exists (
        select 1 from forum_category c
        where c.id = category
          and (exists (select 1 from identity_organisation_v o
                       where o.id = reader_organisation and o.kind = 'FEDERATION' and o.active)
               or (c.body_id is null
                   and coalesce((select e.status = 'MEMBER' from membership_status_event e
                                 where e.organisation_id = reader_organisation
                                 order by e.recorded_at desc limit 1), false))
               or exists (select 1 from network_body_member m
                          where m.body_id = c.body_id and m.user_id = reader
                            and m.organisation_id = reader_organisation and m.left_on is null)))
$$;
revoke all on function forum_category_readable_by(uuid, uuid, uuid) from public;

-- The followers of a thread mailed at each reply: those who kept a mail at each reply and may
-- still read the thread, each with their organisation (the mail leaves from its outbox). The
-- application calls it for a thread it has just read under the policy.
create function forum_reply_recipients(thread uuid) returns table (user_id uuid, organisation_id uuid, email varchar)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select s.user_id, s.organisation_id, s.email
    from forum_subscription s
         join forum_thread t on t.id = s.thread_id
         left join forum_mail_preference p on p.user_id = s.user_id
    where s.thread_id = thread and coalesce(p.mode, 'EACH') = 'EACH'
      and forum_category_readable_by(t.category_id, s.user_id, s.organisation_id)
$$;
revoke all on function forum_reply_recipients(uuid) from public;
grant execute on function forum_reply_recipients(uuid) to ${app_role};

-- Of the login names written after an @ in a post, the accounts that may read the thread, with
-- their mail choice: the others stay plain text. The application calls it for a thread it has just
-- read under the policy.
create function forum_mentionable(thread uuid, logins varchar[])
    returns table (user_id uuid, organisation_id uuid, username varchar, email varchar, mode varchar)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select a.user_id, a.organisation_id, a.username, a.email, coalesce(p.mode, 'EACH')::varchar
    from forum_thread t
         cross join identity_accounts_by_login(logins) a
         left join forum_mail_preference p on p.user_id = a.user_id
    where t.id = thread and forum_category_readable_by(t.category_id, a.user_id, a.organisation_id)
$$;
revoke all on function forum_mentionable(uuid, varchar[]) from public;
grant execute on function forum_mentionable(uuid, varchar[]) to ${app_role};

-- For the daily digest job (which acts for no organisation): the posts written after each digest
-- reader's last digest and up to `until`, in the threads they follow and may still read, neither
-- theirs nor hidden; thread by thread, in order.
create function forum_digest_posts(until timestamptz)
    returns table (user_id uuid, organisation_id uuid, email varchar, thread_id uuid, title varchar, number int,
                   author_name varchar, author_organisation_name varchar)
    language sql stable security definer set search_path = public, pg_temp
as $$
    select p.user_id, p.organisation_id, p.email, t.id, t.title, f.number, f.author_name, f.author_organisation_name
    from forum_mail_preference p
         join forum_subscription s on s.user_id = p.user_id
         join forum_thread t on t.id = s.thread_id
         join forum_post f on f.thread_id = t.id
    where p.mode = 'DIGEST' and p.email is not null
      and f.created_at > p.digest_since and f.created_at <= until
      and f.author_user_id <> p.user_id and f.hidden_at is null
      and forum_category_readable_by(t.category_id, p.user_id, p.organisation_id)
    order by p.user_id, t.last_post_at desc, t.id, f.number
$$;
revoke all on function forum_digest_posts(timestamptz) from public;
grant execute on function forum_digest_posts(timestamptz) to ${app_role};

-- A digest queued up to `until`: the next one starts there. Nothing else of the row changes.
create function forum_digest_sent(reader uuid, until timestamptz) returns void
    language sql volatile security definer set search_path = public, pg_temp
as $$
    update forum_mail_preference set digest_since = until
    where user_id = reader and mode = 'DIGEST' and digest_since < until
$$;
revoke all on function forum_digest_sent(uuid, timestamptz) from public;
grant execute on function forum_digest_sent(uuid, timestamptz) to ${app_role};

alter table forum_mail_preference enable row level security;
create policy own_row on forum_mail_preference for all
    using (user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid)
    with check (user_id = nullif(current_setting('passerelle.user_id', true), '')::uuid
                and organisation_id = current_organisation_id());

revoke truncate on forum_mail_preference from ${app_role};
