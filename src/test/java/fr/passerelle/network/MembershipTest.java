package fr.passerelle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.Organisations;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Membership applications from the public form to a member association, and members' status. */
@PasserelleIntegrationTest
class MembershipTest {

    /** A SIRET whose Luhn check holds (that of a real public establishment's format, made up). */
    static final String SIRET = "73282932000074";

    @Autowired
    Membership membership;

    @Autowired
    Directory directory;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anApplicationGoesFromThePublicFormThroughTheOpinionToAMemberWithItsAdministrator() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> sponsors = twoSponsors();
        long before = applicationRows();

        // Bad input from the public form: refused with its field, nothing written.
        assertThatThrownBy(() -> membership.apply(input("Passerelle " + tag, "73282932000075", sponsors)))
                .isInstanceOf(FieldRefusal()).hasFieldOrPropertyWithValue("field", "siret")
                .hasFieldOrPropertyWithValue("messageKey", "membership.siret.invalid");
        assertThatThrownBy(() -> membership.apply(input("Passerelle " + tag, SIRET, List.of(sponsors.get(0), sponsors.get(0)))))
                .hasFieldOrPropertyWithValue("messageKey", "membership.sponsors.two");
        assertThatThrownBy(() -> membership.apply(input("Passerelle " + tag, SIRET, List.of(sponsors.get(0),
                UUID.randomUUID())))).hasFieldOrPropertyWithValue("messageKey", "membership.sponsors.notMembers");
        Membership.ApplicationInput unsigned = input("Passerelle " + tag, SIRET, sponsors);
        assertThatThrownBy(() -> membership.apply(new Membership.ApplicationInput(unsigned.name(), unsigned.siret(),
                unsigned.legalForm(), unsigned.regionCode(), unsigned.profile(), null, unsigned.annualBudget(),
                unsigned.staff(), sponsors, unsigned.directorName(), unsigned.adminName(), unsigned.adminEmail(), false,
                unsigned.charterSignedBy()))).hasFieldOrPropertyWithValue("messageKey", "membership.charter.required");
        assertThat(applicationRows()).isEqualTo(before);

        // Anyone may apply, no account needed; spaces in the SIRET are allowed.
        String reference = membership.apply(input("Passerelle " + tag, "732 829 320 00074", sponsors));
        assertThat(reference).matches("ADH-\\d{4}-\\d{4,}");

        // Only the federation reads it: not an association, in the service or in the database.
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> membership.applications(null, tag, 0)).isInstanceOf(AccessDeniedException.class);
        UUID association = TenantContext.currentOrganisationId().orElseThrow();
        SecurityContextHolder.clearContext();
        long seen = TenantContext.callAs(association, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from membership_application where reference = ?").param(reference).query(Long.class).single()));
        assertThat(seen).isZero();

        SignedIn.as(users, "equipe.federale");
        Membership.ApplicationLine line = membership.applications(null, tag, 0).items().get(0);
        assertThat(line.status()).isEqualTo(Membership.Status.SUBMITTED);
        Membership.Application read = membership.application(line.id());
        assertThat(read.siret()).isEqualTo(SIRET);
        assertThat(read.charterVersion()).isEqualTo(Membership.CHARTER_VERSION);
        assertThat(membership.sponsorNames(read)).hasSize(2);
        // The staff give the opinion but do not decide.
        assertThatThrownBy(() -> membership.decide(line.id(), 0, Membership.Decision.ACCEPT, null,
                new Membership.FirstAdmin("admin." + tag, DemoAccounts.PASSWORD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> membership.giveOpinion(line.id(), 0, Membership.Opinion.FAVOURABLE, " "))
                .hasFieldOrPropertyWithValue("messageKey", "membership.opinion.text");
        membership.giveOpinion(line.id(), 0, Membership.Opinion.FAVOURABLE, "Connue du tribunal.");
        // A second opinion on the same version: refused, told clearly.
        assertThatThrownBy(() -> membership.giveOpinion(line.id(), 0, Membership.Opinion.UNFAVOURABLE, "Autre avis."))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("status", 409);

        SignedIn.as(users, "admin.federation");
        // A stale form: refused; a taken login: refused and nothing written (no association, the application still open).
        assertThatThrownBy(() -> membership.decide(line.id(), 0, Membership.Decision.ACCEPT, null,
                new Membership.FirstAdmin("admin." + tag, DemoAccounts.PASSWORD)))
                .hasFieldOrPropertyWithValue("messageKey", "membership.application.stale");
        assertThatThrownBy(() -> tx.execute(s -> membership.decide(line.id(), 1, Membership.Decision.ACCEPT, null,
                new Membership.FirstAdmin("directrice", DemoAccounts.PASSWORD)))).isInstanceOf(BusinessException.class);
        assertThat(membership.application(line.id()).status()).isEqualTo(Membership.Status.REVIEWED);
        assertThat(organisations.list("Passerelle " + tag, null, 0).total()).isZero();

        UUID member = membership.decide(line.id(), 1, Membership.Decision.ACCEPT, null,
                new Membership.FirstAdmin("admin." + tag, DemoAccounts.PASSWORD));

        Membership.Application accepted = membership.application(line.id());
        assertThat(accepted.status()).isEqualTo(Membership.Status.ACCEPTED);
        assertThat(accepted.organisationId()).isEqualTo(member);
        assertThat(organisations.get(member).name()).isEqualTo("Passerelle " + tag);
        assertThat(organisations.get(member).departementCode()).isEqualTo("26");
        assertThat(directory.published(member)).get().extracting(Profile::courts).isEqualTo(List.of("TJ-VALENCE"));
        assertThat(membership.history(member)).extracting(Membership.StatusEvent::status, Membership.StatusEvent::applicationReference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Membership.MemberStatus.MEMBER, reference));
        // The first administrator signs in to the new association.
        assertThat(SignedIn.as(users, "admin." + tag).organisationId()).isEqualTo(member);
        SignedIn.as(users, "admin.federation");
        Long mails = tx.execute(s -> jdbc.sql(
                "select count(*) from mail_outbox where recipient = ? and kind = 'MEMBERSHIP_ACCEPTED'")
                .param("admin-" + tag + "@example.org").query(Long.class).single());
        assertThat(mails).isEqualTo(1L);
        // Decided: decided again, refused.
        assertThatThrownBy(() -> membership.decide(line.id(), 2, Membership.Decision.REFUSE, "Non.", null))
                .hasFieldOrPropertyWithValue("messageKey", "membership.application.decided");
    }

    @Test
    void theCommissionDecidesOnlyAfterTheOpinionRefusesWithAReasonAndPostponesToDecideAgain() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = membership.apply(input("Refusée " + tag, SIRET, twoSponsors()));
        String second = membership.apply(input("Ajournée " + tag, SIRET, twoSponsors()));
        SignedIn.as(users, "admin.federation");
        UUID refused = membership.applications(null, first, 0).items().get(0).id();
        UUID postponed = membership.applications(null, second, 0).items().get(0).id();
        Membership.Waiting waiting = membership.waiting();
        assertThat(waiting.forOpinion()).isGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> membership.decide(refused, 0, Membership.Decision.REFUSE, "Hors champ.", null))
                .hasFieldOrPropertyWithValue("messageKey", "membership.decision.opinionFirst");
        membership.giveOpinion(refused, 0, Membership.Opinion.UNFAVOURABLE, "Hors du champ du réseau.");
        assertThat(membership.waiting()).isEqualTo(new Membership.Waiting(waiting.forOpinion() - 1,
                waiting.forDecision() + 1));
        assertThatThrownBy(() -> membership.decide(refused, 1, Membership.Decision.REFUSE, "  ", null))
                .hasFieldOrPropertyWithValue("messageKey", "membership.reason.required");
        membership.decide(refused, 1, Membership.Decision.REFUSE, "Hors champ.", null);
        assertThat(membership.application(refused).decisionReason()).isEqualTo("Hors champ.");
        assertThat(membership.applications(Membership.Status.REFUSED, tag, 0).items())
                .extracting(Membership.ApplicationLine::id).containsExactly(refused);

        membership.giveOpinion(postponed, 0, Membership.Opinion.RESERVED, "Habilitation à renouveler.");
        membership.decide(postponed, 1, Membership.Decision.POSTPONE, "À revoir en juin.", null);
        assertThat(membership.application(postponed).status()).isEqualTo(Membership.Status.POSTPONED);
        membership.decide(postponed, 2, Membership.Decision.REFUSE, "Habilitation non renouvelée.", null);
        assertThat(membership.application(postponed).status()).isEqualTo(Membership.Status.REFUSED);
    }

    @Test
    void aMembersStatusIsAHistoryTheAssociationReadsItsOwnOnly() {
        UUID association = SignedIn.as(users, "directrice").organisationId();
        UUID other = SignedIn.as(users, "admin.marseille").organisationId();
        SignedIn.as(users, "admin.federation");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Membership.MemberStatus now = membership.history(other).isEmpty() ? null : membership.history(other).get(0).status();
        Membership.MemberStatus next = now == Membership.MemberStatus.SUSPENDED ? Membership.MemberStatus.MEMBER
                : Membership.MemberStatus.SUSPENDED;
        int size = membership.history(other).size();
        assertThatThrownBy(() -> membership.changeStatus(other, next, today, " "))
                .hasFieldOrPropertyWithValue("messageKey", "membership.reason.required");
        assertThatThrownBy(() -> membership.changeStatus(other, next, today.minusYears(6), "Motif."))
                .hasFieldOrPropertyWithValue("messageKey", "membership.since.invalid");
        membership.changeStatus(other, next, today, "Cotisation impayée.");
        assertThatThrownBy(() -> membership.changeStatus(other, next, today, "Encore."))
                .hasFieldOrPropertyWithValue("messageKey", "membership.status.unchanged");
        assertThat(membership.history(other)).hasSize(size + 1).first()
                .extracting(Membership.StatusEvent::status, Membership.StatusEvent::reason)
                .containsExactly(next, "Cotisation impayée.");
        assertThat(membership.members(next, "", 0).items()).extracting(Membership.Member::id).contains(other);

        // The association reads its own history, not another's; staff cannot change a status.
        SignedIn.as(users, "admin.marseille");
        assertThat(membership.history(other)).hasSize(size + 1);
        assertThatThrownBy(() -> membership.history(association)).isInstanceOf(BusinessException.class);
        SignedIn.as(users, "equipe.federale");
        assertThatThrownBy(() -> membership.changeStatus(other, Membership.MemberStatus.RESIGNED, today, "Motif."))
                .isInstanceOf(AccessDeniedException.class);
        // Back as it was, for the other tests.
        SignedIn.as(users, "admin.federation");
        membership.changeStatus(other, Membership.MemberStatus.MEMBER, today, "Régularisée.");
    }

    @Test
    void theDemoNetworkHasApplicationsInEveryStateAndMembersOfEveryStatus() {
        SignedIn.as(users, "equipe.federale");
        for (Membership.Status status : Membership.Status.values()) {
            assertThat(membership.applications(status, "", 0).total()).as(status.name()).isPositive();
        }
        for (Membership.MemberStatus status : Membership.MemberStatus.values()) {
            assertThat(membership.members(status, "", 0).total()).as(status.name()).isPositive();
        }
        Membership.ApplicationLine accepted = membership.applications(Membership.Status.ACCEPTED, "Passage Isère", 0)
                .items().get(0);
        UUID member = membership.application(accepted.id()).organisationId();
        assertThat(directory.published(member)).isPresent();
        assertThat(membership.history(member)).extracting(Membership.StatusEvent::applicationReference)
                .containsExactly(accepted.reference());
    }

    private List<UUID> twoSponsors() {
        List<UUID> members = membership.sponsors().stream().map(Membership.Sponsor::id).limit(2).toList();
        assertThat(members).hasSize(2);
        return members;
    }

    /** The applications as the federation counts them in the database. */
    private long applicationRows() {
        UUID federation = SignedIn.as(users, "equipe.federale").organisationId();
        SecurityContextHolder.clearContext();
        return TenantContext.callAs(federation, () -> tx.execute(s -> jdbc.sql("select count(*) from membership_application")
                .query(Long.class).single()));
    }

    private static Class<? extends Throwable> FieldRefusal() {
        return fr.passerelle.shared.FieldRefusal.class;
    }

    static Membership.ApplicationInput input(String name, String siret, List<UUID> sponsors) {
        String tag = name.substring(name.lastIndexOf(' ') + 1);
        Profile profile = new Profile("1 place Championnet", "26000", "Valence", null, null, "04 75 12 34 56",
                "contact-" + tag + "@example.org", null, "Contrôle judiciaire et enquêtes.", MainField.PRE_SENTENCE,
                List.of("TJ-VALENCE"), List.of("ESR", "CJSE"));
        return new Membership.ApplicationInput(name, siret, Membership.LegalForm.ASSOCIATION_1901, "AUVERGNE-RHONE-ALPES",
                profile, "Habilitation du TJ de Valence.", new BigDecimal("350000"), new BigDecimal("6.5"), sponsors,
                "Anne Martin", "Paul Girard", "admin-" + tag + "@example.org", true, "Anne Martin, présidente");
    }
}
