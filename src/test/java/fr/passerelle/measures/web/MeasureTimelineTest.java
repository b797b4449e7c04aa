package fr.passerelle.measures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Attendance;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.IncidentKind;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.MeasureTimeline;
import fr.passerelle.measures.MeasureTimeline.Kind;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.measures.ReportKind;
import fr.passerelle.measures.ReportStatus;
import fr.passerelle.measures.Reports;
import fr.passerelle.shared.BusinessException;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The timeline of a measure: every kind of event with its label and author, newest first, filtered
 * by kind, paged, without report events for roles that do not see reports, without free text that
 * may hold health details, and never another association's events.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class MeasureTimelineTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    TimelineLines lines;

    @Autowired
    MeasureTimeline timeline;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Appointments appointments;

    @Autowired
    FollowUp followUp;

    @Autowired
    Reports reports;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

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
    void showsEveryKindOfEventWithItsLabelAndAuthorNewestFirst() {
        LocalDate today = LocalDate.now(clock);
        UUID measure = aTigMeasureAssignedToTheCaseWorker("Chronologie");
        as("intervenant");
        LocalDateTime at = today.minusDays(2).atTime(10, 0);
        UUID appointment = appointments.schedule(measure, new Appointments.Schedule(at, 60, AppointmentKind.OFFICE, null));
        appointments.recordAttendance(appointment, Attendance.PRESENT, "Suivi addictologie : traitement de substitution");
        followUp.logQuantity(measure, today.minusDays(1), new BigDecimal("3"), null);
        UUID entry = followUp.progress(measure).entries().get(0).id();
        followUp.correctEntry(entry, today.minusDays(1), new BigDecimal("4"), null, "Erreur de saisie");
        UUID incident = followUp.recordIncident(measure, today, IncidentKind.OBLIGATION_BREACH, "Rechute signalée par le CSAPA");
        followUp.report(incident, "Juge de l’application des peines");
        UUID report = reports.create(measure, ReportKind.STAGE);
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        as("cheffe.service");
        reports.move(report, ReportStatus.Move.RETURN, "Préciser le suivi médical.", null);
        as("intervenant");
        reports.move(report, ReportStatus.Move.SUBMIT, null, null);
        as("cheffe.service");
        reports.move(report, ReportStatus.Move.VALIDATE, null, null);
        as("intervenant");
        reports.move(report, ReportStatus.Move.SEND, null, today);
        reports.pdf(report);

        TimelineLines.View view = lines.view(measure, null, null, Locale.FRENCH);

        assertThat(view.lines()).extracting(TimelineLines.Line::text, TimelineLines.Line::actor).containsExactly(
                tuple("PDF produit : Rapport d’étape, version 1", "Camille Martin"),
                tuple("Rapport d’étape envoyé au magistrat le " + DAY.format(today), "Camille Martin"),
                tuple("Rapport d’étape validé", "Nadia Benali"),
                tuple("Rapport d’étape soumis au chef de service", "Camille Martin"),
                tuple("Rapport d’étape renvoyé pour correction", "Nadia Benali"),
                tuple("Rapport d’étape soumis au chef de service", "Camille Martin"),
                tuple("Rapport d’étape commencé", "Camille Martin"),
                tuple("Incident signalé au magistrat : Non-respect d’une obligation, survenu le " + DAY.format(today)
                        + ", signalé à Juge de l’application des peines", "Camille Martin"),
                tuple("Incident enregistré : Non-respect d’une obligation, survenu le " + DAY.format(today),
                        "Camille Martin"),
                tuple("Saisie corrigée : 4 h le " + DAY.format(today.minusDays(1)), "Camille Martin"),
                tuple("Saisie de 4 h le " + DAY.format(today.minusDays(1)), "Camille Martin"),
                tuple("Premier entretien tenu : mesure en cours", "Camille Martin"),
                tuple("Présence à l’entretien du " + DAY.format(at) + " : Présent(e)", "Camille Martin"),
                tuple("Entretien fixé au " + DAY.format(at) + " 10:00 (Au bureau)", "Camille Martin"),
                tuple("Attribuée à Camille Martin", "Nadia Benali"),
                tuple("Saisine reçue", "Nadia Benali"));
        assertThat(view.lines()).extracting(TimelineLines.Line::kind).containsOnly(Kind.values());
        assertThat(view.lines()).extracting(TimelineLines.Line::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(view.lines()).allSatisfy(line -> assertThat(line.timeKnown()).isTrue());
        assertThat(view.lines()).extracting(TimelineLines.Line::text, TimelineLines.Line::detail, TimelineLines.Line::note)
                .allSatisfy(texts -> assertThat(texts.toString())
                        .doesNotContain("addictologie", "Rechute", "médical", "Erreur de saisie"));
        assertThat(view.next()).isNull();

        TimelineLines.View english = lines.view(measure, "ASSIGNMENT", null, Locale.ENGLISH);
        assertThat(english.lines()).extracting(TimelineLines.Line::text).containsExactly("Assigned to Camille Martin");
    }

    @Test
    void filtersByKindAndHidesReportsFromRolesThatDoNotSeeThem() {
        LocalDate today = LocalDate.now(clock);
        UUID measure = aTigMeasureAssignedToTheCaseWorker("Filtre");
        as("intervenant");
        UUID incident = followUp.recordIncident(measure, today, IncidentKind.ABSENCE, "Absent au rendez-vous");
        followUp.report(incident, "JAP");
        UUID report = reports.create(measure, ReportKind.INCIDENT);

        assertThat(lines.view(measure, "INCIDENT", null, Locale.FRENCH).lines())
                .extracting(TimelineLines.Line::kind).containsExactly(Kind.INCIDENT, Kind.INCIDENT);
        assertThat(lines.view(measure, "REPORT", null, Locale.FRENCH).lines())
                .extracting(TimelineLines.Line::text, TimelineLines.Line::href)
                .containsExactly(tuple("Rapport d’incident commencé", "/reports/" + report));
        assertThat(lines.view(measure, "LIFECYCLE", null, Locale.FRENCH).lines())
                .extracting(TimelineLines.Line::text).containsExactly("Saisine reçue");
        assertThat(lines.view(measure, "no-such-kind", null, Locale.FRENCH).lines()).hasSize(5);

        as("directrice");
        TimelineLines.View director = lines.view(measure, null, null, Locale.FRENCH);
        assertThat(director.kinds()).doesNotContain(Kind.REPORT, Kind.DOCUMENT);
        assertThat(director.lines()).extracting(TimelineLines.Line::kind).doesNotContain(Kind.REPORT, Kind.DOCUMENT)
                .hasSize(4);
        assertThat(lines.view(measure, "REPORT", null, Locale.FRENCH).lines()).isEmpty();
    }

    @Test
    void namesTheCurrentCaseWorkerOnTheLatestOfTheAssignmentsRecordedBeforeTheTimelineKeptThem() {
        UUID measure = aTigMeasureAssignedToTheCaseWorker("Historique");
        PasserelleUser other = (PasserelleUser) users.loadUserByUsername("intervenant.mfa");
        measures.perform(measure, MeasureAction.REASSIGN, new Measures.ActionInput(other.userId(), null, null, null));
        // Transitions written before the case worker was kept on them.
        OwnerSql.of(server).sql("update measure_transition set assignee_id = null where measure_id = ?").param(measure)
                .update();

        assertThat(lines.view(measure, "ASSIGNMENT", null, Locale.FRENCH).lines()).extracting(TimelineLines.Line::text)
                .containsExactly("Réattribuée à Sofia Laurent", "Attribuée à un(e) intervenant(e) non enregistré(e)");
    }

    @Test
    void pagesBeyondAHundredEventsWithoutLosingOrRepeatingOne() throws Exception {
        UUID measure = aTigMeasureAssignedToTheCaseWorker("Pages");
        as("intervenant");
        LocalDateTime at = LocalDate.now(clock).plusDays(1).atTime(9, 0);
        for (int i = 0; i < MeasureTimeline.PAGE_SIZE + 1; i++) {
            appointments.schedule(measure, new Appointments.Schedule(at.plusMinutes(i), 30, AppointmentKind.PHONE, null));
        }

        MeasureTimeline.Page first = timeline.page(measure, null, null);
        assertThat(first.events()).hasSize(MeasureTimeline.PAGE_SIZE);
        assertThat(first.next()).isNotNull();
        MeasureTimeline.Page second = timeline.page(measure, null, first.next());
        assertThat(second.next()).isNull();
        assertThat(second.events()).extracting(MeasureTimeline.Event::type)
                .containsExactly("APPOINTMENT_SCHEDULED", "ASSIGN", "RECEIVED");
        List<String> keys = new java.util.ArrayList<>(first.events().stream().map(MeasureTimeline.Event::key).toList());
        second.events().forEach(e -> keys.add(e.key()));
        assertThat(new HashSet<>(keys)).hasSize(MeasureTimeline.PAGE_SIZE + 3);

        // htmx appends the next page's events (and no second card); without JavaScript the page shows them.
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(worker, null,
                worker.getAuthorities()));
        String more = mvc.perform(get("/measures/" + measure + "/timeline").param("before", first.next())
                        .header("HX-Request", "true").locale(Locale.FRENCH).with(signedIn))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(more).doesNotContain("timeline-card", "timeline-more").contains("Saisine reçue");
        assertThat(more.split("class=\"border-start")).hasSize(4);
        String firstPage = mvc.perform(get("/measures/" + measure).locale(Locale.FRENCH).with(signedIn))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(firstPage).contains("id=\"timeline-more\"", "Afficher les événements plus anciens")
                .doesNotContain("Saisine reçue");
        String olderPage = mvc.perform(get("/measures/" + measure).param("before", first.next()).locale(Locale.FRENCH)
                        .with(signedIn))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(olderPage).contains("Saisine reçue", "Revenir aux événements les plus récents")
                .doesNotContain("id=\"timeline-more\"");
    }

    @Test
    void neverShowsAnotherAssociationsEvents() throws Exception {
        UUID ours = aTigMeasureAssignedToTheCaseWorker("Nôtre");
        PasserelleUser marseille = as("admin.marseille");
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow().id();
        UUID person = persons.create(new Persons.PersonData("Ailleurs", "Marius", LocalDate.of(1980, 1, 1), null, null,
                null, null, null, null, null, null), true);
        UUID theirs = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                LocalDate.now(clock).minusDays(3), null));
        followUp.recordIncident(theirs, LocalDate.now(clock), IncidentKind.OTHER, "Chez l’autre association");
        assertThat(timeline.page(theirs, null, null).events()).hasSize(2);

        as("intervenant");
        assertThatThrownBy(() -> timeline.page(theirs, null, null)).isInstanceOf(BusinessException.class);
        assertThat(timeline.page(ours, null, null).events()).extracting(MeasureTimeline.Event::type)
                .containsExactly("ASSIGN", "RECEIVED");

        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SecurityContextHolder.clearContext();
        mvc.perform(get("/measures/" + theirs + "/timeline").with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()))))
                .andExpect(status().isNotFound());
        String html = mvc.perform(get("/measures/" + ours + "/timeline").param("events", "ASSIGNMENT")
                        .locale(Locale.FRENCH).with(authentication(
                                UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Attribuée à Camille Martin", "Nadia Benali").doesNotContain("Saisine reçue", "Ailleurs");
        assertThat(marseille.organisationId()).isNotEqualTo(worker.organisationId());
    }

    private UUID aTigMeasureAssignedToTheCaseWorker(String lastName) {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        as("cheffe.service");
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("TIG")).findFirst().orElseThrow().id();
        UUID person = persons.create(new Persons.PersonData(lastName, "Timeline", LocalDate.of(1990, 2, 3), null, null,
                null, null, null, null, null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                LocalDate.now(clock).minusDays(30), null, new BigDecimal("120")));
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        return measure;
    }

    private PasserelleUser as(String username) {
        return SignedIn.as(users, username);
    }
}
