package dev.tether.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's stream counters since it started (heartbeats, refusals over the limit,
 * stop-oldest endings) and the heartbeat rate of the last full minute (or longer, when heartbeats paused). The running leases are
 * counted in the database, across instances. In memory and per instance, like the circuit
 * statistics of ExpressPlay: a monitoring system sums the instances.
 */
@ApplicationScoped
public class StreamStats {

    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong stoppedOldest = new AtomicLong();
    private final AtomicLong minuteStart = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong thisMinute = new AtomicLong();
    private volatile double lastRate;

    void heartbeat() {
        heartbeats.incrementAndGet();
        roll(System.currentTimeMillis());
        thisMinute.incrementAndGet();
    }

    void refused() {
        refusals.incrementAndGet();
    }

    void stoppedOldest() {
        stoppedOldest.incrementAndGet();
    }

    public long heartbeats() {
        return heartbeats.get();
    }

    public long refusals() {
        return refusals.get();
    }

    public long stopOldestEndings() {
        return stoppedOldest.get();
    }

    /** Heartbeats per second over the last full minute. */
    public double heartbeatsPerSecond() {
        roll(System.currentTimeMillis());
        return lastRate;
    }

    private void roll(long nowMillis) {
        long start = minuteStart.get();
        long elapsed = nowMillis - start;
        if (elapsed >= MINUTE_MILLIS && minuteStart.compareAndSet(start, nowMillis)) {
            lastRate = thisMinute.getAndSet(0) * 1000.0 / elapsed;
        }
    }

    /** The figures of {@code GET /api/admin/streams/stats}. */
    public record View(
            long runningLeases, long heartbeats, double heartbeatsPerSecond, long refusals, long stopOldestEndings) {}
}
