package fr.passerelle.partners;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the orientations (referrals) of persons to partners.
 *
 * @param noAnswerDays how many days after it was sent a referral still without answer is marked "no
 *     answer" by the daily job (21 by default); a worker may mark it by hand before
 * @param noAnswerCron when the daily job runs (Europe/Paris; 06:15 every day by default)
 */
@ConfigurationProperties("passerelle.partners.referrals")
public record ReferralProperties(@DefaultValue("21") int noAnswerDays,
        @DefaultValue("0 15 6 * * *") String noAnswerCron) {

    public ReferralProperties {
        if (noAnswerDays < 1) {
            throw new IllegalArgumentException("passerelle.partners.referrals.no-answer-days must be at least 1");
        }
    }
}
