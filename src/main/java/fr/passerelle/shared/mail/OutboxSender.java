package fr.passerelle.shared.mail;

import fr.passerelle.shared.TenantContext;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: every organisation with messages due, a batch at a time, each message
 * locked while it is sent (several nodes never send the same one). A failure is retried with an
 * exponential delay, then the message is marked failed. Files attached to a message make it multipart.
 */
@Component
public class OutboxSender {

    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mailSender,
            Clock clock, @Value("${passerelle.mail.from:Passerelle <no-reply@passerelle.invalid>}") String from) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
    }

    /** Whether a mail server is configured; without one, messages wait in the outbox. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${passerelle.mail.send-interval:PT30S}",
            initialDelayString = "${passerelle.mail.send-interval:PT30S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT10M")
    public void sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<UUID> organisations = jdbc.sql("select mail_outbox_due_organisations(?)")
                .param(java.sql.Timestamp.from(clock.instant())).query(UUID.class).list();
        for (UUID organisation : organisations) {
            TenantContext.runAs(organisation, () -> {
                while (Boolean.TRUE.equals(transactions.execute(status -> sendBatch(sender)))) {
                    // next batch of this organisation
                }
            });
        }
    }

    /** Sends one batch; true when it was full (there may be more). */
    private boolean sendBatch(JavaMailSender sender) {
        Instant now = clock.instant();
        List<Pending> batch = jdbc.sql("""
                select id, recipient, subject, body, attempts from mail_outbox
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit ? for update skip locked""")
                .param(java.sql.Timestamp.from(now)).param(BATCH)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
        for (Pending mail : batch) {
            try {
                MimeMessage message = sender.createMimeMessage();
                List<MailOutbox.Attachment> files = MailOutbox.attachments(jdbc, mail.id());
                MimeMessageHelper helper = new MimeMessageHelper(message, !files.isEmpty(), StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.body());
                for (MailOutbox.Attachment file : files) {
                    helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
                }
                sender.send(message);
                jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .param(java.sql.Timestamp.from(clock.instant())).param(mail.id()).update();
            } catch (MailException | MessagingException e) {
                int attempts = mail.attempts() + 1;
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                LOG.warn("mail {} not sent (attempt {}): {}", mail.id(), attempts, e.getMessage());
                jdbc.sql("update mail_outbox set attempts = ?, status = ?, next_attempt_at = ?, last_error = ? where id = ?")
                        .param(attempts).param(giveUp ? "FAILED" : "PENDING")
                        .param(java.sql.Timestamp.from(now.plus(retryDelay(attempts))))
                        .param(String.valueOf(e.getMessage())).param(mail.id()).update();
            }
        }
        return batch.size() == BATCH;
    }

    /** One minute after the first failure, doubling, at most six hours. */
    static Duration retryDelay(int attempts) {
        long minutes = 1L << Math.min(attempts - 1, 20);
        return Duration.ofMinutes(Math.min(minutes, 360));
    }

    private record Pending(UUID id, String recipient, String subject, String body, int attempts) {}
}
