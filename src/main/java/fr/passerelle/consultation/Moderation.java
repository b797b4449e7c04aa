package fr.passerelle.consultation;

import fr.passerelle.audit.AuditLog;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.TenantPrincipal;
import fr.passerelle.shared.mail.MailOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation of proposals (CONSULTATION.md, "Moderation"): a queue of pending proposals,
 * oldest first; a moderator opening one takes a short lock on it (renewed while their page is
 * open), so that two moderators never handle the same proposal; accept, refuse with a reason of the
 * consultation's charter (the author is emailed the reason and invited to rephrase, through the
 * mail outbox, in the transaction of the decision, with a signed link to a form prefilled with the
 * refused text), postpone, one by one or in bulk; an accepted proposal's author is mailed that it is
 * published; theme tags; similar accepted proposals as duplicate hints. Every decision is audited.
 * The author's mails are written in the language they proposed in ({@link MailLanguage}).
 */
@Service
@PreAuthorize("hasAuthority('consultation:moderate')")
public class Moderation {

    /** How long an opened proposal stays reserved to its moderator without renewal. */
    public static final Duration LOCK = Duration.ofMinutes(2);
    /** Similar accepted proposals shown as duplicate hints. */
    static final int HINTS = 5;
    /** Trigram similarity from which an accepted proposal is a possible duplicate. */
    static final double SIMILARITY = 0.3;
    public static final int QUEUE_PAGE = 50;
    /** Most proposals one bulk action may decide. */
    public static final int BULK_MAX = 200;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String FREE_OR_MINE = "(lock_holder is null or lock_holder = :me or lock_expires_at < now())";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final ProposalKeys keys;

    private final Sequences sequences;
    private final ConsultationProperties properties;

    Moderation(JdbcClient jdbc, AuditLog audit, MailOutbox outbox, MessageSource messages, ProposalKeys keys,
            Sequences sequences, ConsultationProperties properties) {
        this.sequences = sequences;
        this.properties = properties;
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.keys = keys;
    }

    /**
     * A proposal as moderators see it (the author's address is not shown); {@code rephrases} is the
     * refused proposal it rephrases, if any.
     */
    public record Item(UUID id, UUID consultationId, String text, ProposalStatus status, RefusalReason refusalReason,
            Instant createdAt, boolean lockedByOther, boolean lockedByMe, Instant lockExpiresAt, List<UUID> themeIds,
            UUID rephrases) {}

    /** An accepted proposal whose text is close to the one moderated. */
    public record Hint(UUID id, String text, double similarity) {}

    /** What a bulk action did: decided, and skipped (locked by another moderator or already decided). */
    public record BulkResult(int decided, int skipped) {}

    public enum Decision { ACCEPT, REFUSE, POSTPONE }

    /** The pending (and, if asked, postponed) proposals of a consultation, oldest first. */
    @Transactional(readOnly = true)
    public List<Item> queue(UUID consultationId, boolean withPostponed, int page) {
        return jdbc.sql("""
                select p.*, array(select theme_id from consultation_proposal_theme t where t.proposal_id = p.id) theme_ids,
                       coalesce(p.lock_expires_at > now(), false) lock_live
                from consultation_proposal p
                where p.consultation_id = :c and p.status in (:statuses)
                order by (p.status = 'PENDING') desc, p.created_at, p.id limit :limit offset :offset""")
                .param("c", consultationId)
                .param("statuses", withPostponed ? List.of("PENDING", "POSTPONED") : List.of("PENDING"))
                .param("limit", QUEUE_PAGE + 1).param("offset", Math.max(0, page) * QUEUE_PAGE)
                .query(this::map).list();
    }

    /**
     * Takes the oldest pending proposal nobody else holds and locks it for the current moderator
     * ({@code FOR UPDATE SKIP LOCKED}: two moderators asking at once get two different proposals).
     */
    @Transactional
    public Optional<UUID> next(UUID consultationId) {
        return jdbc.sql("""
                update consultation_proposal set lock_holder = :me, lock_expires_at = now() + make_interval(secs => :secs)
                where id = (select id from consultation_proposal
                            where consultation_id = :c and status = 'PENDING' and """ + FREE_OR_MINE + """
                            order by (lock_holder = :me) desc nulls last, created_at, id limit 1 for update skip locked)
                returning id""")
                .param("me", me()).param("secs", LOCK.toSeconds()).param("c", consultationId)
                .query(UUID.class).optional();
    }

    /**
     * Opens a proposal for moderation: locks it for the current moderator if nobody else holds
     * it. The item says whether another moderator does (then the page offers the next one).
     */
    @Transactional
    public Item open(UUID proposalId) {
        jdbc.sql("update consultation_proposal set lock_holder = :me, lock_expires_at = now() + make_interval(secs => :secs) "
                        + "where id = :id and status in ('PENDING', 'POSTPONED') and " + FREE_OR_MINE)
                .param("me", me()).param("secs", LOCK.toSeconds()).param("id", proposalId).update();
        return find(proposalId).orElseThrow(BusinessException::notFound);
    }

    /** Renews the current moderator's lock; false when the lock was lost (taken by another after expiry). */
    @Transactional
    public boolean renew(UUID proposalId) {
        return jdbc.sql("update consultation_proposal set lock_expires_at = now() + make_interval(secs => :secs) "
                        + "where id = :id and status in ('PENDING', 'POSTPONED') and " + FREE_OR_MINE)
                .param("me", me()).param("secs", LOCK.toSeconds()).param("id", proposalId).update() == 1;
    }

    @Transactional(readOnly = true)
    public Item get(UUID proposalId) {
        return find(proposalId).orElseThrow(BusinessException::notFound);
    }

    /** Similar accepted proposals of the same consultation, most similar first. */
    @Transactional(readOnly = true)
    public List<Hint> hints(UUID proposalId) {
        // similarity() over the consultation's accepted proposals only: the candidate set stays one
        // consultation (trigram operators are not leakproof, so an index scan under RLS is not planned).
        return jdbc.sql("""
                select * from (
                    select o.id, o.text, similarity(lower(o.text), lower(p.text)) s
                    from consultation_proposal p
                    join consultation_proposal o on o.consultation_id = p.consultation_id and o.status = 'ACCEPTED'
                                                 and o.id <> p.id
                    where p.id = :id) candidates
                where s >= :min order by s desc, id limit :limit""")
                .param("id", proposalId).param("min", SIMILARITY).param("limit", HINTS)
                .query((rs, n) -> new Hint(rs.getObject("id", UUID.class), rs.getString("text"), rs.getDouble("s")))
                .list();
    }

    /** Accepts a proposal: it enters the voting sequence, and its author is mailed that it is published. */
    @Transactional
    public void accept(UUID proposalId) {
        decide(proposalId, Decision.ACCEPT, null, true);
    }

    /**
     * Accepts a proposal the platform entered itself (demo data, replays of past consultations):
     * the same rules and audit as {@link #accept}, but no mail to its author.
     */
    @Transactional
    public void acceptWithoutMail(UUID proposalId) {
        decide(proposalId, Decision.ACCEPT, null, false);
    }

    @Transactional
    public void refuse(UUID proposalId, RefusalReason reason) {
        decide(proposalId, Decision.REFUSE, reason, true);
    }

    @Transactional
    public void postpone(UUID proposalId) {
        decide(proposalId, Decision.POSTPONE, null, true);
    }

    /** Decides several proposals of one consultation; those locked by another moderator or already decided are skipped. */
    @Transactional
    public BulkResult bulk(UUID consultationId, Collection<UUID> proposalIds, Decision decision, RefusalReason reason) {
        if (proposalIds.isEmpty()) {
            throw BusinessException.invalid("moderation.bulk.none");
        }
        if (proposalIds.size() > BULK_MAX) {
            throw BusinessException.invalid("moderation.bulk.tooMany", BULK_MAX);
        }
        int decided = 0;
        for (UUID id : proposalIds.stream().distinct().sorted().toList()) {
            Optional<Item> item = find(id);
            if (item.isEmpty() || !item.get().consultationId().equals(consultationId)) {
                throw BusinessException.notFound();
            }
            if (tryDecide(item.get(), decision, reason, true)) {
                decided++;
            }
        }
        audit.record("consultation.moderation.bulk", "consultation", consultationId,
                Map.of("decision", decision.name(), "selected", proposalIds.size(), "decided", decided));
        return new BulkResult(decided, proposalIds.size() - decided);
    }

    /** Replaces the theme tags of a proposal with themes of its consultation. */
    @Transactional
    public void tag(UUID proposalId, Collection<UUID> themeIds) {
        Item item = get(proposalId);
        if (item.lockedByOther()) {
            throw BusinessException.conflict("moderation.lockedByOther");
        }
        long known = themeIds.isEmpty() ? 0 : jdbc.sql(
                        "select count(*) from consultation_theme where consultation_id = :c and id in (:ids)")
                .param("c", item.consultationId()).param("ids", themeIds).query(Long.class).single();
        if (known != themeIds.stream().distinct().count()) {
            throw BusinessException.invalid("moderation.theme.unknown");
        }
        jdbc.sql("delete from consultation_proposal_theme where proposal_id = ?").param(proposalId).update();
        for (UUID theme : themeIds.stream().distinct().toList()) {
            jdbc.sql("""
                    insert into consultation_proposal_theme (organisation_id, proposal_id, theme_id)
                    select organisation_id, id, :theme from consultation_proposal where id = :id""")
                    .param("theme", theme).param("id", proposalId).update();
        }
        audit.record("consultation.proposal.tagged", "consultation_proposal", proposalId,
                Map.of("themes", themeIds.stream().map(UUID::toString).sorted().toList()));
    }

    private void decide(UUID proposalId, Decision decision, RefusalReason reason, boolean mailAuthor) {
        Item item = find(proposalId).orElseThrow(BusinessException::notFound);
        if (item.lockedByOther()) {
            throw BusinessException.conflict("moderation.lockedByOther");
        }
        if (!tryDecide(item, decision, reason, mailAuthor)) {
            throw BusinessException.conflict("consultation.proposal.notPending");
        }
    }

    private boolean tryDecide(Item item, Decision decision, RefusalReason reason, boolean mailAuthor) {
        Proposal proposal = proposal(item.id());
        if (decision == Decision.REFUSE && (reason == null || !proposal.reasons().contains(reason.name()))) {
            throw BusinessException.invalid("moderation.reason.required");
        }
        if (decision == Decision.ACCEPT && proposal.themesRequired() && item.themeIds().isEmpty()) {
            throw BusinessException.conflict("moderation.theme.required");
        }
        String status = switch (decision) {
            case ACCEPT -> "ACCEPTED";
            case REFUSE -> "REFUSED";
            case POSTPONE -> "POSTPONED";
        };
        List<String> from = decision == Decision.POSTPONE ? List.of("PENDING") : List.of("PENDING", "POSTPONED");
        int updated = jdbc.sql("""
                update consultation_proposal set status = :status, refusal_reason = :reason, moderated_by = :me,
                       moderated_at = now(), lock_holder = null, lock_expires_at = null, updated_at = now()
                where id = :id and status in (:from) and """ + FREE_OR_MINE)
                .param("status", status).param("reason", reason == null ? null : reason.name()).param("me", meIfAny())
                .param("id", item.id()).param("from", from).update();
        if (updated == 0) {
            return false;
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("consultation", item.consultationId().toString());
        if (reason != null) {
            details.put("reason", reason.name());
        }
        audit.record("consultation.proposal." + status.toLowerCase(Locale.ROOT), "consultation_proposal", item.id(), details);
        if (decision == Decision.ACCEPT) {
            // Voters see it in their next sequence, not once the snapshot has aged.
            afterCommit(() -> sequences.refresh(item.consultationId()));
        }
        boolean mailed = mailAuthor && proposal.authorEmail() != null && !proposal.authorEmail().isBlank();
        // Written in the language the author proposed in.
        Locale locale = MailLanguage.locale(proposal.language());
        if (mailed && decision == Decision.REFUSE) {
            String why = text(locale, "consultation.reason." + reason.name());
            // The link opens the propose form prefilled with the refused text, on any device: it
            // carries a token signed for this proposal (ProposalKeys), not the author's cookie.
            String rephrase = "/c/" + proposal.slug() + "/propose?rephrase=" + item.id() + "&token="
                    + keys.signRephrase(item.consultationId(), item.id());
            // The link works until this day (Proposals counts the delay from the refusal's time).
            Instant refusedAt = jdbc.sql("select moderated_at from consultation_proposal where id = ?").param(item.id())
                    .query(java.sql.Timestamp.class).single().toInstant();
            String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .format(refusedAt.plus(properties.rephraseLinkValidity()).atZone(PARIS));
            outbox.enqueue("CONSULTATION_REFUSAL", "refusal:" + item.id(), proposal.authorEmail(),
                    text(locale, "moderation.mail.refused.subject", proposal.question()),
                    text(locale, "moderation.mail.refused.body", proposal.question(), item.text(), why, outbox.link(rephrase),
                            until));
        }
        if (mailed && decision == Decision.ACCEPT) {
            outbox.enqueue("CONSULTATION_ACCEPTANCE", "acceptance:" + item.id(), proposal.authorEmail(),
                    text(locale, "moderation.mail.accepted.subject", proposal.question()),
                    text(locale, "moderation.mail.accepted.body", proposal.question(), item.text(),
                            outbox.link("/c/" + proposal.slug())));
        }
        return true;
    }

    private record Proposal(String authorEmail, String language, String slug, String question, List<String> reasons,
            boolean themesRequired) {}

    private Proposal proposal(UUID id) {
        return jdbc.sql("""
                select p.author_email, p.author_language, c.slug, c.question, c.refusal_reasons, c.themes_required
                from consultation_proposal p join consultation c on c.id = p.consultation_id where p.id = ?""")
                .param(id)
                .query((rs, n) -> new Proposal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getBoolean(6)))
                .single();
    }

    private Optional<Item> find(UUID proposalId) {
        return jdbc.sql("""
                select p.*, array(select theme_id from consultation_proposal_theme t where t.proposal_id = p.id) theme_ids,
                       coalesce(p.lock_expires_at > now(), false) lock_live
                from consultation_proposal p where p.id = ?""")
                .param(proposalId).query(this::map).optional();
    }

    private Item map(ResultSet rs, int n) throws SQLException {
        UUID holder = rs.getObject("lock_holder", UUID.class);
        // Locks expire by the database's clock, which set them.
        boolean live = holder != null && rs.getBoolean("lock_live");
        UUID me = meIfAny();
        String reason = rs.getString("refusal_reason");
        List<UUID> themes = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("theme_ids").getArray()) {
            themes.add((UUID) o);
        }
        return new Item(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class), rs.getString("text"),
                ProposalStatus.valueOf(rs.getString("status")), reason == null ? null : RefusalReason.valueOf(reason),
                rs.getTimestamp("created_at").toInstant(), live && !holder.equals(me), live && holder.equals(me),
                live ? rs.getTimestamp("lock_expires_at").toInstant() : null, List.copyOf(themes),
                rs.getObject("rephrases", UUID.class));
    }

    private static UUID me() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId)
                .orElseThrow(() -> new IllegalStateException("moderation needs a signed-in moderator"));
    }

    /**
     * The signed-in moderator, or null for the platform's own acceptances (demo data, replays): such
     * a caller holds no lock, so a proposal another moderator holds stays theirs.
     */
    private static UUID meIfAny() {
        return TenantContext.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static void afterCommit(Runnable action) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
        } else {
            action.run();
        }
    }
}
