package fr.passerelle.network;

import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.mail.MailOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The forum's daily digest: once a day, everyone who chose it gets one mail, from their own
 * organisation's outbox, listing the posts written since their last digest in the threads they follow
 * and may still read (title, author, link); nothing new, no mail. At most one digest per person and
 * Paris day (the outbox's de-duplication key): a second run the same day queues nothing, and the posts
 * it would have listed wait for the next day's.
 */
@Component
public class ForumDigest {

    private static final Logger LOG = LoggerFactory.getLogger(ForumDigest.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale LOCALE = Locale.FRENCH;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    ForumDigest(JdbcClient jdbc, Clock clock, MailOutbox outbox, MessageSource messages, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** The scheduled run (once across the nodes, under a ShedLock lock). */
    @Scheduled(cron = "${passerelle.forum.digest-cron:0 30 7 * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "forum-digest", lockAtMostFor = "PT1H")
    public void queueAll() {
        LOG.info("forum digest: {} messages queued", queue(clock.instant()));
    }

    /** A post of a digest, for its reader. */
    record Item(UUID userId, UUID organisationId, String email, UUID threadId, String title, int number, String authorName,
            String authorOrganisationName) {}

    /** Queues the digests due at {@code now}, one transaction per reader; returns how many were queued. */
    int queue(Instant now) {
        LocalDate today = now.atZone(PARIS).toLocalDate();
        Timestamp until = Timestamp.from(now);
        int queued = 0;
        for (List<Item> items : readers(until).values()) {
            Item reader = items.get(0);
            try {
                Boolean sent = TenantContext.callAs(reader.organisationId(), () -> transactions.execute(status -> {
                    if (!outbox.enqueue("FORUM_DIGEST", "forum-digest:" + reader.userId() + ":" + today, reader.email(),
                            text("forum.mail.digest.subject", today.format(DAY), items.size()), body(items))) {
                        return false;
                    }
                    jdbc.sql("select forum_digest_sent(?, ?)").params(reader.userId(), until).query().listOfRows();
                    return true;
                }));
                if (Boolean.TRUE.equals(sent)) {
                    queued++;
                }
            } catch (RuntimeException e) {
                LOG.error("forum digest not queued for user {}", reader.userId(), e);
            }
        }
        return queued;
    }

    /** Each digest reader with what is new for them, in order. */
    private Map<UUID, List<Item>> readers(Timestamp until) {
        List<Item> items = transactions.execute(status -> jdbc.sql("""
                select user_id, organisation_id, email, thread_id, title, number, author_name, author_organisation_name
                from forum_digest_posts(?)""").param(until)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)))
                .list());
        return group(items, Item::userId);
    }

    private static <K> Map<K, List<Item>> group(List<Item> items, java.util.function.Function<Item, K> key) {
        Map<K, List<Item>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }

    private String body(List<Item> news) {
        StringBuilder body = new StringBuilder(text("forum.mail.digest.intro")).append("\n\n");
        for (List<Item> items : group(news, Item::threadId).values()) {
            Item first = items.get(0);
            body.append(text("forum.mail.digest.thread", first.title(), items.size())).append('\n');
            for (Item item : items) {
                body.append(" - ").append(text("forum.mail.digest.post", item.number(), item.authorName(),
                        item.authorOrganisationName())).append('\n');
            }
            body.append(text("forum.mail.digest.read", outbox.link(Forum.postPath(first.threadId(), first.number()))))
                    .append("\n\n");
        }
        body.append(text("forum.mail.digest.change", outbox.link("/network/forum"))).append('\n');
        return body.toString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LOCALE);
    }
}
