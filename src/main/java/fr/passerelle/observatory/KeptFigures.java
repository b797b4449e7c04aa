package fr.passerelle.observatory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An association's figures already computed, kept until a write reaches their period (ADR 0007
 * §10). Each is kept with the snapshot it was read under; it is served again while no change of
 * its association on or before its last day ({@code indicator_change}, written by triggers) was
 * made by a transaction that snapshot does not see. So a figure served again is exactly the
 * figure computed now would be, while the writes of today leave the figures of past periods
 * standing. Figures are also computed again after {@code passerelle.observatory.kept-figures-lifetime}
 * (ten minutes), which bounds how long the changes must be remembered.
 */
@Component
public class KeptFigures {

    /** Figures kept at most (emptied when full). */
    private static final int CAPACITY = 2_000;

    private record Kept(UUID organisation, LocalDate lastDay, String snapshot, long takenNanos, Object value) {}

    /** When a horizon was read, and the oldest transaction then running. */
    private record Horizon(long takenNanos, String xmin) {}

    private final JdbcClient jdbc;
    private final long lifetimeNanos;
    private final Map<Object, Kept> kept = new ConcurrentHashMap<>();
    private final Deque<Horizon> horizons = new ArrayDeque<>();

    KeptFigures(JdbcClient jdbc,
            @Value("${passerelle.observatory.kept-figures-lifetime:PT10M}") Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("passerelle.observatory.kept-figures-lifetime must be positive");
        }
        this.jdbc = jdbc;
        this.lifetimeNanos = lifetime.toNanos();
    }

    /**
     * The figures of {@code key} for the association, as kept or computed now. To be called inside
     * the transaction that reads the association's figures under its row-level security;
     * {@code lastDay} is the last day the figures count (the key must hold everything else they
     * depend on, today's date included).
     */
    @SuppressWarnings("unchecked")
    public <V> V get(UUID organisation, Object key, LocalDate lastDay, Supplier<V> compute) {
        Kept k = kept.get(key);
        long now = System.nanoTime();
        if (k != null && k.organisation().equals(organisation) && now - k.takenNanos() < lifetimeNanos
                && !changedSince(k)) {
            return (V) k.value();
        }
        // The snapshot is read first: the figures read after it see at least what it sees.
        String snapshot = jdbc.sql("select cast(pg_current_snapshot() as text)").query(String.class).single();
        V value = compute.get();
        if (kept.size() >= CAPACITY) {
            kept.clear();
        }
        kept.put(key, new Kept(organisation, lastDay, snapshot, now, value));
        return value;
    }

    /** Whether a transaction the figures' snapshot does not see changed their association up to their last day. */
    private boolean changedSince(Kept k) {
        return jdbc.sql("""
                        select exists (select 1 from indicator_change c
                                       where c.organisation_id = :org
                                         and c.xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                                         and c.changed_from <= :lastDay
                                         and not pg_visible_in_snapshot(c.xid, cast(:snapshot as pg_snapshot)))""")
                .param("org", k.organisation()).param("snapshot", k.snapshot()).param("lastDay", k.lastDay())
                .query(Boolean.class).single();
    }

    /**
     * Forgets the changes no kept figures can miss: those older than every transaction running
     * when figures that are now too old to be served were computed. Figures computed since then
     * see them; older ones are computed again.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public synchronized void forgetOldChanges() {
        String xmin = jdbc.sql("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)").query(String.class)
                .single();
        // Timed after the read: figures timed after it were read under a later snapshot.
        long now = System.nanoTime();
        horizons.addLast(new Horizon(now, xmin));
        Horizon horizon = null;
        while (!horizons.isEmpty() && now - horizons.peekFirst().takenNanos() >= lifetimeNanos) {
            horizon = horizons.removeFirst();
        }
        if (horizon != null) {
            jdbc.sql("select indicator_changes_forget(cast(:xmin as xid8))").param("xmin", horizon.xmin())
                    .query(Long.class).single();
        }
        kept.values().removeIf(k -> now - k.takenNanos() >= lifetimeNanos);
    }
}
