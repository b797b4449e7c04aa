package fr.passerelle.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.AuditLog.AuditEntry;
import fr.passerelle.shared.TenantPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Flood control of refused access: the first refusals of a user's window recorded, the rest counted. */
class RefusedAccessThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record User(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {}

    private final MovingClock clock = new MovingClock();
    private final List<AuditEntry> written = new ArrayList<>();
    private final RefusedAccessThrottle throttle =
            new RefusedAccessThrottle(written::add, clock, 20, Duration.ofMinutes(1), 100);
    private final User camille = new User(UUID.randomUUID(), UUID.randomUUID(), "Camille Martin");

    @Test
    void aBurstOfAHundredRefusalsRecordsTheFirstTwentyAndCountsTheRestWhenTheWindowIsOver() {
        long recorded = IntStream.range(0, 100).filter(i -> throttle.admit(camille)).count();
        assertThat(recorded).isEqualTo(20);
        assertThat(written).as("nothing summarised while the window runs").isEmpty();

        throttle.closeWindowsOverAt(T0.plusSeconds(59));
        assertThat(written).isEmpty();
        throttle.closeWindowsOverAt(T0.plusSeconds(60));
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("access.refused.unrecorded");
            assertThat(e.actorId()).isEqualTo(camille.userId());
            assertThat(e.organisationId()).isEqualTo(camille.organisationId());
            assertThat(e.details().get("count")).isEqualTo(80);
            assertThat(e.details().get("from")).isEqualTo(T0.toString());
        });
        throttle.closeWindowsOverAt(T0.plusSeconds(600));
        assertThat(written).as("a count is written once").hasSize(1);
    }

    @Test
    void theCountIsWrittenAtTheNextRecordedRefusalAfterTheWindowAndEachUserHasHisOwnWindow() {
        User other = new User(UUID.randomUUID(), camille.organisationId(), "Alex Durand");
        IntStream.range(0, 25).forEach(i -> throttle.admit(camille));
        assertThat(throttle.admit(other)).as("another user's refusals are not held back").isTrue();

        clock.now = T0.plusSeconds(61);
        assertThat(throttle.admit(camille)).as("a new window records again").isTrue();
        assertThat(written).singleElement().satisfies(e -> assertThat(e.details().get("count")).isEqualTo(5));
        clock.now = T0.plusSeconds(200);
        throttle.closeWindowsOverAt(clock.now);
        assertThat(written).as("windows without unrecorded refusals write nothing").hasSize(1);
    }
}
