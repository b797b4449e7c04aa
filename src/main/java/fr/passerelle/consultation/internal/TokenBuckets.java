package fr.passerelle.consultation.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key: {@code burst} tokens, refilled at {@code perSecond}. Keys
 * idle long enough to be full again are dropped when the map grows, so memory stays bounded by
 * the active keys.
 */
public final class TokenBuckets<K> {

    private final double perSecond;
    private final double burst;
    private final int sweepAbove;
    private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, int sweepAbove) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.sweepAbove = sweepAbove;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** Takes one token for the key at time {@code nanos}; false when the bucket is empty. */
    public boolean take(K key, long nanos) {
        if (buckets.size() > sweepAbove) {
            sweep(nanos);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanos));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nanos - b.at) / 1e9 * perSecond);
            b.at = nanos;
            if (b.tokens < 1) {
                return false;
            }
            b.tokens -= 1;
            return true;
        }
    }

    private void sweep(long nanos) {
        long full = (long) (burst / perSecond * 1e9);
        buckets.entrySet().removeIf(e -> nanos - e.getValue().at > full);
    }
}
