package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.AppointmentKind;
import fr.passerelle.measures.Appointments;
import fr.passerelle.measures.Attendance;
import fr.passerelle.measures.Billing;
import fr.passerelle.measures.MeasureAction;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.web.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A server whose zone is Honolulu (UTC−10) shows Paris dates: the application runs just after
 * midnight in Paris, when Honolulu (and UTC) are still on the previous day, and every "today" and
 * every time shown is the Paris one.
 *
 * <p>The JVM's default zone is set when this class is initialised, before its own Spring context
 * starts (the context, with its database connections opened in that zone, is closed after the
 * class), and restored afterwards for the other test classes of the JVM.
 */
@PasserelleIntegrationTest
@Import(ServerZoneTest.JustAfterMidnightInParis.class)
@DirtiesContext
class ServerZoneTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    private static final TimeZone SERVER_ZONE = TimeZone.getDefault();

    static {
        TimeZone.setDefault(TimeZone.getTimeZone(HONOLULU));
    }

    @AfterAll
    static void restoreTheServerZone() {
        TimeZone.setDefault(SERVER_ZONE);
    }

    /** The real clock moved forward to the next 00:05 in Paris: Paris is a day ahead of Honolulu until 11:00. */
    @TestConfiguration(proxyBeanMethods = false)
    static class JustAfterMidnightInParis {

        @Bean
        @Primary
        Clock justAfterMidnightInParis() {
            Instant now = Instant.now();
            Instant target = LocalDate.now(PARIS).plusDays(1).atTime(LocalTime.of(0, 5)).atZone(PARIS).toInstant();
            return Clock.offset(Clock.system(PARIS), Duration.between(now, target));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Billing billing;

    @Autowired
    Appointments appointments;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void pagesAndServicesTakeTodayAndShowTimesInParisOnAServerInHonolulu() throws Exception {
        LocalDate paris = LocalDate.ofInstant(clock.instant(), PARIS);
        LocalDate honolulu = LocalDate.ofInstant(clock.instant(), HONOLULU);
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(HONOLULU);
        assertThat(LocalDate.now(clock)).isEqualTo(paris);
        assertThat(honolulu).as("the server's day is still the previous one").isEqualTo(paris.minusDays(1));

        SignedIn.as(users, "cheffe.service");
        // Born "today" in Paris: not in the future, although it is still yesterday on the server.
        UUID person = persons.create(new Persons.PersonData("Fuseau", "Horaire", paris, null, null, null, null, null,
                null, null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON",
                "PARQUET", null, null, null, paris, null));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));

        WebClient head = new WebClient(port);
        head.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String measurePage = head.get("/measures/" + measure).body();
        assertThat(value(measurePage, "start-date")).isEqualTo(paris.toString());
        assertThat(measurePage).contains(paris.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 00:");
        String personPage = head.get("/persons/" + person).body();
        assertThat(value(personPage, "consent-given")).isEqualTo(paris.toString());
        assertThat(value(head.get("/persons/" + person + "/measures/new").body(), "receivedOn"))
                .isEqualTo(paris.toString());

        SignedIn.as(users, "directrice");
        UUID statement = billing.generate("TJ-LYON", YearMonth.of(2001, 2));
        WebClient director = new WebClient(port);
        director.signIn("directrice", DemoAccounts.PASSWORD);
        String billingPage = director.get("/billing/" + statement).body();
        assertThat(billingPage).contains(paris.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 00:")
                .doesNotContain(honolulu.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 13:");
        assertThat(value(billingPage, "sentOn")).isEqualTo(paris.toString());
    }

    @Test
    void anInterviewHeldJustAfterMidnightInParisStartsTheMeasureOnThatParisDay() {
        LocalDate paris = LocalDate.now(clock);
        SignedIn.as(users, "cheffe.service");
        UUID person = persons.create(new Persons.PersonData("Minuit", "Entretien", LocalDate.of(1985, 1, 1), null, null,
                null, null, null, null, null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(catalogue.types().get(0).id(), "TJ-LYON",
                "PARQUET", null, null, null, paris.minusDays(3), null));
        UUID worker = ((PasserelleUser) users.loadUserByUsername("intervenant")).userId();
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker, null, null, null));
        UUID interview = appointments.schedule(measure, new Appointments.Schedule(paris.atTime(0, 1), 30,
                AppointmentKind.PHONE, null));

        appointments.recordAttendance(interview, Attendance.PRESENT, null);

        List<Measures.Step> timeline = measures.timeline(measure);
        assertThat(timeline.get(timeline.size() - 1).effectiveOn())
                .as("the interview's Paris day, not the day of the real clock").isEqualTo(paris);
    }

    /** The value of the input with this id. */
    private static String value(String html, String id) {
        Matcher m = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*id=\""
                + id + "\"").matcher(html);
        assertThat(m.find()).as("input " + id).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
