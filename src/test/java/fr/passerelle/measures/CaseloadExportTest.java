package fr.passerelle.measures;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Exporting a caseload over HTTP: CSV for French Excel, formulas neutralised, audited. */
@PasserelleIntegrationTest
class CaseloadExportTest {

    @LocalServerPort
    int port;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void exportsTheUnassignedCaseloadWithFormulasNeutralised() throws Exception {
        PasserelleUser head = (PasserelleUser) users.loadUserByUsername("cheffe.service");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(head, null, head.getAuthorities()));
        try {
            UUID person = persons.create(new Persons.PersonData("=HYPERLINK(\"http://x\")", "Export", LocalDate.of(1990, 2, 2),
                    null, null, null, null, null, null, null, null), true);
            UUID type = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
            measures.create(person, new Measures.Mandate(type, "TJ-LYON", "PARQUET", null, null, null, LocalDate.now(TestDates.PARIS), null));
        } finally {
            SecurityContextHolder.clearContext();
        }

        WebClient web = new WebClient(port);
        web.signIn("cheffe.service", DemoAccounts.PASSWORD);
        HttpResponse<String> csv = web.get("/caseload/export?view=UNASSIGNED&format=CSV");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("portefeuille-unassigned-");
        assertThat(csv.body()).startsWith("\uFEFFRéférence;Nom;Type de mesure");
        assertThat(csv.body()).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK", ";\"=HYPERLINK");

        HttpResponse<String> xlsx = web.get("/caseload/export?view=UNASSIGNED&format=XLSX");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
        assertThat(OwnerSql.of(server).sql("select count(*) from audit_event where action = 'caseload.exported'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }
}
