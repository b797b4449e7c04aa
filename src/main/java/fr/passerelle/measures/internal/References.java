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
        return block(prefix, 1).get(0);
    }

    /** {@code count} consecutive references of a kind in one statement, within the caller's transaction. */
    public java.util.List<String> block(String prefix, int count) {
        if (count <= 0) {
            return java.util.List.of();
        }
        int year = LocalDate.now(clock.withZone(PARIS)).getYear();
        int last = jdbc.sql("""
                insert into reference_counter (organisation_id, kind, year, last_value) values (?, ?, ?, ?)
                on conflict (organisation_id, kind, year) do update set last_value = reference_counter.last_value + ?
                returning last_value""")
                .param(TenantContext.currentOrganisationId().orElseThrow())
                .param(prefix)
                .param(year)
                .param(count)
                .param(count)
                .query(Integer.class)
                .single();
        java.util.List<String> references = new java.util.ArrayList<>(count);
        for (int value = last - count + 1; value <= last; value++) {
            references.add(String.format("%s-%d-%06d", prefix, year, value));
        }
        return references;
    }
}
