package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Persons and measures as a case worker, a service head and a director of the demo association use them. */
@PasserelleIntegrationTest
class PersonsAndMeasuresTest {

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Reports reports;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    EmbeddedPostgresServer server;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyAssociationStartsWithTheDefaultCatalogue() {
        as("intervenant");
        assertThat(catalogue.types()).hasSize(21)
                .extracting(MeasureCatalogue.MeasureType::code).contains("CJSE", "TIG", "PLACEMENT_EXTERIEUR", "MJIE");
        MeasureCatalogue.MeasureType tig = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow();
        assertThat(tig.trackedQuantity()).isEqualTo("HOURS");
        assertThat(tig.quantityMin()).isEqualTo(20);
        assertThat(tig.quantityMax()).isEqualTo(400);
    }

    @Test
    void findsAPersonWhateverTheAccentsCaseOrPartOfTheName() {
        as("intervenant");
        UUID id = persons.create(person("Lefèvre", "Hélène", LocalDate.of(1985, 3, 14)), false);
        assertThat(ids(persons.search("lefevre", null, 0).items())).contains(id);
        assertThat(ids(persons.search("HELENE lef", null, 0).items())).contains(id);
        assertThat(ids(persons.search("lefe", null, 0).items())).contains(id);
        assertThat(ids(persons.search("", LocalDate.of(1985, 3, 14), 0).items())).contains(id);
        assertThat(ids(persons.search("lefevre", LocalDate.of(1985, 3, 15), 0).items())).doesNotContain(id);
    }

    @Test
    void findsAMisspeltOrInnerPartOfANameOnlyInItsOwnAssociation() {
        as("intervenant");
        UUID id = persons.create(person("Quintavalle", "Bérénice", LocalDate.of(1990, 6, 1)), false);
        // Another association's person with the same name, written as the owner (no tenant rules).
        UUID other = UUID.randomUUID();
        OwnerSql.of(server).sql("""
                insert into person (id, organisation_id, reference, last_name, first_name, birth_date)
                select ?, o.id, 'P-OTHER-1', 'Quintavalle', 'Bérénice', date '1990-06-01'
                from organisation o join app_user u on u.organisation_id = o.id where u.username = 'admin.marseille'""")
                .param(other).update();

        assertThat(ids(persons.search("quintavale berenice", null, 0).items())).contains(id).doesNotContain(other);
        assertThat(ids(persons.search("tavall", null, 0).items())).contains(id).doesNotContain(other);
        assertThat(persons.search("tavall", null, 0).total()).isEqualTo(1);
        assertThat(ids(persons.search("tavall", LocalDate.of(1990, 6, 2), 0).items())).isEmpty();
        // LIKE wildcards typed by the user are plain characters.
        assertThat(persons.search("%_%", null, 0).items()).isEmpty();
    }

    @Test
    void warnsBeforeCreatingAProbableDuplicateAndCreatesNothing() {
        as("intervenant");
        persons.create(person("Bénard", "Jean-Marc", LocalDate.of(1979, 7, 2)), false);
        long before = persons.search("", LocalDate.of(1979, 7, 2), 0).total();
        assertThatThrownBy(() -> persons.create(person("BENARD", "Jean Marc", LocalDate.of(1979, 7, 2)), false))
                .isInstanceOfSatisfying(Persons.DuplicateSuspected.class,
                        d -> assertThat(d.candidates()).extracting(Persons.PersonSummary::lastName).contains("Bénard"));
        assertThat(persons.search("", LocalDate.of(1979, 7, 2), 0).total()).isEqualTo(before);
        persons.create(person("BENARD", "Jean Marc", LocalDate.of(1979, 7, 2)), true);
        assertThat(persons.search("", LocalDate.of(1979, 7, 2), 0).total()).isEqualTo(before + 1);
    }

    @Test
    void auditsEveryViewOfAPersonsFile() {
        as("intervenant");
        UUID id = persons.create(person("Morel", "Yanis", LocalDate.of(2001, 1, 9)), false);
        persons.view(id);
        persons.view(id);
        long views = OwnerSql.of(server).sql("select count(*) from audit_event where action = 'person.viewed' and object_id = ?")
                .param(id.toString()).query(Long.class).single();
        assertThat(views).isEqualTo(2);
    }

    @Test
    void showsHealthDetailsOnlyToRolesAllowedToSeeThem() {
        as("intervenant");
        UUID id = persons.create(person("Petit", "Sarah", LocalDate.of(1992, 5, 30)), false);
        persons.updateHealth(id, new Persons.Health("Suivi CSAPA", "Alcool"));
        assertThat(persons.view(id).health()).hasValueSatisfying(h -> assertThat(h.addictionNotes()).isEqualTo("Alcool"));

        as("directrice");
        assertThat(persons.view(id).health()).isEmpty();
        assertThatThrownBy(() -> persons.updateHealth(id, new Persons.Health("x", "y")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void followsAMeasureFromTheMandateToItsClosureWithATimeline() {
        as("cheffe.service");
        UUID person = persons.create(person("Garcia", "Lucas", LocalDate.of(1998, 11, 2)), false);
        UUID measure = measures.create(person, mandate("CJSE"));
        assertThat(measures.get(measure).status()).isEqualTo(MeasureStatus.RECEIVED);
        assertThat(measures.get(measure).reference()).matches("M-\\d{4}-\\d{6}");

        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        measures.perform(measure, MeasureAction.START, new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS), null, null));
        UUID other = ((PasserelleUser) users.loadUserByUsername("intervenant.mfa")).userId();
        measures.perform(measure, MeasureAction.REASSIGN, new Measures.ActionInput(other, null, null, null));
        assertThat(measures.get(measure).assignedUserName()).isEqualTo("Sofia Laurent");
        measures.perform(measure, MeasureAction.REASSIGN, new Measures.ActionInput(worker, null, null, null));
        assertThatThrownBy(() -> measures.perform(measure, MeasureAction.SUSPEND,
                new Measures.ActionInput(null, null, null, "x".repeat(Measures.REASON_MAX + 1))))
                .hasFieldOrPropertyWithValue("messageKey", "input.tooLong")
                .hasFieldOrPropertyWithValue("field", "reason");
        assertThat(measures.get(measure).status()).as("a refused reason changes nothing")
                .isEqualTo(MeasureStatus.IN_PROGRESS);
        measures.perform(measure, MeasureAction.SUSPEND, new Measures.ActionInput(null, null, null, "Hospitalisation"));
        measures.perform(measure, MeasureAction.RESUME, new Measures.ActionInput(null, null, null, null));
        measures.perform(measure, MeasureAction.END,
                new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS), MeasureOutcome.COMPLETED, null));
        UUID finalReport = reports.create(measure, ReportKind.FINAL);
        reports.move(finalReport, ReportStatus.Move.SUBMIT, null, null);
        reports.move(finalReport, ReportStatus.Move.VALIDATE, null, null);
        reports.move(finalReport, ReportStatus.Move.SEND, null, LocalDate.now(TestDates.PARIS));
        measures.perform(measure, MeasureAction.CLOSE, new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS), null, null));

        Measures.Measure closed = measures.get(measure);
        assertThat(closed.status()).isEqualTo(MeasureStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(MeasureOutcome.COMPLETED);
        assertThat(closed.assignedUserName()).isEqualTo("Camille Martin");
        assertThat(measures.timeline(measure)).extracting(Measures.Step::toStatus).containsExactly(
                MeasureStatus.RECEIVED, MeasureStatus.ASSIGNED, MeasureStatus.IN_PROGRESS, MeasureStatus.IN_PROGRESS,
                MeasureStatus.IN_PROGRESS, MeasureStatus.SUSPENDED, MeasureStatus.IN_PROGRESS, MeasureStatus.ENDED,
                MeasureStatus.CLOSED);
        assertThat(measures.timeline(measure)).allSatisfy(step -> assertThat(step.actorName()).isEqualTo("Nadia Benali"));
    }

    @Test
    void refusesAnIllegalTransitionAndChangesNothing() {
        as("cheffe.service");
        UUID person = persons.create(person("Roux", "Inès", LocalDate.of(2003, 4, 21)), false);
        UUID measure = measures.create(person, mandate("TIG"));
        assertThatThrownBy(() -> measures.perform(measure, MeasureAction.END,
                new Measures.ActionInput(null, LocalDate.now(TestDates.PARIS), MeasureOutcome.COMPLETED, null)))
                .isInstanceOf(BusinessException.class).hasFieldOrPropertyWithValue("status", 409);
        assertThatThrownBy(() -> measures.perform(measure, MeasureAction.ASSIGN,
                new Measures.ActionInput(UUID.randomUUID(), null, null, null)))
                .hasFieldOrPropertyWithValue("messageKey", "measure.transition.assigneeRequired");
        assertThat(measures.get(measure).status()).isEqualTo(MeasureStatus.RECEIVED);
        assertThat(measures.timeline(measure)).hasSize(1);
    }

    @Autowired
    Appointments appointments;

    @Test
    void theFirstInterviewHeldPutsTheMeasureInProgress() {
        as("cheffe.service");
        UUID person = persons.create(person("Faure", "Noé", LocalDate.of(1995, 9, 9)), false);
        UUID measure = measures.create(person, mandate("SURSIS_PROBATOIRE"));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));

        java.time.LocalDateTime yesterday = LocalDate.now(TestDates.PARIS).minusDays(1).atTime(10, 0);
        UUID missed = appointments.schedule(measure, new Appointments.Schedule(yesterday.minusDays(1), 45,
                AppointmentKind.OFFICE, "Bureau 2"));
        UUID held = appointments.schedule(measure, new Appointments.Schedule(yesterday, 60, AppointmentKind.PHONE, null));
        assertThat(appointments.get(held).workerId()).isEqualTo(worker);

        appointments.recordAttendance(missed, Attendance.UNEXCUSED_ABSENCE, "Pas venu");
        assertThat(measures.get(measure).status()).isEqualTo(MeasureStatus.ASSIGNED);
        appointments.recordAttendance(held, Attendance.LATE, "Venu avec 20 minutes de retard");
        assertThat(measures.get(measure).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        Measures.Step start = measures.timeline(measure).get(2);
        assertThat(start.action()).isEqualTo(MeasureAction.START);
        assertThat(start.effectiveOn()).isEqualTo(yesterday.toLocalDate());
        assertThat(appointments.ofMeasure(measure)).extracting(Appointments.Appointment::attendance)
                .containsExactly(Attendance.UNEXCUSED_ABSENCE, Attendance.LATE);
        assertThat(appointments.ofWorkerFrom(worker, yesterday.minusDays(2).atZone(java.time.ZoneId.of("Europe/Paris"))
                .toInstant())).extracting(Appointments.Appointment::id).contains(missed, held);
    }

    @Test
    void refusesAppointmentsOnAnEndedMeasureOrWithoutTime() {
        as("cheffe.service");
        UUID person = persons.create(person("Girard", "Lina", LocalDate.of(1999, 12, 1)), false);
        UUID measure = measures.create(person, mandate("ESR"));
        assertThatThrownBy(() -> appointments.schedule(measure, new Appointments.Schedule(null, 60, AppointmentKind.OFFICE, null)))
                .hasFieldOrPropertyWithValue("messageKey", "appointment.at.required");
        measures.perform(measure, MeasureAction.CANCEL, new Measures.ActionInput(null, null, null, "Dessaisissement"));
        assertThatThrownBy(() -> appointments.schedule(measure, new Appointments.Schedule(
                java.time.LocalDateTime.now(TestDates.PARIS).plusDays(2), 60, AppointmentKind.OFFICE, null)))
                .hasFieldOrPropertyWithValue("status", 409);
        assertThat(appointments.ofMeasure(measure)).isEmpty();
    }

    @Test
    void recordsConsentsAndTheirWithdrawal() {
        as("intervenant");
        UUID id = persons.create(person("Consent", "Maya", LocalDate.of(1991, 6, 6)), false);
        UUID consent = persons.addConsent(id, "Échange d’informations sur le logement", "SIAO du Rhône",
                LocalDate.now(TestDates.PARIS).minusDays(5));
        assertThatThrownBy(() -> persons.addConsent(id, " ", "SIAO", LocalDate.now(TestDates.PARIS)))
                .hasFieldOrPropertyWithValue("messageKey", "consent.subject.invalid");
        assertThatThrownBy(() -> persons.withdrawConsent(consent, LocalDate.now(TestDates.PARIS).minusDays(6)))
                .hasFieldOrPropertyWithValue("messageKey", "consent.cannotWithdraw");
        persons.withdrawConsent(consent, LocalDate.now(TestDates.PARIS));
        assertThat(persons.consents(id)).singleElement().satisfies(c -> {
            assertThat(c.recipient()).isEqualTo("SIAO du Rhône");
            assertThat(c.withdrawnOn()).isEqualTo(LocalDate.now(TestDates.PARIS));
        });
    }

    @Test
    void refusesAMandateWithAnUnknownCourt() {
        as("cheffe.service");
        UUID person = persons.create(person("Blanc", "Théo", LocalDate.of(1988, 8, 8)), false);
        Measures.Mandate mandate = mandate("EP");
        Measures.Mandate wrongCourt = new Measures.Mandate(mandate.measureTypeId(), "TJ-ATLANTIDE", "PARQUET", null,
                null, null, LocalDate.now(TestDates.PARIS), null);
        assertThatThrownBy(() -> measures.create(person, wrongCourt))
                .hasFieldOrPropertyWithValue("messageKey", "measure.court.invalid");
        assertThat(measures.ofPerson(person)).isEmpty();
    }

    private Measures.Mandate mandate(String typeCode) {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals(typeCode)).findFirst().orElseThrow().id();
        return new Measures.Mandate(type, "TJ-LYON", "JUGE_INSTRUCTION", "Mme la juge", "26/123", "JI-45",
                LocalDate.now(TestDates.PARIS).minusDays(3), LocalDate.now(TestDates.PARIS).plusMonths(6));
    }

    private static Persons.PersonData person(String last, String first, LocalDate birth) {
        return new Persons.PersonData(last, first, birth, "X", null, null, null, null, null, null, null);
    }

    private void as(String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static List<UUID> ids(List<Persons.PersonSummary> summaries) {
        return summaries.stream().map(Persons.PersonSummary::id).toList();
    }
}
