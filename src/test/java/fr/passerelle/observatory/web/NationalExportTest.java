package fr.passerelle.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.SignedIn;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.observatory.Dimension;
import fr.passerelle.observatory.NationalObservatory;
import fr.passerelle.observatory.ObservatoryFeed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The national observatory's exports say what they hold — period, filters and breakdown in their
 * name and in a header block — and give counts as numbers: numeric cells in XLSX, bare digits in
 * CSV. Measures of 2009 at Lyon (no other test uses that year).
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class NationalExportTest {

    private static final String QUERY = "from=2009-01&to=2009-12&region=AUVERGNE-RHONE-ALPES&type=EP&by=TRIBUNAL";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    @Autowired
    Persons persons;

    @Autowired
    Measures measures;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    ObservatoryFeed feed;

    @Autowired
    NationalObservatory observatory;

    @Test
    void theExportsCarryTheirFiltersAndGiveCountsAsNumbers() throws Exception {
        SignedIn.as(users, "intervenant");
        try {
            UUID person = persons.create(new Persons.PersonData("Export", "National", LocalDate.of(1985, 6, 6), null,
                    null, null, null, null, null, null, null), true);
            UUID ep = catalogue.types().stream().filter(t -> t.code().equals("EP")).findFirst().orElseThrow().id();
            for (int day = 1; day <= 9; day++) {
                measures.create(person, new Measures.Mandate(ep, "TJ-LYON", "PARQUET", null, null, null,
                        LocalDate.of(2009, 3, day), null));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        feed.refresh();
        NationalObservatory.Result result = observatory.compute(YearMonth.of(2009, 1), YearMonth.of(2009, 12),
                new NationalObservatory.Filters("AUVERGNE-RHONE-ALPES", null, null, null, null, "EP"), Dimension.TRIBUNAL);
        int lyon = result.lines().stream().map(NationalObservatory.Line::key).toList().indexOf("TJ-LYON");
        Long published = result.received().cell(lyon);
        assertThat(published).isBetween(7L, 11L);
        String lyonLabel = result.lines().get(lyon).label();

        MvcResult xlsx = export("XLSX");
        assertThat(xlsx.getResponse().getHeader("Content-Disposition"))
                .contains("observatoire-2009-01-2009-12-par-tribunal-region-auvergne-rhone-alpes-type-ep.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Observatoire national");
            assertThat(value(rows, "Période")).isEqualTo("2009-01 – 2009-12");
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(1)).isEqualTo("Auvergne-Rhône-Alpes"));
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(1)).startsWith("Enquête de personnalité"));
            assertThat(value(rows, "Ventilation")).isEqualTo("Tribunal judiciaire");
            Row line = rows.stream().filter(r -> lyonLabel.equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(line.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(line.getCell(1).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(published));
            Row total = rows.stream().filter(r -> "Total".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(total.getCell(1).getType()).isEqualTo(CellType.NUMBER);
        }

        MvcResult csvResult = export("CSV");
        assertThat(csvResult.getResponse().getHeader("Content-Disposition"))
                .contains("observatoire-2009-01-2009-12-par-tribunal-region-auvergne-rhone-alpes-type-ep.csv");
        String csv = new String(csvResult.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Période;2009-01 – 2009-12", ";Auvergne-Rhône-Alpes", "Ventilation;Tribunal judiciaire");
        String csvLine = csv.lines().filter(l -> l.startsWith(lyonLabel + ";")).findFirst().orElseThrow();
        assertThat(csvLine).startsWith(lyonLabel + ";" + published + ";").doesNotContain("\"");
        assertThat(csvLine.split(";")[1]).matches("\\d+");
    }

    private static String value(List<Row> rows, String name) {
        return rows.stream().filter(r -> name.equals(r.getCellText(0))).findFirst().orElseThrow().getCellText(1);
    }

    private MvcResult export(String format) throws Exception {
        PasserelleUser staff = (PasserelleUser) users.loadUserByUsername("equipe.federale");
        return mvc.perform(get("/observatory/national/export?format=" + format + "&" + QUERY).locale(Locale.FRENCH)
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(staff, null,
                        staff.getAuthorities())))).andReturn();
    }
}
