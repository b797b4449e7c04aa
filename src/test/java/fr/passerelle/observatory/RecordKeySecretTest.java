package fr.passerelle.observatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The cell-key secret: required under prod, long enough, and what the database receives derived from it. */
class RecordKeySecretTest {

    @Test
    void productionRefusesToStartWithoutASecret() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new RecordKeySecret("", prod, null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PASSERELLE_OBSERVATORY_CELL_KEY_SECRET");
        assertThatThrownBy(() -> new RecordKeySecret("too short", prod, null, null))
                .hasMessageContaining("at least 16 bytes");
        assertThat(new RecordKeySecret("a production secret of some length", prod, null, null).derived()).hasSize(32);
    }

    @Test
    void elsewhereTheDevelopmentSecretKeepsTheSameKeysAcrossStarts() {
        MockEnvironment dev = new MockEnvironment();
        byte[] first = new RecordKeySecret("", dev, null, null).derived();
        assertThat(new RecordKeySecret(null, dev, null, null).derived()).isEqualTo(first)
                .isEqualTo(new RecordKeySecret(RecordKeySecret.DEVELOPMENT_SECRET, dev, null, null).derived());
        // The database receives a key derived from the secret, not the secret itself.
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(RecordKeySecret.DEVELOPMENT_SECRET);
        assertThat(new RecordKeySecret("another secret of some length", dev, null, null).derived()).isNotEqualTo(first);
    }

    @Test
    void thePlaceholderOfTheDeploymentGuideIsRefusedUnderEveryProfile() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        for (MockEnvironment environment : java.util.List.of(prod, new MockEnvironment())) {
            assertThatThrownBy(() -> new RecordKeySecret("change-me-observatory-cell-keys", environment, null, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PASSERELLE_OBSERVATORY_CELL_KEY_SECRET").hasMessageContaining("placeholder");
            assertThatThrownBy(() -> new RecordKeySecret("  CHANGE-ME and more text", environment, null, null))
                    .hasMessageContaining("placeholder");
        }
    }
}
