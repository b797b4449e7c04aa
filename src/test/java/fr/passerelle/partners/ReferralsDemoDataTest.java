package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo referrals: in every status, to several partner types, each with its mail and its PDF;
 * written once. Played in an association of its own (the Lyon one's referrals depend on the order of
 * the run's tests), with partners of the demo's types and persons written here.
 */
@PasserelleIntegrationTest
class ReferralsDemoDataTest {

    @Autowired
    ReferralsDemoData demo;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    FollowUp followUp;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void seedsReferralsInEveryStatusToSeveralPartnerTypesOnce() {
        SignedIn.as(users, "intervenant");
        GivenReferrals given = new GivenReferrals(server, persons, measures, catalogue, followUp);
        UUID association = given.owner().sql("select id from organisation where kind = 'ASSOCIATION' order by id offset 7 limit 1")
                .query(UUID.class).single();
        LocalDate today = LocalDate.now(TestDates.PARIS);

        int written = TenantContext.callAs(association, () -> {
            for (String type : ReferralsDemoData.TYPES) {
                given.partner(association, "Démo " + type + " " + UUID.randomUUID(), type);
            }
            for (int i = 0; i < 4; i++) {
                given.measureWithObligation(given.person("Demo" + i));
            }
            return demo.seed(today, 6);
        });

        assertThat(written).isEqualTo(30);
        assertThat(given.owner().sql("""
                select distinct status from partner_referral where organisation_id = ? order by status""")
                .param(association).query(String.class).list())
                .containsExactly("ACCEPTED", "ENTERED", "NO_ANSWER", "REFUSED", "SENT");
        assertThat(given.owner().sql("""
                select count(distinct p.partner_type) from partner_referral r join partner p on p.id = r.partner_id
                where r.organisation_id = ?""").param(association).query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(given.owner().sql("""
                select count(*) from partner_referral where organisation_id = ? and status = 'REFUSED'
                and refusal_reason is null""").param(association).query(Long.class).single()).isZero();
        assertThat(given.owner().sql("""
                select count(*) from mail_outbox_attachment a join mail_outbox m on m.id = a.mail_id
                where m.organisation_id = ? and m.kind = 'partner.referral'""").param(association)
                .query(Long.class).single()).isEqualTo(30);
        assertThat(TenantContext.callAs(association, () -> demo.seed(today, 6))).isZero();
    }
}
