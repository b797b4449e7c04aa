package fr.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoDataRunnerTest {

    @Test
    void refusesDemoDataInTheProductionProfile() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        assertThatThrownBy(() -> runner(true, environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("production profile");
    }

    @Test
    void isOnByDefaultOnlyWithTheEmbeddedDatabase() {
        assertThat(runner(null, new MockEnvironment()).enabled()).isTrue();
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/passerelle");
        assertThat(runner(null, external).enabled()).isFalse();
        assertThat(runner(false, new MockEnvironment()).enabled()).isFalse();
    }

    @Test
    void startsInProductionWhenNotAskedFor() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/p");
        environment.setActiveProfiles("prod");
        assertThat(runner(false, environment).enabled()).isFalse();
    }

    private static DemoDataRunner runner(Boolean enabled, MockEnvironment environment) {
        return new DemoDataRunner(new DemoProperties(enabled, true, 150, 0, 0), environment, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
