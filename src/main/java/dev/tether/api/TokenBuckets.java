package dev.tether.api;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a user or a client address), one per key and instance: each holds up to
 * {@code perMinute} requests and refills at {@code perMinute} a minute, so a client may burst its
 * whole minute at once and then goes at the steady rate. A refusal reports how long until the next
 * request would pass, and whether it is the first of its window (the one the audit trail records).
 * Idle keys are forgotten once the map holds {@code maxKeys}, so that a stream of new addresses
 * cannot grow it without bound.
 */
final class TokenBuckets {

    /** A refusal: seconds until the next request passes, and whether it opens a refused window. */
    record Refusal(long retryAfterSeconds, boolean firstOfWindow) {}

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int perMinute;
    private final long windowNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perMinute, long windowNanos, int maxKeys, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.perMinute = perMinute;
        this.windowNanos = windowNanos;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one request from {@code key}'s bucket: empty if it passes, else the refusal. */
    Optional<Refusal> take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxKeys) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        return bucket.take(now);
    }

    int keys() {
        return buckets.size();
    }

    private final class Bucket {

        /** Requests available now; fractional, as the refill is continuous. */
        private double tokens;

        private long refilledAt;
        private OptionalLong refusedWindowStart = OptionalLong.empty();

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized Optional<Refusal> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            boolean first = refusedWindowStart.isEmpty() || now - refusedWindowStart.getAsLong() >= windowNanos;
            if (first) {
                refusedWindowStart = OptionalLong.of(now);
            }
            double nanosPerToken = (double) NANOS_PER_MINUTE / perMinute;
            long waitNanos = (long) Math.ceil((1 - tokens) * nanosPerToken);
            return Optional.of(new Refusal(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L), first));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= perMinute;
        }

        private void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(perMinute, tokens + (double) elapsed * perMinute / NANOS_PER_MINUTE);
                refilledAt = now;
            }
        }
    }
}
