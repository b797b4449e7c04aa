package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The ICS feed of a case worker: served behind its secret, without names, and revocable. */
@PasserelleIntegrationTest
class CalendarFeedsTest {

    @LocalServerPort
    int port;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    Appointments appointments;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void servesTheWorkersAppointmentsUntilTheAddressIsRevoked() throws Exception {
        PasserelleUser worker = as("intervenant");
        as("cheffe.service");
        UUID person = persons.create(new Persons.PersonData("Agenda", "Confidentiel", LocalDate.of(1980, 1, 1), null,
                null, null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JLD", null, null, null,
                LocalDate.now(TestDates.PARIS), null));
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        appointments.schedule(measure, new Appointments.Schedule(LocalDateTime.now(TestDates.PARIS).plusDays(2).withNano(0), 45,
                AppointmentKind.PRISON, "Maison d'arrêt"));
        String reference = measures.get(measure).reference();

        as("intervenant");
        String token = feeds.renew();
        WebClient anonymous = new WebClient(port);
        HttpResponse<String> ics = anonymous.get("/calendar/" + token + ".ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", reference, "En détention")
                .doesNotContain("Agenda", "Confidentiel");

        String renewed = feeds.renew();
        assertThat(anonymous.get("/calendar/" + token + ".ics").statusCode()).as("old address").isEqualTo(404);
        assertThat(anonymous.get("/calendar/" + renewed + ".ics").statusCode()).isEqualTo(200);
        feeds.revoke();
        assertThat(feeds.active()).isFalse();
        assertThat(anonymous.get("/calendar/" + renewed + ".ics").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/calendar/not-a-token.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void aHomeVisitLeavesWithoutTheAddressAndTheFeedIsNamed() throws Exception {
        PasserelleUser worker = as("intervenant");
        as("cheffe.service");
        UUID person = persons.create(new Persons.PersonData("Domicile", "Secret", LocalDate.of(1975, 3, 3), null,
                null, null, null, null, null, null, null), true);
        UUID type = catalogue.types().stream().filter(t -> t.code().equals("CJSE")).findFirst().orElseThrow().id();
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JLD", null, null, null,
                LocalDate.now(TestDates.PARIS), null));
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        appointments.schedule(measure, new Appointments.Schedule(LocalDateTime.now(TestDates.PARIS).plusDays(3).withNano(0), 60,
                AppointmentKind.HOME_VISIT, "12 rue des Tilleuls, 69003 Lyon"));
        appointments.schedule(measure, new Appointments.Schedule(LocalDateTime.now(TestDates.PARIS).plusDays(4).withNano(0), 30,
                AppointmentKind.OFFICE, "Antenne de Villeurbanne"));

        as("intervenant");
        String ics = new WebClient(port).get("/calendar/" + feeds.renew() + ".ics").body();
        feeds.revoke();

        assertThat(ics).doesNotContain("Tilleuls", "69003")
                .contains("LOCATION:Domicile de la personne (adresse dans Passerelle)", "LOCATION:Antenne de Villeurbanne")
                .contains("X-WR-CALNAME:Passerelle — entretiens", "NAME:Passerelle — entretiens");
    }

    private PasserelleUser as(String username) {
        return fr.passerelle.SignedIn.as(users, username);
    }
}
