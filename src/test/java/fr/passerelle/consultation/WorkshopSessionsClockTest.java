package fr.passerelle.consultation;

import fr.passerelle.TestDates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.shared.FieldRefusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Whether a session's date is still to come is judged by the application's clock, not the machine's. */
class WorkshopSessionsClockTest {

    /** 1 June 2040, 10:00 UTC (12:00 in Paris). */
    private static final Clock JUNE_2040 = Clock.fixed(Instant.parse("2040-06-01T10:00:00Z"), ZoneOffset.UTC);

    private final WorkshopSessions sessions = new WorkshopSessions(null, null, null, null, JUNE_2040);

    @Test
    void aDateBeforeTheClocksNowIsRefusedEvenIfTheMachineThinksItIsToCome() {
        LocalDateTime mayOf2040 = LocalDateTime.of(2040, 5, 31, 18, 0);
        assertThat(mayOf2040).isAfter(LocalDateTime.now(TestDates.PARIS));
        assertThatThrownBy(() -> sessions.plan(java.util.UUID.randomUUID(), new WorkshopSessions.Plan("Atelier", mayOf2040,
                "Lyon", 10))).isInstanceOfSatisfying(FieldRefusal.class, r -> assertThat(r.field()).isEqualTo("startsAt"));
        // 11:30 in Paris is 09:30 UTC: already past at the clock's 10:00 UTC.
        assertThatThrownBy(() -> sessions.plan(java.util.UUID.randomUUID(), new WorkshopSessions.Plan("Atelier",
                LocalDateTime.of(2040, 6, 1, 11, 30), "Lyon", 10))).isInstanceOf(FieldRefusal.class);
    }
}
