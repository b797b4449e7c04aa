package fr.passerelle.surveys;

import fr.passerelle.identity.OrganisationKind;
import fr.passerelle.identity.Organisations;
import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic reminder: once a day, every open survey that closes within the configured number of
 * days (a week by default) gets one reminder mailed to the directors of the associations that have
 * not submitted their answer, unless it already had its automatic reminder. The federation's own
 * reminders (the button) come on top. One node runs it (ShedLock).
 */
@Component
public class SurveyReminders {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyReminders.class);

    private final Surveys surveys;
    private final Organisations organisations;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int days;

    SurveyReminders(Surveys surveys, Organisations organisations, TransactionTemplate transactions, Clock clock,
            @Value("${passerelle.surveys.reminder-days:7}") int days) {
        this.surveys = surveys;
        this.organisations = organisations;
        this.transactions = transactions;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${passerelle.surveys.reminder-cron:0 0 8 * * *}", zone = "Europe/Paris")
    @SchedulerLock(name = "survey-reminders", lockAtMostFor = "PT1H")
    public void remindAll() {
        LOG.info("survey reminders: {} surveys reminded", remindDue(LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")))));
    }

    /** Sends the automatic reminders due on {@code today}, one transaction per survey; how many surveys were reminded. */
    int remindDue(LocalDate today) {
        int reminded = 0;
        for (UUID federation : organisations.activeIds(OrganisationKind.FEDERATION)) {
            for (Survey survey : TenantContext.callAs(federation,
                    () -> transactions.execute(status -> surveys.dueForAutomaticReminder(today, days)))) {
                try {
                    Integer associations = TenantContext.callAs(federation,
                            () -> transactions.execute(status -> surveys.remindWaiting(survey, null)));
                    if (associations != null && associations > 0) {
                        reminded++;
                    }
                } catch (RuntimeException e) {
                    LOG.error("survey {} not reminded", survey.id(), e);
                }
            }
        }
        return reminded;
    }
}
