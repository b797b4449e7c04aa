package fr.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Lyon demo directory through the web: its ~40 partners over every type, the export (CSV and
 * XLSX, with the list's filters) and the REST API (search, a partner's card, problem details).
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PartnerDirectoryWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Test
    void theLyonDemoAssociationHasAboutFortyPartnersOverEveryTypeWithItsCHRS() throws Exception {
        String all = body(call("/api/v1/partners?page=0", "intervenant"));
        // 40 demo partners (other tests of the run may add theirs).
        assertThat(Integer.parseInt(all.replaceAll("(?s).*\"total\":(\\d+).*", "$1"))).isGreaterThanOrEqualTo(40);
        for (String type : PartnerDirectory.TYPES) {
            assertThat(body(call("/api/v1/partners?type=" + type, "intervenant"))).as(type).doesNotContain("\"total\":0");
        }
        String chrs = body(call("/api/v1/partners?q=relais lyon 7e", "intervenant"));
        assertThat(chrs).contains("\"name\":\"CHRS Le Relais – Lyon 7e\"", "\"level\":4", "\"total\":1");
    }

    @Test
    void theApiGivesAPartnersCardAndAProblemForAnUnknownOne() throws Exception {
        String found = body(call("/api/v1/partners?q=relais lyon 7e", "intervenant"));
        String id = found.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String card = body(call("/api/v1/partners/" + id, "intervenant"));
        assertThat(card).contains("\"type\":\"CHRS\"", "\"departementCode\":\"69\"", "\"postcode\":\"69007\"",
                "\"fullName\":\"Sophie Marchand\"", "\"currentLevel\":{", "\"level\":4");

        MvcResult unknown = call("/api/v1/partners/" + UUID.randomUUID(), "intervenant");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(call("/api/v1/partners", "admin.asso").getResponse().getStatus()).isEqualTo(403);
        assertThat(body(call("/v3/api-docs", "intervenant"))).contains("\"/api/v1/partners\"", "\"/api/v1/partners/{id}\"");
    }

    @Test
    void exportsTheFilteredDirectoryAsCsvAndXlsx() throws Exception {
        MvcResult csv = call("/partners/export?q=lyon 7e&type=CHRS&format=CSV", "intervenant");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("partenaires-", ".csv");
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).contains("Nom;Type de structure;Niveau de partenariat");
        assertThat(lines).hasSize(2);
        assertThat(text).contains("CHRS Le Relais – Lyon 7e", "4 – Travail conjoint", "Foyer Gerland, 28 rue de Gerland, 69007, Lyon",
                "Sophie Marchand, Cheffe de service").doesNotContain("CAARUD");

        MvcResult xlsx = call("/partners/export?q=mission locale&format=XLSX", "cheffe.service");
        List<String> names = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            for (Row row : book.getFirstSheet().read()) {
                names.add(row.getCellText(0));
            }
        }
        // The demo's missions locales, in name order; other tests and the demo conventions may add more.
        assertThat(names.get(0)).isEqualTo("Nom");
        assertThat(names.subList(1, names.size())).allMatch(name -> name.startsWith("Mission locale"))
                .contains("Mission locale de Lyon – Confluence", "Mission locale de Vénissieux",
                        "Mission locale de Villeurbanne");
    }

    private MvcResult call(String path, String username) throws Exception {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        return mvc.perform(get(path).with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
