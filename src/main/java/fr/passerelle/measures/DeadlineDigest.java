package fr.passerelle.measures;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.mail.MailOutbox;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: each morning every case worker with late or coming deadlines on their measures
 * gets one email through the outbox. It names measures by reference only, never a person, and is
 * queued at most once per worker and day (a second run the same day queues nothing).
 */
@Component
public class DeadlineDigest {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineDigest.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale LOCALE = Locale.FRENCH;

    private final Organisations organisations;
    private final UserAccounts users;
    private final Deadlines deadlines;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final List<DigestContribution> contributions;

    DeadlineDigest(Organisations organisations, UserAccounts users, Deadlines deadlines, MailOutbox outbox,
            MessageSource messages, TransactionTemplate transactions, AuditLog audit,
            List<DigestContribution> contributions) {
        this.audit = audit;
        this.contributions = List.copyOf(contributions);
        this.organisations = organisations;
        this.users = users;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** Every association, one transaction each (a failure in one does not stop the others). */
    @Scheduled(cron = "${passerelle.digest.cron:0 0 7 * * MON-FRI}", zone = "Europe/Paris")
    @SchedulerLock(name = "deadline-digest", lockAtMostFor = "PT1H")
    public void queueAll() {
        int queued = 0;
        for (UUID organisation : organisations.activeIds(OrganisationKind.ASSOCIATION)) {
            try {
                queued += TenantContext.callAs(organisation, this::queue);
            } catch (RuntimeException e) {
                LOG.error("digest not queued for organisation {}", organisation, e);
            }
        }
        LOG.info("daily digest: {} messages queued", queued);
    }

    /** Queues today's digest of the current association; returns how many messages were queued. */
    public int queue() {
        Integer queued = transactions.execute(status -> {
            LocalDate today = deadlines.today();
            List<UserAccounts.DigestRecipient> recipients = users.digestRecipients();
            if (recipients.isEmpty()) {
                return 0;
            }
            Map<UUID, List<Deadlines.Deadline>> byWorker = deadlines
                    .until(today.plusDays(Deadlines.SOON_DAYS), recipients.stream().map(UserAccounts.DigestRecipient::id).toList())
                    .stream().collect(Collectors.groupingBy(Deadlines.Deadline::assignedUserId));
            List<Map<UUID, DigestContribution.Section>> extras = contributions.stream()
                    .map(c -> c.sections(today, recipients)).toList();
            int count = 0;
            for (UserAccounts.DigestRecipient recipient : recipients) {
                List<Deadlines.Deadline> items = byWorker.getOrDefault(recipient.id(), List.of());
                List<DigestContribution.Section> sections = extras.stream().map(e -> e.get(recipient.id()))
                        .filter(java.util.Objects::nonNull).filter(section -> !section.lines().isEmpty()).toList();
                if (items.isEmpty() && sections.isEmpty()) {
                    continue;
                }
                List<Deadlines.Deadline> late = items.stream().filter(d -> d.overdue(today)).toList();
                List<Deadlines.Deadline> soon = items.stream().filter(d -> !d.overdue(today)).toList();
                String subject = text("digest.mail.subject", today.format(DAY), late.size(), soon.size());
                if (outbox.enqueue("DEADLINE_DIGEST", "digest:" + recipient.id() + ":" + today, recipient.email(), subject,
                        body(recipient, late, soon, sections))) {
                    count++;
                }
            }
            if (count > 0) {
                audit.record("digest.queued", "organisation", TenantContext.currentOrganisationId().orElse(null),
                        Map.of("day", today.toString(), "messages", count));
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }

    private String body(UserAccounts.DigestRecipient recipient, List<Deadlines.Deadline> late,
            List<Deadlines.Deadline> soon, List<DigestContribution.Section> sections) {
        StringBuilder body = new StringBuilder();
        body.append(text("digest.mail.greeting", recipient.displayName())).append("\n\n");
        section(body, "digest.mail.late", late);
        section(body, "digest.mail.soon", soon);
        for (DigestContribution.Section section : sections) {
            body.append(section.title()).append('\n');
            section.lines().forEach(line -> body.append(" - ").append(line).append('\n'));
            body.append('\n');
        }
        body.append(text("digest.mail.open", outbox.link("/caseload/deadlines"))).append("\n\n");
        body.append(text("digest.mail.privacy")).append('\n');
        body.append(text("digest.mail.unsubscribe", outbox.link("/account/calendar"))).append('\n');
        return body.toString();
    }

    private void section(StringBuilder body, String titleKey, List<Deadlines.Deadline> items) {
        if (items.isEmpty()) {
            return;
        }
        body.append(text(titleKey, items.size())).append('\n');
        for (Deadlines.Deadline d : items) {
            String what = text("deadline.kind." + d.kind());
            if (d.reportKind() != null) {
                what += " (" + text("report.kind." + d.reportKind()) + ")";
            }
            body.append(" - ").append(d.date().format(DAY)).append(" · ").append(what).append(" · ")
                    .append(d.measureReference()).append('\n');
        }
        body.append('\n');
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LOCALE);
    }
}
