package fr.passerelle.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.SignedIn;
import fr.passerelle.TestDates;
import fr.passerelle.partners.GivenPartners;
import fr.passerelle.measures.FollowUp;
import fr.passerelle.measures.MeasureCatalogue;
import fr.passerelle.measures.Measures;
import fr.passerelle.measures.Persons;
import fr.passerelle.partners.GivenReferrals;
import fr.passerelle.partners.ReferralFigures;
import fr.passerelle.partners.Referrals;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partners section of the association dashboard over HTTP, for the demo director: a site of a
 * new partner of the association with two places, one of them booked ten days of March 2026, shows
 * its occupancy by month and over the period, as a chart and a table, and in the dashboard's export;
 * a user who may read the indicators but not the partners gets no section.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class PartnersDashboardWebTest {

    private static final String PERIOD = "from=2026-03-01&to=2026-04-30";

    @Autowired MockMvc mvc;
    @Autowired ReferralFigures referralFigures;
    @Autowired Referrals referrals;
    @Autowired Persons persons;
    @Autowired Measures measures;
    @Autowired MeasureCatalogue catalogue;
    @Autowired FollowUp followUp;
    @Autowired EmbeddedPostgresServer server;

    @Autowired
    @Qualifier("loginLookup")
    UserDetailsService users;

    PasserelleUser director;
    String site;

    @BeforeEach
    void givenASiteBookedTenDaysOfMarch() {
        director = (PasserelleUser) users.loadUserByUsername("directrice");
        GivenPartners given = GivenPartners.owner(OwnerSql.of(server), director.organisationId());
        String partner = "CHRS Tableau " + UUID.randomUUID();
        UUID siteId = given.site(given.partner(partner, "CHRS"), "Foyer");
        UUID first = given.place(siteId, "1", false);
        given.place(siteId, "2", false);
        given.booking(first, "CONFIRMED", "2026-03-01", "2026-03-11", null, null);
        site = partner + " – Foyer";
    }

    @Test
    void theDirectorSeesTheOccupancyOfEachSiteByMonthAndTheLevelsByTypeAsChartsAndTables() throws Exception {
        String html = page(director.getAuthorities(), "/indicators?" + PERIOD);

        assertThat(html).contains("id=\"partners-figures\"", "id=\"partners-occupancy-chart\"",
                "id=\"partners-levels-chart\"", "Taux d’occupation des sites partenaires");
        String row = html.substring(html.indexOf(">" + site + "</th>"));
        row = row.substring(0, row.indexOf("</tr>"));
        // March: 10 of 62 place-days; April: none of 60; the period: 10 of 122.
        assertThat(cells(row)).containsExactly("CHRS", "16,1 %", "0 %", "8,2 %");
        String levels = html.substring(html.indexOf("id=\"partners-levels-table\""));
        assertThat(levels.substring(0, levels.indexOf("</table>"))).contains(">CHRS</th>");

        String csv = new String(mvc.perform(get("/indicators/export?format=CSV&" + PERIOD)
                        .with(authentication(token(director.getAuthorities()))).locale(Locale.FRENCH))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Taux d’occupation des sites partenaires", "Partenaires par type et niveau de partenariat")
                .contains(site + ";CHRS;16,1 %;0 %;8,2 %;122;10");
    }

    @Test
    void theSectionCountsTheReferralsOfThePeriodByPartnerTypeOnThePageAndInTheExport() throws Exception {
        LocalDate to = LocalDate.now(TestDates.PARIS);
        LocalDate from = to.minusMonths(6).withDayOfMonth(1);
        ReferralFigures.Figures expected;
        PasserelleUser worker = SignedIn.as(users, "intervenant");
        try {
            GivenReferrals given = new GivenReferrals(server, persons, measures, catalogue, followUp);
            UUID partner = given.partner(worker.organisationId(), "CSAPA Tableau " + UUID.randomUUID(), "CSAPA");
            referrals.send(new Referrals.Request(partner, null, given.person("Tableau"), null, "Soins",
                    EnumSet.of(Referrals.Section.IDENTITY), to, false));
            expected = referralFigures.of(from, to);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(expected.byType()).extracting(ReferralFigures.Line::partnerType).contains("CSAPA");
        String period = "from=" + from + "&to=" + to;

        String html = page(director.getAuthorities(), "/indicators?" + period);

        String section = html.substring(html.indexOf("id=\"referral-figures\""));
        String total = section.substring(section.indexOf("data-type=\"ALL\""));
        assertThat(cells(total.substring(0, total.indexOf("</tr>"))).get(0))
                .isEqualTo(String.valueOf(expected.total().sent()));
        String csv = new String(mvc.perform(get("/indicators/export?format=CSV&" + period)
                        .with(authentication(token(director.getAuthorities()))).locale(Locale.FRENCH))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Orientations par type de partenaire")
                .contains("Tous types;" + expected.total().sent() + ";" + expected.total().accepted() + ";");
    }

    @Test
    void aReaderOfIndicatorsWhoMayNotReadPartnersGetsNoPartnersSection() throws Exception {
        List<GrantedAuthority> withoutPartners = director.getAuthorities().stream()
                .filter(a -> !a.getAuthority().equals("partner:read")).map(a -> (GrantedAuthority) a).toList();

        String html = page(withoutPartners, "/indicators?" + PERIOD);

        assertThat(html).contains("id=\"figures\"").doesNotContain("partners-figures", site);
    }

    private String page(Collection<? extends GrantedAuthority> authorities, String path) throws Exception {
        return mvc.perform(get(path).with(authentication(token(authorities))).locale(Locale.FRENCH)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private UsernamePasswordAuthenticationToken token(Collection<? extends GrantedAuthority> authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(director, null, authorities);
    }

    private static List<String> cells(String row) {
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
        List<String> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(m.group(1));
        }
        return cells;
    }
}
