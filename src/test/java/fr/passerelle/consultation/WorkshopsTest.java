package fr.passerelle.consultation;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.FieldRefusal;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@PasserelleIntegrationTest
@AutoConfigureMockMvc
class WorkshopsTest {

    @Autowired Consultations consultations;
    @Autowired Participants participants;
    @Autowired Proposals proposals;
    @Autowired Workshops workshops;
    @Autowired WorkshopSessions sessions;
    @Autowired EmbeddedPostgresServer server;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("loginLookup") UserDetailsService users;

    ConsultationFixture.Made made;

    @BeforeEach
    void givenAConsultationWithThreeConsentingParticipants() {
        made = ConsultationFixture.published(users, consultations, participants, proposals, 3);
        ConsultationFixture.as(made, () -> {
            Consultations.Consultation c = consultations.forPublic(
                    new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.OPEN));
            for (int i = 0; i < 4; i++) {
                UUID p = participants.generated(made.id(), null, null).id();
                participants.saveProfile(c, p, Map.of(), i < 3, i < 3 ? "atelier" + i + "@exemple.org" : null);
            }
            return null;
        });
        SignedIn.as(users, "organisateur");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void ideasSessionsInvitationsWithinCapacityAndSheetsExportedSafely() throws Exception {
        UUID idea = workshops.selectIdea(made.id(), made.proposals().get(0));
        assertThatThrownBy(() -> workshops.selectIdea(made.id(), made.proposals().get(0)))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> sessions.plan(made.id(), plan("Atelier", LocalDateTime.now(TestDates.PARIS).minusDays(1), "Lyon", 2)))
                .isInstanceOf(FieldRefusal.class);
        UUID session = sessions.plan(made.id(), plan("Atelier insertion", LocalDateTime.now(TestDates.PARIS).plusDays(10),
                "Maison des associations, Lyon", 2));
        assertThat(sessions.reachable(made.id())).isEqualTo(3);

        assertThat(sessions.invite(made.id(), session)).isEqualTo(2);
        assertThatThrownBy(() -> sessions.invite(made.id(), session)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("workshop.session.full");
        assertThat(sessions.reachable(made.id())).isEqualTo(1);
        List<String> recipients = OwnerSql.of(server).sql("""
                select recipient from mail_outbox where kind = 'CONSULTATION_WORKSHOP' and dedup_key like ? order by recipient""")
                .param("workshop:" + session + ":%").query(String.class).list();
        assertThat(recipients).containsExactly("atelier0@exemple.org", "atelier1@exemple.org");

        UUID sheet = workshops.saveSheet(made.id(), new Workshops.Sheet(null, idea, "=HYPERLINK(\"x\")",
                "Les sortants n’ont pas de logement", "Un référent logement", "SPIP, bailleurs", "Deux postes",
                "1. Recruter", "Part de sortants logés"));
        workshops.saveSheet(made.id(), new Workshops.Sheet(sheet, idea, "=HYPERLINK(\"x\")", "Problème précisé",
                "Un référent logement", "", "", "", ""));
        assertThat(workshops.sheets(made.id())).singleElement()
                .satisfies(s -> assertThat(s.problem()).isEqualTo("Problème précisé"));
        assertThatThrownBy(() -> workshops.saveSheet(made.id(), new Workshops.Sheet(null, idea, "", "", "", "", "", "", "")))
                .isInstanceOf(FieldRefusal.class);

        PasserelleUser organiser = (PasserelleUser) users.loadUserByUsername("organisateur");
        String csv = mvc.perform(get("/consultations/" + made.id() + "/workshops/sheets.csv").with(user(organiser)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").contains("Problème précisé").doesNotContain("@exemple.org");
        String page = mvc.perform(get("/consultations/" + made.id() + "/workshops").with(user(organiser)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Atelier insertion").contains("2 / 2").doesNotContain("atelier0@exemple.org");
    }

    @Test
    void aSessionIsChangedButNeverUnderItsInvitedAndTheInvitedAreToldOfANewDateOrPlace() {
        LocalDateTime at = LocalDateTime.now(TestDates.PARIS).plusDays(10).withSecond(0).withNano(0);
        UUID session = sessions.plan(made.id(), plan("Atelier logement", at, "Lyon", 3));
        assertThat(sessions.invite(made.id(), session)).isEqualTo(3);

        assertThatThrownBy(() -> sessions.change(made.id(), session, plan("Atelier logement", at, "Lyon", 2)))
                .isInstanceOfSatisfying(FieldRefusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("capacity");
                    assertThat(refusal.messageKey()).isEqualTo("workshop.session.capacityBelowInvited");
                    assertThat(refusal.arguments()).containsExactly(3L);
                });
        assertThatThrownBy(() -> sessions.change(made.id(), session, plan("Atelier logement", at.minusDays(20), "Lyon", 3)))
                .isInstanceOf(FieldRefusal.class);
        assertThat(sessions.session(made.id(), session).capacity()).as("a refused change changes nothing").isEqualTo(3);

        // More seats, same date and place: nobody to tell.
        assertThat(sessions.change(made.id(), session, plan("Atelier logement", at, "Lyon", 8))).isZero();
        assertThat(mails("workshop-change:" + session + ":%")).isEmpty();
        // A new place: the three invited participants are told.
        assertThat(sessions.change(made.id(), session, plan("Atelier logement", at.plusHours(2), "Villeurbanne", 8)))
                .isEqualTo(3);
        WorkshopSessions.Session changed = sessions.session(made.id(), session);
        assertThat(changed.capacity()).isEqualTo(8);
        assertThat(changed.place()).isEqualTo("Villeurbanne");
        assertThat(changed.localStartsAt()).isEqualTo(at.plusHours(2));
        assertThat(mails("workshop-change:" + session + ":%")).containsExactly("atelier0@exemple.org",
                "atelier1@exemple.org", "atelier2@exemple.org");
        assertThat(OwnerSql.of(server).sql("select body from mail_outbox where dedup_key like ? limit 1")
                .param("workshop-change:" + session + ":%").query(String.class).single()).contains("Villeurbanne");
        assertThat(audited(session)).contains("consultation.workshop.session.changed");
    }

    @Test
    void aCancelledSessionTellsItsInvitedAndFreesThemForAnotherSession() {
        UUID session = sessions.plan(made.id(), plan("Atelier emploi", LocalDateTime.now(TestDates.PARIS).plusDays(5), "Lyon", 2));
        sessions.invite(made.id(), session);
        assertThat(sessions.reachable(made.id())).isEqualTo(1);

        assertThat(sessions.cancel(made.id(), session)).isEqualTo(2);
        assertThat(mails("workshop-cancel:" + session + ":%")).containsExactly("atelier0@exemple.org", "atelier1@exemple.org");
        assertThat(sessions.session(made.id(), session).cancelled()).isTrue();
        assertThat(sessions.session(made.id(), session).invited()).as("the invitations stay on record").isEqualTo(2);
        assertThat(sessions.reachable(made.id())).isEqualTo(3);
        for (Runnable refused : List.<Runnable>of(() -> sessions.cancel(made.id(), session),
                () -> sessions.invite(made.id(), session),
                () -> sessions.change(made.id(), session, plan("Atelier emploi", LocalDateTime.now(TestDates.PARIS).plusDays(6), "Lyon", 2)))) {
            assertThatThrownBy(refused::run).isInstanceOf(BusinessException.class)
                    .hasMessageContaining("workshop.session.cancelledAlready");
        }
        assertThat(audited(session)).contains("consultation.workshop.session.cancelled");

        UUID another = sessions.plan(made.id(), plan("Atelier emploi (bis)", LocalDateTime.now(TestDates.PARIS).plusDays(12), "Lyon", 5));
        assertThat(sessions.invite(made.id(), another)).isEqualTo(3);
    }

    @Test
    void invitationsChangesAndCancellationsAreWrittenInTheLanguageEachParticipantConsentedIn() {
        // The three participants of the fixture consented in French; one more consents in English.
        ConsultationFixture.as(made, () -> {
            UUID p = participants.generated(made.id(), null, null).id();
            participants.saveProfile(publicView(), p, Map.of(), true, "workshop@example.org", java.util.Locale.ENGLISH);
            return null;
        });
        LocalDateTime at = LocalDateTime.of(LocalDateTime.now(TestDates.PARIS).getYear() + 1, 3, 14, 18, 30);
        UUID session = sessions.plan(made.id(), plan("Atelier logement", at, "Lyon", 10));
        assertThat(sessions.invite(made.id(), session)).isEqualTo(4);
        String year = String.valueOf(at.getYear());
        assertThat(mail("workshop:" + session + ":%", "workshop@example.org")).satisfies(m -> {
            assertThat(m.get("subject")).isEqualTo("Invitation to a workshop of the consultation “Comment mieux accompagner la réinsertion ?”");
            assertThat((String) m.get("body")).startsWith("Hello,")
                    // The space before PM depends on the JDK's locale data (a narrow no-break space since JDK 20).
                    .containsPattern("workshop “Atelier logement” on March 14, " + year + " at 6:30.PM \\(Paris time\\), at: Lyon\\.")
                    .doesNotContain("Bonjour");
        });
        assertThat(mail("workshop:" + session + ":%", "atelier0@exemple.org")).satisfies(m -> {
            assertThat((String) m.get("subject")).startsWith("Invitation à un atelier");
            assertThat((String) m.get("body")).startsWith("Bonjour,").contains("le 14 mars " + year + " à 18:30, lieu : Lyon.");
        });

        sessions.change(made.id(), session, plan("Atelier logement", at.plusDays(1), "Villeurbanne", 10));
        assertThat((String) mail("workshop-change:" + session + ":%", "workshop@example.org").get("body"))
                .contains("changes: it will take place on March 15, " + year).contains("Villeurbanne");
        assertThat((String) mail("workshop-change:" + session + ":%", "atelier1@exemple.org").get("body"))
                .contains("change : il aura lieu le 15 mars " + year);
        sessions.cancel(made.id(), session);
        assertThat((String) mail("workshop-cancel:" + session + ":%", "workshop@example.org").get("subject"))
                .startsWith("Workshop cancelled");
        assertThat((String) mail("workshop-cancel:" + session + ":%", "atelier2@exemple.org").get("subject"))
                .startsWith("Atelier annulé");
    }

    @Test
    void aParticipantWhoWithdrewTheirConsentIsToldNeitherOfAChangeNorOfACancellation() {
        LocalDateTime at = LocalDateTime.now(TestDates.PARIS).plusDays(10).withSecond(0).withNano(0);
        UUID session = sessions.plan(made.id(), plan("Atelier logement", at, "Lyon", 3));
        assertThat(sessions.invite(made.id(), session)).isEqualTo(3);
        UUID withdrawing = participantWith("atelier1@exemple.org");
        ConsultationFixture.as(made, () -> {
            participants.saveProfile(publicView(), withdrawing, Map.of(), false, null);
            return null;
        });
        // The withdrawal is audited, without the address.
        String audited = OwnerSql.of(server).sql("""
                select details::text from audit_event where action = 'consultation.participant.profileSaved'
                and object_id = ? order by seq desc limit 1""").param(withdrawing.toString()).query(String.class).single();
        assertThat(audited).contains("WITHDRAWN").doesNotContain("atelier1@exemple.org");

        assertThat(sessions.change(made.id(), session, plan("Atelier logement", at.plusDays(1), "Lyon", 3))).isEqualTo(2);
        assertThat(mails("workshop-change:" + session + ":%")).containsExactly("atelier0@exemple.org", "atelier2@exemple.org");
        assertThat(sessions.cancel(made.id(), session)).isEqualTo(2);
        assertThat(mails("workshop-cancel:" + session + ":%")).containsExactly("atelier0@exemple.org", "atelier2@exemple.org");
        assertThat(sessions.session(made.id(), session).invited()).as("the invitation stays on record").isEqualTo(3);
    }

    @Test
    void anInvitationFollowsAParticipantWhoSignsInAndTheAccountsWithdrawalCounts() {
        UUID anonymous = ConsultationFixture.as(made, () -> {
            UUID p = participants.generated(made.id(), null, null).id();
            participants.saveProfile(publicView(), p, Map.of(), true, "fusion@exemple.org");
            return p;
        });
        LocalDateTime at = LocalDateTime.now(TestDates.PARIS).plusDays(10).withSecond(0).withNano(0);
        UUID session = sessions.plan(made.id(), plan("Atelier emploi", at, "Lyon", 10));
        assertThat(sessions.invite(made.id(), session)).isEqualTo(4);
        // The anonymous participant signs in: merged into the account's participant, which then withdraws.
        UUID account = ((PasserelleUser) users.loadUserByUsername("organisateur")).userId();
        UUID merged = ConsultationFixture.as(made, () -> participants.generated(made.id(), anonymous, account).id());
        assertThat(merged).isNotEqualTo(anonymous);
        assertThat(invitedParticipants(session)).contains(merged).doesNotContain(anonymous);
        assertThat(sessions.reachable(made.id())).as("the account is not invited again").isZero();
        ConsultationFixture.as(made, () -> {
            participants.saveProfile(publicView(), merged, Map.of(), false, null);
            return null;
        });

        assertThat(sessions.change(made.id(), session, plan("Atelier emploi", at, "Villeurbanne", 10))).isEqualTo(3);
        assertThat(mails("workshop-change:" + session + ":%")).doesNotContain("fusion@exemple.org").hasSize(3);
        // An invitation left on the anonymous participant (merged before invitations followed) goes by the account too.
        OwnerSql.of(server).sql("update consultation_workshop_invitation set participant_id = ? where session_id = ? and participant_id = ?")
                .params(anonymous, session, merged).update();
        assertThat(sessions.cancel(made.id(), session)).isEqualTo(3);
        assertThat(mails("workshop-cancel:" + session + ":%")).doesNotContain("fusion@exemple.org").hasSize(3);
    }

    @Test
    void aPastSessionIsCorrectedWithoutMailsButNeitherMovedToADateToComeNorInvitedTo() throws Exception {
        UUID session = sessions.plan(made.id(), plan("Atelier logement", LocalDateTime.now(TestDates.PARIS).plusDays(10), "Lyon", 3));
        assertThat(sessions.invite(made.id(), session)).isEqualTo(3);
        // The session takes place: its date passes.
        OwnerSql.of(server).sql("update consultation_workshop_session set starts_at = date_trunc('minute', now()) - interval '2 days' where id = ?")
                .param(session).update();
        WorkshopSessions.Session held = sessions.session(made.id(), session);
        assertThat(held.past()).isTrue();
        LocalDateTime heldAt = held.localStartsAt();

        // Corrected: title, an hour earlier, another room, one more seat; nobody is mailed.
        assertThat(sessions.change(made.id(), session, plan("Atelier logement (tenu)", heldAt.minusHours(1), "Lyon, salle B", 4)))
                .isZero();
        WorkshopSessions.Session corrected = sessions.session(made.id(), session);
        assertThat(corrected.title()).isEqualTo("Atelier logement (tenu)");
        assertThat(corrected.localStartsAt()).isEqualTo(heldAt.minusHours(1));
        assertThat(corrected.place()).isEqualTo("Lyon, salle B");
        assertThat(corrected.capacity()).isEqualTo(4);
        assertThat(mails("workshop-change:" + session + ":%")).isEmpty();
        assertThat(audited(session)).contains("consultation.workshop.session.corrected")
                .doesNotContain("consultation.workshop.session.changed");
        assertThat(OwnerSql.of(server).sql("select details->>'previousStartsAt' from audit_event where object_id = ? and action = ?")
                .params(session.toString(), "consultation.workshop.session.corrected").query(String.class).single())
                .isEqualTo(held.startsAt().toString());

        // Still refused, changing nothing: fewer seats than invited, a date to come (not a rescheduling).
        assertThatThrownBy(() -> sessions.change(made.id(), session, plan("Atelier", heldAt, "Lyon", 2)))
                .isInstanceOfSatisfying(FieldRefusal.class,
                        r -> assertThat(r.messageKey()).isEqualTo("workshop.session.capacityBelowInvited"));
        assertThatThrownBy(() -> sessions.change(made.id(), session, plan("Atelier", LocalDateTime.now(TestDates.PARIS).plusDays(3), "Lyon", 4)))
                .isInstanceOfSatisfying(FieldRefusal.class, r -> {
                    assertThat(r.field()).isEqualTo("startsAt");
                    assertThat(r.messageKey()).isEqualTo("workshop.session.datePast");
                });
        assertThat(sessions.session(made.id(), session)).isEqualTo(corrected);
        assertThatThrownBy(() -> sessions.invite(made.id(), session)).isInstanceOf(BusinessException.class)
                .hasMessageContaining("workshop.session.past");
        assertThat(mails("workshop-change:" + session + ":%")).isEmpty();

        // The organiser's page offers the correction; the form posts it.
        PasserelleUser organiser = (PasserelleUser) users.loadUserByUsername("organisateur");
        String page = mvc.perform(get("/consultations/" + made.id() + "/workshops").param("session", session.toString())
                .with(user(organiser))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Corriger la session passée « Atelier logement (tenu) »", "Enregistrer la correction",
                ">passée<");
        var posted = mvc.perform(post("/consultations/" + made.id() + "/workshops/sessions/" + session).with(user(organiser))
                .with(csrf()).param("title", "Atelier logement (tenu)").param("startsAt", heldAt.toString())
                .param("place", "Lyon, salle B").param("capacity", "4")).andReturn();
        assertThat(posted.getFlashMap().get("flashSuccess")).isEqualTo("workshop.session.corrected");
        assertThat(posted.getFlashMap().containsKey("toldCount")).isFalse();
        SignedIn.as(users, "organisateur"); // MockMvc's request left the test thread signed out
        assertThat(sessions.session(made.id(), session).localStartsAt()).isEqualTo(heldAt);

        // A past session that did not take place is cancelled without mails; its invited may be invited again.
        assertThat(sessions.cancel(made.id(), session)).isZero();
        assertThat(mails("workshop-cancel:" + session + ":%")).isEmpty();
        assertThat(sessions.reachable(made.id())).isEqualTo(3);
    }

    @Test
    void organisersInvitingAtOnceNeverExceedACapacityNorInviteAnybodyTwice() throws Exception {
        givenConsentingParticipants(30);
        UUID small = sessions.plan(made.id(), plan("Atelier A", LocalDateTime.now(TestDates.PARIS).plusDays(3), "Lyon", 10));
        UUID other = sessions.plan(made.id(), plan("Atelier B", LocalDateTime.now(TestDates.PARIS).plusDays(4), "Lyon", 12));
        List<UUID> targets = List.of(small, small, small, other, other, small);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(targets.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(targets.size());
        try {
            List<java.util.concurrent.Future<Integer>> invited = new java.util.ArrayList<>();
            for (UUID target : targets) {
                invited.add(pool.submit(() -> {
                    SignedIn.as(users, "organisateur");
                    try {
                        start.await();
                        return sessions.invite(made.id(), target);
                    } catch (BusinessException full) {
                        return 0;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : invited) {
                total += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(22);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sessions.session(made.id(), small).invited()).isEqualTo(10);
        assertThat(sessions.session(made.id(), other).invited()).isEqualTo(12);
        assertThat(OwnerSql.of(server).sql("""
                select count(distinct i.participant_id) from consultation_workshop_invitation i
                join consultation_workshop_session s on s.id = i.session_id where s.consultation_id = ?""")
                .param(made.id()).query(Long.class).single()).as("nobody invited twice").isEqualTo(22);
        assertThat(sessions.reachable(made.id())).isEqualTo(33 - 22);
    }

    @Test
    void solutionSheetsAreExportedAsPdfOneOrAll() throws Exception {
        UUID idea = workshops.selectIdea(made.id(), made.proposals().get(1));
        UUID first = workshops.saveSheet(made.id(), new Workshops.Sheet(null, idea, "Un référent logement",
                "Les sortants n’ont pas de logement", "Un référent dans chaque SPIP", "SPIP, bailleurs", "", "", ""));
        workshops.saveSheet(made.id(), new Workshops.Sheet(null, idea, "Des places d’hébergement",
                "Pas de place à la sortie", "Réserver des places", "", "", "1. Recenser 2. Réserver", "Places réservées"));
        PasserelleUser organiser = (PasserelleUser) users.loadUserByUsername("organisateur");

        var all = mvc.perform(get("/consultations/" + made.id() + "/workshops/sheets.pdf").with(user(organiser)))
                .andReturn().getResponse();
        assertThat(all.getContentType()).isEqualTo("application/pdf");
        assertThat(all.getHeader("Content-Disposition")).contains("fiches-" + made.slug() + ".pdf");
        String allText = AnalysisJobsTest.pdfText(all.getContentAsByteArray());
        assertThat(allText).contains("Un référent logement").contains("Des places d’hébergement")
                .contains("Idée retenue : Il faut une idée numéro 1").contains("1. Recenser 2. Réserver")
                .contains("Non renseigné.").doesNotContain("@exemple.org");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(all.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).as("one sheet a page").isEqualTo(2);
        }

        String one = AnalysisJobsTest.pdfText(mvc.perform(get("/consultations/" + made.id() + "/workshops/sheets/" + first
                + ".pdf").with(user(organiser))).andReturn().getResponse().getContentAsByteArray());
        assertThat(one).contains("Un référent logement").doesNotContain("Des places d’hébergement");
        assertThat(mvc.perform(get("/consultations/" + made.id() + "/workshops/sheets/" + UUID.randomUUID() + ".pdf")
                .with(user(organiser))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(audited(first)).contains("consultation.workshop.sheets.exported");
    }

    private static WorkshopSessions.Plan plan(String title, LocalDateTime at, String place, int capacity) {
        return new WorkshopSessions.Plan(title, at, place, capacity);
    }

    private void givenConsentingParticipants(int n) {
        ConsultationFixture.as(made, () -> {
            Consultations.Consultation c = consultations.forPublic(
                    new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.OPEN));
            for (int i = 0; i < n; i++) {
                UUID p = participants.generated(made.id(), null, null).id();
                participants.saveProfile(c, p, Map.of(), true, "foule" + i + "@exemple.org");
            }
            return null;
        });
    }

    private Map<String, Object> mail(String dedupKeyLike, String recipient) {
        return OwnerSql.of(server).sql("select subject, body from mail_outbox where dedup_key like ? and recipient = ?")
                .params(dedupKeyLike, recipient).query().singleRow();
    }

    private UUID participantWith(String email) {
        return OwnerSql.of(server).sql("select id from consultation_participant where consultation_id = ? and recontact_email = ?")
                .params(made.id(), email).query(UUID.class).single();
    }

    private List<UUID> invitedParticipants(UUID session) {
        return OwnerSql.of(server).sql("select participant_id from consultation_workshop_invitation where session_id = ?")
                .param(session).query(UUID.class).list();
    }

    private Consultations.Consultation publicView() {
        return consultations.forPublic(
                new Consultations.PublicRef(made.id(), made.organisationId(), made.slug(), ConsultationStatus.OPEN));
    }

    private List<String> mails(String dedupKeyLike) {
        return OwnerSql.of(server).sql("select recipient from mail_outbox where dedup_key like ? order by recipient")
                .param(dedupKeyLike).query(String.class).list();
    }

    private List<String> audited(UUID object) {
        return OwnerSql.of(server).sql("select action from audit_event where object_id = ? order by seq")
                .param(object.toString()).query(String.class).list();
    }
}
