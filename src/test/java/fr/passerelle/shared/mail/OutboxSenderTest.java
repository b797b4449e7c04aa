package fr.passerelle.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** Delivery of the outbox over SMTP (GreenMail), retries, and what stays put without a server. */
@PasserelleIntegrationTest
class OutboxSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxSender configuredSender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void deliversQueuedMailOnceAndMarksItSent() throws Exception {
        UUID organisation = anAssociation(0);
        String recipient = "livraison-" + UUID.randomUUID() + "@example.org";
        TenantContext.runAs(organisation, () -> outbox.enqueue("TEST", null, recipient, "Objet accentué é", "Corps du message"));

        sender(SMTP.getSmtp().getPort()).sendDue();
        sender(SMTP.getSmtp().getPort()).sendDue();

        MimeMessage[] received = SMTP.getReceivedMessagesForDomain("example.org");
        assertThat(received).filteredOn(m -> address(m).equals(recipient)).hasSize(1);
        MimeMessage message = java.util.Arrays.stream(received).filter(m -> address(m).equals(recipient)).findFirst().orElseThrow();
        assertThat(message.getSubject()).isEqualTo("Objet accentué é");
        assertThat(row(recipient)).containsEntry("status", "SENT").containsEntry("attempts", 1);
    }

    @Test
    void deliversTheFilesAttachedToAMessageAsAMultipartMail() throws Exception {
        UUID organisation = anAssociation(0);
        String recipient = "piece-jointe-" + UUID.randomUUID() + "@example.org";
        byte[] pdf = "%PDF-1.7 orientation".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TenantContext.runAs(organisation, () -> outbox.enqueue("TEST", null, recipient, "Orientation", "Voir la pièce jointe",
                java.util.List.of(new MailOutbox.Attachment("orientation-1.pdf", "application/pdf", pdf))));

        sender(SMTP.getSmtp().getPort()).sendDue();

        MimeMessage message = java.util.Arrays.stream(SMTP.getReceivedMessagesForDomain("example.org"))
                .filter(m -> address(m).equals(recipient)).findFirst().orElseThrow();
        var parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        var file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("orientation-1.pdf");
        assertThat(file.getContentType()).startsWith("application/pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(row(recipient)).containsEntry("status", "SENT");
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndNothingIsLost() {
        UUID organisation = anAssociation(1);
        String recipient = "echec-" + UUID.randomUUID() + "@example.org";
        TenantContext.runAs(organisation, () -> outbox.enqueue("TEST", null, recipient, "Objet", "Corps"));

        sender(1).sendDue(); // nothing listens on port 1

        Map<String, Object> row = row(recipient);
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat(row.get("last_error")).isNotNull();
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isAfter(java.time.Instant.now());
    }

    @Test
    void withoutAMailServerMessagesWaitInTheOutboxAndTheDedupKeyHolds() {
        assertThat(configuredSender.enabled()).isFalse();
        UUID organisation = anAssociation(2);
        String recipient = "attente-" + UUID.randomUUID() + "@example.org";
        boolean first = TenantContext.callAs(organisation, () -> outbox.enqueue("TEST", "key-" + recipient, recipient, "A", "B"));
        boolean second = TenantContext.callAs(organisation, () -> outbox.enqueue("TEST", "key-" + recipient, recipient, "A", "B"));
        configuredSender.sendDue();
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(row(recipient)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
    }

    @Test
    void retryDelaysGrowAndAreCapped() {
        assertThat(OutboxSender.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.retryDelay(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.retryDelay(30)).isEqualTo(Duration.ofHours(6));
    }

    private OutboxSender sender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", mail));
        return new OutboxSender(jdbc, transactions, beans.getBeanProvider(JavaMailSender.class), Clock.systemUTC(),
                "Passerelle <no-reply@passerelle.invalid>");
    }

    private UUID anAssociation(int index) {
        return OwnerSql.of(server).sql("select id from organisation where kind = 'ASSOCIATION' order by id offset ? limit 1")
                .param(index).query(UUID.class).single();
    }

    private Map<String, Object> row(String recipient) {
        return OwnerSql.of(server).sql("select status, attempts, last_error, next_attempt_at from mail_outbox where recipient = ?")
                .param(recipient).query().singleRow();
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
