package fr.passerelle.audit.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import fr.passerelle.audit.AuditLog;
import fr.passerelle.audit.AuditLog.AuditEntry;
import fr.passerelle.shared.TenantPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flood control of {@code access.refused}: each refusal costs an {@code audit_append} under the
 * installation-wide lock of the chain, so a user (or a script with their session or token) hammering
 * other associations' identifiers must not stall every write of the installation. Per user, the
 * first {@code passerelle.audit.refused-access.limit} refusals of a window of
 * {@code passerelle.audit.refused-access.window} are recorded one by one; the others only counted,
 * and one {@code access.refused.unrecorded} event (details: {@code count}, {@code from},
 * {@code until}) gives that count when the window is over — at the user's next recorded refusal or
 * at the latest at the next sweep. The windows are kept in this node's memory (bounded; a window
 * pushed out early gives its count at once): with several nodes, each lets the limit through, which
 * is enough to bound the flood; the count of refusals stays exact.
 */
@Component
public class RefusedAccessThrottle {

    /** Users followed at most at once. */
    private static final int CAPACITY = 10_000;

    private record Window(Instant start, UUID organisationId, String actorName, int recorded, int unrecorded) {}

    private final Cache<UUID, Window> windows;
    private final Consumer<AuditEntry> sink;
    private final Clock clock;
    private final int limit;
    private final Duration length;

    @Autowired
    RefusedAccessThrottle(AuditLog audit, Clock clock,
            @Value("${passerelle.audit.refused-access.limit:20}") int limit,
            @Value("${passerelle.audit.refused-access.window:PT1M}") Duration length) {
        this(audit::append, clock, limit, length, CAPACITY);
    }

    RefusedAccessThrottle(Consumer<AuditEntry> sink, Clock clock, int limit, Duration length, int capacity) {
        if (limit < 1 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("passerelle.audit.refused-access: limit >= 1 and a positive window");
        }
        this.sink = sink;
        this.clock = clock;
        this.limit = limit;
        this.length = length;
        this.windows = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run)
                .removalListener((UUID user, Window w, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && user != null && w != null) {
                        summarise(user, w);
                    }
                })
                .build();
    }

    /**
     * Whether this refusal of the user is to be recorded on its own. When it opens a new window
     * after one that left refusals unrecorded, their count is written first.
     */
    public boolean admit(TenantPrincipal user) {
        Instant now = clock.instant();
        Window[] ended = new Window[1];
        boolean[] record = new boolean[1];
        windows.asMap().compute(user.userId(), (id, w) -> {
            if (w == null || isOver(w, now)) {
                ended[0] = w;
                record[0] = true;
                return new Window(now, user.organisationId(), user.displayName(), 1, 0);
            }
            record[0] = w.recorded() < limit;
            return record[0]
                    ? new Window(w.start(), w.organisationId(), w.actorName(), w.recorded() + 1, w.unrecorded())
                    : new Window(w.start(), w.organisationId(), w.actorName(), w.recorded(), w.unrecorded() + 1);
        });
        if (ended[0] != null) {
            summarise(user.userId(), ended[0]);
        }
        return record[0];
    }

    @Scheduled(fixedDelayString = "${passerelle.audit.refused-access.window:PT1M}")
    void sweep() {
        closeWindowsOverAt(clock.instant());
    }

    /** Forgets the windows over at {@code now}, writing the count of those that left refusals unrecorded. */
    public void closeWindowsOverAt(Instant now) {
        List<Map.Entry<UUID, Window>> over = new ArrayList<>();
        for (UUID user : List.copyOf(windows.asMap().keySet())) {
            windows.asMap().computeIfPresent(user, (id, w) -> {
                if (!isOver(w, now)) {
                    return w;
                }
                over.add(Map.entry(id, w));
                return null;
            });
        }
        over.forEach(e -> summarise(e.getKey(), e.getValue()));
    }

    private boolean isOver(Window w, Instant now) {
        return !now.isBefore(w.start().plus(length));
    }

    private void summarise(UUID user, Window w) {
        if (w.unrecorded() > 0) {
            sink.accept(new AuditEntry(w.organisationId(), user, w.actorName(), "access.refused.unrecorded", "user",
                    user.toString(), Map.of("count", w.unrecorded(), "from", w.start().toString(),
                            "until", w.start().plus(length).toString())));
        }
    }
}
