package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.PasserelleIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The front-end libraries are served from WebJars (version-agnostic paths), with the security headers. */
@PasserelleIntegrationTest
class StaticAssetsTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js",
            "/webjars/echarts/echarts.min.js", "/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css",
            "/css/passerelle.css", "/js/passerelle.js", "/js/offer-map.js"})
    void servesTheAssetToAnyone(String path) throws Exception {
        HttpResponse<String> response = new WebClient(port).get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> response = new WebClient(port).get("/login");
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain(" style=\"").doesNotContain("onclick=");
    }

    @Test
    void unknownPagesGetTheFriendlyPageInFrench() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("directrice", fr.passerelle.demo.DemoAccounts.PASSWORD);
        HttpResponse<String> response = web.get("/cette-page-n-existe-pas");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable").contains("Référence de l’incident")
                .doesNotContain("Exception", "Whitelabel");
        HttpResponse<String> forbidden = web.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Accès refusé");
    }
}
