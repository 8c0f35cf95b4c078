package dev.tether.expressplay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Tether has seen of each ExpressPlay endpoint since start: calls, attempts (so retries),
 * and how calls ended. Fault-tolerance metrics say the same where the server exports them
 * (Open Liberty's /metrics); these counters are the same on every server, and
 * {@code dev.tether.operations.telemetry} exports them as OpenTelemetry instruments.
 */
@ApplicationScoped
public class ExpressPlayStats {

    /** The ExpressPlay endpoints Tether calls. */
    public enum Endpoint {
        /** FairPlay's token API (its name from before multi-DRM, kept for the operators' dashboards). */
        TOKEN,
        RECORDS,
        WIDEVINE_TOKEN,
        PLAYREADY_TOKEN
    }

    /** How a call through the gateway ended. */
    public enum Outcome {
        SUCCEEDED,
        REFUSED,
        /** HTTP 401: ExpressPlay rejected the customer authenticator, a configuration fault. */
        MISCONFIGURED,
        UNAVAILABLE,
        MISBEHAVED,
        TIMED_OUT,
        CIRCUIT_OPEN,
        BULKHEAD_FULL
    }

    private final Map<Endpoint, Counters> counters = new EnumMap<>(Endpoint.class);

    public ExpressPlayStats() {
        for (Endpoint endpoint : Endpoint.values()) {
            counters.put(endpoint, new Counters());
        }
    }

    void attempt(Endpoint endpoint) {
        counters.get(endpoint).attempts.incrementAndGet();
    }

    void started(Endpoint endpoint) {
        counters.get(endpoint).inFlight.incrementAndGet();
    }

    void finished(Endpoint endpoint) {
        counters.get(endpoint).inFlight.decrementAndGet();
    }

    void ended(Endpoint endpoint, Outcome outcome) {
        Counters c = counters.get(endpoint);
        c.calls.incrementAndGet();
        c.outcomes.get(outcome).incrementAndGet();
        c.lastOutcome = outcome;
        if (outcome == Outcome.CIRCUIT_OPEN) {
            c.lastCircuitOpen.set(Instant.now());
        }
    }

    /** The counters of every endpoint, as the operator's API shows them. */
    public Map<Endpoint, EndpointStats> snapshot() {
        Map<Endpoint, EndpointStats> snapshot = new EnumMap<>(Endpoint.class);
        counters.forEach((endpoint, c) -> {
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            c.outcomes.forEach((outcome, count) -> outcomes.put(outcome, count.get()));
            long calls = c.calls.get();
            long attempts = c.attempts.get();
            snapshot.put(
                    endpoint,
                    new EndpointStats(
                            calls,
                            attempts,
                            outcomes,
                            c.lastCircuitOpen.get(),
                            c.lastOutcome == Outcome.CIRCUIT_OPEN ? "OPEN" : "CLOSED"));
        });
        return snapshot;
    }

    /**
     * The calls through the gateway that have not ended, whether running, waiting for a bulkhead
     * slot or between retries: how much of the bulkhead (64 running, 64 waiting) is in use.
     */
    public int inFlight(Endpoint endpoint) {
        return counters.get(endpoint).inFlight.get();
    }

    /**
     * Whether the endpoint's last call was stopped by its open circuit: the circuit as calls see
     * it (open from the first rejected call until a call gets through again), without a vendor API.
     */
    public boolean circuitOpen(Endpoint endpoint) {
        return counters.get(endpoint).lastOutcome == Outcome.CIRCUIT_OPEN;
    }

    /**
     * One endpoint's counters. {@code attempts} counts the calls that left for ExpressPlay,
     * retries included, and excludes those the open circuit or the full bulkhead stopped.
     * {@code circuit} is the circuit as calls see it ({@link #circuitOpen}): OPEN or CLOSED.
     */
    public record EndpointStats(
            long calls,
            long attempts,
            Map<Outcome, Long> outcomes,
            Instant lastRejectedByOpenCircuit,
            String circuit) {}

    private static final class Counters {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong attempts = new AtomicLong();
        final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
        final AtomicReference<Instant> lastCircuitOpen = new AtomicReference<>();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile Outcome lastOutcome;

        Counters() {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new AtomicLong());
            }
        }
    }
}
