package fr.passerelle.network;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.Permissions;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.db.Headlines;
import fr.passerelle.shared.db.TenantScope;
import fr.passerelle.shared.mail.MailOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's forum: categories (a theme open to the network's members, or one body's, open to
 * its members), threads and replies in Markdown (rendered to safe HTML by {@link ForumText}),
 * quotes, mentions ({@code @login}), subscriptions with each person's choice of mails (at each reply,
 * a daily digest by {@link ForumDigest}, or none), reports, and the federation's moderation (a post
 * hidden with a reason, a thread locked or moved). Row-level security decides who reads and writes
 * where (V202612120400, V202612130110); the federation's staff moderate ({@code forum:moderate}).
 */
@Service
public class Forum {

    static final int THREADS_PAGE = 30;
    public static final int POSTS_PAGE = 50;
    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 20_000;
    static final int REASON_MAX = 500;
    static final int NAME_MAX = 120;
    static final int DESCRIPTION_MAX = 500;
    static final int QUERY_MAX = 200;
    private static final Locale MAIL_LOCALE = Locale.FRENCH;

    /** What forum mails a person gets: one at each reply in the threads they follow, a daily digest, or none. */
    public enum MailMode { EACH, DIGEST, NONE }

    /** A category with its activity. */
    public record Category(UUID id, String name, String description, UUID bodyId, String bodyName, long threads,
            Instant lastPostAt) {}

    /** A thread as listed. */
    public record Thread(UUID id, UUID categoryId, String categoryName, String title, String authorName,
            String authorOrganisationName, Instant createdAt, Instant lastPostAt, int posts, Instant lockedAt,
            String lockedReason, int rowVersion) {

        public boolean locked() {
            return lockedAt != null;
        }

        public int replies() {
            return Math.max(0, posts - 1);
        }
    }

    /** A post; a hidden one's text is given to the federation only. */
    public record Post(UUID id, int number, String authorName, String authorOrganisationName, String html,
            String markdown, Instant createdAt, Instant hiddenAt, String hiddenReason, String hiddenByName,
            Integer quotedNumber) {

        public boolean hidden() {
            return hiddenAt != null;
        }
    }

    /** An open report, for the moderators. */
    public record Report(UUID id, UUID postId, UUID threadId, String threadTitle, int postNumber, String postAuthorName,
            String excerpt, String reporterName, String reason, Instant createdAt) {

        /** The page of its thread where the post is. */
        public int page() {
            return (postNumber - 1) / POSTS_PAGE;
        }
    }

    /** A thread found by a search, with where the words are. */
    public record Found(UUID threadId, String title, String categoryName, Instant lastPostAt, int postNumber,
            List<Headlines.Part> snippet) {

        /** The page of its thread where the post is. */
        public int page() {
            return (postNumber - 1) / POSTS_PAGE;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Organisations organisations;
    private final UserAccounts users;
    private final TenantScope tenantScope;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Meetings meetings;

    Forum(JdbcClient jdbc, AuditLog audit, Clock clock, Organisations organisations, UserAccounts users,
            TenantScope tenantScope, MailOutbox outbox, MessageSource messages, Meetings meetings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.organisations = organisations;
        this.users = users;
        this.tenantScope = tenantScope;
        this.outbox = outbox;
        this.messages = messages;
        this.meetings = meetings;
    }

    /** The categories the user may read, in their order, with their activity. */
    @Transactional(readOnly = true)
    public List<Category> categories() {
        return jdbc.sql("""
                select c.id, c.name, c.description, c.body_id, b.name as body_name,
                       (select count(*) from forum_thread t where t.category_id = c.id) as threads,
                       (select max(t.last_post_at) from forum_thread t where t.category_id = c.id) as last_post_at
                from forum_category c left join network_body b on b.id = c.body_id
                order by c.position, c.name""")
                .query(Forum::category).list();
    }

    /** A category the user may read (not found otherwise). */
    @Transactional(readOnly = true)
    public Category category(UUID id) {
        return jdbc.sql("""
                select c.id, c.name, c.description, c.body_id, b.name as body_name, 0 as threads, null as last_post_at
                from forum_category c left join network_body b on b.id = c.body_id where c.id = ?""")
                .param(id).query(Forum::category).optional().orElseThrow(BusinessException::notFound);
    }

    /** A new category, open to the network's members or to one body's. */
    @Transactional
    public UUID createCategory(String name, String description, UUID bodyId) {
        requireModerate();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new FieldRefusal("name", "forum.category.name.required");
        }
        if (clean.length() > NAME_MAX) {
            throw new FieldRefusal("name", "forum.category.name.tooLong", NAME_MAX);
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > DESCRIPTION_MAX) {
            throw new FieldRefusal("description", "forum.category.description.tooLong", DESCRIPTION_MAX);
        }
        if (bodyId != null) {
            meetings.body(bodyId);
        }
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    insert into forum_category (id, name, description, body_id, position, created_at)
                    values (?, ?, ?, ?, (select coalesce(max(position), 0) + 1 from forum_category), ?)""")
                    .params(id, clean, text, bodyId, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException taken) {
            throw new FieldRefusal("name", "forum.category.name.taken");
        }
        audit.record("forum.category.created", "forum_category", id, Map.of("body", String.valueOf(bodyId)));
        return id;
    }

    /** A category's threads, the most recently active first. */
    @Transactional(readOnly = true)
    public ResultPage<Thread> threads(UUID categoryId, int page) {
        category(categoryId);
        long total = jdbc.sql("select count(*) from forum_thread where category_id = ?").param(categoryId)
                .query(Long.class).single();
        List<Thread> threads = jdbc.sql(THREAD_SELECT + " where t.category_id = ? order by t.last_post_at desc limit ? offset ?")
                .params(categoryId, THREADS_PAGE, (long) page * THREADS_PAGE).query(Forum::thread).list();
        return new ResultPage<>(threads, page, THREADS_PAGE, total);
    }

    /** A thread the user may read (not found otherwise). */
    @Transactional(readOnly = true)
    public Thread thread(UUID id) {
        return jdbc.sql(THREAD_SELECT + " where t.id = ?").param(id).query(Forum::thread).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** A page of a thread's posts, in order; a hidden post's text only for the moderators. */
    @Transactional(readOnly = true)
    public ResultPage<Post> posts(UUID threadId, int page) {
        Thread thread = thread(threadId);
        boolean moderator = TenantContext.hasAuthority(Permissions.FORUM_MODERATE);
        List<Post> posts = jdbc.sql("""
                select p.id, p.number, p.author_name, p.author_organisation_name, p.body_html, p.body_markdown, p.created_at,
                       p.hidden_at, p.hidden_reason, p.hidden_by_name, q.number as quoted_number
                from forum_post p left join forum_post q on q.id = p.quoted_post_id
                where p.thread_id = ? and p.number > ? and p.number <= ? order by p.number""")
                .params(threadId, page * POSTS_PAGE, (page + 1) * POSTS_PAGE)
                .query((rs, n) -> {
                    boolean hidden = rs.getTimestamp("hidden_at") != null;
                    boolean shown = !hidden || moderator;
                    return new Post(rs.getObject("id", UUID.class), rs.getInt("number"), rs.getString("author_name"),
                            rs.getString("author_organisation_name"), shown ? rs.getString("body_html") : null,
                            shown ? rs.getString("body_markdown") : null, rs.getTimestamp("created_at").toInstant(),
                            hidden ? rs.getTimestamp("hidden_at").toInstant() : null, rs.getString("hidden_reason"),
                            moderator ? rs.getString("hidden_by_name") : null, (Integer) rs.getObject("quoted_number"));
                })
                .list();
        return new ResultPage<>(posts, page, POSTS_PAGE, thread.posts());
    }

    /** Starts a thread with its first post; its author is subscribed to it. */
    @Transactional
    public UUID startThread(UUID categoryId, String title, String markdown) {
        category(categoryId);
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new FieldRefusal("title", "forum.thread.title.required");
        }
        if (cleanTitle.length() > TITLE_MAX) {
            throw new FieldRefusal("title", "forum.thread.title.tooLong", TITLE_MAX);
        }
        String body = body(markdown);
        Author me = author();
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into forum_thread (id, category_id, title, author_user_id, author_organisation_id, author_name,
                    author_organisation_name, created_at, last_post_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, categoryId, cleanTitle, me.userId(), me.organisationId(), me.name(), me.organisationName(), now, now)
                .update();
        List<Mentioned> mentioned = mentionable(id, body);
        insertPost(id, cleanTitle, body, mentioned, null, me, now);
        subscribe(id, true);
        notifyMentioned(id, cleanTitle, me, 1, body, mentioned, Set.of());
        audit.record("forum.thread.started", "forum_thread", id, Map.of("category", categoryId.toString()));
        return id;
    }

    /**
     * A reply (quoting a post of the thread, or not); refused in a locked thread. The replier is
     * subscribed; the other subscribers who chose a mail at each reply get one from their own
     * organisation's outbox, and the people mentioned who may read the thread one too (not twice).
     */
    @Transactional
    public int reply(UUID threadId, String markdown, UUID quotedPostId) {
        Thread thread = thread(threadId);
        if (thread.locked()) {
            throw BusinessException.conflict("forum.thread.locked");
        }
        String body = body(markdown);
        if (quotedPostId != null && jdbc.sql("select count(*) from forum_post where id = ? and thread_id = ?")
                .params(quotedPostId, threadId).query(Long.class).single() == 0) {
            throw BusinessException.invalid("forum.quote.invalid");
        }
        Author me = author();
        List<Mentioned> mentioned = mentionable(threadId, body);
        int number = insertPost(threadId, thread.title(), body, mentioned, quotedPostId, me, Timestamp.from(clock.instant()));
        subscribe(threadId, true);
        Set<UUID> mailed = notifySubscribers(thread, me, number, body);
        notifyMentioned(threadId, thread.title(), me, number, body, mentioned, mailed);
        audit.record("forum.post.written", "forum_thread", threadId, Map.of("number", number));
        return number;
    }

    /** The text a reply starts from when it quotes a post of the thread (hidden posts are not quoted). */
    @Transactional(readOnly = true)
    public String quote(UUID threadId, UUID postId) {
        return jdbc.sql("select author_name, body_markdown from forum_post where id = ? and thread_id = ? and hidden_at is null")
                .params(postId, threadId).query((rs, n) -> ForumText.quote(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(BusinessException::notFound);
    }

    /** Whether the user follows a thread. */
    @Transactional(readOnly = true)
    public boolean subscribed(UUID threadId) {
        return jdbc.sql("select count(*) from forum_subscription where thread_id = ?").param(threadId)
                .query(Long.class).single() > 0;
    }

    /** Follows a thread (a mail at each reply) or stops following it. */
    @Transactional
    public void subscribe(UUID threadId, boolean subscribe) {
        thread(threadId);
        Author me = author();
        if (subscribe) {
            String email = users.get(me.userId()).email();
            jdbc.sql("""
                    insert into forum_subscription (thread_id, user_id, organisation_id, email, created_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(threadId, me.userId(), me.organisationId(), email, Timestamp.from(clock.instant())).update();
        } else {
            jdbc.sql("delete from forum_subscription where thread_id = ? and user_id = ?").params(threadId, me.userId())
                    .update();
        }
    }

    /** The signed-in person's choice of forum mails (a mail at each reply until they choose). */
    @Transactional(readOnly = true)
    public MailMode mailMode() {
        return jdbc.sql("select mode from forum_mail_preference where user_id = ?").param(author().userId())
                .query(String.class).optional().map(MailMode::valueOf).orElse(MailMode.EACH);
    }

    /**
     * Chooses the forum mails: at each reply, a daily digest (of the posts written from the first
     * choice of it on) or none. Mentions are mailed at once unless the choice is none.
     */
    @Transactional
    public void chooseMailMode(MailMode mode) {
        if (mode == null) {
            throw new FieldRefusal("mode", "forum.mailMode.required");
        }
        Author me = author();
        String email = users.get(me.userId()).email();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into forum_mail_preference (user_id, organisation_id, mode, email, digest_since, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set mode = excluded.mode, email = excluded.email,
                    updated_at = excluded.updated_at,
                    digest_since = case when forum_mail_preference.mode = 'DIGEST' then forum_mail_preference.digest_since
                                        else excluded.digest_since end""")
                .params(me.userId(), me.organisationId(), mode.name(), email, now, now).update();
        audit.record("forum.mailMode.chosen", "user", me.userId(), Map.of("mode", mode.name()));
    }

    /** Reports a post to the moderators, with a reason (once per person and post). */
    @Transactional
    public void report(UUID postId, String reason) {
        UUID threadId = jdbc.sql("select thread_id from forum_post where id = ?").param(postId).query(UUID.class).optional()
                .orElseThrow(BusinessException::notFound);
        String why = reason(reason);
        Author me = author();
        try {
            jdbc.sql("""
                    insert into forum_report (id, post_id, reporter_user_id, reporter_organisation_id, reporter_name, reason,
                        created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(), postId, me.userId(), me.organisationId(), me.name(), why,
                            Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException again) {
            throw BusinessException.conflict("forum.report.already");
        }
        audit.record("forum.post.reported", "forum_thread", threadId, Map.of("post", postId.toString()));
    }

    /** The open reports, the oldest first (moderators). */
    @Transactional(readOnly = true)
    public List<Report> openReports() {
        requireModerate();
        return jdbc.sql("""
                select r.id, r.post_id, p.thread_id, t.title, p.number, p.author_name, left(p.body_markdown, 300),
                       r.reporter_name, r.reason, r.created_at
                from forum_report r join forum_post p on p.id = r.post_id join forum_thread t on t.id = p.thread_id
                where r.resolved_at is null order by r.created_at""")
                .query((rs, n) -> new Report(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** How many reports wait for a moderator (0 for those who do not moderate). */
    @Transactional(readOnly = true)
    public long openReportCount() {
        if (!TenantContext.hasAuthority(Permissions.FORUM_MODERATE)) {
            return 0;
        }
        return jdbc.sql("select count(*) from forum_report where resolved_at is null").query(Long.class).single();
    }

    /** Hides a post with a reason (its reports are resolved), or shows it again. */
    @Transactional
    public void hide(UUID postId, boolean hidden, String reason) {
        requireModerate();
        UUID threadId = jdbc.sql("select thread_id from forum_post where id = ?").param(postId).query(UUID.class).optional()
                .orElseThrow(BusinessException::notFound);
        Timestamp now = Timestamp.from(clock.instant());
        if (hidden) {
            String why = reason(reason);
            if (jdbc.sql("""
                    update forum_post set hidden_at = ?, hidden_reason = ?, hidden_by_name = ? where id = ? and hidden_at is null""")
                    .params(now, why, author().name(), postId).update() == 0) {
                throw BusinessException.conflict("forum.post.hiddenAlready");
            }
            jdbc.sql("""
                    update forum_report set resolved_at = ?, resolution = 'HIDDEN', resolved_by_name = ?
                    where post_id = ? and resolved_at is null""").params(now, author().name(), postId).update();
            audit.record("forum.post.hidden", "forum_thread", threadId, Map.of("post", postId.toString(), "reason", why));
        } else {
            if (jdbc.sql("update forum_post set hidden_at = null, hidden_reason = null, hidden_by_name = null"
                    + " where id = ? and hidden_at is not null").param(postId).update() == 0) {
                throw BusinessException.conflict("forum.post.notHidden");
            }
            audit.record("forum.post.shown", "forum_thread", threadId, Map.of("post", postId.toString()));
        }
    }

    /** Dismisses a report: the post stays as it is. */
    @Transactional
    public void dismiss(UUID reportId) {
        requireModerate();
        if (jdbc.sql("""
                update forum_report set resolved_at = ?, resolution = 'DISMISSED', resolved_by_name = ?
                where id = ? and resolved_at is null""").params(Timestamp.from(clock.instant()), author().name(), reportId)
                .update() == 0) {
            throw BusinessException.notFound();
        }
        audit.record("forum.report.dismissed", "forum_report", reportId, Map.of());
    }

    /** Locks a thread with a reason (nobody replies any more), or opens it again. */
    @Transactional
    public void lock(UUID threadId, int rowVersion, boolean locked, String reason) {
        requireModerate();
        thread(threadId);
        String why = locked ? reason(reason) : null;
        if (jdbc.sql("""
                update forum_thread set locked_at = ?, locked_reason = ?, row_version = row_version + 1
                where id = ? and row_version = ?""")
                .params(locked ? Timestamp.from(clock.instant()) : null, why, threadId, rowVersion).update() == 0) {
            throw BusinessException.conflict("forum.thread.stale");
        }
        audit.record(locked ? "forum.thread.locked" : "forum.thread.unlocked", "forum_thread", threadId,
                locked ? Map.of("reason", why) : Map.of());
    }

    /** Moves a thread to another category. */
    @Transactional
    public void move(UUID threadId, int rowVersion, UUID categoryId) {
        requireModerate();
        Thread thread = thread(threadId);
        if (categoryId == null) {
            throw new FieldRefusal("categoryId", "forum.move.categoryRequired");
        }
        category(categoryId);
        if (jdbc.sql("update forum_thread set category_id = ?, row_version = row_version + 1 where id = ? and row_version = ?")
                .params(categoryId, threadId, rowVersion).update() == 0) {
            throw BusinessException.conflict("forum.thread.stale");
        }
        audit.record("forum.thread.moved", "forum_thread", threadId, Map.of("from", thread.categoryId().toString(),
                "to", categoryId.toString()));
    }

    /** The threads whose posts hold the words (French, accents aside), the best post of each. */
    @Transactional(readOnly = true)
    public List<Found> search(String words) {
        String q = words == null ? "" : words.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.length() > QUERY_MAX) {
            throw new FieldRefusal("q", "forum.search.tooLong", QUERY_MAX);
        }
        boolean moderator = TenantContext.hasAuthority(Permissions.FORUM_MODERATE);
        return jdbc.sql("""
                with hits as (
                    select distinct on (p.thread_id) p.thread_id, p.number, p.body_markdown,
                           ts_rank_cd(p.search, (select websearch_to_tsquery('french_unaccent', :q))) as rank
                    from forum_post p
                    where p.search @@ websearch_to_tsquery('french_unaccent', :q) and (:moderator or p.hidden_at is null)
                    order by p.thread_id, rank desc, p.number
                )
                select h.thread_id, t.title, c.name, t.last_post_at, h.number,
                       ts_headline('french_unaccent', left(h.body_markdown, 3000),
                           (select websearch_to_tsquery('french_unaccent', :q)), :options) as snippet
                from hits h join forum_thread t on t.id = h.thread_id join forum_category c on c.id = t.category_id
                order by h.rank desc, t.last_post_at desc limit 30""")
                .param("q", q).param("moderator", moderator)
                .param("options", Headlines.options("MaxWords=30, MinWords=10, MaxFragments=1"))
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5), Headlines.parts(rs.getString(6))))
                .list();
    }

    private int insertPost(UUID threadId, String title, String body, List<Mentioned> mentioned, UUID quotedPostId,
            Author me, Timestamp at) {
        Set<String> known = mentioned.stream().map(m -> m.username().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return jdbc.sql("""
                insert into forum_post (id, thread_id, number, author_user_id, author_organisation_id, author_name,
                    author_organisation_name, body_markdown, body_html, quoted_post_id, search, created_at)
                values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?,
                    setweight(to_tsvector('french_unaccent', ?), 'A') || setweight(to_tsvector('french_unaccent', ?), 'B'), ?)
                returning number""")
                .params(Ids.newId(), threadId, me.userId(), me.organisationId(), me.name(), me.organisationName(), body,
                        ForumText.html(body, known), quotedPostId, title, body, at)
                .query(Integer.class).single();
    }

    /** Mails the followers who chose a mail at each reply; returns who was mailed. */
    private Set<UUID> notifySubscribers(Thread thread, Author me, int number, String body) {
        String subject = messages.getMessage("forum.mail.reply.subject", new Object[] {thread.title()}, MAIL_LOCALE);
        String text = messages.getMessage("forum.mail.reply.body", new Object[] {me.name(), me.organisationName(),
                thread.title(), excerpt(body), postLink(thread.id(), number)}, MAIL_LOCALE);
        List<Map<String, Object>> subscribers = jdbc.sql("select user_id, organisation_id, email from forum_reply_recipients(?)")
                .param(thread.id()).query().listOfRows();
        Set<UUID> mailed = new HashSet<>();
        for (Map<String, Object> s : subscribers) {
            UUID userId = (UUID) s.get("user_id");
            if (send("FORUM_REPLY", "forum:" + thread.id() + ":" + number + ":" + userId, me, userId,
                    (UUID) s.get("organisation_id"), (String) s.get("email"), subject, text)) {
                mailed.add(userId);
            }
        }
        return mailed;
    }

    /** A person named after an @ who may read the thread, with their mail choice. */
    private record Mentioned(UUID userId, UUID organisationId, String username, String email, MailMode mode) {}

    /** Of the names after an @ in a post, the accounts that may read the thread (the others stay text). */
    private List<Mentioned> mentionable(UUID threadId, String body) {
        Set<String> names = ForumText.mentioned(body);
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select user_id, organisation_id, username, email, mode from forum_mentionable(?, cast(? as varchar[]))")
                .params(threadId, names.toArray(String[]::new))
                .query((rs, n) -> new Mentioned(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), MailMode.valueOf(rs.getString(5))))
                .list();
    }

    /** Mails the people mentioned, but the author, those who chose no mail and those the reply mail reached. */
    private void notifyMentioned(UUID threadId, String title, Author me, int number, String body, List<Mentioned> mentioned,
            Set<UUID> alreadyMailed) {
        if (mentioned.isEmpty()) {
            return;
        }
        String subject = messages.getMessage("forum.mail.mention.subject", new Object[] {me.name(), title}, MAIL_LOCALE);
        String text = messages.getMessage("forum.mail.mention.body", new Object[] {me.name(), me.organisationName(),
                title, excerpt(body), postLink(threadId, number)}, MAIL_LOCALE);
        for (Mentioned m : mentioned) {
            if (m.mode() != MailMode.NONE && !alreadyMailed.contains(m.userId())) {
                send("FORUM_MENTION", "forum-mention:" + threadId + ":" + number + ":" + m.userId(), me, m.userId(),
                        m.organisationId(), m.email(), subject, text);
            }
        }
    }

    /** Queues a mail from the recipient's own organisation's outbox, never to the author nor without an address. */
    private boolean send(String kind, String dedupKey, Author me, UUID userId, UUID organisationId, String email,
            String subject, String text) {
        if (me.userId().equals(userId) || email == null || email.isBlank()) {
            return false;
        }
        tenantScope.callAs(organisationId, () -> outbox.enqueue(kind, dedupKey, email, subject, text));
        return true;
    }

    private String postLink(UUID threadId, int number) {
        return outbox.link(postPath(threadId, number));
    }

    /** The address of a post: its thread's page where it is. */
    static String postPath(UUID threadId, int number) {
        return "/network/forum/threads/" + threadId + "?page=" + ((number - 1) / POSTS_PAGE) + "#post-" + number;
    }

    private static String excerpt(String body) {
        return body.length() > 1000 ? body.substring(0, 1000) + " …" : body;
    }

    private static String body(String markdown) {
        String body = markdown == null ? "" : markdown.strip();
        if (body.isEmpty()) {
            throw new FieldRefusal("body", "forum.post.body.required");
        }
        if (body.length() > BODY_MAX) {
            throw new FieldRefusal("body", "forum.post.body.tooLong", BODY_MAX);
        }
        return body;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new FieldRefusal("reason", "forum.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw new FieldRefusal("reason", "forum.reason.tooLong", REASON_MAX);
        }
        return why;
    }

    /** Who writes: the signed-in person and their organisation's name. */
    private record Author(UUID userId, UUID organisationId, String name, String organisationName) {}

    private Author author() {
        TenantPrincipal me = TenantContext.currentPrincipal().orElseThrow(BusinessException::notFound);
        return new Author(me.userId(), me.organisationId(), me.displayName(), organisations.get(me.organisationId()).name());
    }

    private static void requireModerate() {
        if (!TenantContext.hasAuthority(Permissions.FORUM_MODERATE)) {
            throw new org.springframework.security.access.AccessDeniedException(Permissions.FORUM_MODERATE);
        }
    }

    private static final String THREAD_SELECT = """
            select t.id, t.category_id, c.name as category_name, t.title, t.author_name, t.author_organisation_name,
                   t.created_at, t.last_post_at, t.post_count, t.locked_at, t.locked_reason, t.row_version
            from forum_thread t join forum_category c on c.id = t.category_id""";

    private static Thread thread(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_at");
        return new Thread(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getString("title"), rs.getString("author_name"),
                rs.getString("author_organisation_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_post_at").toInstant(), rs.getInt("post_count"),
                locked == null ? null : locked.toInstant(), rs.getString("locked_reason"), rs.getInt("row_version"));
    }

    private static Category category(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp("last_post_at");
        return new Category(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getObject("body_id", UUID.class), rs.getString("body_name"), rs.getLong("threads"),
                last == null ? null : last.toInstant());
    }
}
