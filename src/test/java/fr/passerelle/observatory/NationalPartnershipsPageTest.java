package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.observatory.suppression.CellKeyPerturbation;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import fr.passerelle.web.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partnerships section of the national observatory page, for federation staff, from the facts
 * of {@link NationalPartnershipsTest} (written as the owner, removed afterwards): the region of eight
 * associations with its exact rate and perturbed count, the region of two not listed, the whole
 * network's rate, and no association's name.
 */
@PasserelleIntegrationTest
class NationalPartnershipsPageTest {

    @LocalServerPort int port;
    @Autowired EmbeddedPostgresServer server;
    @Autowired RecordKeySecret secret;

    JdbcClient owner;
    List<UUID> north = new ArrayList<>();
    List<UUID> south = new ArrayList<>();
    List<UUID> created = new ArrayList<>();

    @BeforeEach
    void givenTheFactsOfTwoRegions() {
        owner = OwnerSql.of(server);
        created.add(NationalPartnershipsTest.givenTheFactsOfTwoRegions(owner, north, south));
        created.addAll(north);
        created.addAll(south);
        NationalPartnershipsTest.level(owner, north.get(0), "CHRS", 4, 12, 4242);
    }

    @AfterEach
    void removeThem() {
        for (UUID a : created) {
            owner.sql("delete from obs_partner_level where organisation_id = ?").param(a).update();
            owner.sql("delete from obs_partner_occupancy where organisation_id = ?").param(a).update();
            owner.sql("delete from organisation where id = ?").param(a).update();
        }
        // Other tests count the network's regions: the two of this test go too.
        owner.sql("delete from network_region where code in ('T16-NORD', 'T16-SUD')").update();
    }

    @Test
    void federationStaffSeeTheRegionsOfEnoughAssociationsAndNeverAnAssociationsName() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("equipe.federale", DemoAccounts.PASSWORD);

        String html = web.get("/observatory/national?from=2026-03&to=2026-04").body();

        assertThat(html).contains("id=\"national-partnerships\"", "id=\"national-levels\"");
        String nord = html.substring(html.indexOf("data-region=\"T16-NORD\""));
        nord = nord.substring(0, nord.indexOf("</tr>"));
        long shown = new CellKeyPerturbation().publish(8, NationalPartnershipsTest.keys(secret, north));
        assertThat(nord).contains(">Région T16-NORD</th>", ">45 %</td>", ">" + shown + "</td>");
        assertThat(html).doesNotContain("Nord 1 ", "Nord discret");
        String occupancy = html.substring(html.indexOf("id=\"national-occupancy\""));
        // The region of two associations is in the filters' list, never in the table.
        assertThat(occupancy.substring(0, occupancy.indexOf("</table>"))).doesNotContain("T16-SUD");
        // The whole network's figure includes the demo associations' facts, if any: its row is there.
        assertThat(occupancy.substring(occupancy.indexOf("<tfoot>"), occupancy.indexOf("</tfoot>")))
                .contains("Ensemble du réseau");
    }
}
