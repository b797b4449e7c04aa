package fr.passerelle.measures.internal;

import fr.passerelle.shared.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Human references per organisation and year: {@code P-2026-000123} for persons, {@code M-…} for measures. */
@Component
public class References {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final Clock clock;

    References(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next reference of a kind, within the caller's transaction (the counter row is locked until commit). */
    public String next(String prefix) {
        int year = LocalDate.now(clock.withZone(PARIS)).getYear();
        int value = jdbc.sql("""
                insert into reference_counter (organisation_id, kind, year, last_value) values (?, ?, ?, 1)
                on conflict (organisation_id, kind, year) do update set last_value = reference_counter.last_value + 1
                returning last_value""")
                .param(TenantContext.currentOrganisationId().orElseThrow())
                .param(prefix)
                .param(year)
                .query(Integer.class)
                .single();
        return String.format("%s-%d-%06d", prefix, year, value);
    }
}
