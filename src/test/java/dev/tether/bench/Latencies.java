package dev.tether.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latencies of one request kind in one measured window: every sample is kept (a few hundred
 * thousand longs at most), so percentiles are exact rather than bucketed.
 */
final class Latencies {

    private final String kind;
    private long[] nanos = new long[4096];
    private int count;
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;
    private final Latencies errorsTo;

    Latencies(String kind) {
        this(kind, null);
    }

    /** Latencies of a warm-up: the samples are dropped later, but errors count in {@code errorsTo}. */
    Latencies(String kind, Latencies errorsTo) {
        this.kind = kind;
        this.errorsTo = errorsTo;
    }

    String kind() {
        return kind;
    }

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    void error(String what) {
        if (errorsTo != null) {
            errorsTo.error("during warm-up: " + what);
            return;
        }
        if (errors.getAndIncrement() == 0) {
            firstError = what;
        }
    }

    long errors() {
        return errors.get();
    }

    String firstError() {
        return firstError;
    }

    synchronized int count() {
        return count;
    }

    /** The latency at quantile {@code q} (0..1], in milliseconds: the nearest-rank method. */
    synchronized double percentileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }
}
