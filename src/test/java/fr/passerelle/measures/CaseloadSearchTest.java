package fr.passerelle.measures;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.network.Courts;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The caseload's search by person name or measure reference, in every view, and the court pickers:
 * searchable, the association's own courts first, the others grouped by cour d'appel.
 */
@PasserelleIntegrationTest
class CaseloadSearchTest {

    @LocalServerPort
    int port;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    Courts courts;

    @Autowired
    EmbeddedPostgresServer server;

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
    void findsAPersonsMeasuresByNameOrReferenceInEveryView() throws Exception {
        PasserelleUser worker = (PasserelleUser) users.loadUserByUsername("intervenant");
        SignedIn.as(users, "cheffe.service");
        String last = "Quénouille" + IncidentsOnHomeAndCaseloadTest.name();
        UUID person = persons.create(new Persons.PersonData(last, "Éloïse", LocalDate.of(1988, 8, 8), null, null, null,
                null, null, null, null, null), true);
        UUID other = persons.create(new Persons.PersonData("Autre" + IncidentsOnHomeAndCaseloadTest.name(), "Personne",
                LocalDate.of(1988, 8, 8), null, null, null, null, null, null, null, null), true);
        LocalDate today = LocalDate.now(clock);
        UUID mine = measure(person, today, today.plusMonths(4));
        measures.perform(mine, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        UUID otherMine = measure(other, today, today.plusMonths(4));
        measures.perform(otherMine, MeasureAction.ASSIGN, new Measures.ActionInput(worker.userId(), null, null, null));
        UUID unassigned = measure(person, today.minusDays(1), today.plusMonths(4));
        UUID late = measure(person, today.minusDays(60), today.minusDays(2));
        Map<UUID, String> references = measures.references(List.of(mine, otherMine));
        String reference = references.get(mine);
        SecurityContextHolder.clearContext();

        JdbcClient owner = OwnerSql.of(server);
        UUID service = owner.sql("select id from service where organisation_id = ? order by name limit 1")
                .param(worker.organisationId()).query(UUID.class).single();
        UUID serviceBefore = owner.sql("select service_id from app_user where id = ?").param(worker.userId())
                .query(UUID.class).optional().orElse(null);
        owner.sql("update app_user set service_id = ? where id = ?").param(service).param(worker.userId()).update();
        try {
            WebClient web = new WebClient(port);
            web.signIn("intervenant", DemoAccounts.PASSWORD);
            String byName = "quenouille" + last.substring("Quénouille".length());
            assertThat(rows(web, "MINE", byName)).containsExactly(mine);
            assertThat(rows(web, "SERVICE", byName)).containsExactly(mine);
            assertThat(rows(web, "UNASSIGNED", byName)).containsExactlyInAnyOrder(unassigned, late);
            assertThat(rows(web, "LATE", byName)).containsExactly(late);
            assertThat(rows(web, "ALL", byName)).containsExactlyInAnyOrder(mine, unassigned, late);
            assertThat(rows(web, "ALL", "eloise " + byName)).containsExactlyInAnyOrder(mine, unassigned, late);

            assertThat(rows(web, "ALL", reference)).containsExactly(mine);
            assertThat(rows(web, "ALL", reference.toLowerCase())).containsExactly(mine);
            assertThat(rows(web, "MINE", reference.substring(2))).containsExactly(mine);
            assertThat(rows(web, "UNASSIGNED", reference)).isEmpty();
            assertThat(rows(web, "MINE", "")).contains(mine, otherMine);

            String page = web.get("/caseload?view=MINE&q=" + byName).body();
            assertThat(page).contains("value=\"" + byName + "\"", "href=\"/caseload?view=ALL&amp;q=" + byName + "\"")
                    .containsPattern("/caseload/export\\?view=MINE[^\"]*&amp;q=" + byName);
            assertThat(web.get("/caseload/export?view=ALL&format=CSV&q=" + byName).body())
                    .contains(reference).doesNotContain(references.get(otherMine));
            assertThat(web.get("/caseload?view=MINE&q=Personne" + "Introuvable").body())
                    .contains("Aucune mesure de cette vue ne correspond à ces critères.");

            String deadlines = web.get("/caseload/deadlines").body();
            assertThat(deadlines).contains("id=\"deadlines-search\"", "action=\"/caseload\"",
                    "<input type=\"hidden\" name=\"view\" value=\"LATE\">", "name=\"q\"");
        } finally {
            owner.sql("update app_user set service_id = ? where id = ?").param(serviceBefore).param(worker.userId()).update();
        }
    }

    @Test
    void theCourtPickersOfferTheAssociationsCourtsFirstThenGroupByCourtOfAppeal() throws Exception {
        PasserelleUser head = SignedIn.as(users, "cheffe.service");
        UUID person = persons.create(new Persons.PersonData("Tribunal" + IncidentsOnHomeAndCaseloadTest.name(), "Choix",
                LocalDate.of(1979, 9, 9), null, null, null, null, null, null, null, null), true);
        measure(person, LocalDate.now(clock), null);
        UUID ep = type("EP");
        SecurityContextHolder.clearContext();
        JdbcClient owner = OwnerSql.of(server);
        List<String> inUse = owner.sql("select distinct court_code from measure where organisation_id = ?")
                .param(head.organisationId()).query(String.class).list();
        // The association's own courts: those its measures come from and those its network profile covers.
        java.util.Set<String> own = new java.util.HashSet<>(inUse);
        own.addAll(owner.sql("select court_code from association_profile_court where organisation_id = ?")
                .param(head.organisationId()).query(String.class).list());
        List<Courts.CourtOfAppeal> cours = courts.courtsOfAppeal();
        long courtCount = OwnerSql.of(server).sql("select count(*) from judicial_court").query(Long.class).single();

        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        String form = web.get("/persons/" + person + "/measures/new").body();
        String picker = form.substring(form.indexOf("<select class=\"form-select\" id=\"courtCode\""));
        picker = picker.substring(0, picker.indexOf("</select>"));
        List<String> groups = labels(picker);
        assertThat(groups.get(0)).isEqualTo("Vos juridictions");
        assertThat(options(group(picker, 0))).containsExactlyInAnyOrderElementsOf(own).contains("TJ-LYON");
        List<String> expectedOrder = cours.stream().map(Courts.CourtOfAppeal::name)
                .filter(groups::contains).toList();
        assertThat(groups.subList(1, groups.size())).containsExactlyElementsOf(expectedOrder);
        List<String> all = options(picker);
        assertThat(all).doesNotHaveDuplicates().hasSize((int) courtCount);
        assertThat(form).contains("data-court-filter=\"courtCode\"", "/js/court-picker.js");
        for (int i = 1; i < groups.size(); i++) {
            assertThat(options(group(picker, i))).as(groups.get(i)).isNotEmpty().doesNotContainAnyElementsOf(own);
        }

        // The caseload's filter offers the courts the association's measures come from, by cour d'appel.
        String caseload = web.get("/caseload?view=ALL").body();
        String filter = caseload.substring(caseload.indexOf("<select class=\"form-select\" id=\"court\""));
        filter = filter.substring(0, filter.indexOf("</select>"));
        assertThat(options(filter)).containsExactlyInAnyOrderElementsOf(inUse);
        assertThat(labels(filter)).doesNotContain("Vos juridictions")
                .containsExactlyElementsOf(cours.stream().map(Courts.CourtOfAppeal::name).filter(labels(filter)::contains).toList());
        assertThat(caseload).contains("data-court-filter=\"court\"");

        // Sending the picker's choice still creates the measure (the select is a plain form field).
        web.submit(form, "/persons/" + person + "/measures", Map.of("measureTypeId", ep.toString(),
                "courtCode", "TJ-BOBIGNY", "prescriberType", "PARQUET", "receivedOn", LocalDate.now(clock).toString()));
        String again = web.get("/persons/" + person + "/measures/new").body();
        String ownAgain = group(again.substring(again.indexOf("id=\"courtCode\"")), 0);
        assertThat(options(ownAgain)).contains("TJ-BOBIGNY", "TJ-LYON");
    }

    private static List<UUID> rows(WebClient web, String view, String q) throws Exception {
        return IncidentsOnHomeAndCaseloadTest.allRows(web,
                "/caseload?view=" + view + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static List<String> labels(String select) {
        List<String> labels = new ArrayList<>();
        Matcher m = Pattern.compile("<optgroup label=\"([^\"]+)\"").matcher(select);
        while (m.find()) {
            labels.add(m.group(1).replace("&#39;", "'"));
        }
        return labels;
    }

    /** The HTML of the n-th optgroup. */
    private static String group(String select, int n) {
        String[] parts = select.split("<optgroup ");
        String part = parts[n + 1];
        return part.substring(0, part.indexOf("</optgroup>"));
    }

    private static List<String> options(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<option value=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private UUID measure(UUID person, LocalDate received, LocalDate due) {
        return measures.create(person, new Measures.Mandate(type("EP"), "TJ-LYON", "PARQUET", null, null, null,
                received, due));
    }

    private UUID type(String code) {
        return catalogue.types().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().id();
    }
}
