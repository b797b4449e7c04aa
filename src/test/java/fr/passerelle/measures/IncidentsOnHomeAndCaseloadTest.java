package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.TenantContext;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Incidents over HTTP: an unexcused absence offers to record an incident (and records none by
 * itself), urgent incidents not yet reported are on the home page and marked and filterable in the
 * caseload, and every counter of the home page links to the list it counts.
 */
@PasserelleIntegrationTest
public class IncidentsOnHomeAndCaseloadTest {

    private static final Pattern ROW_MEASURE = Pattern.compile("<tr>\\s*<td><a href=\"/measures/([0-9a-f-]{36})\"");
    private static final Pattern NEXT_PAGE = Pattern.compile("href=\"([^\"]+)\"\\s+id=\"next-page\"|id=\"next-page\"\\s+href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

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
    @Qualifier("loginLookup")
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnexcusedAbsenceOffersAPrefilledIncidentAndRecordsNoneByItself() throws Exception {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        UUID measure = aMeasureOf(worker, "TIG", name());
        LocalDateTime at = LocalDate.now(clock).minusDays(3).atTime(10, 30);
        UUID absent = appointments.schedule(measure, new Appointments.Schedule(at, 60, AppointmentKind.OFFICE, null));
        UUID excused = appointments.schedule(measure,
                new Appointments.Schedule(at.minusDays(7), 60, AppointmentKind.PHONE, null));
        SecurityContextHolder.clearContext();

        WebClient web = new WebClient(port);
        web.signIn("intervenant", DemoAccounts.PASSWORD);
        String page = web.get("/measures/" + measure).body();
        HttpResponse<String> excusedAnswer = web.submit(page, "/appointments/" + excused + "/attendance",
                Map.of("attendance", "EXCUSED_ABSENCE"));
        assertThat(WebClient.location(excusedAnswer)).endsWith("/measures/" + measure);
        assertThat(web.get("/measures/" + measure).body()).doesNotContain("absence-prompt-");

        HttpResponse<String> recorded = web.submit(page, "/appointments/" + absent + "/attendance",
                Map.of("attendance", "UNEXCUSED_ABSENCE"));
        assertThat(WebClient.location(recorded)).endsWith("/measures/" + measure);
        String after = web.get("/measures/" + measure).body();
        String link = "/measures/" + measure + "?absence=" + absent + "#record-incident";
        assertThat(after).contains("id=\"absence-prompt-" + absent + "\"", "role=\"alert\"",
                "Absence non excusée : s’agit-il d’un manquement à signaler au magistrat ?", "href=\"" + link + "\"");
        assertThat(incidentsOf(measure)).isEmpty();
        // The prompt stays offered (without the alert) on later visits while no incident is recorded.
        String later = web.get("/measures/" + measure).body();
        assertThat(later).contains("id=\"absence-prompt-" + absent + "\"", "href=\"" + link + "\"")
                .doesNotContain("s’agit-il d’un manquement");

        String form = web.get("/measures/" + measure + "?absence=" + absent).body();
        String recordForm = form.substring(form.indexOf("id=\"record-incident\""));
        assertThat(recordForm).contains("value=\"" + at.toLocalDate() + "\"")
                .containsPattern("<option value=\"ABSENCE\"\\s+selected=\"selected\">")
                .contains("Absence non excusée à l’entretien du "
                        + at.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")) + " (Au bureau).</textarea>");
        assertThat(incidentsOf(measure)).isEmpty();

        HttpResponse<String> incident = web.submit(form, "/measures/" + measure + "/incidents", Map.of(
                "occurredOn", at.toLocalDate().toString(), "kind", "ABSENCE",
                "description", "Absence non excusée à l’entretien."));
        assertThat(WebClient.location(incident)).endsWith("/measures/" + measure);
        assertThat(incidentsOf(measure)).extracting(FollowUp.Incident::kind, FollowUp.Incident::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentKind.ABSENCE, at.toLocalDate()));
        assertThat(web.get("/measures/" + measure).body()).doesNotContain("absence-prompt-");
    }

    @Test
    void urgentIncidentsNotReportedAreOnTheHomePageAndMarkedAndFilteredInTheCaseload() throws Exception {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        String name = name();
        UUID urgent = aMeasureOf(worker, "TIG", name);
        UUID minor = aMeasureOf(worker, "TIG", name);
        UUID reported = aMeasureOf(worker, "TIG", name);
        LocalDate today = LocalDate.now(clock);
        followUp.recordIncident(urgent, today.minusDays(2), IncidentKind.NEW_OFFENCE, "Interpellé pour un vol.");
        followUp.recordIncident(urgent, today.minusDays(1), IncidentKind.NEW_OFFENCE, "Nouvelle interpellation.");
        followUp.recordIncident(minor, today.minusDays(1), IncidentKind.OTHER, "Retard répété.");
        UUID told = followUp.recordIncident(reported, today.minusDays(1), IncidentKind.NEW_OFFENCE, "Vol.");
        followUp.report(told, "JAP");
        Map<UUID, String> references = measures.references(List.of(urgent, minor, reported));
        SecurityContextHolder.clearContext();

        WebClient web = new WebClient(port);
        web.signIn("intervenant", DemoAccounts.PASSWORD);
        assertThat(web.get("/").body()).contains("Incidents urgents à signaler", "hx-get=\"/caseload/urgent-incidents\"");
        String card = web.get("/caseload/urgent-incidents").body();
        assertThat(card).doesNotContain(references.get(minor), references.get(reported));
        int counted = number(card, "id=\"urgent-incidents-count\"");
        assertThat((long) counted).isEqualTo(TenantContext.callAs(worker.organisationId(),
                () -> followUp.measuresWithUnreportedIncidents(true)));
        String list = card.substring(card.indexOf("id=\"urgent-incidents-list\""));
        assertThat(list.split("<li>", -1).length - 1).isEqualTo(Math.min(counted, 5)); // the home page lists five at most

        List<UUID> urgentList = allRows(web, href(card, "id=\"urgent-incidents-count\""));
        assertThat(urgentList).hasSize(counted).contains(urgent).doesNotContain(minor, reported);
        assertThat(allRows(web, "/caseload?view=ALL&incidents=UNREPORTED&q=" + name))
                .containsExactlyInAnyOrder(urgent, minor);

        // The row of a measure with an urgent incident is marked (and links to its incidents).
        String mine = web.get("/caseload?view=MINE&q=" + name).body();
        assertThat(mine).contains("href=\"/measures/" + urgent + "#incidents-card\"", "Incident urgent à signaler")
                .doesNotContain("href=\"/measures/" + minor + "#incidents-card\"")
                .doesNotContain("href=\"/measures/" + reported + "#incidents-card\"");
    }

    @Test
    void everyCounterOfTheHomePageLinksToTheListItCounts() throws Exception {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        UUID measure = aMeasureOf(worker, "TIG", name());
        followUp.recordIncident(measure, LocalDate.now(clock), IncidentKind.OTHER, "Retard.");
        UUID report = reports.create(measure, ReportKind.INCIDENT);
        reports.save(report, "Rapport d’incident.");
        reports.move(report, fr.passerelle.measures.ReportStatus.Move.SUBMIT, null, null);
        SecurityContextHolder.clearContext();

        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String summary = web.get("/caseload/summary").body();
        Matcher links = Pattern.compile("<a href=\"(/caseload\\?[^\"]+)\"[^>]*>([^<]*\\d[^<]*)</a>").matcher(summary);
        List<String> checked = new ArrayList<>();
        while (links.find()) {
            String target = links.group(1).replace("&amp;", "&");
            int count = Integer.parseInt(links.group(2).replaceAll("\\D+", " ").trim().split(" ")[0]);
            assertThat(allRows(web, target)).as(links.group(2)).hasSize(count);
            checked.add(target);
        }
        assertThat(checked).contains("/caseload?view=MINE", "/caseload?view=UNASSIGNED", "/caseload?view=LATE",
                "/caseload?view=ALL&incidents=UNREPORTED");

        String card = web.get("/caseload/urgent-incidents").body();
        if (!card.contains("Aucun incident urgent")) {
            assertThat(allRows(web, href(card, "id=\"urgent-incidents-count\"")))
                    .hasSize(number(card, "id=\"urgent-incidents-count\""));
        }

        String validation = web.get("/reports/queue/summary").body();
        assertThat(href(validation, "id=\"validation-count\"")).isEqualTo("/reports/queue");
        String queue = web.get("/reports/queue").body();
        String rows = queue.substring(queue.indexOf("<tbody>"), queue.indexOf("</tbody>"));
        assertThat(rows.split("<tr>", -1).length - 1).isEqualTo(number(validation, "id=\"validation-count\""));
    }

    /** The measures listed at a caseload address, page after page. */
    static List<UUID> allRows(WebClient web, String address) throws Exception {
        List<UUID> ids = new ArrayList<>();
        String next = address;
        while (next != null) {
            HttpResponse<String> page = web.get(next);
            assertThat(page.statusCode()).as(next).isEqualTo(200);
            Matcher row = ROW_MEASURE.matcher(page.body());
            while (row.find()) {
                ids.add(UUID.fromString(row.group(1)));
            }
            Matcher more = NEXT_PAGE.matcher(page.body());
            next = more.find() ? (more.group(1) != null ? more.group(1) : more.group(2)).replace("&amp;", "&") : null;
        }
        return ids;
    }

    /** The address of the link with this attribute. */
    private static String href(String html, String attribute) {
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\" " + Pattern.quote(attribute)).matcher(html);
        assertThat(m.find()).as(attribute).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** The first number in the text of the element with this attribute. */
    private static int number(String html, String attribute) {
        Matcher m = Pattern.compile(Pattern.quote(attribute) + "[^>]*>\\D*(\\d+)").matcher(html);
        assertThat(m.find()).as(attribute).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private List<FollowUp.Incident> incidentsOf(UUID measure) {
        SignedIn.as(users, "intervenant");
        try {
            return followUp.incidents(measure);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An open measure of a new person, assigned to the worker (signed in as one who may create it). */
    private UUID aMeasureOf(PasserelleUser worker, String typeCode, String lastName) {
        UUID type = catalogue.types().stream().filter(t -> t.code().equals(typeCode)).findFirst().orElseThrow().id();
        UUID person = persons.create(new Persons.PersonData(lastName, "Incident", LocalDate.of(1990, 5, 5), null, null,
                null, null, null, null, null, null), true);
        UUID measure = measures.create(person, new Measures.Mandate(type, "TJ-LYON", "JAP", null, null, null,
                LocalDate.now(clock).minusDays(10), LocalDate.now(clock).plusMonths(6)));
        measures.perform(measure, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        return measure;
    }

    /** A last name no other test uses. */
    public static String name() {
        StringBuilder name = new StringBuilder("Zeph");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }
}
