package fr.passerelle.partners;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily job marking "no answer" the referrals still waiting after
 * {@code passerelle.partners.referrals.no-answer-days}: every association, one transaction each (a
 * failure in one does not stop the others).
 */
@Component
class UnansweredReferrals {

    private static final Logger LOG = LoggerFactory.getLogger(UnansweredReferrals.class);

    private final Referrals referrals;
    private final Organisations organisations;
    private final Clock clock;

    UnansweredReferrals(Referrals referrals, Organisations organisations, Clock clock) {
        this.referrals = referrals;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Scheduled(cron = "${passerelle.partners.referrals.no-answer-cron:0 15 6 * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "referrals-no-answer", lockAtMostFor = "PT1H")
    public void markAll() {
        LocalDate today = LocalDate.now(clock);
        int marked = 0;
        for (UUID organisation : organisations.activeIds(OrganisationKind.ASSOCIATION)) {
            try {
                marked += TenantContext.callAs(organisation, () -> referrals.markUnanswered(today));
            } catch (RuntimeException e) {
                LOG.error("unanswered referrals not marked for organisation {}", organisation, e);
            }
        }
        LOG.info("referrals marked without answer: {}", marked);
    }
}
