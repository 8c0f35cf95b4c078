package dev.simulator.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The faults injected into the simulated ExpressPlay, and how many calls each endpoint received. */
@ApplicationScoped
public class FaultInjector {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<SimulatedEndpoint, AtomicLong> calls = new EnumMap<>(SimulatedEndpoint.class);
    private final Map<SimulatedEndpoint, AtomicInteger> inFlight = new EnumMap<>(SimulatedEndpoint.class);
    private final Map<SimulatedEndpoint, AtomicInteger> maxInFlight = new EnumMap<>(SimulatedEndpoint.class);

    public FaultInjector() {
        for (SimulatedEndpoint endpoint : SimulatedEndpoint.values()) {
            calls.put(endpoint, new AtomicLong());
            inFlight.put(endpoint, new AtomicInteger());
            maxInFlight.put(endpoint, new AtomicInteger());
        }
    }

    Fault add(FaultRequest spec) {
        Fault fault = new Fault(spec);
        faults.add(fault);
        return fault;
    }

    /** Clears the faults and the high-water marks of concurrent calls; the call counters keep counting. */
    void reset() {
        faults.clear();
        maxInFlight.values().forEach(max -> max.set(0));
    }

    /** The most calls each endpoint has been serving at once since the last reset. */
    Map<SimulatedEndpoint, Integer> maxConcurrentCalls() {
        Map<SimulatedEndpoint, Integer> max = new EnumMap<>(SimulatedEndpoint.class);
        maxInFlight.forEach((endpoint, value) -> max.put(endpoint, value.get()));
        return max;
    }

    void finished(SimulatedEndpoint endpoint) {
        inFlight.get(endpoint).decrementAndGet();
    }

    List<FaultView> faults() {
        return faults.stream().map(Fault::view).toList();
    }

    Map<SimulatedEndpoint, Long> calls() {
        Map<SimulatedEndpoint, Long> counts = new EnumMap<>(SimulatedEndpoint.class);
        calls.forEach((endpoint, count) -> counts.put(endpoint, count.get()));
        return counts;
    }

    /**
     * How long the redemption being logged at {@code endpoint} is kept out of record retrieval:
     * the longest of the {@link FaultKind#HOLD_BACK} faults that hit it, or none.
     */
    Duration holdBack(SimulatedEndpoint endpoint) {
        Duration held = Duration.ZERO;
        for (Fault fault : faults) {
            if (fault.spec().endpoint() == endpoint && fault.spec().kind() == FaultKind.HOLD_BACK && fault.hits()) {
                Duration delay = Duration.ofMillis(fault.spec().latencyMs());
                held = delay.compareTo(held) > 0 ? delay : held;
            }
        }
        return held;
    }

    /**
     * Counts a call to {@code endpoint} (until {@link #finished}), and returns the faults that hit it, in the order they were
     * injected: latency first, if any, then at most one failure.
     */
    List<FaultRequest> onCall(SimulatedEndpoint endpoint) {
        calls.get(endpoint).incrementAndGet();
        int now = inFlight.get(endpoint).incrementAndGet();
        maxInFlight.get(endpoint).accumulateAndGet(now, Math::max);
        List<FaultRequest> hits = new ArrayList<>(2);
        boolean failed = false;
        for (Fault fault : faults) {
            if (fault.spec().endpoint() != endpoint) {
                continue;
            }
            if (fault.spec().kind() == FaultKind.HOLD_BACK) {
                // Applied when a redemption is logged (holdBack), not to the call.
                continue;
            }
            boolean latency = fault.spec().kind() == FaultKind.LATENCY;
            if ((latency || !failed) && fault.hits()) {
                hits.add(fault.spec());
                failed |= !latency;
            }
        }
        hits.sort((a, b) -> Boolean.compare(b.kind() == FaultKind.LATENCY, a.kind() == FaultKind.LATENCY));
        return hits;
    }
}
