package fr.passerelle.observatory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Figures already computed, kept until a write reaches their period (ADR 0007 §9 and §10): an
 * association's dashboard figures, and the national observatory's. Each is kept with the snapshot
 * it was read under; it is served again while no change that reaches it was made by a transaction
 * that snapshot does not see. For an association: a row of that association on or before its last
 * day in the measures' journal ({@code measures_change_v}), or of that association in the
 * identity's ({@code identity_change_v}: a user's service); nationally: a row of {@code obs_change}
 * for one of its months, or any row of the registry's or the courts' and catalogue's journals
 * ({@code identity_change_v} without association, {@code network_change_v}). Each journal is kept
 * by triggers of the module owning the tables it follows and published as a view (ADR 0010). So a figure served again is exactly the figure computed
 * now would be, while the writes of today leave the figures of past periods standing. Figures are
 * also computed again after {@code passerelle.observatory.kept-figures-lifetime} (ten minutes),
 * which bounds how long the changes must be remembered.
 */
@Component
public class KeptFigures {

    /** Figures kept at most (the least used go first). */
    private static final int CAPACITY = 4_000;

    /** Figures, with the query that tells whether a change reached them since their snapshot, and its parameters. */
    private record Kept(String changedSql, Map<String, Object> params, String snapshot, long takenNanos,
            Object value) {}

    private static final String ASSOCIATION_CHANGED = """
            select exists (select 1 from measures_change_v c
                           where c.organisation_id = :org
                             and c.xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                             and c.changed_from <= :lastDay
                             and not pg_visible_in_snapshot(c.xid, cast(:snapshot as pg_snapshot)))
                or exists (select 1 from identity_change_v c
                           where c.organisation_id = :org
                             and c.xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                             and not pg_visible_in_snapshot(c.xid, cast(:snapshot as pg_snapshot)))""";

    private static final String NATIONAL_CHANGED = """
            select exists (select 1 from obs_change c
                           where c.xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                             and (c.month between :from and :to or c.month = '-infinity')
                             and not pg_visible_in_snapshot(c.xid, cast(:snapshot as pg_snapshot)))
                or exists (select 1 from identity_change_v c
                           where c.organisation_id is null
                             and c.xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                             and not pg_visible_in_snapshot(c.xid, cast(:snapshot as pg_snapshot)))
                or exists (select 1 from network_change_v c
                           where c.xid >= pg_snapshot_xmin(cast(:snapshot as pg_snapshot))
                             and not pg_visible_in_snapshot(c.xid, cast(:snapshot as pg_snapshot)))""";

    /** Keys of the two kinds of figures, apart. */
    private record AssociationKey(UUID organisation, Object key) {}

    private record NationalKey(Object key) {}

    /** When a horizon was read, and the oldest transaction then running. */
    private record Horizon(long takenNanos, String xmin) {}

    private final JdbcClient jdbc;
    private final long lifetimeNanos;
    private final Cache<Object, Kept> kept;
    private final Deque<Horizon> horizons = new ArrayDeque<>();

    KeptFigures(JdbcClient jdbc,
            @Value("${passerelle.observatory.kept-figures-lifetime:PT10M}") Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("passerelle.observatory.kept-figures-lifetime must be positive");
        }
        this.jdbc = jdbc;
        this.lifetimeNanos = lifetime.toNanos();
        this.kept = Caffeine.newBuilder().maximumSize(CAPACITY).expireAfterWrite(lifetime).build();
    }

    /**
     * The figures of {@code key} for the association, as kept or computed now. To be called inside
     * the transaction that reads the association's figures under its row-level security;
     * {@code lastDay} is the last day the figures count (the key must hold everything else they
     * depend on, today's date included).
     */
    public <V> V association(UUID organisation, Object key, LocalDate lastDay, Supplier<V> compute) {
        return get(new AssociationKey(organisation, key), ASSOCIATION_CHANGED,
                Map.of("org", organisation, "lastDay", lastDay), compute);
    }

    /**
     * The national figures of {@code key}, counted from the aggregates of the months [from, to],
     * as kept or computed now; to be called inside the transaction that reads them, under the
     * observatory role.
     */
    public <V> V national(Object key, YearMonth from, YearMonth to, Supplier<V> compute) {
        return get(new NationalKey(key), NATIONAL_CHANGED, Map.of("from", from.atDay(1), "to", to.atDay(1)), compute);
    }

    @SuppressWarnings("unchecked")
    private <V> V get(Object key, String changedSql, Map<String, Object> params, Supplier<V> compute) {
        Kept k = kept.getIfPresent(key);
        long now = System.nanoTime();
        if (k != null && k.params().equals(params) && now - k.takenNanos() < lifetimeNanos
                && !jdbc.sql(changedSql).params(k.params()).param("snapshot", k.snapshot()).query(Boolean.class)
                        .single()) {
            return (V) k.value();
        }
        // The snapshot is read first: the figures read after it see at least what it sees.
        String snapshot = jdbc.sql("select cast(pg_current_snapshot() as text)").query(String.class).single();
        V value = compute.get();
        kept.put(key, new Kept(changedSql, params, snapshot, now, value));
        return value;
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
            jdbc.sql("select kept_figures_forget(cast(:xmin as xid8))").param("xmin", horizon.xmin())
                    .query(Long.class).single();
        }
    }
}
