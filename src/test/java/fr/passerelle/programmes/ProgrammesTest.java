package fr.passerelle.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
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

/**
 * A programme run from a sheet, end to end on the real database: adoption, the group and its
 * charter, beneficiaries from the liaison form to the exit, sessions and attendance, money, the
 * computed indicators; the refusals of bad input; and who sees what (the charter, the other
 * organisations, the federation).
 */
@PasserelleIntegrationTest
class ProgrammesTest {

    @Autowired
    Programmes programmes;

    @Autowired
    ProgrammeBeneficiaries beneficiaries;

    @Autowired
    ProgrammeMoney money;

    @Autowired
    ProgrammeIndicators indicators;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    java.time.Clock clock;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
    }

    UUID adopt(String title) {
        Programmes.ProgrammeInput draft = programmes.draftFrom("chantier-passerelle");
        return programmes.adopt("chantier-passerelle", new Programmes.ProgrammeInput(title, "Vaulx-en-Velin", "69",
                "Atelier", 10, today().minusMonths(2), today().plusMonths(6), draft.objectives(), draft.indicators()));
    }

    Programmes.Member leadMember(UUID programme) {
        return programmes.members(programme).stream().filter(m -> "LEAD".equals(m.groupRole())).findFirst().orElseThrow();
    }

    UUID liaison(UUID programme, String first, LocalDate birth, String sex) {
        return beneficiaries.addLiaison(programme, new ProgrammeBeneficiaries.LiaisonInput(first, "Test", birth, sex,
                "Mas du Taureau", "Collège Henri-Barbusse", today().minusMonths(1), "Décrochage scolaire."));
    }

    @Test
    void theDemoLocalAuthorityRunsTwoProgrammesFromTwoSheetsOneFinished() {
        SignedIn.as(users, "coordinatrice");
        List<Programmes.ProgrammeLine> lines = programmes.list();
        assertThat(lines).filteredOn(l -> l.title().startsWith("Chantier passerelle du Mas")).hasSize(1);
        assertThat(lines).filteredOn(Programmes.ProgrammeLine::finished).isNotEmpty();
        Programmes.ProgrammeLine finished = lines.stream().filter(Programmes.ProgrammeLine::finished).findFirst().orElseThrow();
        ProgrammeIndicators.Figures f = indicators.figures(finished.id());
        assertThat(f.admitted()).isPositive();
        assertThat(f.exits()).isEqualTo(f.admitted());
        assertThat(f.assiduity()).isNotNull();
        assertThat(f.minors()).isPositive();
    }

    @Test
    void aProgrammeRunsFromLiaisonToExitAndItsIndicatorsComputeThemselves() {
        SignedIn.as(users, "coordinatrice");
        UUID programme = adopt("Chantier test " + UUID.randomUUID());
        Programmes.Programme p = programmes.get(programme);
        assertThat(p.sheetCode()).isEqualTo("chantier-passerelle");
        assertThat(p.indicators()).extracting(Programmes.AdoptedIndicator::measure).contains(ProgrammeMeasure.ADMITTED);
        assertThat(p.charterVersion()).isEqualTo(1);

        // Before signing the charter, even the lead sees no beneficiary.
        assertThatThrownBy(() -> beneficiaries.list(programme)).isInstanceOf(BusinessException.class)
                .hasFieldOrPropertyWithValue("messageKey", "programme.charter.required");
        programmes.signCharter(programme);
        assertThat(leadMember(programme).signed(1)).isTrue();

        UUID minor = liaison(programme, "Yanis", today().minusYears(15), "M");
        UUID adult = liaison(programme, "Sarah", today().minusYears(19), "F");
        UUID refused = liaison(programme, "Kevin", today().minusYears(16), "M");
        beneficiaries.decide(programme, minor, "ADMITTED", today().minusDays(20), null);
        beneficiaries.decide(programme, adult, "ADMITTED", today().minusDays(20), null);
        assertThatThrownBy(() -> beneficiaries.decide(programme, refused, "REFUSED", null, " "))
                .hasFieldOrPropertyWithValue("messageKey", "programme.decision.reason.required");
        beneficiaries.decide(programme, refused, "REFUSED", null, "Suivi déjà en cours ailleurs.");

        // A minor consents through a parent, named; the age is the age on the day of consent.
        assertThatThrownBy(() -> beneficiaries.consent(programme, minor, today().minusDays(18), "SELF", null))
                .hasFieldOrPropertyWithValue("messageKey", "programme.consent.minor");
        assertThatThrownBy(() -> beneficiaries.consent(programme, minor, today().minusDays(18), "PARENT", " "))
                .hasFieldOrPropertyWithValue("messageKey", "programme.consent.minor");
        assertThat(jdbc.sql("select consent_on from programme_beneficiary where id = ?").param(minor)
                .query(java.sql.Date.class).optional()).isEmpty();
        beneficiaries.consent(programme, minor, today().minusDays(18), "PARENT", "Mme Test");
        beneficiaries.consent(programme, adult, today().minusDays(18), "SELF", null);

        UUID referent = leadMember(programme).id();
        assertThatThrownBy(() -> beneficiaries.contract(programme, minor, referent, today().minusDays(10),
                today().minusDays(11), "Chantier"))
                .hasFieldOrPropertyWithValue("messageKey", "programme.contract.endsBeforeStart");
        assertThat(beneficiaries.get(programme, minor).contractStatus()).isNull();
        beneficiaries.contract(programme, minor, referent, today().minusDays(15), today().plusMonths(3), "Chantier");
        beneficiaries.contract(programme, adult, referent, today().minusDays(15), today().plusMonths(3), "Chantier");
        beneficiaries.addContact(programme, minor, "FAMILY", today().minusDays(5), "Rencontre avec la mère.");
        beneficiaries.addOrientation(programme, adult, "TRAINING", "Mission locale", today().minusDays(3));

        int planned = beneficiaries.planSessions(programme, today().minusDays(14), 4,
                EnumSet.allOf(DayOfWeek.class), "AM", "Chantier");
        assertThat(planned).isEqualTo(4);
        List<ProgrammeBeneficiaries.Session> sessions = beneficiaries.sessions(programme);
        for (ProgrammeBeneficiaries.Session s : sessions) {
            assertThat(beneficiaries.attendance(programme, s.id())).extracting(ProgrammeBeneficiaries.AttendanceLine::beneficiaryId)
                    .containsExactlyInAnyOrder(minor, adult);
            beneficiaries.recordAttendance(programme, s.id(), List.of(
                    new ProgrammeBeneficiaries.Mark(minor, true, s == sessions.get(0)),
                    new ProgrammeBeneficiaries.Mark(adult, s != sessions.get(3), false)));
        }
        beneficiaries.endReview(programme, adult, today().minusDays(1), "TRAINING", true, "Entrée en formation.");

        money.saveBudgetLine(programme, null, "Encadrement", new BigDecimal("1000"), new BigDecimal("600"));
        UUID funding = money.saveFunding(programme, null, "FIPD", null, new BigDecimal("800"), new BigDecimal("500"),
                new BigDecimal("200"));
        assertThatThrownBy(() -> money.saveFunding(programme, funding, "FIPD", null, new BigDecimal("800"),
                new BigDecimal("500"), new BigDecimal("501")))
                .hasFieldOrPropertyWithValue("messageKey", "programme.funding.receivedAboveGranted");
        assertThat(money.fundings(programme)).singleElement().extracting(ProgrammeMoney.Funding::received)
                .isEqualTo(new BigDecimal("200.00"));

        ProgrammeIndicators.Figures f = indicators.figures(programme);
        assertThat(f.liaisons()).isEqualTo(3);
        assertThat(f.admitted()).isEqualTo(2);
        assertThat(f.refused()).isEqualTo(1);
        assertThat(f.admittedBySex()).containsEntry("M_MINOR", 1L).containsEntry("F_ADULT", 1L);
        assertThat(f.expected()).isEqualTo(8);
        assertThat(f.present()).isEqualTo(7);
        assertThat(f.assiduity()).isEqualByComparingTo("87.5");
        assertThat(f.punctuality()).isEqualByComparingTo("85.7");
        assertThat(f.positiveExitRate()).isEqualByComparingTo("100.0");
        assertThat(f.contractsCompleted()).isEqualTo(1);
        assertThat(f.orientationsByKind()).containsEntry("TRAINING", 1L);
        assertThat(f.contacts()).isEqualTo(1);
        assertThat(f.costPerBeneficiary()).isEqualByComparingTo("300.00");

        // Every read of a beneficiary's file is audited.
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'programme.beneficiary.read' and object_id = ?")
                .param(minor.toString()).query(Long.class).single()).isPositive();
    }

    @Test
    void attendanceForAnotherProgrammesBeneficiaryChangesNothing() {
        SignedIn.as(users, "coordinatrice");
        UUID first = adopt("Premier " + UUID.randomUUID());
        UUID second = adopt("Second " + UUID.randomUUID());
        programmes.signCharter(first);
        programmes.signCharter(second);
        UUID stranger = liaison(second, "Lina", today().minusYears(20), "F");
        beneficiaries.decide(second, stranger, "ADMITTED", null, null);
        UUID own = liaison(first, "Enzo", today().minusYears(20), "M");
        beneficiaries.decide(first, own, "ADMITTED", null, null);
        beneficiaries.planSessions(first, today().minusDays(7), 1, EnumSet.allOf(DayOfWeek.class), "PM", "");
        UUID session = beneficiaries.sessions(first).get(0).id();

        assertThatThrownBy(() -> beneficiaries.recordAttendance(first, session, List.of(
                new ProgrammeBeneficiaries.Mark(own, true, false), new ProgrammeBeneficiaries.Mark(stranger, true, false))))
                .hasFieldOrPropertyWithValue("messageKey", "programme.attendance.otherProgramme");
        assertThat(indicators.figures(first).expected()).isZero();
        // The database refuses it too, whatever the application says.
        UUID org = SignedIn.as(users, "coordinatrice").organisationId();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into programme_attendance (session_id, beneficiary_id, programme_id, organisation_id, present)
                values (?, ?, ?, ?, true)""").params(session, stranger, first, org).update()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void beneficiariesStayInsideTheSignedGroup() {
        SignedIn.as(users, "coordinatrice");
        UUID programme = adopt("Cloisonné " + UUID.randomUUID());
        programmes.signCharter(programme);
        UUID b = liaison(programme, "Nour", today().minusYears(14), "F");
        UUID org = SignedIn.as(users, "coordinatrice").organisationId();

        // Without a user of the group (the organisation set, no signed member), the rows are invisible.
        SecurityContextHolder.clearContext();
        long seen = TenantContext.callAs(org, () -> tx.execute(s -> jdbc.sql(
                "select count(*) from programme_beneficiary where id = ?").param(b).query(Long.class).single()));
        assertThat(seen).isZero();

        // A new version of the charter: the lead signs again before seeing anyone.
        SignedIn.as(users, "coordinatrice");
        programmes.changeCharter(programme, "Charte révisée " + UUID.randomUUID());
        assertThat(programmes.signedMember(programme)).isFalse();
        assertThatThrownBy(() -> beneficiaries.get(programme, b)).isInstanceOf(BusinessException.class);
        programmes.signCharter(programme);
        assertThat(beneficiaries.get(programme, b).firstName()).isEqualTo("Nour");

        // Another organisation sees no programme; the federation neither, and reads aggregates only.
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> programmes.get(programme)).isInstanceOf(BusinessException.class);
        SignedIn.as(users, "equipe.federale");
        assertThatThrownBy(() -> programmes.list()).isInstanceOf(AccessDeniedException.class);
        Long federationSees = tx.execute(s -> jdbc.sql("select count(*) from programme_beneficiary").query(Long.class).single());
        assertThat(federationSees).isZero();
        Long networkRows = tx.execute(s -> jdbc.sql("select count(*) from programme_network_rows() where programme_id = ?")
                .param(programme).query(Long.class).single());
        assertThat(networkRows).isEqualTo(1);
    }

    @Test
    void onlyTheLeadsOfAProgrammeManageItsGroupAndNoOneJoinsToReadItsBeneficiaries() {
        SignedIn.as(users, "directrice");
        Programmes.ProgrammeInput draft = programmes.draftFrom("chantier-passerelle");
        UUID programme = programmes.adopt("chantier-passerelle", new Programmes.ProgrammeInput("Association " + UUID.randomUUID(),
                "Lyon 8e", "69", null, 8, today().minusMonths(1), today().plusMonths(6), "", draft.indicators()));
        // The director leads but does not follow beneficiaries: no signature, so no access, even in the database.
        assertThatThrownBy(() -> programmes.signCharter(programme)).isInstanceOf(AccessDeniedException.class);
        UUID worker = programmes.accounts().stream().filter(a -> a.displayName().equals("Camille Martin")).findFirst()
                .orElseThrow().id();
        UUID referent = programmes.addMember(programme, worker, null, "Association du Rhône", "REFERENT");

        // A service head holds programme:lead too, but is no lead of this programme: she cannot join it.
        UUID head = SignedIn.as(users, "cheffe.service").userId();
        assertThatThrownBy(() -> programmes.addMember(programme, head, null, "Association du Rhône", "LEAD"))
                .hasFieldOrPropertyWithValue("messageKey", "programme.lead.required");
        assertThat(programmes.members(programme)).noneMatch(m -> head.equals(m.userId()));

        // The case worker signs and follows a young person; the lead cannot remove her while she does.
        SignedIn.as(users, "intervenant");
        programmes.signCharter(programme);
        UUID b = liaison(programme, "Rayan", today().minusYears(20), "M");
        beneficiaries.decide(programme, b, "ADMITTED", today().minusDays(3), null);
        beneficiaries.consent(programme, b, today().minusDays(2), "SELF", null);
        assertThatThrownBy(() -> beneficiaries.consent(programme, b, today().minusDays(1), "SELF", null))
                .hasFieldOrPropertyWithValue("messageKey", "programme.consent.already");
        beneficiaries.contract(programme, b, referent, today().minusDays(1), today().plusMonths(2), "Chantier");
        SignedIn.as(users, "directrice");
        assertThatThrownBy(() -> programmes.removeMember(programme, referent))
                .hasFieldOrPropertyWithValue("messageKey", "programme.member.stillReferent");
    }

    @Test
    void badDatesAndAmountsAreRefusedWithTheirReason() {
        SignedIn.as(users, "coordinatrice");
        Programmes.ProgrammeInput draft = programmes.draftFrom("chantier-passerelle");
        assertThatThrownBy(() -> programmes.adopt("chantier-passerelle", new Programmes.ProgrammeInput("X", "Vaulx",
                null, null, 5, today(), today().minusDays(1), "", draft.indicators())))
                .hasFieldOrPropertyWithValue("messageKey", "programme.endsOn.beforeStart");
        assertThatThrownBy(() -> programmes.adopt("chantier-passerelle", new Programmes.ProgrammeInput("X", "Vaulx",
                null, null, 0, today(), today(), "", List.of())))
                .hasFieldOrPropertyWithValue("messageKey", "programme.capacity.invalid");
        UUID programme = adopt("Montants " + UUID.randomUUID());
        assertThatThrownBy(() -> money.saveBudgetLine(programme, null, "Matériel", new BigDecimal("-1"), null))
                .hasFieldOrPropertyWithValue("messageKey", "programme.amount.invalid");
        assertThatThrownBy(() -> money.saveFunding(programme, null, "OTHER", null, BigDecimal.ONE, BigDecimal.ONE, null))
                .hasFieldOrPropertyWithValue("messageKey", "programme.funding.name.required");
        assertThat(money.budget(programme)).isEmpty();
        assertThat(money.fundings(programme)).isEmpty();
    }
}
