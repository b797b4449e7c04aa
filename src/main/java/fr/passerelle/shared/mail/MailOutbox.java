package fr.passerelle.shared.mail;

import fr.passerelle.shared.Ids;
import fr.passerelle.shared.ResultPage;
import fr.passerelle.shared.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox: modules enqueue a message in the transaction that decides it (so a rolled-back
 * decision sends nothing); {@link OutboxSender} delivers it later and retries. Without a mail server
 * configured, messages stay in the outbox, where administrators can read them.
 */
@Service
public class MailOutbox {

    public static final int PAGE_SIZE = 25;

    /** Delivery state of a message. */
    public enum Status { PENDING, SENT, FAILED }

    /** One message of the outbox. */
    public record Mail(UUID id, String kind, String recipient, String subject, String body, Status status,
            int attempts, Instant createdAt, Instant sentAt, String lastError) {}

    private final JdbcClient jdbc;
    private final String baseUrl;

    MailOutbox(JdbcClient jdbc,
            @org.springframework.beans.factory.annotation.Value("${passerelle.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute address of a page of the application ({@code passerelle.base-url}), for a mail. */
    public String link(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /** A file sent with a message. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /**
     * Queues a plain-text message from the current organisation. With a {@code dedupKey}, a second
     * message with the same key is ignored (e.g. one digest per worker and day).
     *
     * @return whether the message was queued (false: already queued under that key)
     */
    @Transactional
    public boolean enqueue(String kind, String dedupKey, String recipient, String subject, String body) {
        return enqueue(kind, dedupKey, recipient, subject, body, List.of());
    }

    /**
     * Queues a plain-text message with files attached (sent as a multipart message), like
     * {@link #enqueue(String, String, String, String, String)}.
     *
     * @return whether the message was queued (false: already queued under that key)
     */
    @Transactional
    public boolean enqueue(String kind, String dedupKey, String recipient, String subject, String body,
            List<Attachment> attachments) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("recipient required");
        }
        UUID organisation = TenantContext.currentOrganisationId()
                .orElseThrow(() -> new IllegalStateException("no organisation to send mail from"));
        UUID id = Ids.newId();
        boolean queued = jdbc.sql("""
                insert into mail_outbox (id, organisation_id, kind, dedup_key, recipient, subject, body)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, dedup_key) do nothing""")
                .params(id, organisation, kind, dedupKey, recipient.strip(), truncate(subject, 300), body)
                .update() == 1;
        if (queued) {
            for (int i = 0; i < attachments.size(); i++) {
                Attachment file = attachments.get(i);
                jdbc.sql("""
                        insert into mail_outbox_attachment (id, organisation_id, mail_id, position, file_name, content_type,
                                                            content)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(Ids.newId(), organisation, id, i, file.fileName(), file.contentType(), file.content())
                        .update();
            }
        }
        return queued;
    }

    /** The files attached to a message of the current organisation, in the order they were given. */
    @Transactional(readOnly = true)
    public List<Attachment> attachments(UUID mailId) {
        return attachments(jdbc, mailId);
    }

    /** The files of a message, for the sending job too. */
    static List<Attachment> attachments(JdbcClient jdbc, UUID mailId) {
        return jdbc.sql("""
                select file_name, content_type, content from mail_outbox_attachment where mail_id = ? order by position""")
                .param(mailId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /** The messages of the current organisation, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public ResultPage<Mail> list(Status status, int page) {
        String where = status == null ? "" : " where status = :status";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from mail_outbox" + where).params(params).query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", page * PAGE_SIZE);
        List<Mail> items = jdbc.sql("select * from mail_outbox" + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Mail(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("last_error")))
                .list();
        return new ResultPage<>(items, page, PAGE_SIZE, total);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
