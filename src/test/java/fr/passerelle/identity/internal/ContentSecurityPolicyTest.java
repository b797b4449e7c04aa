package fr.passerelle.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Content-Security-Policy allows images from the configured map tile server, and from no other. */
class ContentSecurityPolicyTest {

    @Test
    void imagesComeFromTheConfiguredTileHostOnly() {
        String csp = SecurityConfiguration.contentSecurityPolicy("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(csp).contains("img-src 'self' data: https://tile.openstreetmap.org;")
                .contains("script-src 'self';", "style-src 'self';").doesNotContain("https:;", "unsafe-inline");
    }

    @Test
    void aSubdomainPlaceholderBecomesAWildcardAndThePortIsKept() {
        assertThat(SecurityConfiguration.tileImageSource("https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.openstreetmap.fr");
        assertThat(SecurityConfiguration.tileImageSource("http://Tiles.Example.org:8080/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.example.org:8080");
        assertThat(SecurityConfiguration.tileImageSource("https://a.{s}.tiles.example.org/{z}/{x}/{y}"))
                .isEqualTo("https://*.tiles.example.org");
    }

    @Test
    void noTileServerOrTilesOnThisServerAddNothing() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("")).contains("img-src 'self' data:;");
        assertThat(SecurityConfiguration.contentSecurityPolicy(null)).contains("img-src 'self' data:;");
        assertThat(SecurityConfiguration.contentSecurityPolicy("/tiles/{z}/{x}/{y}.png")).contains("img-src 'self' data:;");
        assertThat(SecurityConfiguration.swaggerUiContentSecurityPolicy("https://tiles.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: https://tiles.example.org;", "style-src 'self' 'unsafe-inline';");
    }

    @Test
    void aWrongTileUrlStopsTheStartUp() {
        assertThatThrownBy(() -> SecurityConfiguration.tileImageSource("ftp://tiles.example.org/{z}/{x}/{y}.png"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("passerelle.map.tile-url");
        assertThatThrownBy(() -> SecurityConfiguration.tileImageSource("https://tiles.example.org; script-src *"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecurityConfiguration.tileImageSource("//tiles.example.org/{z}/{x}/{y}.png"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecurityConfiguration.tileImageSource("https://tiles.{s}/{z}/{x}/{y}.png"))
                .isInstanceOf(IllegalStateException.class);
    }
}
