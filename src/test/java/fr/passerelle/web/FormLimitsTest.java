package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.OwnerSql;
import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import fr.passerelle.shared.db.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server's own limits, as a user meets them over HTTP: a person's address of 5,000 characters
 * and a measure received in 1900 are refused on their form with the reason, and nothing is saved.
 */
@PasserelleIntegrationTest
class FormLimitsTest {

    private static final Pattern TYPE = Pattern.compile("name=\"measureTypeId\"[\\s\\S]*?<option value=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPostgresServer server;

    final String family = "Limitès" + ThreadLocalRandom.current().nextInt(1_000_000);

    @Test
    void anAddressOfFiveThousandCharactersIsRefusedOnTheFormAndNothingIsSaved() throws Exception {
        WebClient client = signedIn();
        HttpResponse<String> refused = client.post("/persons/new", "/persons", Map.of("lastName", family,
                "firstName", "Léa", "address", "12 rue des Lilas, 69003 Lyon ".repeat(180)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Texte trop long (300 caractères au plus).");
        assertThat(OwnerSql.of(server).sql("select count(*) from person where last_name = ?").param(family)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMeasureReceivedIn1900IsRefusedOnTheFormAndNothingIsSaved() throws Exception {
        WebClient client = signedIn();
        HttpResponse<String> created = client.post("/persons/new", "/persons", Map.of("lastName", family,
                "firstName", "Noé", "address", "3 place Bellecour, 69002 Lyon"));
        assertThat(created.statusCode()).isEqualTo(302);
        String person = java.net.URI.create(WebClient.location(created)).getPath();
        String form = client.get(person + "/measures/new").body();
        Matcher type = TYPE.matcher(form);
        assertThat(type.find()).isTrue();
        HttpResponse<String> refused = client.submit(form, person + "/measures", Map.of("measureTypeId", type.group(1),
                "courtCode", "TJ-LYON", "prescriberType", "PARQUET", "receivedOn", "1900-03-01"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Date de réception invraisemblable (avant le 01/01/1990) : vérifiez l’année.");
        assertThat(OwnerSql.of(server).sql("""
                select count(*) from measure m join person p on p.id = m.person_id where p.last_name = ?""")
                .param(family).query(Long.class).single()).isZero();
    }

    private WebClient signedIn() throws Exception {
        WebClient client = new WebClient(port);
        assertThat(client.signIn("intervenant", DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }
}
