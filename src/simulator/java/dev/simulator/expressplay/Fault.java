package dev.simulator.expressplay;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** An injected fault and how much of it is left. */
final class Fault {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final FaultRequest spec;
    private final AtomicInteger remaining;
    private final AtomicInteger applied = new AtomicInteger();

    Fault(FaultRequest spec) {
        this.spec = spec;
        this.remaining = new AtomicInteger(spec.count() == null ? -1 : spec.count());
    }

    /** Whether this call is hit: consumes one of the next N, or draws against the fraction. */
    boolean hits() {
        boolean hit;
        if (spec.count() != null) {
            hit = remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        } else {
            hit = ThreadLocalRandom.current().nextDouble() < spec.fraction();
        }
        if (hit) {
            applied.incrementAndGet();
        }
        return hit;
    }

    FaultRequest spec() {
        return spec;
    }

    FaultView view() {
        return new FaultView(
                id,
                spec.endpoint(),
                spec.kind(),
                spec.count(),
                spec.fraction(),
                spec.latencyMs(),
                spec.status(),
                spec.errorCode(),
                spec.count() == null ? null : remaining.get(),
                applied.get());
    }
}
