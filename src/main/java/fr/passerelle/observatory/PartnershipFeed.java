package fr.passerelle.observatory;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.partners.PartnerFigures;
import fr.passerelle.partners.PartnerFigures.Occupancy;
import fr.passerelle.partners.PartnerFigures.PartnerLevel;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the national observatory's partnership facts (obs_partner_level, obs_partner_occupancy):
 * for each active association, in a transaction of its own under its row-level security, reads
 * from the partners module ({@link PartnerFigures}) its partners by type and current level and the
 * occupancy of its partners' sites for the last {@value #MONTHS} months (the current one up to
 * today), and replaces its rows with counts, record-key sums and place-days only. Partners change
 * slowly: every hour by default ({@code passerelle.observatory.partners-refresh-interval}), one
 * node at a time.
 */
@Component
public class PartnershipFeed {

    /** The months of occupancy kept, up to the current one. */
    static final int MONTHS = 24;

    private static final Logger log = LoggerFactory.getLogger(PartnershipFeed.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final PartnerFigures figures;
    private final Organisations organisations;
    private final RecordKeySecret secret;
    private final Clock clock;

    PartnershipFeed(JdbcClient jdbc, PlatformTransactionManager transactions, PartnerFigures figures,
            Organisations organisations, RecordKeySecret secret, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.figures = figures;
        this.organisations = organisations;
        this.secret = secret;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${passerelle.observatory.partners-refresh-interval:PT1H}",
            initialDelayString = "${passerelle.observatory.partners-refresh-interval:PT1H}")
    @SchedulerLock(name = "observatory-partners-refresh", lockAtMostFor = "PT30M")
    public void scheduledRefresh() {
        int fed = refresh();
        log.debug("Observatory: partnership facts of {} associations refreshed", fed);
    }

    /** Refreshes the facts of every active association; returns how many were refreshed. */
    public int refresh() {
        int fed = 0;
        for (UUID association : organisations.activeIds(OrganisationKind.ASSOCIATION)) {
            try {
                refresh(association);
                fed++;
            } catch (RuntimeException e) {
                // One association's failure leaves its previous facts; the others are refreshed.
                log.warn("Observatory: the partnership facts of {} could not be refreshed", association, e);
            }
        }
        return fed;
    }

    /** Replaces the facts of one association with what its partners module computes now. */
    public void refresh(UUID association) {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        LocalDate from = YearMonth.from(today).minusMonths(MONTHS - 1L).atDay(1);
        LocalDate to = today;
        byte[] key = secret.derived();
        TenantContext.runAs(association, () -> own.executeWithoutResult(status -> {
            Map<String, long[]> levels = new TreeMap<>();
            for (PartnerLevel p : figures.partnerLevels()) {
                long[] cell = levels.computeIfAbsent(p.partnerType() + "|" + (p.level() == null ? 0 : p.level()),
                        k -> new long[2]);
                cell[0]++;
                cell[1] += CellKeyPerturbation.recordKey(key, p.partnerId());
            }
            Map<YearMonth, Occupancy> occupancy = figures.occupancyByMonth(from, to);
            jdbc.sql("delete from obs_partner_level where organisation_id = ?").param(association).update();
            jdbc.sql("delete from obs_partner_occupancy where organisation_id = ?").param(association).update();
            levels.forEach((cell, counts) -> {
                List<String> parts = List.of(cell.split("\\|"));
                jdbc.sql("""
                        insert into obs_partner_level (organisation_id, partner_type, level, partners, key_sum)
                        values (?, ?, ?, ?, ?)""")
                        .params(association, parts.get(0), Short.parseShort(parts.get(1)), counts[0], counts[1])
                        .update();
            });
            occupancy.forEach((month, o) -> {
                if (o.availableDays() > 0) {
                    jdbc.sql("""
                            insert into obs_partner_occupancy (organisation_id, month, available_days, booked_days)
                            values (?, ?, ?, ?)""")
                            .params(association, month.atDay(1), o.availableDays(), o.bookedDays()).update();
                }
            });
        }));
    }
}
