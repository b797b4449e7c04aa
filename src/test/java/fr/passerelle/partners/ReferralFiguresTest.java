package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The orientation figures: counts by partner type, acceptance among answered referrals, and the
 * median delays request → answer and answer → entry, over the referrals sent in the period only.
 * The referrals are sent about two years ago, to partner types no other test refers to.
 */
@PasserelleIntegrationTest
class ReferralFiguresTest {

    @Autowired
    Referrals referrals;

    @Autowired
    ReferralFigures figures;

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
    void givesAcceptanceRateAndMedianDelaysByPartnerTypeOverThePeriod() {
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        GivenReferrals given = new GivenReferrals(server, persons, measures, catalogue, followUp);
        LocalDate today = LocalDate.now(TestDates.PARIS);
        LocalDate d0 = today.minusDays(700);
        UUID lam = given.partner(worker.organisationId(), "LAM Figures " + UUID.randomUUID(), "LAM");
        UUID lhss = given.partner(worker.organisationId(), "LHSS Figures " + UUID.randomUUID(), "LHSS");
        UUID person = given.person("Figures");

        UUID entered = send(lam, person, d0);
        referrals.accept(entered, d0.plusDays(4));
        referrals.enter(entered, d0.plusDays(10));
        referrals.accept(send(lam, person, d0.plusDays(1)), d0.plusDays(11));
        referrals.refuse(send(lam, person, d0.plusDays(2)), d0.plusDays(4), "Complet");
        referrals.markNoAnswer(send(lam, person, d0.plusDays(3)));
        referrals.refuse(send(lhss, person, d0.plusDays(5)), d0.plusDays(13), "Hors critères");
        send(lhss, person, d0.minusDays(1));

        ReferralFigures.Figures result = figures.of(d0, d0.plusDays(29));

        assertThat(result.byType()).extracting(ReferralFigures.Line::partnerType).containsExactly("LAM", "LHSS");
        ReferralFigures.Line lamLine = result.byType().get(0);
        assertThat(lamLine.sent()).isEqualTo(4);
        assertThat(lamLine.answered()).isEqualTo(3);
        assertThat(lamLine.accepted()).isEqualTo(2);
        assertThat(lamLine.refused()).isEqualTo(1);
        assertThat(lamLine.noAnswer()).isEqualTo(1);
        assertThat(lamLine.entered()).isEqualTo(1);
        assertThat(lamLine.acceptanceRate()).isEqualTo(67);
        assertThat(lamLine.medianDaysToAnswer()).isEqualTo(4.0); // 4, 10 and 2 days
        assertThat(lamLine.medianDaysToEntry()).isEqualTo(6.0);
        ReferralFigures.Line lhssLine = result.byType().get(1);
        assertThat(lhssLine.sent()).isEqualTo(1); // the one sent the day before the period is not counted
        assertThat(lhssLine.acceptanceRate()).isZero();
        assertThat(lhssLine.medianDaysToAnswer()).isEqualTo(8.0);
        assertThat(lhssLine.medianDaysToEntry()).isNull();
        assertThat(result.total().sent()).isEqualTo(5);
        assertThat(result.total().acceptanceRate()).isEqualTo(50);
        assertThat(result.total().medianDaysToAnswer()).isEqualTo(6.0); // 2, 4, 8 and 10 days

        assertThat(figures.of(d0.minusDays(60), d0.minusDays(30)).empty()).isTrue();
    }

    @Test
    void refusesAPeriodEndingBeforeItStartsOrTooLong() {
        SignedIn.as(users, "intervenant");
        LocalDate today = LocalDate.now(TestDates.PARIS);
        assertThatThrownBy(() -> figures.of(today, today.minusDays(1))).isInstanceOfSatisfying(FieldRefusal.class,
                e -> assertThat(e.messageKey()).isEqualTo("referral.figures.period"));
        assertThatThrownBy(() -> figures.of(today.minusYears(4), today)).isInstanceOfSatisfying(FieldRefusal.class,
                e -> assertThat(e.messageKey()).isEqualTo("referral.figures.tooLong"));
    }

    private UUID send(UUID partner, UUID person, LocalDate sentOn) {
        return referrals.send(new Referrals.Request(partner, null, person, null, "Objet",
                EnumSet.of(Referrals.Section.IDENTITY), sentOn, false), sentOn);
    }
}
