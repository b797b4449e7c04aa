package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import fr.passerelle.demo.DemoAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * htmx asks again for a page the user goes back to (it keeps no snapshot of pages) and puts the
 * answer in place of the whole page: that answer is the full page with its layout, not the
 * fragment an htmx search gets.
 */
@PasserelleIntegrationTest
class HtmxHistoryRestoreTest {

    @LocalServerPort
    int port;

    @Test
    void aHistoryRestoreRequestGetsTheFullPageWhereAnHtmxSearchGetsTheFragment() throws Exception {
        WebClient client = new WebClient(port);
        assertThat(client.signIn("intervenant", DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> search = client.send("/persons?q=martin", r -> r.header("HX-Request", "true"));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("id=\"results\"").doesNotContain("id=\"main-nav\"").doesNotContain("<html");

        HttpResponse<String> restore = client.send("/persons?q=martin", r -> r.header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true"));
        assertThat(restore.statusCode()).isEqualTo(200);
        assertThat(restore.body()).contains("<html").contains("id=\"main-nav\"").contains("id=\"results\"")
                .contains("name=\"htmx-config\"");
    }

    @Test
    void pagesTellHtmxToKeepNoSnapshotOfThemInTheBrowsersStorage() throws Exception {
        WebClient client = new WebClient(port);
        assertThat(client.signIn("intervenant", DemoAccounts.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(client.get("/persons").body()).contains("\"historyCacheSize\": 0");
    }
}
