package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.AssociationServices;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.Roles;
import fr.passerelle.identity.UserAccounts;
import fr.passerelle.shared.db.EmbeddedDatabaseProperties;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The agenda: weeks from Monday and months cut at midnight in Paris, only the worker's appointments, never another association's. */
@PasserelleIntegrationTest
class AgendaTest {

    /** The week of the switch to summer time in 2031 (Sunday 30 March): Monday 24 to Sunday 30 March. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2031, 3, 26);

    @Autowired
    Agenda agenda;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    Appointments appointments;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AssociationServices services;

    @Autowired
    EmbeddedPostgresServer server;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    private String workerLogin;
    private String headLogin;
    private UUID worker;
    private UUID measure;

    @BeforeEach
    void givenAServiceWithAHeadAndAWorker() {
        SignedIn.as(users, "admin.asso");
        UUID service = services.create("Agenda " + UUID.randomUUID().toString().substring(0, 8));
        workerLogin = "agenda.worker." + UUID.randomUUID().toString().substring(0, 8);
        headLogin = "agenda.head." + UUID.randomUUID().toString().substring(0, 8);
        worker = accounts.create(new UserAccounts.NewUser(workerLogin, "Agathe Agenda", "a@example.org",
                "Un-mot-de-passe-solide", service, List.of(Roles.CASE_WORKER), false, false));
        accounts.create(new UserAccounts.NewUser(headLogin, "Hugo Chef", "h@example.org", "Un-mot-de-passe-solide",
                service, List.of(Roles.SERVICE_HEAD), false, false));
        measure = measureOf(worker, "Semainier");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aWeekRunsFromMondayMidnightToSundayMidnightInParis() {
        UUID mondayMidnight = at(measure, LocalDateTime.of(2031, 3, 24, 0, 0));
        UUID sundayLate = at(measure, LocalDateTime.of(2031, 3, 30, 23, 30));
        UUID nextMonday = at(measure, LocalDateTime.of(2031, 3, 31, 0, 15));
        UUID sundayBefore = at(measure, LocalDateTime.of(2031, 3, 23, 23, 45));

        as(workerLogin);
        Agenda.Period week = agenda.of(null, Agenda.Span.WEEK, WEDNESDAY);

        assertThat(week.first()).isEqualTo(LocalDate.of(2031, 3, 24));
        assertThat(week.last()).isEqualTo(LocalDate.of(2031, 3, 30));
        assertThat(week.days()).hasSize(7).allMatch(Agenda.Day::inPeriod);
        assertThat(week.days().get(0).date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ids(week)).contains(mondayMidnight, sundayLate).doesNotContain(nextMonday, sundayBefore);
        assertThat(day(week, 30).entries()).extracting(Agenda.Entry::appointmentId).containsExactly(sundayLate);
        assertThat(day(week, 30).entries().get(0).start()).isEqualTo(LocalDateTime.of(2031, 3, 30, 23, 30));
        assertThat(day(week, 30).entries().get(0).end()).isEqualTo(LocalDateTime.of(2031, 3, 31, 0, 15));
        assertThat(day(week, 30).entries().get(0).reference()).isEqualTo(measures.get(measure).reference());
        assertThat(week.previous()).isEqualTo(LocalDate.of(2031, 3, 17));
        assertThat(week.next()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(ids(agenda.of(null, Agenda.Span.WEEK, week.next()))).contains(nextMonday).doesNotContain(sundayLate);
        assertThat(ids(agenda.of(null, Agenda.Span.WEEK, week.previous()))).contains(sundayBefore)
                .doesNotContain(mondayMidnight);
    }

    @Test
    void aMonthIsShownAsWholeWeeksAndCountsOnlyItsOwnDays() {
        UUID lastOfMarch = at(measure, LocalDateTime.of(2031, 3, 31, 23, 50));
        UUID firstOfApril = at(measure, LocalDateTime.of(2031, 4, 1, 0, 30));
        UUID firstOfMarch = at(measure, LocalDateTime.of(2031, 3, 1, 0, 5));

        as(workerLogin);
        Agenda.Period march = agenda.of(null, Agenda.Span.MONTH, WEDNESDAY);

        assertThat(march.first()).isEqualTo(LocalDate.of(2031, 3, 1));
        assertThat(march.last()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(march.days().get(0).date()).isEqualTo(LocalDate.of(2031, 2, 24));
        assertThat(march.days().get(march.days().size() - 1).date()).isEqualTo(LocalDate.of(2031, 4, 6));
        assertThat(march.weeks()).hasSize(6).allMatch(w -> w.size() == 7);
        assertThat(march.days().stream().filter(d -> d.date().equals(LocalDate.of(2031, 4, 1))).findFirst().orElseThrow())
                .satisfies(d -> {
                    assertThat(d.inPeriod()).isFalse();
                    assertThat(d.entries()).extracting(Agenda.Entry::appointmentId).containsExactly(firstOfApril);
                });
        assertThat(march.days().stream().filter(Agenda.Day::inPeriod).flatMap(d -> d.entries().stream())
                .map(Agenda.Entry::appointmentId)).containsExactlyInAnyOrder(firstOfMarch, lastOfMarch);
        assertThat(march.count()).isEqualTo(2);
        assertThat(march.previous()).isEqualTo(LocalDate.of(2031, 2, 1));
        assertThat(march.next()).isEqualTo(LocalDate.of(2031, 4, 1));
    }

    @Test
    void aWorkerSeesOnlyTheirOwnAppointmentsAndNeverAnotherAssociations() {
        UUID mine = at(measure, LocalDateTime.of(2031, 3, 25, 10, 0));
        PasserelleUser intervenant = (PasserelleUser) users.loadUserByUsername("intervenant");
        UUID colleagues = at(measureOf(intervenant.userId(), "Voisin"), LocalDateTime.of(2031, 3, 25, 11, 0));
        // A row of another association naming this measure and this worker: row-level security keeps it out.
        UUID marseilles = UUID.randomUUID();
        OwnerSql.of(server).sql("""
                insert into appointment (id, organisation_id, measure_id, scheduled_at, duration_minutes, kind, worker_id)
                select ?, u.organisation_id, ?, timestamptz '2031-03-25 12:00:00+01', 30, 'OFFICE', ?
                from app_user u where u.username = 'admin.marseille'""")
                .param(marseilles).param(measure).param(worker).update();

        as(workerLogin);
        assertThat(ids(agenda.of(null, Agenda.Span.WEEK, WEDNESDAY))).contains(mine).doesNotContain(colleagues, marseilles);
        assertThat(agenda.workers()).isEmpty();
        assertThatThrownBy(() -> agenda.of(intervenant.userId(), Agenda.Span.WEEK, WEDNESDAY))
                .isInstanceOf(AccessDeniedException.class);

        as("intervenant");
        assertThat(ids(agenda.of(null, Agenda.Span.WEEK, WEDNESDAY))).contains(colleagues).doesNotContain(mine, marseilles);
    }

    @Test
    void aServiceHeadOpensTheAgendaOfAColleagueOfTheirServiceOnly() {
        UUID mine = at(measure, LocalDateTime.of(2031, 3, 27, 9, 0));

        PasserelleUser head = as(headLogin);
        assertThat(agenda.workers()).extracting(Agenda.Worker::displayName).contains("Agathe Agenda", "Hugo Chef");
        assertThat(ids(agenda.of(worker, Agenda.Span.WEEK, WEDNESDAY))).contains(mine);
        assertThat(ids(agenda.of(null, Agenda.Span.WEEK, WEDNESDAY))).doesNotContain(mine);
        assertThat(ids(agenda.of(head.userId(), Agenda.Span.MONTH, WEDNESDAY))).doesNotContain(mine);
        // Opening a colleague's agenda is a read of the people they follow: audited; one's own is not.
        assertThat(OwnerSql.of(server).sql("""
                select object_type || ' ' || object_id || ' ' || (details ->> 'span') || ' ' || (details ->> 'from')
                from audit_event where action = 'agenda.viewed' and actor_id = ?""").param(head.userId())
                .query(String.class).list()).containsExactly("user " + worker + " WEEK 2031-03-24");
        UUID outsider = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        assertThatThrownBy(() -> agenda.of(outsider, Agenda.Span.WEEK, WEDNESDAY)).isInstanceOf(AccessDeniedException.class);
        UUID foreign = ((PasserelleUser) users.loadUserByUsername("admin.marseille")).userId();
        assertThatThrownBy(() -> agenda.of(foreign, Agenda.Span.WEEK, WEDNESDAY)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePageShowsTheWeekWithDayNamesInTheUsersLanguageAndRefusesAnotherWorkersAgendaToACaseWorker()
            throws Exception {
        PasserelleUser intervenant = (PasserelleUser) users.loadUserByUsername("intervenant");
        UUID measureOfIntervenant = measureOf(intervenant.userId(), "Pagination");
        at(measureOfIntervenant, LocalDateTime.of(2031, 3, 24, 8, 30));
        String reference = measures.get(measureOfIntervenant).reference();
        WebClient web = new WebClient(port);
        web.signIn("intervenant", DemoAccounts.PASSWORD);

        HttpResponse<String> french = web.get("/agenda?date=2031-03-26");
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body()).contains("Lundi 24 mars", "Dimanche 30 mars", "08:30–09:15", reference,
                "Pagination Agenda", "/measures/" + measureOfIntervenant);
        HttpResponse<String> english = web.get("/agenda?view=MONTH&date=2031-03-26&lang=en");
        assertThat(english.body()).contains("March 2031", "Monday", "08:30 Pagination Agenda");

        UUID head = ((PasserelleUser) users.loadUserByUsername("cheffe.service")).userId();
        assertThat(web.get("/agenda?worker=" + head).statusCode()).isEqualTo(403);
        // A malformed date is answered like any malformed parameter of a page (the project's error page).
        assertThat(web.get("/agenda?date=26-03-2031").statusCode()).isIn(400, 404);
    }

    @Test
    void theAgendaQueryReachesTheWorkersAppointmentsThroughIndexesOnBothPaths() {
        // Sequential scans off, so the plan shows which conditions an index can serve even on a small
        // test database: with "worker or assignee" across two tables, the worker could not be an index
        // condition. (On volume the assignee path starts from measure_caseload_assignee_idx.)
        SingleConnectionDataSource connection = new SingleConnectionDataSource(server.jdbcUrl(),
                EmbeddedDatabaseProperties.OWNER_ROLE, "", true);
        try {
            JdbcClient owner = JdbcClient.create(connection);
            owner.sql("set enable_seqscan = off").update();
            String plan = String.join("\n", owner.sql("explain " + Agenda.ENTRIES_SQL)
                    .param("organisation", UUID.randomUUID()).param("worker", worker)
                    .param("from", Timestamp.from(Instant.parse("2031-03-23T23:00:00Z")))
                    .param("to", Timestamp.from(Instant.parse("2031-03-30T22:00:00Z")))
                    .query(String.class).list());

            assertThat(plan).containsPattern("Index Scan using appointment_worker_idx .*\\n *Index Cond: \\(.*worker_id = ")
                    .containsPattern("Index Scan using appointment_measure_idx .*\\n *Index Cond: \\(\\(measure_id = am\\.id\\)")
                    .doesNotContain("Seq Scan");
        } finally {
            connection.destroy();
        }
    }

    @Test
    void todayIsTheDateInParisByTheApplicationsClock() {
        // 22:30 UTC on Sunday 30 March 2031 is already Monday 31 March, 00:30, in Paris.
        Agenda late = new Agenda(null, null, Clock.fixed(Instant.parse("2031-03-30T22:30:00Z"), ZoneOffset.UTC), null);
        assertThat(late.today()).isEqualTo(LocalDate.of(2031, 3, 31));
    }

    private UUID measureOf(UUID assignee, String lastName) {
        SignedIn.as(users, "cheffe.service");
        UUID person = persons.create(new Persons.PersonData(lastName, "Agenda", LocalDate.of(1985, 5, 5), null, null,
                null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
        UUID id = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JLD", null, null, null,
                LocalDate.of(2026, 1, 5), null));
        measures.perform(id, MeasureAction.ASSIGN, new Measures.ActionInput(assignee, null, null, null));
        return id;
    }

    private UUID at(UUID measureId, LocalDateTime paris) {
        SignedIn.as(users, "cheffe.service");
        return appointments.schedule(measureId, new Appointments.Schedule(paris, 45, AppointmentKind.OFFICE, null));
    }

    private PasserelleUser as(String username) {
        return SignedIn.as(users, username);
    }

    private static List<UUID> ids(Agenda.Period period) {
        return period.days().stream().flatMap(d -> d.entries().stream()).map(Agenda.Entry::appointmentId).toList();
    }

    private static Agenda.Day day(Agenda.Period period, int dayOfMonth) {
        return period.days().stream().filter(d -> d.date().getDayOfMonth() == dayOfMonth).findFirst().orElseThrow();
    }
}
